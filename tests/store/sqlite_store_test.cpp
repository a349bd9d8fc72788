// The SQLite backend: the shared contract, and what is particular to it.

#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

// One folder per test process, removed when the process's tests are done.
const std::filesystem::path& store_folder() {
  static const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                              ("gapfill-store-tests-" + std::to_string(::getpid()));
  return folder;
}

class RemoveStoreFolder final : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(store_folder(), ignored);
  }
};
const auto* const kRemoveStoreFolder = ::testing::AddGlobalTestEnvironment(new RemoveStoreFolder);

std::string new_sqlite_file() {
  static std::mt19937_64 random(std::random_device{}());
  std::filesystem::create_directories(store_folder());
  return (store_folder() / ("store-" + std::to_string(random()) + ".db")).string();
}

// One data key for the whole test process, as one key file would give.
std::shared_ptr<const FieldCipher> test_cipher() {
  static const auto cipher = std::make_shared<const FieldCipher>(
      *FieldCipher::create({{1, FieldCipher::random_key()}}, 1));
  return cipher;
}

std::unique_ptr<Store> open_sqlite(const std::string& path) {
  SqliteOptions options;
  options.path = path;
  options.cipher = test_cipher();
  auto store = open_sqlite_store(options);
  if (!store || !(*store)->migrate()) return nullptr;
  return std::move(*store);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         ::testing::Values(Backend{"sqlite", open_sqlite, new_sqlite_file}),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(SqliteStore, UsesWalAndForeignKeys) {
  const std::string path = new_sqlite_file();
  auto store = open_sqlite(path);
  ASSERT_NE(store, nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
  // A post in a network that does not exist is refused.
  const auto orphan = store->write([&](Transaction& transaction) -> Status {
    Post post;
    post.network_id = 12345;
    post.category = "food";
    post.title = "Orphan";
    TRY(transaction.posts().insert(post));
    return {};
  });
  EXPECT_FALSE(orphan);
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
  const std::string path = new_sqlite_file();
  ASSERT_NE(open_sqlite(path), nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "INSERT INTO schema_version VALUES (999, 0)", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  SqliteOptions options;
  options.path = path;
  options.cipher = test_cipher();
  auto store = open_sqlite_store(options);
  ASSERT_TRUE(store);
  const auto migrated = (*store)->migrate();
  ASSERT_FALSE(migrated);
  EXPECT_NE(migrated.error().message.find("newer"), std::string::npos);
}

TEST(SqliteStore, TheRetentionSweepWalksItsPartialIndexNotThePostsTable) {
  const std::string path = new_sqlite_file();
  ASSERT_NE(open_sqlite(path), nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // The query of SqlPostRepository::posts_due_for_erasure.
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "EXPLAIN QUERY PLAN SELECT p.id FROM networks n CROSS JOIN posts p"
                               " WHERE p.network_id = n.id AND p.status IN ('fulfilled', 'closed')"
                               " AND p.personal_data_erased_at IS NULL"
                               " AND p.updated_at < ? - n.retention_days * 86400 LIMIT ?",
                               -1, &statement, nullptr),
            SQLITE_OK);
  std::string plan;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    plan += reinterpret_cast<const char*>(sqlite3_column_text(statement, 3));
    plan += "\n";
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  EXPECT_NE(plan.find("SEARCH p USING INDEX posts_awaiting_erasure"), std::string::npos) << plan;
}

}  // namespace
}  // namespace gapfill::store::contract
