#include "store/copy.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "store/postgres/database.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sql/sealed.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::store {
namespace {

using sql::Statement;

// The PostgreSQL store's writer lock (store/postgres/postgres_store.cpp):
// servers already running on the target wait until the copy commits.
constexpr std::int64_t kWriterLock = 0x67617066;
constexpr int kBatchRows = 500;
// PostgreSQL takes at most 65535 parameters per statement.
constexpr int kMaxParameters = 60000;
constexpr int kVerifyPageRows = 1000;
constexpr int kSqliteCacheKib = 16 * 1024;
// Where SQLite keeps the highest account id it ever removed, so that no id is
// given twice (store/sql/account_repository.cpp); PostgreSQL's sequence must
// start past it.
constexpr std::string_view kRetiredAccountIdSetting = "accounts.highest_removed_id";

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

std::string identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string column_names(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) names.push_back(identifier(column.name));
  return joined(names);
}

// The error, saying which table it happened in.
std::unexpected<Error> in_table(Error error, const Table& table, std::string_view doing) {
  error.message = fmt::format("{} table {}: {}", doing, table.name, error.message);
  return std::unexpected(std::move(error));
}

void add_value(Statement& statement, const Value& value) {
  switch (value.kind) {
    case Value::Kind::kNull:
      statement.add_null();
      break;
    case Value::Kind::kInteger:
      statement.add(value.integer);
      break;
    case Value::Kind::kReal:
      statement.add(value.real);
      break;
    case Value::Kind::kText:
      statement.add(std::string_view(value.bytes));
      break;
    case Value::Kind::kBlob: {
      const int position = statement.next_position();
      statement.start_at(position + 1).bind_blob(position, value.bytes);
      break;
    }
  }
}

// ---- The schema: SQLite's tables, PostgreSQL's types, parents first.

// Every table of the SQLite database but SQLite's own, the store's
// schema_version, and virtual tables and their shadow tables (the R*Tree
// post_geo, which PostgreSQL replaces by an index of its own).
Result<std::vector<Table>> sqlite_tables(sqlite::Database& db) {
  std::vector<Table> tables;
  {
    auto list =
        TRY(db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main'"
                       " AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                       " AND name <> 'schema_version' ORDER BY name"));
    while (TRY(list.step())) {
      Table table;
      table.name = list.text(0);
      table.without_rowid = list.int64(1) != 0;
      tables.push_back(std::move(table));
    }
  }
  for (Table& table : tables) {
    std::vector<std::pair<std::int64_t, int>> key;  // (position in the key, column)
    {
      auto info = TRY(db.prepare("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid"));
      info.bind(1, table.name);
      while (TRY(info.step())) {
        if (const std::int64_t pk = info.int64(1); pk > 0) {
          key.emplace_back(pk, static_cast<int>(table.columns.size()));
        }
        table.columns.push_back(Column{info.text(0)});
      }
    }
    std::sort(key.begin(), key.end());
    for (const auto& [position, column] : key) table.key.push_back(column);
    if (table.key.empty()) {
      return fail(ErrorCode::kInternal, "table " + table.name +
                                            " has no primary key, which migrate-data needs to "
                                            "compare the copy with the original row by row");
    }
    auto foreign_keys =
        TRY(db.prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)"));
    foreign_keys.bind(1, table.name);
    while (TRY(foreign_keys.step())) {
      const std::string parent = foreign_keys.text(0);
      if (parent != table.name) {
        table.parents.insert(parent);
        continue;
      }
      const std::string from = foreign_keys.text(1);
      for (Column& column : table.columns) {
        if (column.name == from) column.self_reference = true;
      }
    }
  }
  return tables;
}

Result<Type> type_of(std::string_view data_type, const std::string& where) {
  if (data_type == "bigint" || data_type == "integer" || data_type == "smallint") {
    return Type::kInteger;
  }
  if (data_type == "double precision" || data_type == "real") return Type::kReal;
  if (data_type == "text" || data_type == "character varying") return Type::kText;
  if (data_type == "bytea") return Type::kBytes;
  return fail(ErrorCode::kInternal, fmt::format("column {} has the type {} in PostgreSQL, which "
                                                "migrate-data does not know how to copy",
                                                where, data_type));
}

// Each column's PostgreSQL type and each table's identity column; fails when
// PostgreSQL lacks a table or column SQLite has.
Status add_postgres_types(postgres::Database& db, std::vector<Table>& tables) {
  struct PgColumn {
    std::string data_type;
    bool identity = false;
  };
  std::map<std::pair<std::string, std::string>, PgColumn> columns;
  {
    auto list =
        TRY(db.prepare("SELECT table_name::text, column_name::text, data_type::text,"
                       " is_identity::text FROM information_schema.columns"
                       " WHERE table_schema = current_schema()"));
    while (TRY(list.step())) {
      columns[{list.text(0), list.text(1)}] = PgColumn{list.text(2), list.text(3) == "YES"};
    }
  }
  for (Table& table : tables) {
    for (Column& column : table.columns) {
      const std::string where = table.name + "." + column.name;
      const auto found = columns.find({table.name, column.name});
      if (found == columns.end()) {
        return fail(ErrorCode::kInternal,
                    "the PostgreSQL database has no column " + where +
                        ", which the SQLite database has: are both at the same Gapfill version?");
      }
      column.type = TRY(type_of(found->second.data_type, where));
      if (found->second.identity) table.identity = column.name;
    }
  }
  for (const sql::SealedColumn& sealed : sql::sealed_columns()) {
    const auto table = std::find_if(tables.begin(), tables.end(),
                                    [&](const Table& t) { return t.name == sealed.table; });
    if (table == tables.end()) continue;
    const auto index = [&](std::string_view name) {
      for (std::size_t i = 0; i < table->columns.size(); ++i) {
        if (table->columns[i].name == name) return static_cast<int>(i);
      }
      return -1;
    };
    const int column = index(sealed.column);
    if (column < 0) continue;
    table->columns[static_cast<std::size_t>(column)].sealed = true;
    if (const int lookup = index(sealed.lookup); !sealed.lookup.empty() && lookup >= 0) {
      table->columns[static_cast<std::size_t>(lookup)].lookup_of = column;
    }
  }
  return {};
}

// Parents before children, so that every foreign key holds as rows go in;
// otherwise by name.
Result<std::vector<Table>> parents_first(std::vector<Table> tables) {
  std::set<std::string> all;
  for (const Table& table : tables) all.insert(table.name);
  std::set<std::string> done;
  std::vector<Table> ordered;
  while (!tables.empty()) {
    const auto ready = std::find_if(tables.begin(), tables.end(), [&](const Table& table) {
      return std::all_of(table.parents.begin(), table.parents.end(), [&](const std::string& p) {
        return done.contains(p) || !all.contains(p);
      });
    });
    if (ready == tables.end()) {
      std::vector<std::string> left;
      for (const Table& table : tables) left.push_back(table.name);
      return fail(ErrorCode::kInternal, "the foreign keys between " + joined(left) +
                                            " form a cycle: migrate-data cannot order them");
    }
    done.insert(ready->name);
    ordered.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return ordered;
}

// Never mix two databases' data: every table to copy must be empty.
Status require_empty(postgres::Database& db, const std::vector<Table>& tables) {
  std::vector<std::string> holding;
  for (const Table& table : tables) {
    auto any = TRY(db.prepare("SELECT EXISTS (SELECT 1 FROM " + identifier(table.name) + ")"));
    TRY(any.step());
    if (any.int64(0) != 0) holding.push_back(table.name);
  }
  if (holding.empty()) return {};
  return fail(ErrorCode::kConflict,
              "the PostgreSQL database already holds data (in " + joined(holding) +
                  "); migrate-data only copies into an empty database, so that two databases' "
                  "data are never mixed: create a new database and run it again");
}

Result<std::int64_t> count_rows(sql::Database& db, const Table& table) {
  auto count = TRY(db.prepare("SELECT count(*) FROM " + identifier(table.name)));
  TRY(count.step());
  return count.int64(0);
}

// ---- Copying.

struct Deferred {
  Value key;
  int column = 0;
  Value value;
};

// The row the SQLite statement (typeof and value of each column) is on, as
// it goes to PostgreSQL: values by their storage class, BYTEA columns as
// bytes; sealed columns as they are, or sealed now when they hold plaintext
// from before sealing (with their lookup column computed again).
std::vector<Value> target_row(const Statement& row, const Table& table, const FieldCipher& cipher,
                              std::int64_t& sealed_now) {
  const std::size_t count = table.columns.size();
  std::vector<Value> values(count);
  std::vector<std::optional<std::string>> plaintexts(count);
  for (std::size_t i = 0; i < count; ++i) {
    const int type_at = static_cast<int>(2 * i);
    const int value_at = type_at + 1;
    const std::string storage = row.text(type_at);
    if (storage == "null") continue;
    const Column& column = table.columns[i];
    Value& value = values[i];
    if (column.sealed && storage != "blob") {
      std::string plaintext = row.text(value_at);
      if (plaintext.empty()) {
        value = Value::blob("");
      } else {
        value = Value::blob(cipher.seal(plaintext));
        plaintexts[i] = std::move(plaintext);
        ++sealed_now;
      }
    } else if (column.type == Type::kBytes || storage == "blob") {
      // A BLOB into a TEXT column goes as its bytes; PostgreSQL checks they are UTF-8.
      value = column.type == Type::kBytes ? Value::blob(row.blob(value_at))
                                          : Value::text(row.blob(value_at));
    } else if (column.type == Type::kText || storage == "text") {
      value = Value::text(row.text(value_at));
    } else if (storage == "integer") {
      value = Value{Value::Kind::kInteger, row.int64(value_at), 0, {}};
    } else {
      value = Value{Value::Kind::kReal, 0, row.real(value_at), {}};
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const int of = table.columns[i].lookup_of;
    if (of >= 0 && plaintexts[static_cast<std::size_t>(of)]) {
      values[i] = Value::text(cipher.lookup(*plaintexts[static_cast<std::size_t>(of)]));
    }
  }
  return values;
}

std::string insert_sql(const Table& table, std::size_t rows) {
  std::string one = "(";
  for (std::size_t i = 0; i < table.columns.size(); ++i) one += i == 0 ? "?" : ", ?";
  one += ")";
  std::string sql = "INSERT INTO " + identifier(table.name) + " (" + column_names(table) + ")";
  // Ids are copied as they are, whatever the identity column says.
  if (!table.identity.empty()) sql += " OVERRIDING SYSTEM VALUE";
  sql += " VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += i == 0 ? one : ", " + one;
  return sql;
}

Status insert_rows(postgres::Database& db, const Table& table,
                   const std::vector<std::vector<Value>>& rows) {
  auto insert = TRY(db.prepare(insert_sql(table, rows.size())));
  for (const auto& row : rows) {
    for (const Value& value : row) add_value(insert, value);
  }
  return insert.run();
}

Status write_deferred(postgres::Database& db, const Table& table,
                      const std::vector<Deferred>& deferred) {
  for (const Deferred& later : deferred) {
    const Column& column = table.columns[static_cast<std::size_t>(later.column)];
    const Column& key = table.columns[static_cast<std::size_t>(table.key.front())];
    auto update =
        TRY(db.prepare("UPDATE " + identifier(table.name) + " SET " + identifier(column.name) +
                       " = ? WHERE " + identifier(key.name) + " = ?"));
    add_value(update, later.value);
    add_value(update, later.key);
    TRY_STATUS(update.run());
  }
  return {};
}

// Copies one table in batches of multi-row INSERTs; returns how many rows.
Result<std::int64_t> copy_table(sqlite::Database& from, postgres::Database& to, const Table& table,
                                const FieldCipher& cipher, const Progress& progress,
                                std::int64_t& sealed_now) {
  std::string select = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string name = identifier(table.columns[i].name);
    select += (i == 0 ? "typeof(" : ", typeof(") + name + "), " + name;
  }
  select += " FROM " + identifier(table.name) + " ORDER BY ";
  if (table.without_rowid) {
    std::vector<std::string> key;
    for (const int column : table.key) {
      key.push_back(identifier(table.columns[static_cast<std::size_t>(column)].name));
    }
    select += joined(key);
  } else {
    select += "rowid";
  }
  const bool has_self_reference =
      std::any_of(table.columns.begin(), table.columns.end(),
                  [](const Column& column) { return column.self_reference; });
  if (has_self_reference && table.key.size() != 1) {
    return fail(ErrorCode::kInternal,
                "table " + table.name + " refers to itself but has no one-column primary key");
  }
  const auto batch_rows = static_cast<std::size_t>(
      std::clamp(kMaxParameters / static_cast<int>(table.columns.size()), 1, kBatchRows));

  std::vector<std::vector<Value>> batch;
  std::vector<Deferred> deferred;
  std::int64_t done = 0;
  auto rows = TRY(from.prepare(select));
  while (TRY(rows.step())) {
    std::vector<Value> values = target_row(rows, table, cipher, sealed_now);
    if (has_self_reference) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (!table.columns[i].self_reference || values[i].kind == Value::Kind::kNull) continue;
        deferred.push_back(Deferred{values[static_cast<std::size_t>(table.key.front())],
                                    static_cast<int>(i), std::move(values[i])});
        values[i] = Value{};
      }
    }
    batch.push_back(std::move(values));
    if (batch.size() == batch_rows) {
      TRY_STATUS(insert_rows(to, table, batch));
      done += static_cast<std::int64_t>(batch.size());
      batch.clear();
      if (done < table.rows)
        progress({CopyProgress::Stage::kCopying, table.name, done, table.rows});
    }
  }
  if (!batch.empty()) {
    TRY_STATUS(insert_rows(to, table, batch));
    done += static_cast<std::int64_t>(batch.size());
  }
  TRY_STATUS(write_deferred(to, table, deferred));
  progress({CopyProgress::Stage::kCopying, table.name, done, table.rows});
  return done;
}

// Sets every identity sequence past the highest id copied, so that the next
// row PostgreSQL numbers does not collide with a copied one.
Status set_sequences(postgres::Database& db, const std::vector<Table>& tables,
                     std::int64_t retired_account_id) {
  for (const Table& table : tables) {
    if (table.identity.empty()) continue;
    auto highest_id = TRY(db.prepare("SELECT max(" + identifier(table.identity) + ") FROM " +
                                     identifier(table.name)));
    TRY(highest_id.step());
    std::int64_t highest = highest_id.is_null(0) ? 0 : highest_id.int64(0);
    if (table.name == "accounts") highest = std::max(highest, retired_account_id);
    if (highest <= 0) continue;
    // The table name as PostgreSQL parses one (quoted); the column as it is.
    auto set = TRY(db.prepare("SELECT setval(pg_get_serial_sequence(?, ?), ?)"));
    set.bind(1, identifier(table.name)).bind(2, table.identity).bind(3, highest);
    TRY_STATUS(set.run());
  }
  return {};
}

Result<std::int64_t> retired_account_id(sqlite::Database& db, const std::vector<Table>& tables) {
  const bool has_settings = std::any_of(
      tables.begin(), tables.end(), [](const Table& table) { return table.name == "settings"; });
  if (!has_settings) return 0;
  auto setting = TRY(db.prepare("SELECT value FROM settings WHERE name = ?"));
  setting.bind(1, kRetiredAccountIdSetting);
  if (!TRY(setting.step())) return 0;
  return setting.int64(0);
}

// ---- Verifying.

// SHA-256 over a canonical encoding of values: a tag, the length (8 bytes,
// little-endian) and the bytes, so that no two different rows encode alike.
class Digest {
 public:
  Digest() { crypto_hash_sha256_init(&state_); }

  void put(char tag, std::string_view bytes) {
    std::array<unsigned char, 9> head{};
    head[0] = static_cast<unsigned char>(tag);
    auto length = static_cast<std::uint64_t>(bytes.size());
    for (std::size_t i = 1; i < head.size(); ++i, length >>= 8) {
      head[i] = static_cast<unsigned char>(length & 0xFF);
    }
    crypto_hash_sha256_update(&state_, head.data(), head.size());
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
  }

  std::string hex() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
    crypto_hash_sha256_final(&state_, hash.data());
    std::array<char, 2 * crypto_hash_sha256_BYTES + 1> text{};
    sodium_bin2hex(text.data(), text.size(), hash.data(), hash.size());
    return std::string(text.data(), 2 * crypto_hash_sha256_BYTES);
  }

 private:
  crypto_hash_sha256_state state_{};
};

// Plaintext from before sealing in a sealed column: non-empty TEXT. Only
// SQLite holds any; PostgreSQL's sealed columns are BYTEA.
std::optional<std::string> plaintext_at(const Statement& row, int column) {
  if (row.is_null(column) || row.is_blob(column)) return std::nullopt;
  std::string text = row.text(column);
  if (text.empty()) return std::nullopt;
  return text;
}

// Adds the row to the digest, read the same way on both engines: each value
// by its column's PostgreSQL type (reals as the shortest text that reads back
// exactly), sealed values as their plaintext (sealing again changes the
// bytes), and a lookup column next to plaintext as the lookup the copy wrote.
Status hash_row(const Statement& row, const Table& table, const FieldCipher& cipher,
                Digest& digest) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const Column& column = table.columns[i];
    const int at = static_cast<int>(i);
    if (column.lookup_of >= 0) {
      if (const auto plaintext = plaintext_at(row, column.lookup_of)) {
        digest.put('t', cipher.lookup(*plaintext));
        continue;
      }
    }
    if (row.is_null(at)) {
      digest.put('n', {});
    } else if (column.sealed) {
      digest.put('p', TRY(sql::read_sealed(row, at, cipher)));
    } else if (column.type == Type::kInteger) {
      digest.put('i', std::to_string(row.int64(at)));
    } else if (column.type == Type::kReal) {
      digest.put('r', fmt::format("{}", row.real(at)));
    } else if (column.type == Type::kText) {
      digest.put('t', row.text(at));
    } else {
      digest.put('b', row.blob(at));
    }
  }
  return {};
}

Value key_value(const Statement& row, const Column& column, int at) {
  switch (column.type) {
    case Type::kInteger:
      return Value{Value::Kind::kInteger, row.int64(at), 0, {}};
    case Type::kReal:
      return Value{Value::Kind::kReal, 0, row.real(at), {}};
    case Type::kText:
      return Value::text(row.text(at));
    case Type::kBytes:
      break;
  }
  return Value::blob(row.blob(at));
}

struct TableDigest {
  std::int64_t rows = 0;
  std::string hex;
};

// The table's digest, its rows read in primary key order a page at a time
// (keyset pagination: PostgreSQL holds a whole result in memory). Text keys
// compare bytewise on both engines (SQLite's BINARY, PostgreSQL's "C").
Result<TableDigest> table_digest(sql::Database& db, const Table& table, const FieldCipher& cipher,
                                 const std::function<void(std::int64_t)>& read) {
  const bool postgres = db.dialect() == sql::Dialect::kPostgres;
  std::vector<std::string> key;
  std::vector<std::string> placeholders;
  for (const int at : table.key) {
    const Column& column = table.columns[static_cast<std::size_t>(at)];
    std::string expression = identifier(column.name);
    if (column.type == Type::kText) expression += postgres ? " COLLATE \"C\"" : " COLLATE BINARY";
    key.push_back(std::move(expression));
    placeholders.emplace_back("?");
  }
  const std::string select = "SELECT " + column_names(table) + " FROM " + identifier(table.name);
  const std::string order =
      " ORDER BY " + joined(key) + " LIMIT " + std::to_string(kVerifyPageRows);
  const std::string first = select + order;
  const std::string next =
      select + " WHERE (" + joined(key) + ") > (" + joined(placeholders) + ")" + order;

  Digest digest;
  TableDigest result;
  std::vector<Value> last_key;
  while (true) {
    auto page = TRY(db.prepare(last_key.empty() ? first : next));
    for (const Value& value : last_key) add_value(page, value);
    int rows = 0;
    while (TRY(page.step())) {
      TRY_STATUS(hash_row(page, table, cipher, digest));
      last_key.clear();
      for (const int at : table.key) {
        last_key.push_back(key_value(page, table.columns[static_cast<std::size_t>(at)], at));
      }
      ++rows;
    }
    result.rows += rows;
    read(result.rows);
    if (rows < kVerifyPageRows) break;
  }
  result.hex = digest.hex();
  return result;
}

// Compares the table on both sides: the rows SQLite had, the rows copied, and
// the rows PostgreSQL now holds, and both digests.
Result<CopiedTable> verify_table(sqlite::Database& from, postgres::Database& to, const Table& table,
                                 std::int64_t copied, const FieldCipher& cipher,
                                 const Progress& progress) {
  std::int64_t source_read = 0;
  std::int64_t target_read = 0;
  const auto report = [&] {
    const std::int64_t done = (source_read + target_read) / 2;
    if (done < table.rows)
      progress({CopyProgress::Stage::kVerifying, table.name, done, table.rows});
  };
  const TableDigest source = TRY(table_digest(from, table, cipher, [&](std::int64_t rows) {
    source_read = rows;
    report();
  }));
  const TableDigest target = TRY(table_digest(to, table, cipher, [&](std::int64_t rows) {
    target_read = rows;
    report();
  }));
  const std::int64_t stored = TRY(count_rows(to, table));
  if (source.rows != table.rows || copied != table.rows || stored != table.rows ||
      target.rows != table.rows) {
    return fail(ErrorCode::kInternal,
                fmt::format("table {}: SQLite has {} rows ({} read back), {} were copied, "
                            "PostgreSQL has {} ({} read back)",
                            table.name, table.rows, source.rows, copied, stored, target.rows));
  }
  if (source.hex != target.hex) {
    return fail(ErrorCode::kInternal,
                fmt::format("table {}: the checksum of the copy ({}) differs from the original's "
                            "({}): some value did not arrive as it was",
                            table.name, target.hex, source.hex));
  }
  progress({CopyProgress::Stage::kVerifying, table.name, table.rows, table.rows});
  return CopiedTable{table.name, table.rows, source.hex};
}

// ---- The whole copy, inside both transactions.

Result<CopySummary> copy_all(sqlite::Database& from, postgres::Database& to,
                             const FieldCipher& cipher, const Progress& progress) {
  std::vector<Table> tables = TRY(sqlite_tables(from));
  TRY_STATUS(add_postgres_types(to, tables));
  tables = TRY(parents_first(std::move(tables)));
  TRY_STATUS(require_empty(to, tables));
  for (Table& table : tables) table.rows = TRY(count_rows(from, table));

  CopySummary summary;
  std::vector<std::int64_t> copied;
  for (const Table& table : tables) {
    auto done = copy_table(from, to, table, cipher, progress, summary.sealed_on_the_way);
    if (!done) return in_table(std::move(done.error()), table, "copying");
    copied.push_back(*done);
  }
  TRY_STATUS(set_sequences(to, tables, TRY(retired_account_id(from, tables))));

  for (std::size_t i = 0; i < tables.size(); ++i) {
    auto verified = verify_table(from, to, tables[i], copied[i], cipher, progress);
    if (!verified) {
      Error error = std::move(verified.error());
      error.message = "the copy does not match, nothing was kept: " + error.message;
      return std::unexpected(std::move(error));
    }
    summary.rows += verified->rows;
    summary.tables.push_back(std::move(*verified));
  }
  return summary;
}

}  // namespace

Result<CopySummary> copy_database(const std::string& from_sqlite_path,
                                  const std::string& to_postgres_url, const FieldCipher& cipher,
                                  const std::function<void(const CopyProgress&)>& progress) {
  if (sodium_init() < 0) return fail(ErrorCode::kInternal, "libsodium could not start");
  std::error_code error;
  if (!std::filesystem::is_regular_file(from_sqlite_path, error)) {
    return fail(ErrorCode::kNotFound, "there is no SQLite database at " + from_sqlite_path);
  }
  const auto keyring = std::make_shared<const FieldCipher>(cipher);
  {
    // Both schemas at the latest version, so that their tables and columns
    // match; and every sealed value in SQLite must open with the keyring.
    SqliteOptions options;
    options.path = from_sqlite_path;
    options.reader_connections = 1;
    options.cipher = keyring;
    auto source = TRY(open_sqlite_store(options));
    TRY_STATUS(source->migrate());
    if (auto checked = source->check_data_keys(); !checked) {
      return fail(ErrorCode::kInternal, "cannot open the personal data in " + from_sqlite_path +
                                            ": " + checked.error().message);
    }
  }
  {
    PostgresOptions options;
    options.url = to_postgres_url;
    options.connections = 1;
    options.cipher = keyring;
    auto target = TRY(open_postgres_store(options));
    TRY_STATUS(target->migrate());
  }

  auto from = TRY(sqlite::Database::open(from_sqlite_path, kSqliteCacheKib));
  auto to = TRY(postgres::Database::open(to_postgres_url));
  // One read snapshot of SQLite; one PostgreSQL transaction that holds the
  // writer lock, so that servers on the target wait instead of writing.
  TRY_STATUS(from->exec("BEGIN"));
  if (auto begun = to->exec("BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
                            std::to_string(kWriterLock) + ")");
      !begun) {
    (void)from->exec("ROLLBACK");
    return std::unexpected(std::move(begun.error()));
  }
  const Progress report = progress ? progress : [](const CopyProgress&) {};
  auto summary = copy_all(*from, *to, cipher, report);
  if (summary) {
    if (auto committed = to->exec("COMMIT"); !committed)
      summary = std::unexpected(committed.error());
  } else {
    (void)to->exec("ROLLBACK");
  }
  (void)from->exec("ROLLBACK");  // only read
  if (!summary) return std::unexpected(std::move(summary.error()));
  // Planner statistics for the fresh tables, before the first server plans
  // on them. The copy is committed: a failure here is no reason to say it
  // failed (autovacuum analyzes them later anyway).
  (void)to->exec("ANALYZE");
  return summary;
}

}  // namespace gapfill::store
