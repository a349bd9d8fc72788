// copy_database (store/copy.hpp): a SQLite database into an empty PostgreSQL
// one, verified, all or nothing.

#include "store/copy.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <vector>

#include "domain/demo.hpp"
#include "store/postgres/database.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/postgres_test_db.hpp"

namespace gapfill::store {
namespace {

const FieldCipher& cipher() {
  static const FieldCipher keyring = *FieldCipher::create({{1, FieldCipher::random_key()}}, 1);
  return keyring;
}

// A SQLite file in a folder of its own, removed with the fixture.
class CopyDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::mt19937_64 random(std::random_device{}());
    folder_ = std::filesystem::temp_directory_path() /
              ("gapfill-copy-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "source.db").string();
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  std::unique_ptr<Store> open_source() {
    SqliteOptions options;
    options.path = path_;
    options.cipher = std::make_shared<const FieldCipher>(cipher());
    auto store = open_sqlite_store(options);
    EXPECT_TRUE(store && (*store)->migrate());
    return store ? std::move(*store) : nullptr;
  }

  std::unique_ptr<Store> open_target() {
    PostgresOptions options;
    options.url = target_.url();
    options.cipher = std::make_shared<const FieldCipher>(cipher());
    auto store = open_postgres_store(options);
    EXPECT_TRUE(store && (*store)->migrate());
    return store ? std::move(*store) : nullptr;
  }

  // Runs SQL on the source file directly, as an older Gapfill left it.
  void on_source(const std::string& sql) {
    auto db = sqlite::Database::open(path_, 1024);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->exec(sql)) << sql;
  }

  std::int64_t target_count(const std::string& table) {
    auto db = postgres::Database::open(target_.url());
    if (!db) {
      ADD_FAILURE() << db.error().message;
      return -1;
    }
    auto count = (*db)->prepare("SELECT count(*) FROM " + table);
    if (!count) {
      ADD_FAILURE() << count.error().message;
      return -1;
    }
    const auto row = count->step();
    EXPECT_TRUE(row && *row);
    return count->int64(0);
  }

  Result<CopySummary> copy(std::vector<CopyProgress>* seen = nullptr) {
    return copy_database(path_, target_.url(), cipher(), [&](const CopyProgress& progress) {
      if (seen != nullptr) seen->push_back(progress);
    });
  }

  // The demo network, and what older databases hold: plaintext from before
  // sealing (a phone, an account's e-mail without its lookup), a removed
  // account id SQLite remembers, and more than one batch of posts with the
  // first naming the last as its duplicate (a self-reference forward).
  void seed() {
    auto store = open_source();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(domain::seed_demo(*store));
    // Accounts 1 to 3, of which 2 and 3 are removed: SQLite remembers 3.
    ASSERT_TRUE(store->write([](Transaction& transaction) -> Status {
      for (const char* email : {"ada@example.org", "gone@example.org", "left@example.org"}) {
        Account account;
        account.email = email;
        account.password_hash = "x";
        TRY(transaction.accounts().insert(account));
      }
      TRY_STATUS(transaction.accounts().remove(3));
      return transaction.accounts().remove(2);
    }));
    store.reset();
    const std::string columns =
        "network_id, kind, category, title, details, quantity, urgency, window_from, window_to, "
        "lat, lon, location_text, contact_name, contact_email, contact_phone, contact_method, "
        "status, close_reason, created_at, updated_at, waiting_since, manage_token_hash";
    for (int round = 0; round < 10; ++round) {
      on_source("INSERT INTO posts (" + columns + ") SELECT " + columns +
                " FROM posts WHERE id <= 60");
    }
    on_source(
        "UPDATE posts SET contact_phone = '+1 406 555 0142' WHERE id = 2;"
        "UPDATE posts SET duplicate_of = (SELECT max(id) FROM posts) WHERE id = 1;"
        "UPDATE accounts SET email = 'ada@example.org', email_lookup = NULL WHERE id = 1;");
  }

  std::filesystem::path folder_;
  std::string path_;
  testing::PostgresTestDb target_;
};

TEST_F(CopyDatabase, CopiesEveryTableAndVerifiesIt) {
  seed();
  std::vector<CopyProgress> seen;
  const auto summary = copy(&seen);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->sealed_on_the_way, 2);  // the phone and the e-mail

  std::map<std::string, std::int64_t> rows;
  for (const auto& table : summary->tables) rows[table.name] = table.rows;
  EXPECT_EQ(rows["posts"], 660);
  EXPECT_EQ(rows["networks"], 1);
  EXPECT_EQ(rows["accounts"], 1);
  EXPECT_FALSE(rows.contains("schema_version"));
  EXPECT_FALSE(rows.contains("post_geo"));
  for (const auto& [table, count] : rows) EXPECT_EQ(target_count(table), count) << table;
  // Parents first: networks before posts, posts before matches.
  const auto position = [&](const std::string& name) {
    for (std::size_t i = 0; i < summary->tables.size(); ++i) {
      if (summary->tables[i].name == name) return i;
    }
    return summary->tables.size();
  };
  EXPECT_LT(position("networks"), position("posts"));
  EXPECT_LT(position("posts"), position("matches"));

  // Every post reads back the same through the PostgreSQL store.
  auto source = open_source();
  auto target = open_target();
  ASSERT_NE(source, nullptr);
  ASSERT_NE(target, nullptr);
  std::vector<Post> before;
  std::vector<Post> after;
  ASSERT_TRUE(source->read([&](Transaction& transaction) {
    return transaction.posts().for_each({}, [&](const Post& post) { before.push_back(post); });
  }));
  ASSERT_TRUE(target->read([&](Transaction& transaction) {
    return transaction.posts().for_each({}, [&](const Post& post) { after.push_back(post); });
  }));
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].title, before[i].title);
    EXPECT_EQ(after[i].details, before[i].details);
    EXPECT_EQ(after[i].location_text, before[i].location_text);
    EXPECT_EQ(after[i].contact.name, before[i].contact.name);
    EXPECT_EQ(after[i].contact.phone, before[i].contact.phone);
    EXPECT_EQ(after[i].point.lat, before[i].point.lat);
    EXPECT_EQ(after[i].point.lon, before[i].point.lon);
    EXPECT_EQ(after[i].status, before[i].status);
    EXPECT_EQ(after[i].created_at, before[i].created_at);
    EXPECT_EQ(after[i].duplicate_of, before[i].duplicate_of);
  }
  EXPECT_EQ(after[1].contact.phone, "+1 406 555 0142");
  EXPECT_EQ(after[0].duplicate_of, after.back().id);

  // The plaintext e-mail is found by its lookup, computed on the way; new ids
  // follow the copied ones, and never give a removed account's id again.
  ASSERT_TRUE(target->write([&](Transaction& transaction) -> Status {
    const Account ada = TRY(transaction.accounts().find_by_email("ada@example.org"));
    EXPECT_EQ(ada.id, 1);
    Account next;
    next.email = "next@example.org";
    next.password_hash = "x";
    EXPECT_EQ(TRY(transaction.accounts().insert(next)), 4);
    Post post = after.front();
    post.duplicate_of.reset();
    EXPECT_EQ(TRY(transaction.posts().insert(post)), after.back().id + 1);
    return {};
  }));

  // Progress: each table copied, then verified, ending at its total.
  std::map<std::pair<int, std::string>, CopyProgress> last;
  for (const auto& progress : seen) {
    last[{static_cast<int>(progress.stage), progress.table}] = progress;
    EXPECT_LE(progress.rows_done, progress.rows_total) << progress.table;
  }
  for (const auto& table : summary->tables) {
    for (const auto stage : {CopyProgress::Stage::kCopying, CopyProgress::Stage::kVerifying}) {
      const auto found = last.find({static_cast<int>(stage), table.name});
      ASSERT_NE(found, last.end()) << table.name;
      EXPECT_EQ(found->second.rows_done, table.rows) << table.name;
    }
  }
  EXPECT_EQ(seen.front().stage, CopyProgress::Stage::kCopying);
  EXPECT_EQ(seen.back().stage, CopyProgress::Stage::kVerifying);
}

TEST_F(CopyDatabase, RefusesATargetThatHoldsData) {
  seed();
  ASSERT_TRUE(copy());
  const auto again = copy();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("already holds data"), std::string::npos);
  EXPECT_EQ(target_count("posts"), 660);
}

TEST_F(CopyDatabase, KeepsNothingWhenAValueDoesNotFit) {
  seed();
  // SQLite keeps text in an INTEGER column; PostgreSQL's BIGINT refuses it.
  on_source("UPDATE posts SET quantity = 'lots' WHERE id = 600");
  const auto copied = copy();
  ASSERT_FALSE(copied);
  EXPECT_NE(copied.error().message.find("copying table posts"), std::string::npos)
      << copied.error().message;
  EXPECT_EQ(target_count("networks"), 0);
  EXPECT_EQ(target_count("posts"), 0);
}

TEST_F(CopyDatabase, KeepsNothingWhenTheCopyDiffers) {
  seed();
  // Something on the server changes a value on the way in.
  ASSERT_NE(open_target(), nullptr);
  {
    auto db = postgres::Database::open(target_.url());
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->exec(
        "CREATE FUNCTION shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF NEW.id = 7 THEN NEW.title := NEW.title || '!'; END IF; RETURN NEW; END $$;"
        "CREATE TRIGGER shout BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION shout()"));
  }
  const auto copied = copy();
  ASSERT_FALSE(copied);
  EXPECT_NE(copied.error().message.find("table posts: the checksum"), std::string::npos)
      << copied.error().message;
  EXPECT_EQ(target_count("networks"), 0);
  EXPECT_EQ(target_count("posts"), 0);
}

TEST_F(CopyDatabase, AMissingSourceIsNotCreated) {
  const auto copied = copy();
  ASSERT_FALSE(copied);
  EXPECT_EQ(copied.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(CopyDatabase, NeedsTheKeyThatOpensTheSource) {
  seed();
  ASSERT_NE(open_target(), nullptr);
  const FieldCipher other = *FieldCipher::create({{1, FieldCipher::random_key()}}, 1);
  const auto copied = copy_database(path_, target_.url(), other, {});
  ASSERT_FALSE(copied);
  EXPECT_NE(copied.error().message.find("wrong key file"), std::string::npos)
      << copied.error().message;
  EXPECT_EQ(target_count("posts"), 0);
}

}  // namespace
}  // namespace gapfill::store
