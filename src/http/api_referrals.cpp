// The referrals API: an organizer refers a request to another network
// (POST /api/v1/posts/{id}/referrals), the requester answers with the post's
// manage token (POST /api/v1/posts/{id}/referrals/{referral}/consent), the
// receiving network's organizers accept or decline, the sending network's
// withdraw, and both list their referrals. The rules are in
// domain/referrals.hpp.

#include "base/time.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/json_body.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

json optional_time(const std::optional<UnixSeconds>& at) {
  return at ? json(format_rfc3339(*at)) : json(nullptr);
}

json network_ref(const Network& network) {
  return {{"slug", network.slug}, {"name", network.name}};
}

json referral_fields(const Referral& referral) {
  return {{"id", referral.id},
          {"status", to_string(referral.status)},
          {"consent", referral.consent ? json(to_string(*referral.consent)) : json(nullptr)},
          {"decline_reason",
           referral.decline_reason ? json(to_string(*referral.decline_reason)) : json(nullptr)},
          {"created_at", format_rfc3339(referral.created_at)},
          {"consented_at", optional_time(referral.consented_at)},
          {"decided_at", optional_time(referral.decided_at)},
          {"new_post_id", referral.new_post_id ? json(*referral.new_post_id) : json(nullptr)}};
}

json referral_json(const domain::ReferralItem& item) {
  json body = referral_fields(item.referral);
  body["direction"] =
      item.direction == domain::ReferralDirection::kOutgoing ? "outgoing" : "incoming";
  body["from"] = network_ref(item.from);
  body["to"] = network_ref(item.to);
  body["note"] = item.referral.note;
  // The receiving network reads the request's private fields only while the
  // decision is theirs to make.
  const bool private_view = item.direction == domain::ReferralDirection::kOutgoing ||
                            item.referral.status == ReferralStatus::kSent;
  const domain::PostView view{item.post,
                              item.from.slug,
                              private_view ? domain::Access::kOrganizer : domain::Access::kPublic,
                              {}};
  body["post"] = post_json(view);
  return body;
}

Result<domain::ReferralDraft> decode_referral(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::ReferralDraft draft;
  FieldMessages unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.to = reader.string("to");
  if (const auto consent = reader.string("consent")) {
    draft.consent = parse_referral_consent(*consent);
    if (!draft.consent) {
      draft.read_errors["consent"] =
          Message{"error.either", {{"first", "requester"}, {"second", "organizer"}}};
    }
  }
  draft.note = reader.string("note");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

// {"agree": true|false}, required.
Result<bool> decode_consent(const Request& request) {
  const auto body = TRY(parse_json_object(request.body.empty() ? "{}" : request.body));
  FieldMessages read_errors, unknown;
  FieldReader reader(body, "", read_errors, unknown);
  const auto agree = reader.boolean("agree");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!agree && !read_errors.contains("agree"))
    read_errors["agree"] = Message{"error.required", {}};
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return *agree;
}

// {"reason": one of the decline reasons}, optional, or no body.
Result<std::optional<DeclineReason>> decode_decline(const Request& request) {
  const auto body = TRY(parse_json_object(request.body.empty() ? "{}" : request.body));
  FieldMessages read_errors, unknown;
  FieldReader reader(body, "", read_errors, unknown);
  std::optional<DeclineReason> reason;
  if (const auto text = reader.string("reason")) {
    reason = parse_decline_reason(*text);
    if (!reason) {
      read_errors["reason"] =
          Message{"error.one_of", {{"allowed", "outside_area, no_capacity, not_offered, other"}}};
    }
  }
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return reason;
}

Response one(const Result<domain::ReferralItem>& item, int status = 200) {
  return respond(item, [status](const domain::ReferralItem& value) {
    Response response = json_response(status, {{"referral", referral_json(value)}});
    if (status == 201) {
      response.headers.emplace_back("Location",
                                    "/api/v1/referrals/" + std::to_string(value.referral.id));
    }
    return response;
  });
}

Response refer(domain::Services& services, Request& request) {
  auto id = path_id(request, "id", "Post");
  if (!id) return error_response(id.error());
  auto draft = decode_referral(request);
  if (!draft) return error_response(draft.error());
  return one(services.referrals().refer(*id, api_actor(services, request), *draft), 201);
}

Response consent(domain::Services& services, Request& request) {
  auto id = path_id(request, "id", "Post");
  if (!id) return error_response(id.error());
  auto referral = path_id(request, "referral", "Referral");
  if (!referral) return error_response(referral.error());
  auto agree = decode_consent(request);
  if (!agree) return error_response(agree.error());
  return respond(services.referrals().consent(*id, *referral, api_actor(services, request), *agree),
                 [](const Referral& value) {
                   return json_response(200, {{"referral", referral_fields(value)}});
                 });
}

Response decide(domain::Services& services, Request& request, const char* verb) {
  auto id = path_id(request, "id", "Referral");
  if (!id) return error_response(id.error());
  const domain::Actor actor = api_actor(services, request);
  const std::string_view what(verb);
  if (what == "decline") {
    auto reason = decode_decline(request);
    if (!reason) return error_response(reason.error());
    return one(services.referrals().decline(*id, actor, *reason));
  }
  if (const Status empty = decode_no_fields(request); !empty) return error_response(empty.error());
  if (what == "accept") return one(services.referrals().accept(*id, actor));
  return one(services.referrals().withdraw(*id, actor));
}

}  // namespace

void add_referral_routes(Router& router, domain::Services& services) {
  router.add(Method::kPost, "/api/v1/posts/{id}/referrals",
             [&services](Request& request) { return refer(services, request); });
  router.add(Method::kPost, "/api/v1/posts/{id}/referrals/{referral}/consent",
             [&services](Request& request) { return consent(services, request); });
  router.add(Method::kGet, "/api/v1/networks/{slug}/referrals", [&services](Request& request) {
    return respond(
        services.referrals().list(request.params.at("slug"), api_actor(services, request)),
        [](const std::vector<domain::ReferralItem>& items) {
          json list = json::array();
          for (const auto& item : items) list.push_back(referral_json(item));
          return json_response(200, {{"items", std::move(list)}});
        });
  });
  router.add(Method::kGet, "/api/v1/referrals/{id}", [&services](Request& request) {
    auto id = path_id(request, "id", "Referral");
    if (!id) return error_response(id.error());
    return one(services.referrals().view(*id, api_actor(services, request)));
  });
  for (const char* verb : {"accept", "decline", "withdraw"}) {
    router.add(Method::kPost, std::string("/api/v1/referrals/{id}/") + verb,
               [&services, verb](Request& request) { return decide(services, request, verb); });
  }
}

}  // namespace gapfill::http
