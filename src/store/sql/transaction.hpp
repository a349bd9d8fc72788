#pragma once
// A unit of work on one SQL connection: every shared SQL repository
// (store/sql/repositories.hpp) on the same database and cipher.

#include <string_view>

#include "store/field_cipher.hpp"
#include "store/sql/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sql {

// Runs `work` between `begin` (the engine's BEGIN, and anything that must
// run first in the transaction) and COMMIT on `db`, rolling back when it
// fails or throws.
Status run_transaction(Database& db, const FieldCipher& cipher, std::string_view begin,
                       const Work& work);

}  // namespace gapfill::store::sql
