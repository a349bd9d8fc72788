#pragma once

#include <memory>
#include <string>

#include "store/field_cipher.hpp"
#include "store/store.hpp"

namespace gapfill::store {

struct SqliteOptions {
  std::string path;  // the database file, created when missing
  int reader_connections = 4;
  int writer_cache_kib = 16 * 1024;
  int reader_cache_kib = 4 * 1024;
  // Seals and opens the personal fields (required).
  std::shared_ptr<const FieldCipher> cipher;
};

// Opens the SQLite store. Does not migrate: call migrate() before use.
Result<std::unique_ptr<Store>> open_sqlite_store(const SqliteOptions& options);

}  // namespace gapfill::store
