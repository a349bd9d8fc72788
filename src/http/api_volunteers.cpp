// Volunteer profiles in the API: a volunteer's own availability in a network
// (GET/PUT/DELETE /api/v1/networks/{slug}/volunteer-profile, signed in), and
// the network's volunteers with their load for organizers
// (GET /api/v1/networks/{slug}/volunteers). Decisions are the domain's
// (domain/volunteers.cpp).

#include "base/limits.hpp"
#include "base/time.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/json_body.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

json optional_time(const std::optional<UnixSeconds>& at) {
  return at ? json(format_rfc3339(*at)) : json(nullptr);
}

}  // namespace

json volunteer_profile_json(const VolunteerProfile& profile) {
  return {{"network_id", profile.network_id},
          {"account_id", profile.account_id},
          {"name", profile.name},
          {"available", profile.available},
          {"categories", profile.categories},
          {"lat", profile.point.lat},
          {"lon", profile.point.lon},
          {"place_text", profile.place_text},
          {"max_distance_km", profile.max_distance_km},
          {"languages", profile.languages},
          {"max_active", profile.max_active},
          {"max_per_week", profile.max_per_week},
          {"available_from", optional_time(profile.available_from)},
          {"available_until", optional_time(profile.available_until)},
          {"created_at", format_rfc3339(profile.created_at)},
          {"updated_at", format_rfc3339(profile.updated_at)}};
}

Result<domain::VolunteerDraft> decode_volunteer(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::VolunteerDraft draft;
  FieldMessages unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.name = reader.string("name");
  draft.available = reader.boolean("available");
  draft.categories = reader.strings("categories", limits::kCategoriesMax);
  draft.place = reader.string("place");
  draft.lat = reader.number("lat");
  draft.lon = reader.number("lon");
  draft.max_distance_km = reader.number("max_distance_km");
  draft.languages = reader.strings("languages", limits::kVolunteerLanguagesMax);
  draft.max_active = reader.integer("max_active");
  draft.max_per_week = reader.integer("max_per_week");
  draft.available_from = reader.timestamp("available_from");
  draft.available_until = reader.timestamp("available_until");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

void add_volunteer_routes(Router& router, domain::Services& services) {
  auto& volunteers = services.volunteers();
  const char* own = "/api/v1/networks/{slug}/volunteer-profile";
  const auto profile_response = [](const Result<VolunteerProfile>& result) {
    return respond(result, [](const VolunteerProfile& profile) {
      return json_response(200, volunteer_profile_json(profile));
    });
  };
  router.add(Method::kGet, own, [&, profile_response](Request& request) {
    return profile_response(
        volunteers.profile(request.params.at("slug"), api_actor(services, request)));
  });
  router.add(Method::kPut, own, [&, profile_response](Request& request) {
    const auto draft = decode_volunteer(request);
    if (!draft) return error_response(draft.error());
    return profile_response(
        volunteers.set_profile(request.params.at("slug"), api_actor(services, request), *draft));
  });
  router.add(Method::kDelete, own, [&](Request& request) {
    const Status status =
        volunteers.remove_profile(request.params.at("slug"), api_actor(services, request));
    if (!status) return error_response(status.error());
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
  });
  router.add(Method::kGet, "/api/v1/networks/{slug}/volunteers", [&](Request& request) {
    return respond(volunteers.standings(request.params.at("slug"), api_actor(services, request)),
                   [](const std::vector<domain::VolunteerStanding>& standings) {
                     json items = json::array();
                     for (const auto& standing : standings) {
                       json item = volunteer_profile_json(standing.profile);
                       item["load"] = {{"active", standing.load.active},
                                       {"this_week", standing.load.this_week}};
                       item["capacity_left"] = standing.capacity_left;
                       items.push_back(std::move(item));
                     }
                     return json_response(200, {{"items", std::move(items)}});
                   });
  });
}

}  // namespace gapfill::http
