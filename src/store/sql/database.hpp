#pragma once
// What the shared SQL repositories (store/sql/) need of a database: one
// connection with cached prepared statements, whatever the engine. SQLite
// (store/sqlite/) and PostgreSQL (store/postgres/) implement it. The
// repositories write portable SQL with `?` placeholders; where the engines
// differ, they ask dialect() or call the engine's own posts_in_box.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "store/sql/post_geo.hpp"

namespace gapfill::store::sql {

enum class Dialect { kSqlite, kPostgres };

// One prepared statement of an engine, reused across calls: reset() readies
// it for new bindings. Positions and columns are as SQLite counts them
// (binders from 1, columns from 0).
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_int64(int position, std::int64_t value) = 0;
  virtual void bind_real(int position, double value) = 0;
  virtual void bind_text(int position, std::string_view value) = 0;
  virtual void bind_blob(int position, std::string_view bytes) = 0;
  virtual void bind_null(int position) = 0;
  // Runs the statement on the first call, then advances: true while there
  // is a row.
  virtual Result<bool> step() = 0;
  // Forgets bindings and results.
  virtual void reset() = 0;

  virtual bool is_null(int column) const = 0;
  // True for a non-empty BLOB (SQLite) or BYTEA (PostgreSQL) value.
  virtual bool is_blob(int column) const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual std::string blob(int column) const = 0;
};

// A borrowed cursor, reset when the statement goes out of scope.
class Statement {
 public:
  explicit Statement(Cursor* cursor) : cursor_(cursor) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept
      : cursor_(other.cursor_), next_position_(other.next_position_) {
    other.cursor_ = nullptr;
  }
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (cursor_ != nullptr) cursor_->reset();
  }

  Statement& bind(int position, std::int64_t value) {
    cursor_->bind_int64(position, value);
    return *this;
  }
  Statement& bind(int position, int value) { return bind(position, std::int64_t{value}); }
  Statement& bind(int position, double value) {
    cursor_->bind_real(position, value);
    return *this;
  }
  Statement& bind(int position, std::string_view value) {
    cursor_->bind_text(position, value);
    return *this;
  }
  Statement& bind(int position, const char* value) {
    return bind(position, std::string_view(value));
  }
  Statement& bind(int position, const std::string& value) {
    return bind(position, std::string_view(value));
  }
  Statement& bind_null(int position) {
    cursor_->bind_null(position);
    return *this;
  }
  // Binds any bytes (NULs included) as a BLOB / BYTEA.
  Statement& bind_blob(int position, std::string_view bytes) {
    cursor_->bind_blob(position, bytes);
    return *this;
  }
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
  Result<bool> step() { return cursor_->step(); }
  // Runs a statement that returns no rows.
  Status run() {
    TRY(step());
    return {};
  }

  bool is_null(int column) const { return cursor_->is_null(column); }
  bool is_blob(int column) const { return cursor_->is_blob(column); }
  std::int64_t int64(int column) const { return cursor_->int64(column); }
  double real(int column) const { return cursor_->real(column); }
  std::string text(int column) const { return cursor_->text(column); }
  std::string blob(int column) const { return cursor_->blob(column); }
  std::optional<std::int64_t> optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
  }

 private:
  Cursor* cursor_;
  int next_position_ = 1;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements that return no rows.
  virtual Status exec(std::string_view sql) = 0;
  // Returns the cached prepared statement for `sql`, ready to bind.
  virtual Result<Statement> prepare(const std::string& sql) = 0;
  // The id the last INSERT into a table with a generated id gave.
  virtual Result<std::int64_t> last_insert_id() = 0;
  // How many rows the last INSERT, UPDATE or DELETE changed.
  virtual int changes() const = 0;
  // Every post matching the filter whose public point lies in the box
  // (which may cross the antimeridian), through the engine's spatial index
  // (store/sql/post_geo.hpp says what `read` promises).
  virtual Result<std::vector<GeoEntry>> posts_in_box(const PostFilter& filter,
                                                     const geo::BoundingBox& box, GeoRead read) = 0;
};

}  // namespace gapfill::store::sql
