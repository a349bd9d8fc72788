#include "http/actor.hpp"

#include "http/query.hpp"

namespace gapfill::http {

std::optional<AccountId> signed_in_account(domain::Services& services, const Request& request) {
  (void)services;
  (void)request;
  return std::nullopt;
}

domain::Actor api_actor(domain::Services& services, const Request& request) {
  domain::Actor actor(request.bearer_token());
  actor.account = signed_in_account(services, request);
  return actor;
}

domain::Actor page_actor(const PageRequest& visitor, std::string token) {
  domain::Actor actor(std::move(token));
  actor.account = signed_in_account(visitor.web().services, visitor.request());
  return actor;
}

std::string sign_in_path(const std::string& next) {
  return "/account/sign-in?next=" + percent_encode(next);
}

}  // namespace gapfill::http
