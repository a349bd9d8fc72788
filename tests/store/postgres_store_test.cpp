// The PostgreSQL backend: the shared contract on a real server (the
// throwaway cluster scripts/pg_cluster.sh starts for the test run), and what
// is particular to it.

#include "store/postgres/postgres_store.hpp"

#include <memory>
#include <vector>

#include "store/store_contract.hpp"
#include "support/postgres_test_db.hpp"

namespace gapfill::store::contract {
namespace {

// Every database made for this process, dropped when its tests are done.
std::vector<std::unique_ptr<testing::PostgresTestDb>>& databases() {
  static std::vector<std::unique_ptr<testing::PostgresTestDb>> all;
  return all;
}

class DropDatabases final : public ::testing::Environment {
 public:
  void TearDown() override { databases().clear(); }
};
const auto* const kDropDatabases = ::testing::AddGlobalTestEnvironment(new DropDatabases);

std::string new_postgres_database() {
  databases().push_back(std::make_unique<testing::PostgresTestDb>());
  return databases().back()->url();
}

std::shared_ptr<const FieldCipher> test_cipher() {
  static const auto cipher = std::make_shared<const FieldCipher>(
      *FieldCipher::create({{1, FieldCipher::random_key()}}, 1));
  return cipher;
}

std::unique_ptr<Store> open_postgres(const std::string& url) {
  PostgresOptions options;
  options.url = url;
  options.connections = 4;
  options.cipher = test_cipher();
  auto store = open_postgres_store(options);
  if (!store) {
    ADD_FAILURE() << store.error().message;
    return nullptr;
  }
  if (auto migrated = (*store)->migrate(); !migrated) {
    ADD_FAILURE() << migrated.error().message;
    return nullptr;
  }
  return std::move(*store);
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(Backend{"postgres", open_postgres,
                                                   new_postgres_database}),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(PostgresStore, MigratingTwiceChangesNothing) {
  const std::string url = new_postgres_database();
  auto store = open_postgres(url);
  ASSERT_NE(store, nullptr);
  const int version = *store->schema_version();
  EXPECT_EQ(version, store->latest_schema_version());
  auto again = open_postgres(url);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(*again->schema_version(), version);
}

TEST(PostgresStore, AnUnreachableServerIsAClearError) {
  PostgresOptions options;
  options.url = "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2";
  options.cipher = test_cipher();
  auto store = open_postgres_store(options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(store.error().message.find("PostgreSQL"), std::string::npos);
  EXPECT_EQ(store.error().message.find("secret"), std::string::npos) << "no password in errors";
}

}  // namespace
}  // namespace gapfill::store::contract
