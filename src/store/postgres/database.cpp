#include "store/postgres/database.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace gapfill::store::postgres {
namespace {

constexpr pqxx::oid kByteaOid = 17;
constexpr pqxx::oid kBoolOid = 16;

std::string hex_bytea(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "\\x";
  text.reserve(2 + 2 * bytes.size());
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    text.push_back(kDigits[byte >> 4]);
    text.push_back(kDigits[byte & 0xF]);
  }
  return text;
}

}  // namespace

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  bool quoted = false;
  for (std::size_t at = 0; at < sql.size(); ++at) {
    const char c = sql[at];
    if (c == '\'') quoted = !quoted;  // '' inside a literal flips twice
    if (c != '?' || quoted) {
      out.push_back(c);
      continue;
    }
    out.push_back('$');
    // SQLite's ?NNN names a parameter by its number: $NNN, as written.
    if (at + 1 < sql.size() && sql[at + 1] >= '1' && sql[at + 1] <= '9') continue;
    out += std::to_string(next++);
  }
  return out;
}

// PgCursor

void PgCursor::set(int position, std::optional<std::string> value) {
  const auto index = static_cast<std::size_t>(position - 1);
  if (values_.size() <= index) values_.resize(index + 1);
  values_[index] = std::move(value);
}

void PgCursor::bind_int64(int position, std::int64_t value) {
  set(position, std::to_string(value));
}

void PgCursor::bind_real(int position, double value) {
  set(position, fmt::format("{}", value));  // the shortest text that reads back exactly
}

void PgCursor::bind_text(int position, std::string_view value) {
  set(position, std::string(value));
}

void PgCursor::bind_blob(int position, std::string_view bytes) {
  set(position, hex_bytea(bytes));
}

void PgCursor::bind_null(int position) {
  set(position, std::nullopt);
}

Result<bool> PgCursor::step() {
  if (!result_) {
    result_ = TRY(db_.run_prepared(name_, values_, writes_));
    row_ = 0;
  }
  if (row_ >= result_->size()) return false;
  ++row_;
  return true;
}

void PgCursor::reset() {
  values_.clear();
  result_.reset();
  row_ = 0;
}

pqxx::field PgCursor::field(int column) const {
  return (*result_)[row_ - 1][static_cast<pqxx::row::size_type>(column)];
}

bool PgCursor::is_null(int column) const {
  return field(column).is_null();
}

bool PgCursor::is_blob(int column) const {
  const pqxx::field value = field(column);
  // An empty BYTEA prints as "\x".
  return !value.is_null() && value.type() == kByteaOid && value.size() > 2;
}

std::int64_t PgCursor::int64(int column) const {
  const pqxx::field value = field(column);
  if (value.is_null()) return 0;
  const char* text = value.c_str();
  if (value.type() == kBoolOid) return text[0] == 't' ? 1 : 0;
  std::int64_t number = 0;
  const char* end = text + value.size();
  const auto [stopped, error] = std::from_chars(text, end, number);
  if (error == std::errc() && stopped == end) return number;
  // numeric (sum() of BIGINT) or a real: as SQLite reads a REAL as an integer.
  return static_cast<std::int64_t>(std::strtod(text, nullptr));
}

double PgCursor::real(int column) const {
  const pqxx::field value = field(column);
  if (value.is_null()) return 0;
  return std::strtod(value.c_str(), nullptr);
}

std::string PgCursor::text(int column) const {
  const pqxx::field value = field(column);
  if (value.is_null()) return {};
  if (value.type() == kByteaOid) return pqxx::binarystring(value).str();
  return std::string(value.c_str(), value.size());
}

std::string PgCursor::blob(int column) const {
  const pqxx::field value = field(column);
  if (value.is_null()) return {};
  if (value.type() == kByteaOid) return pqxx::binarystring(value).str();
  return std::string(value.c_str(), value.size());
}

// Database

Database::Database(std::unique_ptr<pqxx::connection> connection)
    : owned_(std::move(connection)), connection_(*owned_), session_(connection_) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const std::string& url) {
  try {
    auto connection = std::make_unique<pqxx::connection>(url);
    std::unique_ptr<Database> db(new Database(std::move(connection)));
    // Times as numbers, text as UTF-8, and no statement waits forever on a lock.
    TRY_STATUS(db->exec("SET client_encoding = 'UTF8'; SET lock_timeout = '30s'"));
    return db;
  } catch (const std::exception& failure) {
    // The URL may carry a password: say what failed, not the URL.
    return std::unexpected(Error{ErrorCode::kUnavailable,
                                 std::string("cannot connect to PostgreSQL: ") + failure.what(),
                                 {}});
  }
}

Error Database::error_of(const std::exception& failure) {
  if (dynamic_cast<const pqxx::integrity_constraint_violation*>(&failure) != nullptr) {
    return Error{ErrorCode::kConflict, "The change conflicts with what is stored.", {}};
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&failure) != nullptr) {
    broken_ = true;
    return Error{ErrorCode::kUnavailable, "The database connection was lost; try again.", {}};
  }
  if (dynamic_cast<const pqxx::serialization_failure*>(&failure) != nullptr ||
      dynamic_cast<const pqxx::deadlock_detected*>(&failure) != nullptr ||
      dynamic_cast<const pqxx::in_doubt_error*>(&failure) != nullptr) {
    return Error{ErrorCode::kUnavailable, "The database is busy; try again.", {}};
  }
  // The server's message names the statement's problem, never bound values.
  return Error{ErrorCode::kInternal, std::string("postgres: ") + failure.what(), {}};
}

Status Database::exec(std::string_view sql) {
  try {
    const pqxx::result result = session_.exec(std::string(sql));
    changes_ = static_cast<int>(result.affected_rows());
    return {};
  } catch (const std::exception& failure) {
    return std::unexpected(error_of(failure));
  }
}

Result<Statement> Database::prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    std::string name = "s";
    name.append(std::to_string(cache_.size() + 1));
    try {
      connection_.prepare(name, numbered_placeholders(sql));
    } catch (const std::exception& failure) {
      return std::unexpected(error_of(failure));
    }
    const bool writes =
        sql.starts_with("INSERT") || sql.starts_with("UPDATE") || sql.starts_with("DELETE");
    found = cache_.emplace(sql, std::make_unique<PgCursor>(*this, name, writes)).first;
  }
  return Result<Statement>(std::in_place, found->second.get());
}

Result<pqxx::result> Database::run_prepared(const std::string& name,
                                            const std::vector<std::optional<std::string>>& values,
                                            bool writes) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
  try {
    if (writes) session_.exec("SAVEPOINT gapfill_statement");
    pqxx::result result =
        session_.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
    if (writes) session_.exec("RELEASE SAVEPOINT gapfill_statement");
    changes_ = static_cast<int>(result.affected_rows());
    return result;
  } catch (const pqxx::integrity_constraint_violation& failure) {
    try {
      session_.exec("ROLLBACK TO SAVEPOINT gapfill_statement");
      session_.exec("RELEASE SAVEPOINT gapfill_statement");
    } catch (const std::exception&) {
      // Outside a transaction there is no savepoint: nothing to undo.
    }
    return std::unexpected(error_of(failure));
  } catch (const std::exception& failure) {
    return std::unexpected(error_of(failure));
  }
}

Result<std::int64_t> Database::last_insert_id() {
  auto statement = TRY(prepare("SELECT lastval()"));
  if (!TRY(statement.step())) return fail(ErrorCode::kInternal, "lastval() gave no row");
  return statement.int64(0);
}

}  // namespace gapfill::store::postgres
