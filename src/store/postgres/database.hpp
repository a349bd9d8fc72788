#pragma once
// One PostgreSQL connection through libpqxx and its prepared statements: the
// PostgreSQL engine under the shared SQL repositories (store/sql/database.hpp).
//
// The repositories' `?` placeholders become $1, $2... once, when a statement
// is first prepared on the connection. Values travel as text (BYTEA as its
// hex form), untyped, so the server infers each parameter's type from where
// it stands, as SQLite's affinity does. Transactions are the store's: the
// connection runs BEGIN and COMMIT itself through one long-lived
// pqxx::nontransaction.

#include <cstdint>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/error.hpp"
#include "store/sql/database.hpp"

namespace gapfill::store::postgres {

using sql::Statement;

// The advisory lock every write transaction takes first, in every process
// on the database ("gapf"): writers are serialized, as on SQLite. The copy
// (store/copy.cpp) takes it too, so servers already running wait for it.
inline constexpr std::int64_t kWriterLock = 0x67617066;

class Database;

class PgCursor final : public sql::Cursor {
 public:
  PgCursor(Database& db, std::string name, bool writes)
      : db_(db), name_(std::move(name)), writes_(writes) {}

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
  void set(int position, std::optional<std::string> value);
  pqxx::field field(int column) const;

  Database& db_;
  std::string name_;
  bool writes_;  // an INSERT, UPDATE or DELETE: run under a savepoint
  std::vector<std::optional<std::string>> values_;
  std::optional<pqxx::result> result_;
  pqxx::result::size_type row_ = 0;  // the current row is row_ - 1
};

class Database final : public sql::Database {
 public:
  // Connects with a libpq connection string or postgres:// URL.
  static Result<std::unique_ptr<Database>> open(const std::string& url);
  ~Database() override;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  Status exec(std::string_view sql) override;
  Result<Statement> prepare(const std::string& sql) override;
  Result<std::int64_t> last_insert_id() override;
  int changes() const override { return changes_; }
  // Through the GiST index on posts.public_point (store/postgres/post_geo.cpp).
  Result<std::vector<sql::GeoEntry>> posts_in_box(const PostFilter& filter,
                                                  const geo::BoundingBox& box,
                                                  sql::GeoRead read) override;
  // False once the server closed the connection: the pool drops it.
  bool usable() const { return !broken_ && connection_.is_open(); }

 private:
  friend class PgCursor;
  explicit Database(std::unique_ptr<pqxx::connection> connection);
  // Runs a prepared statement with text parameters (nullopt: NULL). A write
  // runs under a savepoint, so that when it breaks a constraint the
  // transaction goes on without it, as on SQLite (the repositories answer
  // kConflict and the work may carry on).
  Result<pqxx::result> run_prepared(const std::string& name,
                                    const std::vector<std::optional<std::string>>& values,
                                    bool writes);
  Error error_of(const std::exception& failure);

  std::unique_ptr<pqxx::connection> owned_;
  pqxx::connection& connection_;
  pqxx::nontransaction session_;
  std::unordered_map<std::string, std::unique_ptr<PgCursor>> cache_;
  int changes_ = 0;
  bool broken_ = false;
};

// `?` placeholders as $1, $2...; a `?` inside a quoted literal stays.
std::string numbered_placeholders(std::string_view sql);

}  // namespace gapfill::store::postgres
