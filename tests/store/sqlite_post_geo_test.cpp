// The SQLite spatial index of posts (store/sqlite/post_geo.hpp): the R*Tree
// is what near-queries walk, it holds exactly what posts hold, and the
// migration fills it for posts written before it.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "store/sqlite/migrations.hpp"
#include "store/sqlite/post_geo.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::store::sqlite {
namespace {

class TempFolder final : public ::testing::Environment {
 public:
  static const std::filesystem::path& path() {
    static const std::filesystem::path folder =
        std::filesystem::temp_directory_path() /
        ("gapfill-post-geo-tests-" + std::to_string(::getpid()));
    return folder;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(path(), ignored);
  }
};
const auto* const kTempFolder = ::testing::AddGlobalTestEnvironment(new TempFolder);

std::string new_file() {
  static std::mt19937_64 random(std::random_device{}());
  std::filesystem::create_directories(TempFolder::path());
  return (TempFolder::path() / ("geo-" + std::to_string(random()) + ".db")).string();
}

std::unique_ptr<Store> open_migrated(const std::string& path) {
  static const auto cipher = std::make_shared<const FieldCipher>(
      *FieldCipher::create({{1, FieldCipher::random_key()}}, 1));
  SqliteOptions options;
  options.path = path;
  options.cipher = cipher;
  auto store = open_sqlite_store(options);
  if (!store || !(*store)->migrate()) return nullptr;
  return std::move(*store);
}

// A raw connection for what the Store interface does not show.
class Raw {
 public:
  explicit Raw(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~Raw() { sqlite3_close(db_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;
  // Every row's columns joined by '|', rows by '\n'.
  std::string query(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      return std::string("error: ") + sqlite3_errmsg(db_);
    }
    std::string out;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        if (i > 0) out += "|";
        const auto* text = sqlite3_column_text(statement, i);
        out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
      }
      out += "\n";
    }
    sqlite3_finalize(statement);
    return out;
  }
  int exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_ = nullptr;
};

NetworkId add_network(Store& store, const std::string& slug) {
  Network network;
  network.slug = slug;
  network.name = slug;
  network.area = {{46.87, -113.99}, 40};
  network.languages = {"en"};
  network.timezone = "America/Denver";
  network.created_at = 1790000000;
  NetworkId id = 0;
  EXPECT_TRUE(store.write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.networks().insert(network, {{"food", 0, {{"en", "Food"}}}}));
    return {};
  }));
  return id;
}

PostId add_post(Store& store, NetworkId network, geo::Point point, PostStatus status) {
  Post post;
  post.network_id = network;
  post.category = "food";
  post.title = "Soup";
  post.point = point;
  post.status = status;
  post.created_at = post.updated_at = post.waiting_since = 1790000000;
  post.manage_token_hash = std::string(64, 'b');
  PostId id = 0;
  EXPECT_TRUE(store.write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.posts().insert(post));
    return {};
  }));
  return id;
}

// Posts whose index entry differs from the post (or is missing), and index
// entries with no post: both must be empty.
constexpr const char* kOutOfStep =
    "SELECT p.id FROM posts p LEFT JOIN post_geo g ON g.id = p.id"
    " WHERE g.id IS NULL OR g.lat IS NOT p.lat OR g.lon IS NOT p.lon"
    " OR g.network_id IS NOT p.network_id OR g.kind IS NOT p.kind"
    " OR g.category IS NOT p.category OR g.urgency IS NOT p.urgency"
    " OR g.hidden IS NOT (p.hidden_at IS NOT NULL)"
    " OR g.status IS NOT CASE p.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1"
    "   WHEN 'fulfilled' THEN 2 ELSE 3 END"
    " OR g.min_lat > p.lat OR g.max_lat < p.lat OR g.min_lon > p.lon OR g.max_lon < p.lon"
    " OR g.min_network > p.network_id OR g.max_network < p.network_id"
    " OR g.min_status <> g.status + 4 * g.hidden OR g.max_status <> g.status + 4 * g.hidden + 0.5"
    " OR g.min_kind <> (p.kind = 'offer') OR g.max_kind <> (p.kind = 'offer') + 0.5"
    " OR g.min_network <> p.network_id OR g.max_network <> p.network_id + 0.5"
    " UNION ALL SELECT g.id FROM post_geo g WHERE g.id NOT IN (SELECT id FROM posts)";

TEST(SqlitePostGeo, NearQueriesWalkTheRTreeAndReadOnlyThePagesPostsByKey) {
  const std::string path = new_file();
  ASSERT_NE(open_migrated(path), nullptr);
  Raw raw(path);
  PostFilter every;
  every.network_id = 1;
  every.kind = PostKind::kRequest;
  every.category = "food";
  every.urgency = Urgency::kToday;
  every.statuses = {PostStatus::kFulfilled, PostStatus::kClosed};
  every.visibility = PostFilter::Visibility::kPublic;
  PostFilter listing;  // what a public near listing asks
  listing.network_id = 1;
  listing.kind = PostKind::kRequest;
  listing.statuses = {PostStatus::kFulfilled};
  listing.visibility = PostFilter::Visibility::kPublic;
  for (const PostFilter& filter : {every, listing, PostFilter{}}) {
    for (GeoRead read : {GeoRead::kTree, GeoRead::kExact}) {
      const std::string plan = raw.query("EXPLAIN QUERY PLAN " + post_geo_box_sql(filter, read));
      EXPECT_NE(plan.find("SCAN post_geo VIRTUAL TABLE INDEX 2:"), std::string::npos) << plan;
      EXPECT_EQ(plan.find("posts"), std::string::npos) << plan;
    }
  }
  // The tree is asked with its dimensions, not only its auxiliary columns:
  // 2 is R*Tree's "constraints" plan, and each Bn/Dn a bound on a coordinate
  // (point, network, status, kind).
  const std::string plan =
      raw.query("EXPLAIN QUERY PLAN " + post_geo_box_sql(every, GeoRead::kTree));
  for (const char* bound : {"B0", "D1", "B2", "D3", "B4", "D5", "B6", "D7", "B8", "D9"}) {
    EXPECT_NE(plan.find(bound), std::string::npos) << bound << " in " << plan;
  }
  // A listing's query reads the tree's nodes alone: no auxiliary column.
  const std::string sql = post_geo_box_sql(listing, GeoRead::kTree);
  for (const char* aux : {" lat", " lon", "network_id", "status IN", "kind =", "hidden"}) {
    EXPECT_EQ(sql.find(aux), std::string::npos) << aux << " in " << sql;
  }
  // The page's posts are read by their key.
  const std::string find = raw.query("EXPLAIN QUERY PLAN SELECT title FROM posts WHERE id = 1");
  EXPECT_NE(find.find("USING INTEGER PRIMARY KEY"), std::string::npos) << find;
}

TEST(SqlitePostGeo, TheIndexHoldsExactlyWhatPostsHoldAfterEveryKindOfWrite) {
  const std::string path = new_file();
  auto store = open_migrated(path);
  ASSERT_NE(store, nullptr);
  const NetworkId network = add_network(*store, "riverside");
  const NetworkId other = add_network(*store, "hillside");
  std::vector<PostId> ids;
  for (int i = 0; i < 20; ++i) {
    ids.push_back(add_post(*store, i % 2 == 0 ? network : other,
                           {46.8 + i * 0.01, -114.0 + i * 0.013},
                           i % 3 == 0 ? PostStatus::kMatched : PostStatus::kOpen));
  }
  ASSERT_TRUE(store->write([&](Transaction& transaction) -> Status {
    Post moved = TRY(transaction.posts().find_for_update(ids[0]));
    moved.point = {-16.8, 179.99};
    moved.status = PostStatus::kFulfilled;
    moved.urgency = Urgency::kToday;
    moved.kind = PostKind::kOffer;
    TRY_STATUS(transaction.posts().update(moved));
    TRY_STATUS(transaction.posts().set_hidden(ids[1], Hidden{1790000000, ModerationReason::kSpam}));
    TRY_STATUS(transaction.posts().set_hidden(ids[2], Hidden{1790000000, ModerationReason::kSpam}));
    TRY_STATUS(transaction.posts().set_hidden(ids[2], std::nullopt));
    TRY_STATUS(transaction.posts().erase_personal_data(ids[3], 1790000001));
    Post closed = TRY(transaction.posts().find_for_update(ids[4]));
    closed.status = PostStatus::kClosed;
    closed.close_reason = CloseReason::kWithdrawn;
    return transaction.posts().update(closed);
  }));
  Raw raw(path);
  EXPECT_EQ(raw.query(kOutOfStep), "");
  EXPECT_EQ(raw.query("SELECT count(*) FROM post_geo"), "20\n");
  EXPECT_EQ(raw.query("SELECT status, kind, urgency, hidden FROM post_geo WHERE id = " +
                      std::to_string(ids[0])),
            "2|offer|today|0\n");
  EXPECT_EQ(raw.query("SELECT hidden FROM post_geo WHERE id IN (" + std::to_string(ids[1]) + ", " +
                      std::to_string(ids[2]) + ") ORDER BY id"),
            "1\n0\n");
  // A post deleted by hand (no code path does) leaves the index too.
  ASSERT_EQ(
      raw.exec("PRAGMA foreign_keys = OFF; DELETE FROM posts WHERE id = " + std::to_string(ids[5])),
      SQLITE_OK);
  EXPECT_EQ(raw.query(kOutOfStep), "");
  EXPECT_EQ(raw.query("SELECT count(*) FROM post_geo"), "19\n");
}

TEST(SqlitePostGeo, TheMigrationFillsTheIndexForPostsWrittenBeforeIt) {
  const std::string path = new_file();
  {
    auto store = open_migrated(path);
    ASSERT_NE(store, nullptr);
    const NetworkId network = add_network(*store, "riverside");
    add_post(*store, network, {46.87, -113.99}, PostStatus::kOpen);
    add_post(*store, network, {46.88, -113.98}, PostStatus::kClosed);
    add_post(*store, network, {-16.8, -179.99}, PostStatus::kFulfilled);
  }
  // Back to the schema before the index (no table, no triggers), then its
  // migration, found by what it creates so that renumbering cannot move it.
  std::string migration;
  for (std::string_view text : migrations()) {
    if (text.find("CREATE VIRTUAL TABLE post_geo") != std::string_view::npos) migration = text;
  }
  ASSERT_FALSE(migration.empty());
  Raw raw(path);
  ASSERT_EQ(raw.exec("DROP TRIGGER post_geo_insert; DROP TRIGGER post_geo_update;"
                     " DROP TRIGGER post_geo_delete; DROP TABLE post_geo;"),
            SQLITE_OK);
  ASSERT_EQ(raw.query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'post_geo%'"), "0\n");
  ASSERT_EQ(raw.exec("BEGIN; " + migration + "; COMMIT;"), SQLITE_OK);
  EXPECT_EQ(raw.query("SELECT count(*) FROM post_geo"), "3\n");
  EXPECT_EQ(raw.query(kOutOfStep), "");
}

}  // namespace
}  // namespace gapfill::store::sqlite
