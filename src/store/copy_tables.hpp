#pragma once
// What store/copy.cpp (the copy) and store/copy_verify.cpp (its check)
// share: the tables as the copy sees them, and a few helpers. Internal to
// copy_database.

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "store/copy.hpp"
#include "store/field_cipher.hpp"
#include "store/postgres/database.hpp"
#include "store/sql/database.hpp"
#include "store/sqlite/database.hpp"

namespace gapfill::store::copying {

// A column's type in PostgreSQL, which decides how its values are compared.
enum class Type { kInteger, kReal, kText, kBytes };

struct Column {
  std::string name;
  Type type = Type::kText;
  bool sealed = false;  // in sql::sealed_columns()
  int lookup_of = -1;   // holds FieldCipher::lookup of the sealed column at this index
  // A foreign key to its own table (posts.duplicate_of): a row may name a
  // later one, so these are written once all the rows are in.
  bool self_reference = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;  // in SQLite's order
  std::vector<int> key;         // the primary key's columns, in key order
  bool without_rowid = false;
  std::set<std::string> parents;  // tables its foreign keys name
  std::string identity;           // PostgreSQL's identity column, if any
  std::int64_t rows = 0;          // in the SQLite snapshot
};

// One SQLite value, by its storage class, as it goes to PostgreSQL.
struct Value {
  enum class Kind { kNull, kInteger, kReal, kText, kBlob } kind = Kind::kNull;
  std::int64_t integer = 0;
  double real = 0;
  std::string bytes;  // kText, kBlob

  static Value text(std::string bytes) { return {Kind::kText, 0, 0, std::move(bytes)}; }
  static Value blob(std::string bytes) { return {Kind::kBlob, 0, 0, std::move(bytes)}; }
};

using Progress = std::function<void(const CopyProgress&)>;

// A name quoted for SQL ("posts").
std::string identifier(std::string_view name);
std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");
// The table's columns, quoted, in order.
std::string column_names(const Table& table);
// The error, saying which table it happened in.
std::unexpected<Error> in_table(Error error, const Table& table, std::string_view doing);
Result<std::int64_t> count_rows(sql::Database& db, const Table& table);
// Binds the value at the statement's next position, by its kind.
void add_value(sql::Statement& statement, const Value& value);

// Compares the table on both sides: the rows SQLite had, the rows copied, and
// the rows PostgreSQL now holds, and a digest of every row read back on each.
Result<CopiedTable> verify_table(sqlite::Database& from, postgres::Database& to, const Table& table,
                                 std::int64_t copied, const FieldCipher& cipher,
                                 const Progress& progress);

}  // namespace gapfill::store::copying
