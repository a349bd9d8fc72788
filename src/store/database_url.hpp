#pragma once
// Which database a Gapfill process uses, from one setting: `sqlite:PATH`
// (or a bare PATH, as before URLs), or `postgres://...` /
// `postgresql://...` (a libpq connection URL).

#include <string>
#include <string_view>

#include "base/error.hpp"

namespace gapfill::store {

struct DatabaseUrl {
  enum class Engine { kSqlite, kPostgres } engine = Engine::kSqlite;
  std::string target;  // kSqlite: the file's path; kPostgres: the whole URL
};

// kInvalid naming the problem for an empty path or an unknown scheme.
Result<DatabaseUrl> parse_database_url(std::string_view text);

// The URL as it may be printed or logged: a password becomes "***".
std::string redacted(const DatabaseUrl& url);

}  // namespace gapfill::store
