#pragma once
// Service areas in the domain: validating a circle or a GeoJSON polygon for a
// network, and asking which networks serve a point. The shapes themselves
// (parsing, point-in-area, distances) are engine/area.hpp.

#include <memory>
#include <optional>
#include <string>

#include "domain/drafts.hpp"
#include "domain/validation.hpp"
#include "engine/area.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

// "Which networks serve this place": networks whose area's edge is within
// this many km are listed as near, by default and at most.
constexpr double kServingNearKmDefault = 100;
constexpr double kServingNearKmMax = 500;

// A new area for a network: a circle (lat, lon, radius_km) or a polygon
// (geojson: the GeoJSON text), not both.
struct AreaDraft {
  ReadErrors read_errors;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<double> radius_km;
  std::optional<std::string> geojson;
};

// Validates `draft` into `area`, reporting problems under "area.lat",
// "area.lon", "area.radius_km" and "area.geojson" (with the GeoJSON path and
// problem as the message's arguments). A polygon gets its centre and covering
// radius (at most limits::kAreaRadiusMaxKm); its shape is returned for the
// caller's cache (null for a circle or on errors).
// `prefix` goes before each field's name: "area." in a network, "" alone.
std::shared_ptr<const area::Shape> apply_area_draft(const AreaDraft& draft, ServiceArea& area,
                                                    FieldErrors& errors,
                                                    const std::string& prefix = "area.");

// The shape of a stored polygon area (null for a circle, or if the stored
// text no longer reads, when the covering circle stands in).
std::shared_ptr<const area::Shape> shape_of(const ServiceArea& area);

// True when `point` is inside the area or on its edge. `shape` is the
// polygon's parsed shape, null for a circle.
bool area_contains(const ServiceArea& area, const area::Shape* shape, geo::Point point);
// Kilometres from `point` to the area's edge, 0 inside.
double area_distance_km(const ServiceArea& area, const area::Shape* shape, geo::Point point);

// A network and where a point lies from its area.
struct NetworkNearby {
  Network network;
  bool serves = false;     // the point is inside the area (or on its edge)
  double distance_km = 0;  // from the point to the area's edge; 0 when it serves
};

}  // namespace gapfill::domain
