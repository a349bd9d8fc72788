#pragma once
// `gapfill migrate-data --from sqlite:PATH --to postgres://...`: moves a
// network from SQLite to PostgreSQL (store/copy.hpp), showing progress.

#include <string>

namespace gapfill::app {

// Copies the SQLite database `from` into the empty PostgreSQL database `to`
// and verifies the copy. The data key file is `data_key_file`, or the SQLite
// database's (its path + ".key"); the PostgreSQL servers must then use the
// same one. Progress goes to stderr (one updating line per table on a
// terminal, one line per finished table otherwise), the table of counts and
// "verified: counts and checksums match" to stdout. Returns the exit code:
// 0 when the copy is committed and verified, 1 with a message otherwise.
int migrate_data(const std::string& from, const std::string& to, const std::string& data_key_file);

}  // namespace gapfill::app
