#pragma once
// How a SQLite repository stores a personal field sealed (store/field_cipher.hpp):
// bind with add_sealed, read with read_sealed, and list the column in
// sealed_columns() so that start-up checks its keys, seals old plaintext, and
// key rotation re-seals it. A sealed value is a BLOB; plaintext (a database
// from before sealing) is TEXT; an empty value stays '' (empty, or erased by
// the retention sweep: nothing to hide, and erasing needs no key).

#include <span>
#include <string>
#include <string_view>

#include "store/field_cipher.hpp"
#include "store/sql/database.hpp"

namespace gapfill::store::sql {

// Binds `value` at the statement's next position: sealed, or '' when empty.
inline Statement& add_sealed(Statement& statement, const FieldCipher& cipher,
                             std::string_view value) {
  // "" and not a default string_view: SQLite binds a null pointer as NULL.
  if (value.empty()) return statement.add(std::string_view(""));
  const int position = statement.next_position();
  statement.start_at(position + 1);
  return statement.bind_blob(position, cipher.seal(value));
}

// Binds `value` at `position`, as add_sealed does.
inline Statement& bind_sealed(Statement& statement, int position, const FieldCipher& cipher,
                              std::string_view value) {
  if (value.empty()) return statement.bind(position, std::string_view(""));
  return statement.bind_blob(position, cipher.seal(value));
}

// Reads a column written by add_sealed (or plaintext from before sealing).
inline Result<std::string> read_sealed(const Statement& row, int column,
                                       const FieldCipher& cipher) {
  if (row.is_blob(column)) return cipher.open(row.blob(column));
  return row.text(column);
}

struct SealedColumn {
  std::string_view table;
  std::string_view column;
  // When set, a column holding FieldCipher::lookup of the value, written
  // with it and again whenever it is re-sealed.
  std::string_view lookup = {};
};

// Every sealed column of every table (add yours here).
std::span<const SealedColumn> sealed_columns();

// Fails, naming the key file's problem, when a sealed value names a key the
// keyring lacks or does not open with the key it names (one value per key id
// and column is tried).
Status check_sealed_keys(Database& db, const FieldCipher& cipher);

// Seals under the current key up to `limit` values that are plaintext or
// sealed under another key; returns how many. Run it in a write transaction.
Result<int> reseal_some(Database& db, const FieldCipher& cipher, int limit);

}  // namespace gapfill::store::sql
