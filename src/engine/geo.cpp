#include "engine/geo.hpp"

#include <algorithm>
#include <numbers>

namespace gapfill::geo {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

}  // namespace

bool BoundingBox::contains(Point p) const {
  if (p.lat < min_lat || p.lat > max_lat) return false;
  if (crosses_antimeridian()) return p.lon >= min_lon || p.lon <= max_lon;
  return p.lon >= min_lon && p.lon <= max_lon;
}

bool is_valid(Point p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90 && p.lat <= 90 &&
         p.lon >= -180 && p.lon <= 180;
}

double distance_km(Point a, Point b) {
  const double lat1 = a.lat * kRadiansPerDegree;
  const double lat2 = b.lat * kRadiansPerDegree;
  const double dlat = lat2 - lat1;
  const double dlon = (b.lon - a.lon) * kRadiansPerDegree;
  const double s1 = std::sin(dlat / 2);
  const double s2 = std::sin(dlon / 2);
  const double h = s1 * s1 + std::cos(lat1) * std::cos(lat2) * s2 * s2;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

BoundingBox box_around(Point centre, double radius_km) {
  const double dlat = radius_km / kEarthRadiusKm / kRadiansPerDegree;
  BoundingBox box{centre.lat - dlat, centre.lat + dlat, -180, 180};
  if (box.min_lat <= -90 || box.max_lat >= 90) {
    box.min_lat = std::max(box.min_lat, -90.0);
    box.max_lat = std::min(box.max_lat, 90.0);
    return box;  // a pole is inside: every longitude
  }
  const double widest_lat = std::max(std::abs(box.min_lat), std::abs(box.max_lat));
  const double dlon = dlat / std::cos(widest_lat * kRadiansPerDegree);
  if (dlon >= 180) return box;
  box.min_lon = centre.lon - dlon;
  box.max_lon = centre.lon + dlon;
  if (box.min_lon < -180) box.min_lon += 360;
  if (box.max_lon > 180) box.max_lon -= 360;
  return box;
}

UnitVector to_unit_vector(Point p) {
  const double lat = p.lat * kRadiansPerDegree, lon = p.lon * kRadiansPerDegree;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

double separation_for_km(double km) {
  const double half_angle = std::min(km / kEarthRadiusKm, std::numbers::pi) / 2;
  const double s = std::sin(half_angle);
  return s * s;
}

double km_for_separation(double separation) {
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::clamp(separation, 0.0, 1.0)));
}

Point snap_to_grid(Point p, double cell_degrees) {
  auto snap = [cell_degrees](double value) {
    return (std::floor(value / cell_degrees) + 0.5) * cell_degrees;
  };
  Point snapped{snap(p.lat), snap(p.lon)};
  snapped.lat = std::clamp(snapped.lat, -90.0, 90.0);
  if (snapped.lon > 180) snapped.lon -= 360;
  // Round away floating-point noise so the wire shows 46.875, not 46.87500000001.
  snapped.lat = std::round(snapped.lat * 1e6) / 1e6;
  snapped.lon = std::round(snapped.lon * 1e6) / 1e6;
  return snapped;
}

Point snap_to_cell(Point p, double cell_km) {
  constexpr double kKmPerDegree = kEarthRadiusKm * std::numbers::pi / 180;
  const int rows = std::max(1, static_cast<int>(std::lround(180 * kKmPerDegree / cell_km)));
  const double row_degrees = 180.0 / rows;
  const int row = std::clamp(static_cast<int>(std::floor((p.lat + 90) / row_degrees)), 0, rows - 1);
  // The rows at the poles are caps, one cell each, snapped to the pole itself.
  if (row == 0 || row == rows - 1) return {row == 0 ? -90.0 : 90.0, 0.0};
  const double lat = -90 + (row + 0.5) * row_degrees;
  const double row_width_km = 360 * kKmPerDegree * std::cos(lat * kRadiansPerDegree);
  const int cells = std::max(1, static_cast<int>(std::lround(row_width_km / cell_km)));
  const double cell_degrees = 360.0 / cells;
  const int cell = static_cast<int>(std::floor((p.lon + 180) / cell_degrees)) % cells;
  const double lon = cells == 1 ? 0.0 : -180 + (std::max(cell, 0) + 0.5) * cell_degrees;
  // Round away floating-point noise so the wire shows 46.875, not 46.87500000001.
  return {std::round(lat * 1e6) / 1e6, std::round(lon * 1e6) / 1e6};
}

}  // namespace gapfill::geo
