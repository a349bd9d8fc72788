#include "domain/areas.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/limits.hpp"

namespace gapfill::domain {
namespace {

void check_circle(const AreaDraft& draft, ServiceArea& area, FieldErrors& errors,
                  const std::string& prefix) {
  if (!draft.lat) errors[prefix + "lat"] = Message{"error.required", {}};
  if (!draft.lon) errors[prefix + "lon"] = Message{"error.required", {}};
  if (draft.lat && !(*draft.lat >= -90 && *draft.lat <= 90)) {
    errors[prefix + "lat"] = Message{"error.range", {{"min", "-90"}, {"max", "90"}}};
  }
  if (draft.lon && !(*draft.lon >= -180 && *draft.lon <= 180)) {
    errors[prefix + "lon"] = Message{"error.range", {{"min", "-180"}, {"max", "180"}}};
  }
  area.centre = {draft.lat.value_or(0), draft.lon.value_or(0)};
  area.geojson.clear();
  if (!draft.radius_km) {
    errors[prefix + "radius_km"] = Message{"error.required", {}};
  } else if (!(*draft.radius_km > 0 && *draft.radius_km <= limits::kAreaRadiusMaxKm)) {
    errors[prefix + "radius_km"] =
        Message{"error.positive_max", {{"max", fmt::format("{}", limits::kAreaRadiusMaxKm)}}};
  } else {
    area.radius_km = *draft.radius_km;
  }
}

std::shared_ptr<const area::Shape> check_polygon(const std::string& text, ServiceArea& area,
                                                 FieldErrors& errors, const std::string& prefix) {
  auto shape = area::parse(text);
  if (!shape) {
    errors[prefix + "geojson"] =
        shape.error().path.empty()
            ? Message{"error.geojson_text", {{"problem", shape.error().problem}}}
            : Message{"error.geojson",
                      {{"path", shape.error().path}, {"problem", shape.error().problem}}};
    return nullptr;
  }
  const geo::Point centre = area::centre(*shape);
  const double radius = area::covering_radius_km(*shape, centre);
  if (radius > limits::kAreaRadiusMaxKm) {
    errors[prefix + "geojson"] =
        Message{"error.geojson_too_wide", {{"max", fmt::format("{}", limits::kAreaRadiusMaxKm)}}};
    return nullptr;
  }
  area.centre = centre;
  // Rounded up to 10 m, so that the circle still covers every vertex.
  area.radius_km = std::max(0.01, std::ceil(radius * 100) / 100);
  area.geojson = area::to_geojson(*shape);
  return std::make_shared<const area::Shape>(std::move(*shape));
}

}  // namespace

std::shared_ptr<const area::Shape> apply_area_draft(const AreaDraft& draft, ServiceArea& area,
                                                    FieldErrors& errors,
                                                    const std::string& prefix) {
  merge_read_errors(draft.read_errors, errors);
  // geojson was sent but is not an object: that is the problem, not a missing circle.
  if (draft.read_errors.contains(prefix + "geojson")) return nullptr;
  if (!draft.geojson) {
    check_circle(draft, area, errors, prefix);
    return nullptr;
  }
  if (draft.lat || draft.lon || draft.radius_km) {
    errors[prefix.empty() ? "geojson" : prefix.substr(0, prefix.size() - 1)] =
        Message{"error.area_circle_or_geojson", {}};
    return nullptr;
  }
  return check_polygon(*draft.geojson, area, errors, prefix);
}

std::shared_ptr<const area::Shape> shape_of(const ServiceArea& area) {
  if (!area.is_polygon()) return nullptr;
  auto shape = area::parse(area.geojson);
  if (!shape) return nullptr;
  return std::make_shared<const area::Shape>(std::move(*shape));
}

bool area_contains(const ServiceArea& area, const area::Shape* shape, geo::Point point) {
  if (shape != nullptr) return area::contains(*shape, point);
  return geo::distance_km(area.centre, point) <= area.radius_km;
}

double area_distance_km(const ServiceArea& area, const area::Shape* shape, geo::Point point) {
  if (shape != nullptr) return area::distance_km(*shape, point);
  return std::max(0.0, geo::distance_km(area.centre, point) - area.radius_km);
}

}  // namespace gapfill::domain
