#include "store/database_url.hpp"

namespace gapfill::store {

Result<DatabaseUrl> parse_database_url(std::string_view text) {
  const auto invalid = [](const std::string& why) {
    return fail(ErrorCode::kInvalid, "database: " + why);
  };
  if (text.starts_with("postgres://") || text.starts_with("postgresql://")) {
    const auto rest = text.substr(text.find("://") + 3);
    if (rest.empty()) return invalid("a postgres:// URL needs a host or a database");
    return DatabaseUrl{DatabaseUrl::Engine::kPostgres, std::string(text)};
  }
  if (text.starts_with("sqlite:")) text.remove_prefix(7);
  if (text.starts_with("//")) text.remove_prefix(2);  // sqlite://PATH as well
  const auto scheme = text.find("://");
  if (scheme != std::string_view::npos) {
    return invalid("unknown scheme " + std::string(text.substr(0, scheme)) +
                   ": use sqlite:PATH or postgres://...");
  }
  if (text.empty()) return invalid("the SQLite file's path is empty");
  return DatabaseUrl{DatabaseUrl::Engine::kSqlite, std::string(text)};
}

std::string redacted(const DatabaseUrl& url) {
  if (url.engine == DatabaseUrl::Engine::kSqlite) return "sqlite:" + url.target;
  // scheme://user:password@host... : the password goes.
  std::string text = url.target;
  const auto start = text.find("://") + 3;
  const auto at = text.find('@', start);
  if (at == std::string::npos) return text;
  const auto colon = text.find(':', start);
  if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  return text;
}

}  // namespace gapfill::store
