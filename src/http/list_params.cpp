#include "http/list_params.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/limits.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

// "LAT,LON" as a point on the globe; nullopt for anything else.
std::optional<geo::Point> parse_point(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const auto lat = parse_number(text.substr(0, comma));
  const auto lon = parse_number(text.substr(comma + 1));
  if (!lat || !lon || !geo::is_valid({*lat, *lon})) return std::nullopt;
  return geo::Point{*lat, *lon};
}

}  // namespace

Result<domain::ListQuery> parse_list_params(const Request& request) {
  const auto params = TRY(parse_query(request.query));
  domain::ListQuery query;
  query.limit = limits::kListLimitDefault;
  query.radius_km = limits::kListRadiusDefaultKm;
  FieldMessages errors;
  for (const auto& [name, value] : params) {
    if (name == "kind") {
      query.kind = parse_post_kind(value);
      if (!query.kind) {
        errors[name] = Message{"error.either", {{"first", "request"}, {"second", "offer"}}};
      }
    } else if (name == "category") {
      if (value.empty() || value.size() > 64) {
        errors[name] = Message{"error.category_key", {}};
      } else {
        query.category = value;
      }
    } else if (name == "status") {
      const auto status = parse_post_status(value);
      if (!status) {
        errors[name] = Message{"error.post_status", {}};
      } else {
        query.status = *status;
      }
    } else if (name == "near") {
      query.near = parse_point(value);
      if (!query.near) {
        errors[name] = Message{"error.near", {}};
      }
    } else if (name == "radius_km") {
      const auto radius = parse_number(value);
      if (!radius || *radius <= 0 || *radius > limits::kListRadiusMaxKm) {
        errors[name] = Message{"error.number_positive_max",
                               {{"max", fmt::format("{}", limits::kListRadiusMaxKm)}}};
      } else {
        query.radius_km = *radius;
      }
    } else if (name == "limit") {
      int limit = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc{} || end != value.data() + value.size() || limit < 1 ||
          limit > limits::kListLimitMax) {
        errors[name] = Message{"error.whole_number_range",
                               {{"min", "1"}, {"max", fmt::format("{}", limits::kListLimitMax)}}};
      } else {
        query.limit = limit;
      }
    } else if (name == "cursor") {
      query.after = domain::decode_cursor(value);
      if (!query.after) errors[name] = Message{"error.cursor_unknown", {}};
    } else {
      errors[name] = Message{"error.unknown_parameter", {}};
    }
  }
  if (params.contains("radius_km") && !params.contains("near")) {
    errors["radius_km"] = Message{"error.radius_needs_near", {}};
  }
  if (!errors.empty()) {
    return std::unexpected(
        Error{ErrorCode::kMalformed, "Some query parameters are not valid.", std::move(errors)});
  }
  return query;
}

}  // namespace gapfill::http
