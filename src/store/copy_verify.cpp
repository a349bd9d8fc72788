// The copy's check (store/copy.cpp): every table read back on both sides,
// in key order, into a SHA-256 digest of a canonical encoding of its rows.

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <optional>

#include "store/copy_tables.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::copying {
namespace {

using sql::Statement;

constexpr int kVerifyPageRows = 1000;

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

}  // namespace

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

}  // namespace gapfill::store::copying
