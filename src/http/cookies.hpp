#pragma once
// Cookies: reading the Cookie header and writing Set-Cookie.

#include <map>
#include <string>
#include <string_view>

namespace gapfill::http {

// The cookies of a Cookie header ("a=1; b=2"). Malformed pairs are skipped,
// the first of a repeated name wins, and at most limits::kMaxCookies are read.
std::map<std::string, std::string> parse_cookies(std::string_view header);

enum class SameSite { kLax, kStrict };

struct CookieOptions {
  std::string path = "/";
  long max_age_seconds = -1;  // -1: until the browser closes
  SameSite same_site = SameSite::kLax;
  bool secure = false;
};

// A Set-Cookie value; always HttpOnly. `value` must be cookie-safe (base64url, a language code).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace gapfill::http
