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

#include "store/copy_tables.hpp"
#include "store/postgres/database.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sql/sealed.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::store {
namespace copying {

using sql::Statement;

std::string identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
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

Result<std::int64_t> count_rows(sql::Database& db, const Table& table) {
  auto count = TRY(db.prepare("SELECT count(*) FROM " + identifier(table.name)));
  TRY(count.step());
  return count.int64(0);
}

}  // namespace copying

namespace {

using namespace copying;
using sql::Statement;

constexpr int kBatchRows = 500;
// PostgreSQL takes at most 65535 parameters per statement.
constexpr int kMaxParameters = 60000;
constexpr int kSqliteCacheKib = 16 * 1024;
// Where SQLite keeps the highest account id it ever removed, so that no id is
// given twice (store/sql/account_repository.cpp); PostgreSQL's sequence must
// start past it.
constexpr std::string_view kRetiredAccountIdSetting = "accounts.highest_removed_id";

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

// ---- The whole copy, inside both transactions.

// The triggers of Gapfill's own migrations (their functions are gapfill_*):
// (the table, as regclass prints it, quoted where it must be; the trigger).
Result<std::vector<std::pair<std::string, std::string>>> gapfill_triggers(postgres::Database& db) {
  auto statement =
      TRY(db.prepare("SELECT t.tgrelid::regclass::text, t.tgname::text FROM pg_trigger t"
                     " JOIN pg_proc p ON p.oid = t.tgfoid"
                     " WHERE NOT t.tgisinternal AND p.proname LIKE 'gapfill\\_%' ORDER BY 1, 2"));
  std::vector<std::pair<std::string, std::string>> triggers;
  while (TRY(statement.step())) triggers.emplace_back(statement.text(0), statement.text(1));
  return triggers;
}

Result<CopySummary> copy_all(sqlite::Database& from, postgres::Database& to,
                             const FieldCipher& cipher, const Progress& progress) {
  std::vector<Table> tables = TRY(sqlite_tables(from));
  TRY_STATUS(add_postgres_types(to, tables));
  tables = TRY(parents_first(std::move(tables)));
  TRY_STATUS(require_empty(to, tables));
  for (Table& table : tables) table.rows = TRY(count_rows(from, table));

  // The change feed's triggers (migration 2) would renumber the copied
  // posts' change_seq and count the copied networks in change_marks: the rows
  // go in as SQLite has them, Gapfill's own triggers off until the copy is in
  // (inside the copy's transaction, like everything here). Anyone else's
  // trigger still runs, and the check below sees what it changed.
  const auto own_triggers = TRY(gapfill_triggers(to));
  for (const auto& [table, trigger] : own_triggers) {
    TRY_STATUS(to.exec("ALTER TABLE " + table + " DISABLE TRIGGER " + identifier(trigger)));
  }
  CopySummary summary;
  std::vector<std::int64_t> copied;
  for (const Table& table : tables) {
    auto done = copy_table(from, to, table, cipher, progress, summary.sealed_on_the_way);
    if (!done) return in_table(std::move(done.error()), table, "copying");
    copied.push_back(*done);
  }
  for (const auto& [table, trigger] : own_triggers) {
    TRY_STATUS(to.exec("ALTER TABLE " + table + " ENABLE TRIGGER " + identifier(trigger)));
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
                            std::to_string(postgres::kWriterLock) + ")");
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
