#pragma once
// One owned sqlite3 connection and its cached prepared statements: the
// SQLite engine under the shared SQL repositories (store/sql/database.hpp).

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/error.hpp"
#include "store/sql/database.hpp"

namespace gapfill::store::sqlite {

using sql::Statement;

class SqliteCursor final : public sql::Cursor {
 public:
  explicit SqliteCursor(sqlite3_stmt* statement) : statement_(statement) {}
  ~SqliteCursor() override;
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bind_int64(int position, std::int64_t value) override;
  void bind_real(int position, double value) override;
  void bind_text(int position, std::string_view value) override;
  void bind_blob(int position, std::string_view bytes) override;
  void bind_null(int position) override;
  Result<bool> step() override;
  void reset() override;
  bool is_null(int column) const override;
  bool is_blob(int column) const override;
  std::int64_t int64(int column) const override;
  double real(int column) const override;
  std::string text(int column) const override;
  std::string blob(int column) const override;

 private:
  sqlite3_stmt* statement_;
};

class Database final : public sql::Database {
 public:
  // Opens (creating if needed) the database file and applies the
  // connection settings: WAL, synchronous FULL, foreign keys, busy timeout.
  static Result<std::unique_ptr<Database>> open(const std::string& path, int cache_kib);
  ~Database() override;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  Status exec(std::string_view sql) override;
  Result<Statement> prepare(const std::string& sql) override;
  Result<std::int64_t> last_insert_id() override;
  int changes() const override;
  // Through the R*Tree post_geo (store/sqlite/post_geo.hpp).
  Result<std::vector<sql::GeoEntry>> posts_in_box(const PostFilter& filter,
                                                  const geo::BoundingBox& box,
                                                  sql::GeoRead read) override;
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteCursor>> cache_;
};

// Maps a SQLite result code to an Error: constraint violations are kConflict,
// the rest kInternal with SQLite's message.
Error sqlite_error(sqlite3* db, int code, std::string_view context);

}  // namespace gapfill::store::sqlite
