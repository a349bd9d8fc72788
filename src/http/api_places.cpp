// GET /api/v1/places?q=&limit=: the offline gazetteer (engine/gazetteer.hpp) for
// typeahead. Public: it reads only the compiled-in index of places and ZIP codes
// and stores nothing. What was typed is never logged (it may say where someone is).
#include <fmt/format.h>

#include <charconv>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "engine/gazetteer.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

struct PlacesQuery {
  std::string q;
  int limit = limits::kPlacesLimitDefault;
};

Result<PlacesQuery> parse_places_query(const Request& request) {
  const auto params = TRY(parse_query(request.query));
  PlacesQuery query;
  FieldMessages errors;
  bool has_q = false;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      has_q = true;
      if (!is_clean_text(value, true)) {
        errors[name] = Message{"error.plain_text_one_line", {}};
      } else if (utf8_length(value) > limits::kPlaceQueryMaxChars) {
        errors[name] = Message{"error.text_max_length",
                               {{"max", fmt::format("{}", limits::kPlaceQueryMaxChars)}}};
      } else if (trim(value).empty()) {
        errors[name] = Message{"error.required", {}};
      } else {
        query.q = value;
      }
    } else if (name == "limit") {
      int limit = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc{} || end != value.data() + value.size() || limit < 1 ||
          limit > limits::kPlacesLimitMax) {
        errors[name] = Message{"error.whole_number_range",
                               {{"min", "1"}, {"max", fmt::format("{}", limits::kPlacesLimitMax)}}};
      } else {
        query.limit = limit;
      }
    } else {
      errors[name] = Message{"error.unknown_parameter", {}};
    }
  }
  if (!has_q) errors["q"] = Message{"error.required", {}};
  if (!errors.empty()) {
    return std::unexpected(
        Error{ErrorCode::kMalformed, "Some query parameters are not valid.", std::move(errors)});
  }
  return query;
}

json candidate_json(const gazetteer::Candidate& c) {
  const bool postcode = c.kind == gazetteer::Kind::kPostcode;
  json out = {{"name", c.name},
              {"display", gazetteer::display_name(c)},
              {"kind", postcode ? "postcode" : "place"},
              {"admin", c.admin},
              {"country", c.country},
              {"country_name", c.country_name},
              {"lat", c.point.lat},
              {"lon", c.point.lon},
              {"population", c.population}};
  if (postcode) out["near"] = c.near;
  out["exact"] = c.exact;
  return out;
}

}  // namespace

void add_place_routes(Router& router) {
  // In memory and bounded (about a millisecond at worst): answered on the I/O thread.
  router.add(
      Method::kGet, "/api/v1/places",
      [](Request& request) {
        const auto query = parse_places_query(request);
        if (!query) return error_response(query.error());
        const auto found = gazetteer::Gazetteer::embedded().lookup(
            query->q, static_cast<std::size_t>(query->limit));
        json items = json::array();
        for (const auto& candidate : found.candidates) items.push_back(candidate_json(candidate));
        Response response = json_response(
            200, {{"items", std::move(items)},
                  {"ambiguous", found.ambiguous},
                  {"attribution", "Place names from GeoNames (geonames.org), CC BY 4.0"}});
        // The same for everyone and fixed until the next release.
        response.headers.emplace_back("Cache-Control", "public, max-age=86400");
        return response;
      },
      [](const Request&) { return true; });
}

}  // namespace gapfill::http
