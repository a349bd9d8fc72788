// Service areas over the API:
//   GET /api/v1/networks/serving?place=...|lat=&lon=[&near_km=]  which listed networks serve a
//   place PUT /api/v1/networks/{slug}/area                             an admin changes the area
// The place typed is resolved here with the offline gazetteer; it is never
// logged and never echoed back, only the gazetteer's name for what it found.
#include <fmt/format.h>


#include "base/limits.hpp"
#include "base/text.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/place_lookup.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

constexpr std::size_t kPlaceChoices = 5;

struct ServingQuery {
  std::string place;
  std::optional<geo::Point> point;
  double near_km = domain::kServingNearKmDefault;
};

Result<ServingQuery> parse_serving_query(const Request& request) {
  const auto params = TRY(parse_query(request.query));
  ServingQuery query;
  FieldMessages errors;
  std::optional<double> lat, lon;
  for (const auto& [name, value] : params) {
    if (name == "place") {
      if (!is_clean_text(value, true)) {
        errors[name] = Message{"error.plain_text_one_line", {}};
      } else if (utf8_length(value) > limits::kPlaceQueryMaxChars) {
        errors[name] = Message{"error.text_max_length",
                               {{"max", fmt::format("{}", limits::kPlaceQueryMaxChars)}}};
      } else if (trim(value).empty()) {
        errors[name] = Message{"error.required", {}};
      } else {
        query.place = value;
      }
    } else if (name == "lat" || name == "lon") {
      const auto number = parse_number(value);
      const double bound = name == "lat" ? 90 : 180;
      if (!number || *number < -bound || *number > bound) {
        errors[name] = Message{
            "error.range", {{"min", fmt::format("-{}", bound)}, {"max", fmt::format("{}", bound)}}};
      } else {
        (name == "lat" ? lat : lon) = number;
      }
    } else if (name == "near_km") {
      const auto number = parse_number(value);
      if (!number || *number < 0 || *number > domain::kServingNearKmMax) {
        errors[name] = Message{
            "error.range", {{"min", "0"}, {"max", fmt::format("{}", domain::kServingNearKmMax)}}};
      } else {
        query.near_km = *number;
      }
    } else {
      errors[name] = Message{"error.unknown_parameter", {}};
    }
  }
  const bool has_point = params.contains("lat") || params.contains("lon");
  if (has_point && (!params.contains("lat") || !params.contains("lon"))) {
    errors["lat"] = Message{"error.needs_lat_and_lon", {}};
  }
  if (has_point && params.contains("place")) {
    errors["place"] = Message{"error.place_or_point", {}};
  } else if (!has_point && !params.contains("place")) {
    errors["place"] = Message{"error.required", {}};
  }
  if (!errors.empty()) {
    return std::unexpected(
        Error{ErrorCode::kMalformed, "Some query parameters are not valid.", std::move(errors)});
  }
  if (lat && lon) query.point = geo::Point{*lat, *lon};
  return query;
}

json nearby_json(const domain::NetworkNearby& nearby) {
  json out = network_json(nearby.network);
  out["serves"] = nearby.serves;
  out["distance_km"] = std::round(nearby.distance_km * 10) / 10;
  return out;
}

Response serving(domain::Services& services, const Request& request) {
  const auto query = parse_serving_query(request);
  if (!query) return error_response(query.error());
  json place = nullptr;
  json choices = json::array();
  geo::Point point{};
  if (query->point) {
    point = *query->point;
  } else {
    const PlaceLookup found = resolve_place(query->place, kPlaceChoices);
    if (found.places.empty()) {
      return error_response(Error{ErrorCode::kInvalid,
                                  "No place by that name or postcode is known.",
                                  {{"place", Message{"error.place_unknown", {}}}}});
    }
    const ResolvedPlace& first = found.places.front();
    point = first.point;
    place = {{"display", first.display}, {"lat", point.lat}, {"lon", point.lon}};
    if (found.ambiguous) {
      for (const ResolvedPlace& other : found.places) {
        choices.push_back(
            {{"display", other.display}, {"lat", other.point.lat}, {"lon", other.point.lon}});
      }
    }
  }
  json serving_items = json::array();
  json near_items = json::array();
  for (const auto& nearby : services.networks().serving(point, query->near_km)) {
    (nearby.serves ? serving_items : near_items).push_back(nearby_json(nearby));
  }
  return json_response(200, {{"place", std::move(place)},
                             {"choices", std::move(choices)},
                             {"serving", std::move(serving_items)},
                             {"near", std::move(near_items)}});
}

}  // namespace

void add_area_routes(Router& router, domain::Services& services) {
  // Before /api/v1/networks/{slug}: "serving" is not a slug (validation refuses it).
  router.add(
      Method::kGet, "/api/v1/networks/serving",
      [&services](Request& request) { return serving(services, request); },
      [](const Request&) { return true; });  // in memory: the gazetteer and the cached networks
  router.add(Method::kPut, "/api/v1/networks/{slug}/area", [&services](Request& request) {
    const auto draft = decode_area(request);
    if (!draft) return error_response(draft.error());
    return respond(services.networks().set_area(request.params.at("slug"), *draft,
                                                api_actor(services, request)),
                   [](const Network& network) {
                     return json_response(200, {{"network", network_json(network)}});
                   });
  });
}

}  // namespace gapfill::http
