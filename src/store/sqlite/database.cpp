#include "store/sqlite/database.hpp"

#include <fmt/format.h>

#include "store/sqlite/post_geo.hpp"

namespace gapfill::store::sqlite {

Error sqlite_error(sqlite3* db, int code, std::string_view context) {
  const int primary = code & 0xFF;
  if (primary == SQLITE_CONSTRAINT) {
    return Error{ErrorCode::kConflict, "The change conflicts with what is stored.", {}};
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error{ErrorCode::kUnavailable, "The database is busy; try again.", {}};
  }
  return Error{ErrorCode::kInternal,
               fmt::format("sqlite {} ({}): {}", context, code,
                           db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)),
               {}};
}

SqliteCursor::~SqliteCursor() {
  sqlite3_finalize(statement_);
}

void SqliteCursor::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

void SqliteCursor::bind_int64(int position, std::int64_t value) {
  sqlite3_bind_int64(statement_, position, value);
}

void SqliteCursor::bind_real(int position, double value) {
  sqlite3_bind_double(statement_, position, value);
}

void SqliteCursor::bind_text(int position, std::string_view value) {
  sqlite3_bind_text(statement_, position, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void SqliteCursor::bind_null(int position) {
  sqlite3_bind_null(statement_, position);
}

Result<bool> SqliteCursor::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return std::unexpected(sqlite_error(sqlite3_db_handle(statement_), code, "step"));
}

void SqliteCursor::bind_blob(int position, std::string_view bytes) {
  sqlite3_bind_blob(statement_, position, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
}

std::string SqliteCursor::blob(int column) const {
  const void* bytes = sqlite3_column_blob(statement_, column);
  if (bytes == nullptr) return {};
  return std::string(static_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool SqliteCursor::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

bool SqliteCursor::is_blob(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_BLOB &&
         sqlite3_column_bytes(statement_, column) > 0;
}

std::int64_t SqliteCursor::int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

double SqliteCursor::real(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string SqliteCursor::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, int cache_kib) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    Error error = sqlite_error(db, code, "open");
    sqlite3_close(db);
    return std::unexpected(std::move(error));
  }
  std::unique_ptr<Database> database(new Database(db));
  sqlite3_extended_result_codes(db, 1);
  TRY_STATUS(database->exec(
      fmt::format("PRAGMA journal_mode = WAL;"
                  "PRAGMA synchronous = FULL;"  // a commit is on disk before it is acknowledged
                  "PRAGMA foreign_keys = ON;"
                  "PRAGMA busy_timeout = 10000;"
                  "PRAGMA temp_store = MEMORY;"
                  "PRAGMA cache_size = -{};",
                  cache_kib)));
  return database;
}

Database::~Database() {
  cache_.clear();  // the statements go before their connection
  sqlite3_close(db_);
}

Status Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  const int code = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    sqlite3_free(message);
    return std::unexpected(sqlite_error(db_, code, "exec"));
  }
  return {};
}

Result<Statement> Database::prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (code != SQLITE_OK) return std::unexpected(sqlite_error(db_, code, "prepare"));
    found = cache_.emplace(sql, std::make_unique<SqliteCursor>(statement)).first;
  }
  return Result<Statement>(std::in_place, found->second.get());
}

Result<std::int64_t> Database::last_insert_id() {
  return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

Result<std::vector<sql::GeoEntry>> Database::posts_in_box(const PostFilter& filter,
                                                          const geo::BoundingBox& box,
                                                          sql::GeoRead read) {
  return sqlite::posts_in_box(*this, filter, box, read);
}

}  // namespace gapfill::store::sqlite
