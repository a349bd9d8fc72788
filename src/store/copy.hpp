#pragma once
// Moving a network from SQLite to PostgreSQL (`gapfill migrate-data`): every
// table of the SQLite database copied into an empty PostgreSQL database in
// one transaction, then verified (row counts and checksums) before COMMIT.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "store/field_cipher.hpp"

namespace gapfill::store {

// Where a copy is, for a progress display: called after every batch of rows
// and once when a table is done (rows_done == rows_total, also for an empty
// table), while copying and again while verifying.
struct CopyProgress {
  enum class Stage { kCopying, kVerifying } stage = Stage::kCopying;
  std::string table;
  std::int64_t rows_done = 0;
  std::int64_t rows_total = 0;
};

struct CopiedTable {
  std::string name;
  std::int64_t rows = 0;
  std::string checksum;  // SHA-256 in hex, equal on both sides
};

struct CopySummary {
  std::vector<CopiedTable> tables;  // in the order they were copied (parents first)
  std::int64_t rows = 0;
  // Plaintext from before sealing, found in the SQLite database's sealed
  // columns and sealed on the way.
  std::int64_t sealed_on_the_way = 0;
};

// Copies the SQLite database at `from_sqlite_path` (which must exist) into the
// PostgreSQL database at `to_postgres_url`, migrating both to the latest
// schema first. `cipher` opens the SQLite database's sealed columns and is
// the keyring the PostgreSQL servers must then use.
//
// Refuses (kConflict) when the target already holds any row in a table to
// copy: two databases' data are never mixed. Copies in one PostgreSQL
// transaction, parents before children, each table's rows in rowid order and
// every column by name; sealed values go as they are, plaintext from before
// sealing is sealed on the way. Identity sequences are set past the highest
// id (for accounts, past the highest id SQLite ever removed too). Then reads
// everything back on both sides and compares, per table, the row count and a
// SHA-256 over every value in primary key order (sealed values as their
// opened plaintext); any difference rolls the whole copy back (kInternal,
// naming the table). The SQLite database is read in one read transaction, a
// consistent snapshot: stop the servers that write to it first, or what they
// write after the snapshot is not copied.
Result<CopySummary> copy_database(const std::string& from_sqlite_path,
                                  const std::string& to_postgres_url, const FieldCipher& cipher,
                                  const std::function<void(const CopyProgress&)>& progress);

}  // namespace gapfill::store
