#include "http/cookies.hpp"

#include "base/limits.hpp"
#include "base/text.hpp"

namespace gapfill::http {

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> cookies;
  while (!header.empty() && cookies.size() < limits::kMaxCookies) {
    const auto semicolon = header.find(';');
    const std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    std::string name = trim(pair.substr(0, equals));
    std::string value = trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!name.empty()) cookies.emplace(std::move(name), std::move(value));
  }
  return cookies;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
  std::string out;
  out.append(name).append("=").append(value).append("; Path=").append(options.path);
  if (options.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(options.max_age_seconds);
  out += "; HttpOnly; SameSite=";
  out += options.same_site == SameSite::kStrict ? "Strict" : "Lax";
  if (options.secure) out += "; Secure";
  return out;
}

}  // namespace gapfill::http
