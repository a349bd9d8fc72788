#pragma once
// A service area drawn as a GeoJSON Polygon or MultiPolygon (RFC 7946): read,
// validated once when it is set (with precise messages, GEOS for the topology),
// then kept as plain rings so that "is this point inside?" needs no library:
// a bounding-box test, then the crossing number. No I/O.
//
// Edges are straight lines in longitude/latitude, as RFC 7946 says. Points on
// an edge or a vertex count as inside. Longitude -180 and 180 are one line, so
// a MultiPolygon split at the antimeridian (RFC 7946 3.1.9) serves both sides.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "engine/geo.hpp"

namespace gapfill::area {

// At most this many positions in all rings together (closing positions count).
constexpr std::size_t kMaxVertices = 10'000;
// The longest GeoJSON text read (10,000 positions with generous precision).
constexpr std::size_t kMaxGeoJsonBytes = 512 * 1024;

struct Polygon {
  // rings[0] is the shell, the rest are holes; each is closed (first == last),
  // the shell counter-clockwise and the holes clockwise (RFC 7946's winding).
  std::vector<std::vector<geo::Point>> rings;
  geo::BoundingBox box{0, 0, 0, 0};
};

struct Shape {
  std::vector<Polygon> polygons;
  // Holds every polygon; spans -180..180 for one split at the antimeridian.
  geo::BoundingBox box{0, 0, 0, 0};
  std::size_t vertices = 0;
};

// Where the text is wrong ("coordinates[0][3]", "geometry.type", "" for the
// whole text) and what is wrong ("ring is not closed"), in English.
struct ParseError {
  std::string path;
  std::string problem;
};

// Reads a Polygon, a MultiPolygon, a Feature holding one, or a
// FeatureCollection of exactly one such Feature. Properties are ignored.
std::expected<Shape, ParseError> parse(std::string_view geojson);

// True when `p` is inside the shape or on its boundary.
bool contains(const Shape& shape, geo::Point p);

// Great-circle distance in km from `p` to the nearest edge of the shape, 0
// when `p` is inside. Each edge is measured as the great-circle arc between
// its ends (closer than a km off the straight lon/lat edge at network sizes).
double distance_km(const Shape& shape, geo::Point p);

// A point that stands for the shape: its area-weighted centroid (on the
// sphere, so a shape split at the antimeridian gets a centre near it). It may
// lie outside a concave shape.
geo::Point centre(const Shape& shape);

// The smallest radius around `from` holding every vertex of the shape.
double covering_radius_km(const Shape& shape, geo::Point from);

// The shape as compact GeoJSON: {"type":"Polygon"|"MultiPolygon","coordinates":...}
// with RFC 7946 winding; what is stored and served. parse(to_geojson(s)) == s.
std::string to_geojson(const Shape& shape);

}  // namespace gapfill::area
