#include "http/session.hpp"

#include "base/limits.hpp"
#include "http/cookies.hpp"

namespace gapfill::http {

std::string session_token(const Request& request) {
  const bool api = request.path == "/api" || request.path.starts_with("/api/");
  if (api) {
    std::string token = request.bearer_token();
    return token.starts_with(limits::kSessionTokenPrefix) ? token : std::string();
  }
  const auto header = request.header("cookie");
  if (!header) return {};
  const auto cookies = parse_cookies(*header);
  const auto found = cookies.find(kSessionCookie);
  if (found == cookies.end() || !found->second.starts_with(limits::kSessionTokenPrefix)) return {};
  return found->second;
}

std::optional<domain::SignedIn> signed_in(domain::Services& services, const Request& request) {
  const std::string token = session_token(request);
  if (token.empty()) return std::nullopt;
  auto found = services.accounts().authenticate(token);
  if (!found) return std::nullopt;
  return std::move(*found);
}

bool secure_request(bool secure_cookies, const Request& request) {
  return secure_cookies || request.forwarded_https;
}

}  // namespace gapfill::http
