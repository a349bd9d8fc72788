// The matcher's suggestions for organizers: GET
// /api/v1/networks/{slug}/suggestions lists them with their reasons; accept
// one, accept all, or dismiss one. The rules are in domain/suggestions.hpp.

#include "base/limits.hpp"
#include "base/time.hpp"
#include "domain/suggestions.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/json_body.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

// Kilometres to one decimal: what the public point's precision supports.
double rounded_km(double km) {
  return static_cast<double>(static_cast<std::int64_t>(km * 10 + 0.5)) / 10;
}

json reasons_json(const domain::SuggestionReasons& reasons) {
  json list = json::array();
  list.push_back({{"kind", "distance"}, {"km", rounded_km(reasons.distance_km)}});
  list.push_back({{"kind", "urgency"}, {"value", to_string(reasons.urgency)}});
  list.push_back({{"kind", "waited"}, {"days", reasons.waited_days}});
  if (reasons.from || reasons.to) {
    list.push_back({{"kind", "time"},
                    {"from", reasons.from ? json(format_rfc3339(*reasons.from)) : json(nullptr)},
                    {"to", reasons.to ? json(format_rfc3339(*reasons.to)) : json(nullptr)}});
  } else {
    list.push_back({{"kind", "time"}, {"from", nullptr}, {"to", nullptr}});
  }
  if (reasons.language) list.push_back({{"kind", "language"}, {"value", *reasons.language}});
  return list;
}

json post_brief(const Post& post) {
  return {{"id", post.id},
          {"kind", to_string(post.kind)},
          {"title", post.title},
          {"category", post.category},
          {"urgency", to_string(post.urgency)},
          {"quantity", post.quantity ? json(*post.quantity) : json(nullptr)},
          {"status", to_string(post.status)}};
}

json suggestion_json(const domain::Suggestion& suggestion) {
  json item = {{"request_id", suggestion.request.id},
               {"quantity", suggestion.quantity},
               {"distance_km", rounded_km(suggestion.reasons.distance_km)},
               {"priority", suggestion.priority},
               {"reasons", reasons_json(suggestion.reasons)},
               {"request", post_brief(suggestion.request)}};
  if (suggestion.offer) {
    item["offer_id"] = suggestion.offer->id;
    item["offer"] = post_brief(*suggestion.offer);
  } else if (suggestion.volunteer) {
    item["volunteer_id"] = suggestion.volunteer->account_id;
    item["volunteer"] = {{"id", suggestion.volunteer->account_id},
                         {"name", suggestion.volunteer->name}};
  }
  return item;
}

json summary_json(const domain::SuggestionSummary& summary) {
  return {{"requests", summary.requests},
          {"offers", summary.offers},
          {"volunteers", summary.volunteers},
          {"units_needed", summary.units_needed},
          {"units_suggested", summary.units_suggested},
          {"requests_suggested", summary.requests_suggested}};
}

// {"request_id": id, "offer_id": id} or {"request_id": id, "volunteer_id": id}.
Result<domain::SuggestionChoice> decode_choice(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::SuggestionChoice choice;
  FieldMessages unknown;
  FieldReader reader(body, "", choice.read_errors, unknown);
  choice.request_id = reader.integer("request_id");
  choice.offer_id = reader.integer("offer_id");
  choice.volunteer_id = reader.integer("volunteer_id");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return choice;
}

json matches_json(const std::vector<Match>& matches) {
  json list = json::array();
  for (const Match& match : matches) list.push_back(match_json(match));
  return list;
}

Response list(domain::Services& services, Request& request) {
  const auto params = parse_query(request.query);
  if (!params) return error_response(params.error());
  const auto limit = query_number(*params, "limit", limits::kSuggestionsLimitDefault, 1,
                                  limits::kSuggestionsLimitMax);
  if (!limit) return error_response(limit.error());
  return respond(
      services.suggestions().suggest(request.params.at("slug"), api_actor(services, request),
                                     static_cast<int>(*limit)),
      [](const domain::SuggestionList& found) {
        json items = json::array();
        for (const auto& suggestion : found.items) {
          items.push_back(suggestion_json(suggestion));
        }
        return json_response(200, {{"items", std::move(items)},
                                   {"total", found.total},
                                   {"summary", summary_json(found.summary)}});
      });
}

Response accept(domain::Services& services, Request& request) {
  auto choice = decode_choice(request);
  if (!choice) return error_response(choice.error());
  return respond(services.suggestions().accept(request.params.at("slug"),
                                               api_actor(services, request), *choice),
                 [](const Match& match) {
                   Response response = json_response(201, {{"match", match_json(match)}});
                   response.headers.emplace_back("Location",
                                                 "/api/v1/matches/" + std::to_string(match.id));
                   return response;
                 });
}

Response accept_all(domain::Services& services, Request& request) {
  if (const Status empty = decode_no_fields(request); !empty) return error_response(empty.error());
  return respond(
      services.suggestions().accept_all(request.params.at("slug"), api_actor(services, request)),
      [](const domain::AcceptedSuggestions& accepted) {
        return json_response(200, {{"accepted", accepted.matches.size()},
                                   {"skipped", accepted.skipped},
                                   {"matches", matches_json(accepted.matches)}});
      });
}

Response dismiss(domain::Services& services, Request& request) {
  auto choice = decode_choice(request);
  if (!choice) return error_response(choice.error());
  const Status dismissed = services.suggestions().dismiss(request.params.at("slug"),
                                                          api_actor(services, request), *choice);
  if (!dismissed) return error_response(dismissed.error());
  json body = {{"request_id", *choice->request_id}};
  if (choice->offer_id) body["offer_id"] = *choice->offer_id;
  if (choice->volunteer_id) body["volunteer_id"] = *choice->volunteer_id;
  return json_response(200, {{"dismissed", std::move(body)}});
}

}  // namespace

void add_suggestion_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/networks/{slug}/suggestions",
             [&services](Request& request) { return list(services, request); });
  router.add(Method::kPost, "/api/v1/networks/{slug}/suggestions/accept",
             [&services](Request& request) { return accept(services, request); });
  router.add(Method::kPost, "/api/v1/networks/{slug}/suggestions/accept-all",
             [&services](Request& request) { return accept_all(services, request); });
  router.add(Method::kPost, "/api/v1/networks/{slug}/suggestions/dismiss",
             [&services](Request& request) { return dismiss(services, request); });
}

}  // namespace gapfill::http
