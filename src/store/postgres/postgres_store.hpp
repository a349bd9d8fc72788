#pragma once

#include <memory>
#include <string>

#include "store/field_cipher.hpp"
#include "store/store.hpp"

namespace gapfill::store {

struct PostgresOptions {
  std::string url;      // postgres://... (libpq's URL or key=value form)
  int connections = 8;  // opened as needed, kept for reuse
  // Seals and opens the personal fields (required).
  std::shared_ptr<const FieldCipher> cipher;
};

// Opens the PostgreSQL store (one connection now, to fail early). Does not
// migrate: call migrate() before use.
//
// Many processes may share the database. Writers are serialized across all
// of them by a transaction-level advisory lock taken first in every write
// transaction, so a write sees every write committed before it, as on SQLite;
// reads run on REPEATABLE READ READ ONLY snapshots and never wait for it.
Result<std::unique_ptr<Store>> open_postgres_store(const PostgresOptions& options);

}  // namespace gapfill::store
