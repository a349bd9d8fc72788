// Roles per network in the API: joining as a volunteer, the members and
// invites an admin manages, redeeming an invite or the operator's organizer
// key, and the network's policy. Every decision is the domain's
// (domain/memberships.cpp, domain/authorization.cpp).

#include "base/limits.hpp"
#include "base/time.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/json_body.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

constexpr const char* kInviteRoles = "volunteer, organizer, admin";
constexpr const char* kMemberRoles = "member, volunteer, organizer, admin";

json membership_json(const Membership& membership) {
  return {{"account_id", membership.account_id},
          {"role", to_string(membership.role)},
          {"since", format_rfc3339(membership.created_at)}};
}

json invite_json(const Invite& invite) {
  json out = {{"id", invite.id},
              {"role", to_string(invite.role)},
              {"created_at", format_rfc3339(invite.created_at)},
              {"expires_at", format_rfc3339(invite.expires_at)},
              {"used", invite.used_at.has_value()},
              {"revoked", invite.revoked_at.has_value()}};
  return out;
}

json policy_json(const NetworkPolicy& policy) {
  return {{"claim_needs_volunteer", policy.claim_needs_volunteer}};
}

// The body of a route that takes one field: the reader, or the error.
template <typename Read>
Result<json> read_body(const Request& request, Read&& read) {
  const json body = TRY(parse_json_object(request.body.empty() ? "{}" : request.body));
  FieldMessages read_errors, unknown;
  FieldReader reader(body, "", read_errors, unknown);
  read(reader, read_errors);
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return body;
}

// {"role": "..."}, one of `allowed`.
Result<Role> decode_role(const Request& request, const char* allowed) {
  std::optional<Role> role;
  TRY(read_body(request, [&](FieldReader& reader, FieldMessages& errors) {
    const auto text = reader.string("role");
    if (text) role = parse_role(*text);
    if (!role) errors["role"] = Message{"error.one_of", {{"allowed", allowed}}};
  }));
  return *role;
}

// {"token": "..."}.
Result<std::string> decode_token(const Request& request) {
  std::string token;
  TRY(read_body(request, [&](FieldReader& reader, FieldMessages& errors) {
    token = reader.string("token").value_or("");
    if (token.empty()) errors["token"] = Message{"error.required", {}};
  }));
  return token;
}

Response membership_response(const Result<Membership>& result) {
  return respond(result,
                 [](const Membership& m) { return json_response(200, membership_json(m)); });
}

Response no_content(const Status& status) {
  if (!status) return error_response(status.error());
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

void add_member_routes(Router& router, domain::Services& services) {
  auto& memberships = services.memberships();
  router.add(Method::kPost, "/api/v1/networks/{slug}/join", [&](Request& request) {
    return membership_response(
        memberships.join(request.params.at("slug"), api_actor(services, request)));
  });
  router.add(Method::kGet, "/api/v1/networks/{slug}/members", [&](Request& request) {
    return respond(memberships.members(request.params.at("slug"), api_actor(services, request)),
                   [](const std::vector<Membership>& members) {
                     json items = json::array();
                     for (const Membership& m : members) items.push_back(membership_json(m));
                     return json_response(200, {{"items", std::move(items)}});
                   });
  });
  router.add(Method::kPatch, "/api/v1/networks/{slug}/members/{account}", [&](Request& request) {
    const auto account = path_id(request, "account", "Member");
    if (!account) return error_response(account.error());
    const auto role = decode_role(request, kMemberRoles);
    if (!role) return error_response(role.error());
    return membership_response(memberships.set_role(request.params.at("slug"),
                                                    api_actor(services, request), *account, *role));
  });
  router.add(Method::kDelete, "/api/v1/networks/{slug}/members/{account}", [&](Request& request) {
    const auto account = path_id(request, "account", "Member");
    if (!account) return error_response(account.error());
    return no_content(
        memberships.remove(request.params.at("slug"), api_actor(services, request), *account));
  });
}

void add_invite_routes(Router& router, domain::Services& services) {
  auto& memberships = services.memberships();
  router.add(Method::kPost, "/api/v1/networks/{slug}/invites", [&](Request& request) {
    const auto role = decode_role(request, kInviteRoles);
    if (!role) return error_response(role.error());
    return respond(
        memberships.invite(request.params.at("slug"), api_actor(services, request), *role),
        [](const domain::IssuedInvite& issued) {
          return json_response(201, {{"invite", invite_json(issued.invite)},
                                     {"token", issued.token},
                                     {"path", "/invite/" + issued.token}});
        });
  });
  router.add(Method::kGet, "/api/v1/networks/{slug}/invites", [&](Request& request) {
    return respond(memberships.invites(request.params.at("slug"), api_actor(services, request)),
                   [](const std::vector<Invite>& invites) {
                     json items = json::array();
                     for (const Invite& invite : invites) items.push_back(invite_json(invite));
                     return json_response(200, {{"items", std::move(items)}});
                   });
  });
  router.add(Method::kPost, "/api/v1/networks/{slug}/invites/{id}/revoke", [&](Request& request) {
    const auto id = path_id(request, "id", "Invite");
    if (!id) return error_response(id.error());
    return no_content(
        memberships.revoke_invite(request.params.at("slug"), api_actor(services, request), *id));
  });
  router
      .add(Method::kPost, "/api/v1/invites/redeem",
           [&](Request& request) {
             const auto token = decode_token(request);
             if (!token) return error_response(token.error());
             return membership_response(memberships.redeem(*token, api_actor(services, request)));
           })
      .rate_limit(limits::kRateSignIn);
  router
      .add(Method::kPost, "/api/v1/networks/{slug}/admin-key",
           [&](Request& request) {
             const auto token = decode_token(request);
             if (!token) return error_response(token.error());
             return membership_response(memberships.redeem_organizer_key(
                 request.params.at("slug"), *token, api_actor(services, request)));
           })
      .rate_limit(limits::kRateSignIn);
}

void add_policy_routes(Router& router, domain::Services& services) {
  auto& memberships = services.memberships();
  router.add(Method::kGet, "/api/v1/networks/{slug}/policy", [&](Request& request) {
    return respond(memberships.policy(request.params.at("slug")),
                   [](const NetworkPolicy& p) { return json_response(200, policy_json(p)); });
  });
  router.add(Method::kPatch, "/api/v1/networks/{slug}/policy", [&](Request& request) {
    std::optional<bool> claim_needs_volunteer;
    const auto body = read_body(request, [&](FieldReader& reader, FieldMessages& errors) {
      claim_needs_volunteer = reader.boolean("claim_needs_volunteer");
      if (!claim_needs_volunteer && !errors.contains("claim_needs_volunteer")) {
        errors["claim_needs_volunteer"] = Message{"error.required", {}};
      }
    });
    if (!body) return error_response(body.error());
    NetworkPolicy policy;
    policy.claim_needs_volunteer = *claim_needs_volunteer;
    return respond(
        memberships.set_policy(request.params.at("slug"), api_actor(services, request), policy),
        [](const NetworkPolicy& p) { return json_response(200, policy_json(p)); });
  });
}

}  // namespace

void add_role_routes(Router& router, domain::Services& services) {
  add_member_routes(router, services);
  add_invite_routes(router, services);
  add_policy_routes(router, services);
}

}  // namespace gapfill::http
