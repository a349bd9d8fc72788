#include "http/list_params.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/limits.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<domain::ListQuery> parse_list_params(const Request& request) {
  const auto params = TRY(parse_query(request.query));
  domain::ListQuery query;
  query.limit = limits::kListLimitDefault;
  query.radius_km = limits::kListRadiusDefaultKm;
  std::map<std::string, std::string> errors;
  for (const auto& [name, value] : params) {
    if (name == "kind") {
      query.kind = parse_post_kind(value);
      if (!query.kind) errors[name] = "must be request or offer";
    } else if (name == "category") {
      if (value.empty() || value.size() > 64) {
        errors[name] = "must be a category key";
      } else {
        query.category = value;
      }
    } else if (name == "status") {
      const auto status = parse_post_status(value);
      if (!status) {
        errors[name] = "must be open, matched, fulfilled or closed";
      } else {
        query.status = *status;
      }
    } else if (name == "near") {
      const auto comma = value.find(',');
      const auto lat = parse_double(std::string_view(value).substr(0, comma));
      const auto lon = comma == std::string::npos
                           ? std::nullopt
                           : parse_double(std::string_view(value).substr(comma + 1));
      if (!lat || !lon || !geo::is_valid({*lat, *lon})) {
        errors[name] = "must be LAT,LON with lat -90 to 90 and lon -180 to 180";
      } else {
        query.near = geo::Point{*lat, *lon};
      }
    } else if (name == "radius_km") {
      const auto radius = parse_double(value);
      if (!radius || *radius <= 0 || *radius > limits::kListRadiusMaxKm) {
        errors[name] =
            fmt::format("must be a number more than 0 and at most {}", limits::kListRadiusMaxKm);
      } else {
        query.radius_km = *radius;
      }
    } else if (name == "limit") {
      int limit = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc{} || end != value.data() + value.size() || limit < 1 ||
          limit > limits::kListLimitMax) {
        errors[name] = fmt::format("must be a whole number from 1 to {}", limits::kListLimitMax);
      } else {
        query.limit = limit;
      }
    } else if (name == "cursor") {
      query.after = domain::decode_cursor(value);
      if (!query.after) errors[name] = "is not a cursor this server gave out";
    } else {
      errors[name] = "is not a known parameter";
    }
  }
  if (params.contains("radius_km") && !params.contains("near")) {
    errors["radius_km"] = "needs near=LAT,LON";
  }
  if (!errors.empty()) {
    return std::unexpected(
        Error{ErrorCode::kMalformed, "Some query parameters are not valid.", std::move(errors)});
  }
  return query;
}

}  // namespace gapfill::http
