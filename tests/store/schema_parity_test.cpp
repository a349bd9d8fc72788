// Schema parity on live databases: a SQLite file and a PostgreSQL database,
// each migrated to its latest version by its own migrations, describe the
// same logical schema (store/schema_parity.hpp), apart from the differences
// known_differences() allows by design. A migration added to one backend and
// not the other fails here.

#include "store/schema_parity.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "store/field_cipher.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/postgres_test_db.hpp"
#include "support/test_server.hpp"

namespace gapfill::store {
namespace {

std::shared_ptr<const FieldCipher> test_cipher() {
  static const auto cipher = std::make_shared<const FieldCipher>(
      *FieldCipher::create({{1, FieldCipher::random_key()}}, 1));
  return cipher;
}

LogicalSchema migrated_sqlite_schema(const std::string& path) {
  {
    SqliteOptions options;
    options.path = path;
    options.cipher = test_cipher();
    auto store = open_sqlite_store(options);
    EXPECT_TRUE(store) << store.error().message;
    if (!store) return {};
    const auto migrated = (*store)->migrate();
    EXPECT_TRUE(migrated) << migrated.error().message;
  }
  LogicalSchema schema;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, kSqliteSchemaQuery.data(),
                               static_cast<int>(kSqliteSchemaQuery.size()), &statement, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  const auto text = [&](int column) {
    const auto* value = sqlite3_column_text(statement, column);
    return std::string(value != nullptr ? reinterpret_cast<const char*>(value) : "");
  };
  while (sqlite3_step(statement) == SQLITE_ROW) {
    add_column(schema, text(0), text(1), text(2), sqlite3_column_int(statement, 3) != 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return schema;
}

LogicalSchema migrated_postgres_schema(const std::string& url) {
  {
    PostgresOptions options;
    options.url = url;
    options.connections = 1;
    options.cipher = test_cipher();
    auto store = open_postgres_store(options);
    EXPECT_TRUE(store) << store.error().message;
    if (!store) return {};
    const auto migrated = (*store)->migrate();
    EXPECT_TRUE(migrated) << migrated.error().message;
  }
  LogicalSchema schema;
  pqxx::connection connection(url);
  pqxx::nontransaction work(connection);
  for (const auto& row : work.exec(std::string(kPostgresSchemaQuery))) {
    add_column(schema, row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
               row[3].as<int>() != 0);
  }
  return schema;
}

TEST(SchemaParity, BothBackendsMigrateToTheSameLogicalSchema) {
  const testing::TempDir dir;
  const LogicalSchema sqlite = migrated_sqlite_schema((dir.path() / "parity.db").string());
  const testing::PostgresTestDb database;
  const LogicalSchema postgres = migrated_postgres_schema(database.url());

  // Not two empty readings agreeing: the main tables are there on both sides.
  for (const LogicalSchema* schema : {&sqlite, &postgres}) {
    for (const char* table : {"networks", "posts", "matches", "post_events", "accounts"}) {
      EXPECT_NE(std::find_if(schema->begin(), schema->end(),
                             [&](const LogicalTable& t) { return t.name == table; }),
                schema->end())
          << (schema == &sqlite ? "sqlite" : "postgres") << " lacks the table " << table;
    }
  }
  const auto differences =
      schema_differences(sqlite, postgres, known_differences(), "sqlite", "postgres");
  std::string listed;
  for (const auto& line : differences) listed.append(line).push_back('\n');
  EXPECT_TRUE(differences.empty()) << "the backends' schemas differ:\n" << listed;
}

}  // namespace
}  // namespace gapfill::store
