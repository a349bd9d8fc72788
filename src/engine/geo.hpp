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

// A point as a unit vector from the Earth's centre. Comparing these is the
// fast way to rank many points by distance: no trigonometry per point.
struct UnitVector {
  double x = 0, y = 0, z = 0;
};
UnitVector to_unit_vector(Point p);

// The separation of two points: the haversine of the angle between them,
// sin^2(angle / 2), from 0 (the same point) to 1 (antipodes). It grows with
// distance, so it orders points exactly as their distances do.
inline double separation(const UnitVector& a, const UnitVector& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return (dx * dx + dy * dy + dz * dz) / 4;
}
// The separation of two points `km` apart, and back.
double separation_for_km(double km);
double km_for_separation(double separation);

// Snaps a point to the centre of its cell on a grid of `cell_degrees`, so that
// nearby points share one public position.
Point snap_to_grid(Point p, double cell_degrees);

// Snaps a point to the centre of its cell on a grid of cells about `cell_km`
// on a side at any latitude: rows of equal height in latitude, each row cut
// into as many equal cells as fit `cell_km` wide at the row's middle; the
// row at each pole is one cell whose centre is the pole. Every point snaps to one cell, always the
// same one; the antimeridian (-180 and 180) is one line.
Point snap_to_cell(Point p, double cell_km);

}  // namespace gapfill::geo
