#pragma once
// A thin, owned wrapper over one sqlite3 connection and its prepared
// statements. Used by the SQLite store alone.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/error.hpp"

namespace gapfill::store::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept
      : statement_(other.statement_), next_position_(other.next_position_) {
    other.statement_ = nullptr;
  }
  Statement& operator=(Statement&&) = delete;
  // Resets and clears bindings, so the cached statement is ready for reuse.
  ~Statement();

  // Binders take 1-based positions, as SQLite does.
  Statement& bind(int position, std::int64_t value);
  Statement& bind(int position, int value) { return bind(position, std::int64_t{value}); }
  Statement& bind(int position, double value);
  Statement& bind(int position, std::string_view value);
  Statement& bind(int position, const char* value) {
    return bind(position, std::string_view(value));
  }
  Statement& bind(int position, const std::string& value) {
    return bind(position, std::string_view(value));
  }
  Statement& bind_null(int position);
  // Binds any bytes (NULs included) as a BLOB.
  Statement& bind_blob(int position, std::string_view bytes);
  template <typename T>
  Statement& bind(int position, const std::optional<T>& value) {
    return value ? bind(position, *value) : bind_null(position);
  }

  // Binds at the next position, counting from 1 (or from `start_at`).
  template <typename T>
  Statement& add(const T& value) {
    return bind(next_position_++, value);
  }
  Statement& add_null() { return bind_null(next_position_++); }
  Statement& start_at(int position) {
    next_position_ = position;
    return *this;
  }
  int next_position() const { return next_position_; }

  // Advances to the next row: true when there is one, false when done.
  Result<bool> step();
  // Runs a statement that returns no rows.
  Status run();

  bool is_null(int column) const;
  bool is_blob(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::string blob(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;

 private:
  sqlite3_stmt* statement_;
  int next_position_ = 1;
};

class Database {
 public:
  // Opens (creating if needed) the database file and applies the
  // connection settings: WAL, synchronous FULL, foreign keys, busy timeout.
  static Result<std::unique_ptr<Database>> open(const std::string& path, int cache_kib);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status exec(std::string_view sql);
  // Returns the cached prepared statement for `sql`, ready to bind.
  Result<Statement> prepare(const std::string& sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Maps a SQLite result code to an Error: constraint violations are kConflict,
// the rest kInternal with SQLite's message.
Error sqlite_error(sqlite3* db, int code, std::string_view context);

}  // namespace gapfill::store::sqlite
