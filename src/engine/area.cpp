#include "engine/area.hpp"

#include <fmt/format.h>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

namespace gapfill::area {
namespace {

using nlohmann::json;
using Ring = std::vector<geo::Point>;

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
// A point this close to an edge (in degrees, about 0.1 mm) is on it.
constexpr double kOnEdgeDegrees = 1e-9;

std::unexpected<ParseError> fail(std::string path, std::string problem) {
  return std::unexpected(ParseError{std::move(path), std::move(problem)});
}

std::string index_path(const std::string& path, std::size_t i) {
  return fmt::format("{}[{}]", path, i);
}

// ---- reading the JSON, with the path of every problem ----

std::expected<geo::Point, ParseError> read_position(const json& position, const std::string& path) {
  if (!position.is_array() || position.size() < 2 || position.size() > 3 ||
      !std::all_of(position.begin(), position.end(), [](const json& n) { return n.is_number(); })) {
    return fail(path, "a position must be [longitude, latitude]");
  }
  const double lon = position[0].get<double>(), lat = position[1].get<double>();
  if (!std::isfinite(lon) || !std::isfinite(lat)) return fail(path, "a number is not finite");
  if (lon < -180 || lon > 180) return fail(path, "longitude must be between -180 and 180");
  if (lat < -90 || lat > 90) return fail(path, "latitude must be between -90 and 90");
  return geo::Point{lat, lon};
}

std::expected<Ring, ParseError> read_ring(const json& ring, const std::string& path,
                                          std::size_t& vertices) {
  if (!ring.is_array()) return fail(path, "a linear ring must be an array of positions");
  if (ring.size() < 4) return fail(path, "a linear ring needs at least 4 positions");
  vertices += ring.size();
  if (vertices > kMaxVertices) {
    return fail(path, fmt::format("the area has more than {} positions", kMaxVertices));
  }
  Ring points;
  points.reserve(ring.size());
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const std::string position_path = index_path(path, i);
    auto point = read_position(ring[i], position_path);
    if (!point) return std::unexpected(std::move(point.error()));
    if (!points.empty() && std::abs(point->lon - points.back().lon) > 180) {
      return fail(position_path,
                  "crosses the antimeridian: split it into a MultiPolygon (RFC 7946 3.1.9)");
    }
    points.push_back(*point);
  }
  if (points.front().lat != points.back().lat || points.front().lon != points.back().lon) {
    return fail(path, "ring is not closed (its last position must equal its first)");
  }
  return points;
}

// Twice the signed area in square degrees: positive for counter-clockwise.
double signed_area2(const Ring& ring) {
  double sum = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  }
  return sum;
}

geo::BoundingBox box_of(const Ring& ring) {
  geo::BoundingBox box{90, -90, 180, -180};
  for (const geo::Point& p : ring) {
    box.min_lat = std::min(box.min_lat, p.lat);
    box.max_lat = std::max(box.max_lat, p.lat);
    box.min_lon = std::min(box.min_lon, p.lon);
    box.max_lon = std::max(box.max_lon, p.lon);
  }
  return box;
}

std::expected<Polygon, ParseError> read_polygon(const json& rings, const std::string& path,
                                                std::size_t& vertices) {
  if (!rings.is_array() || rings.empty()) {
    return fail(path, "a polygon must be a non-empty array of linear rings");
  }
  Polygon polygon;
  for (std::size_t i = 0; i < rings.size(); ++i) {
    auto ring = read_ring(rings[i], index_path(path, i), vertices);
    if (!ring) return std::unexpected(std::move(ring.error()));
    // RFC 7946 winding: the shell counter-clockwise, holes clockwise.
    const bool counter_clockwise = signed_area2(*ring) > 0;
    if (counter_clockwise != (i == 0)) std::reverse(ring->begin(), ring->end());
    polygon.rings.push_back(std::move(*ring));
  }
  polygon.box = box_of(polygon.rings.front());
  return polygon;
}

// ---- GEOS: topology (self-intersections, holes outside shells, overlaps) ----

class Geos {
 public:
  Geos() : handle_(GEOS_init_r()) {}
  ~Geos() { GEOS_finish_r(handle_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
  GEOSContextHandle_t handle() const { return handle_; }

 private:
  GEOSContextHandle_t handle_;
};

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& ring) {
  std::vector<double> xy;
  xy.reserve(ring.size() * 2);
  for (const geo::Point& p : ring) {
    xy.push_back(p.lon);
    xy.push_back(p.lat);
  }
  GEOSCoordSequence* sequence =
      GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(ring.size()), 0, 0);
  return sequence == nullptr ? nullptr : GEOSGeom_createLinearRing_r(h, sequence);
}

GEOSGeometry* make_polygon(GEOSContextHandle_t h, const Polygon& polygon) {
  std::vector<GEOSGeometry*> rings;
  for (const Ring& ring : polygon.rings) {
    GEOSGeometry* made = make_ring(h, ring);
    if (made == nullptr) {
      for (GEOSGeometry* g : rings) GEOSGeom_destroy_r(h, g);
      return nullptr;
    }
    rings.push_back(made);
  }
  return GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1,
                                  static_cast<unsigned>(rings.size() - 1));
}

std::string describe(std::string reason, std::string_view near) {
  static constexpr std::pair<std::string_view, std::string_view> kKnown[] = {
      {"Ring Self-intersection", "self-intersection"},
      {"Self-intersection", "self-intersection"},
      {"Hole lies outside shell", "a hole lies outside its shell"},
      {"Holes are nested", "a hole lies inside another hole"},
      {"Interior is disconnected", "holes cut the polygon in pieces"},
      {"Nested shells", "polygons overlap"},
      {"Duplicate Rings", "two rings are the same"},
      {"Too few points in geometry component", "a ring has too few distinct points"},
  };
  for (const auto& [geos, ours] : kKnown) {
    if (reason.starts_with(geos)) return fmt::format("{} near {}", ours, near);
  }
  std::transform(reason.begin(), reason.end(), reason.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return fmt::format("{} near {}", reason, near);
}

// Empty when valid, otherwise what is wrong and near where.
std::string topology_problem(GEOSContextHandle_t h, GEOSGeometry* geometry) {
  if (geometry == nullptr) return "is not a valid polygon";
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char valid = GEOSisValidDetail_r(h, geometry, 0, &reason, &location);
  std::string problem;
  if (valid != 1) {
    std::string near = "(?)";
    double x = 0, y = 0;
    if (location != nullptr && GEOSGeomGetX_r(h, location, &x) == 1 &&
        GEOSGeomGetY_r(h, location, &y) == 1) {
      near = fmt::format("({:.6g}, {:.6g})", x, y);
    }
    problem = describe(reason != nullptr ? reason : "invalid geometry", near);
  }
  if (reason != nullptr) GEOSFree_r(h, reason);
  if (location != nullptr) GEOSGeom_destroy_r(h, location);
  GEOSGeom_destroy_r(h, geometry);
  return problem;
}

std::expected<void, ParseError> check_topology(const Shape& shape, const std::string& path,
                                               bool multi) {
  Geos geos;
  const GEOSContextHandle_t h = geos.handle();
  for (std::size_t i = 0; i < shape.polygons.size(); ++i) {
    std::string problem = topology_problem(h, make_polygon(h, shape.polygons[i]));
    if (!problem.empty()) return fail(multi ? index_path(path, i) : path, std::move(problem));
  }
  if (shape.polygons.size() < 2) return {};
  std::vector<GEOSGeometry*> parts;
  for (const Polygon& polygon : shape.polygons) parts.push_back(make_polygon(h, polygon));
  GEOSGeometry* collection = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(),
                                                         static_cast<unsigned>(parts.size()));
  std::string problem = topology_problem(h, collection);
  if (!problem.empty()) return fail(path, std::move(problem));
  return {};
}

std::expected<Shape, ParseError> read_geometry(const json& geometry, const std::string& prefix) {
  if (!geometry.is_object()) return fail(prefix, "must be a GeoJSON object");
  const auto type = geometry.find("type");
  if (type == geometry.end() || !type->is_string()) {
    return fail(prefix + "type", "must be Polygon or MultiPolygon");
  }
  const std::string& name = type->get_ref<const std::string&>();
  const bool multi = name == "MultiPolygon";
  if (!multi && name != "Polygon") return fail(prefix + "type", "must be Polygon or MultiPolygon");
  const std::string path = prefix + "coordinates";
  const auto coordinates = geometry.find("coordinates");
  if (coordinates == geometry.end()) return fail(path, "is required");
  Shape shape;
  if (multi) {
    if (!coordinates->is_array() || coordinates->empty()) {
      return fail(path, "a MultiPolygon must be a non-empty array of polygons");
    }
    for (std::size_t i = 0; i < coordinates->size(); ++i) {
      auto polygon = read_polygon((*coordinates)[i], index_path(path, i), shape.vertices);
      if (!polygon) return std::unexpected(std::move(polygon.error()));
      shape.polygons.push_back(std::move(*polygon));
    }
  } else {
    auto polygon = read_polygon(*coordinates, path, shape.vertices);
    if (!polygon) return std::unexpected(std::move(polygon.error()));
    shape.polygons.push_back(std::move(*polygon));
  }
  auto topology = check_topology(shape, path, multi);
  if (!topology) return std::unexpected(std::move(topology.error()));
  shape.box = shape.polygons.front().box;
  for (const Polygon& polygon : shape.polygons) {
    shape.box.min_lat = std::min(shape.box.min_lat, polygon.box.min_lat);
    shape.box.max_lat = std::max(shape.box.max_lat, polygon.box.max_lat);
    shape.box.min_lon = std::min(shape.box.min_lon, polygon.box.min_lon);
    shape.box.max_lon = std::max(shape.box.max_lon, polygon.box.max_lon);
  }
  return shape;
}

// A Feature's geometry, or the one Feature of a FeatureCollection.
std::expected<Shape, ParseError> read_document(const json& document) {
  if (!document.is_object()) return fail("", "must be a GeoJSON object");
  const auto type = document.find("type");
  if (type != document.end() && *type == "FeatureCollection") {
    const auto features = document.find("features");
    if (features == document.end() || !features->is_array() || features->size() != 1) {
      return fail("features", "must hold exactly one Feature");
    }
    const json& feature = (*features)[0];
    if (!feature.is_object() || !feature.contains("type") || feature["type"] != "Feature") {
      return fail("features[0].type", "must be Feature");
    }
    if (!feature.contains("geometry")) return fail("features[0].geometry", "is required");
    return read_geometry(feature["geometry"], "features[0].geometry.");
  }
  if (type != document.end() && *type == "Feature") {
    if (!document.contains("geometry")) return fail("geometry", "is required");
    return read_geometry(document["geometry"], "geometry.");
  }
  if (type != document.end() && (*type == "Polygon" || *type == "MultiPolygon")) {
    return read_geometry(document, "");
  }
  return fail("type", "must be Polygon, MultiPolygon, Feature or FeatureCollection");
}

// ---- point in area ----

enum class Where { kOutside, kInside, kBoundary };

bool on_segment(geo::Point a, geo::Point b, geo::Point p) {
  if (p.lon < std::min(a.lon, b.lon) - kOnEdgeDegrees ||
      p.lon > std::max(a.lon, b.lon) + kOnEdgeDegrees ||
      p.lat < std::min(a.lat, b.lat) - kOnEdgeDegrees ||
      p.lat > std::max(a.lat, b.lat) + kOnEdgeDegrees) {
    return false;
  }
  const double dx = b.lon - a.lon, dy = b.lat - a.lat;
  const double length = std::hypot(dx, dy);
  if (length == 0) return true;  // a repeated position, and p is at it
  const double cross = dx * (p.lat - a.lat) - dy * (p.lon - a.lon);
  return std::abs(cross) / length <= kOnEdgeDegrees;
}

// The crossing number, with points on an edge or a vertex reported apart.
Where locate(const Ring& ring, geo::Point p) {
  bool inside = false;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const geo::Point a = ring[i], b = ring[i + 1];
    if (on_segment(a, b, p)) return Where::kBoundary;
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside ? Where::kInside : Where::kOutside;
}

bool inclusive_box(const geo::BoundingBox& box, geo::Point p) {
  return p.lat >= box.min_lat - kOnEdgeDegrees && p.lat <= box.max_lat + kOnEdgeDegrees &&
         p.lon >= box.min_lon - kOnEdgeDegrees && p.lon <= box.max_lon + kOnEdgeDegrees;
}

bool polygon_contains(const Polygon& polygon, geo::Point p) {
  if (!inclusive_box(polygon.box, p)) return false;
  if (locate(polygon.rings[0], p) == Where::kOutside) return false;
  for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
    if (locate(polygon.rings[i], p) == Where::kInside) return false;  // its edge is ours
  }
  return true;
}

bool shape_contains(const Shape& shape, geo::Point p) {
  if (!inclusive_box(shape.box, p)) return false;
  return std::any_of(shape.polygons.begin(), shape.polygons.end(),
                     [&](const Polygon& polygon) { return polygon_contains(polygon, p); });
}

// ---- distances on the sphere ----

struct Vector {
  double x, y, z;
};
Vector unit(geo::Point p) {
  const geo::UnitVector u = geo::to_unit_vector(p);
  return {u.x, u.y, u.z};
}
Vector cross(Vector a, Vector b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
double dot(Vector a, Vector b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

double arc_distance_km(geo::Point a, geo::Point b, geo::Point p) {
  const double to_ends = std::min(geo::distance_km(p, a), geo::distance_km(p, b));
  const Vector va = unit(a), vb = unit(b), vp = unit(p);
  Vector normal = cross(va, vb);
  const double length = std::sqrt(dot(normal, normal));
  if (length < 1e-12) return to_ends;
  normal = {normal.x / length, normal.y / length, normal.z / length};
  const double off = dot(vp, normal);
  const Vector foot = {vp.x - off * normal.x, vp.y - off * normal.y, vp.z - off * normal.z};
  if (dot(cross(va, foot), normal) < 0 || dot(cross(foot, vb), normal) < 0) return to_ends;
  return std::min(to_ends, std::asin(std::min(1.0, std::abs(off))) * geo::kEarthRadiusKm);
}

}  // namespace

std::expected<Shape, ParseError> parse(std::string_view geojson) {
  if (geojson.size() > kMaxGeoJsonBytes) {
    return fail("", fmt::format("is longer than {} bytes", kMaxGeoJsonBytes));
  }
  const json document = json::parse(geojson, nullptr, false);
  if (document.is_discarded()) return fail("", "is not valid JSON");
  return read_document(document);
}

bool contains(const Shape& shape, geo::Point p) {
  if (!geo::is_valid(p)) return false;
  if (shape_contains(shape, p)) return true;
  // -180 and 180 are one meridian.
  if (p.lon == 180) return shape_contains(shape, {p.lat, -180});
  if (p.lon == -180) return shape_contains(shape, {p.lat, 180});
  return false;
}

double distance_km(const Shape& shape, geo::Point p) {
  if (contains(shape, p)) return 0;
  double best = std::numeric_limits<double>::infinity();
  for (const Polygon& polygon : shape.polygons) {
    for (const Ring& ring : polygon.rings) {
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        best = std::min(best, arc_distance_km(ring[i], ring[i + 1], p));
      }
    }
  }
  return best;
}

geo::Point centre(const Shape& shape) {
  Vector sum{0, 0, 0};
  for (const Polygon& polygon : shape.polygons) {
    double area2 = 0, cx = 0, cy = 0;
    for (const Ring& ring : polygon.rings) {
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double c = ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
        area2 += c;
        cx += (ring[i].lon + ring[i + 1].lon) * c;
        cy += (ring[i].lat + ring[i + 1].lat) * c;
      }
    }
    if (area2 == 0) continue;
    const geo::Point c{cy / (3 * area2), cx / (3 * area2)};
    const double weight = std::abs(area2) * std::cos(c.lat * kRadiansPerDegree);
    const Vector v = unit(c);
    sum = {sum.x + weight * v.x, sum.y + weight * v.y, sum.z + weight * v.z};
  }
  const double length = std::sqrt(dot(sum, sum));
  if (length < 1e-15) return shape.polygons.front().rings.front().front();
  return {std::asin(std::clamp(sum.z / length, -1.0, 1.0)) / kRadiansPerDegree,
          std::atan2(sum.y, sum.x) / kRadiansPerDegree};
}

double covering_radius_km(const Shape& shape, geo::Point from) {
  double radius = 0;
  for (const Polygon& polygon : shape.polygons) {
    for (const geo::Point& p : polygon.rings.front()) {
      radius = std::max(radius, geo::distance_km(from, p));
    }
  }
  return radius;
}

std::string to_geojson(const Shape& shape) {
  const auto polygon_json = [](const Polygon& polygon) {
    json rings = json::array();
    for (const Ring& ring : polygon.rings) {
      json positions = json::array();
      for (const geo::Point& p : ring) positions.push_back({p.lon, p.lat});
      rings.push_back(std::move(positions));
    }
    return rings;
  };
  json out;
  if (shape.polygons.size() == 1) {
    out = {{"type", "Polygon"}, {"coordinates", polygon_json(shape.polygons.front())}};
  } else {
    json polygons = json::array();
    for (const Polygon& polygon : shape.polygons) polygons.push_back(polygon_json(polygon));
    out = {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
  }
  return out.dump();
}

}  // namespace gapfill::area
