#pragma once
// Geography on a sphere: good to a fraction of a percent at the distances a
// mutual aid network covers, and cheap enough for the hot listing path.

#include <cmath>

namespace gapfill::geo {

struct Point {
  double lat = 0;
  double lon = 0;
};

struct BoundingBox {
  double min_lat, max_lat, min_lon, max_lon;
  bool crosses_antimeridian() const { return min_lon > max_lon; }
  bool contains(Point p) const;
};

constexpr double kEarthRadiusKm = 6371.0088;

// True for -90 <= lat <= 90 and -180 <= lon <= 180, both finite.
bool is_valid(Point p);

// Great-circle (haversine) distance in kilometres.
double distance_km(Point a, Point b);

// The smallest latitude/longitude box holding every point within
// `radius_km` of `centre`.
BoundingBox box_around(Point centre, double radius_km);

// Snaps a point to the centre of its cell on a grid of `cell_degrees`, so that
// nearby points share one public position.
Point snap_to_grid(Point p, double cell_degrees);

}  // namespace gapfill::geo
