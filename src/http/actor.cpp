#include "http/actor.hpp"

#include "base/limits.hpp"
#include "http/query.hpp"
#include "http/session.hpp"

namespace gapfill::http {

std::optional<AccountId> signed_in_account(domain::Services& services, const Request& request) {
  const auto who = signed_in(services, request);
  if (!who) return std::nullopt;
  return who->account.id;
}

domain::Actor api_actor(domain::Services& services, const Request& request) {
  std::string bearer = request.bearer_token();
  // A session token is an account, never a manage or match token.
  if (bearer.starts_with(limits::kSessionTokenPrefix)) bearer.clear();
  domain::Actor actor(std::move(bearer));
  actor.account = signed_in_account(services, request);
  return actor;
}

domain::Actor page_actor(const PageRequest& visitor, std::string token) {
  domain::Actor actor(std::move(token));
  actor.account = signed_in_account(visitor.web().services, visitor.request());
  return actor;
}

std::string local_path_or_empty(std::string_view next) {
  if (next.size() < 1 || next.size() > limits::kMaxUrlBytes || next[0] != '/') return "";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "";
  for (const char c : next) {
    if (c <= ' ' || c > '~' || c == '\\') return "";
  }
  return std::string(next);
}

std::string sign_in_path(const std::string& next) {
  return "/account/sign-in?next=" + percent_encode(next);
}

}  // namespace gapfill::http
