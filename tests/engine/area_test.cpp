#include "engine/area.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

namespace gapfill::area {
namespace {

// A square from (lon 0, lat 0) to (lon 1, lat 1), with an optional hole.
constexpr const char* kSquare =
    R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})";
constexpr const char* kSquareWithHole =
    R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],)"
    R"([[0.25,0.25],[0.75,0.25],[0.75,0.75],[0.25,0.75],[0.25,0.25]]]})";
// Around Fiji: split at the antimeridian into two polygons (RFC 7946 3.1.9).
constexpr const char* kFiji = R"({"type":"MultiPolygon","coordinates":[)"
                              R"([[[177,-20],[180,-20],[180,-15],[177,-15],[177,-20]]],)"
                              R"([[[-180,-20],[-178,-20],[-178,-15],[-180,-15],[-180,-20]]]]})";

Shape must_parse(std::string_view text) {
  auto shape = parse(text);
  EXPECT_TRUE(shape.has_value()) << (shape ? ""
                                           : shape.error().path + ": " + shape.error().problem);
  return shape ? *shape : Shape{};
}

std::string problem_of(std::string_view text) {
  auto shape = parse(text);
  if (shape) return "(valid)";
  return shape.error().path + ": " + shape.error().problem;
}

TEST(Area, ReadsPolygonMultiPolygonFeatureAndCollection) {
  EXPECT_EQ(must_parse(kSquare).polygons.size(), 1u);
  EXPECT_EQ(must_parse(kFiji).polygons.size(), 2u);
  const std::string feature =
      fmt::format(R"({{"type":"Feature","properties":{{"name":"x"}},"geometry":{}}})", kSquare);
  EXPECT_EQ(must_parse(feature).polygons.size(), 1u);
  const std::string collection =
      fmt::format(R"({{"type":"FeatureCollection","features":[{}]}})", feature);
  EXPECT_EQ(must_parse(collection).polygons.size(), 1u);
  // Altitude is allowed and ignored.
  EXPECT_TRUE(parse(R"({"type":"Polygon","coordinates":[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]]})"));
}

TEST(Area, NamesTheProblemAndWhere) {
  EXPECT_EQ(problem_of("not json"), ": is not valid JSON");
  EXPECT_EQ(problem_of("[]"), ": must be a GeoJSON object");
  EXPECT_EQ(problem_of(R"({"type":"Point","coordinates":[0,0]})"),
            "type: must be Polygon, MultiPolygon, Feature or FeatureCollection");
  EXPECT_EQ(problem_of(R"({"type":"Polygon"})"), "coordinates: is required");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[]})"),
            "coordinates: a polygon must be a non-empty array of linear rings");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]})"),
            "coordinates[0]: a linear ring needs at least 4 positions");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})"),
            "coordinates[0]: ring is not closed (its last position must equal its first)");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]})"),
            "coordinates[0]: ring is not closed (its last position must equal its first)");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],["1",1],[0,0]]]})"),
            "coordinates[0][2]: a position must be [longitude, latitude]");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]})"),
            "coordinates[0][1]: a position must be [longitude, latitude]");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[181,0],[1,1],[0,0]]]})"),
            "coordinates[0][1]: longitude must be between -180 and 180");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]})"),
            "coordinates[0][2]: latitude must be between -90 and 90");
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1e999],[0,0]]]})"),
            ": is not valid JSON");  // JSON has no infinity
  EXPECT_EQ(
      problem_of(
          R"({"type":"Polygon","coordinates":[[[179,0],[-179,0],[-179,1],[179,1],[179,0]]]})"),
      "coordinates[0][1]: crosses the antimeridian: split it into a MultiPolygon (RFC 7946 3.1.9)");
  EXPECT_EQ(problem_of(R"({"type":"MultiPolygon","coordinates":[]})"),
            "coordinates: a MultiPolygon must be a non-empty array of polygons");
  EXPECT_EQ(
      problem_of(R"({"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0]]]}})"),
      "geometry.coordinates[0]: a linear ring needs at least 4 positions");
  EXPECT_EQ(problem_of(R"({"type":"Feature"})"), "geometry: is required");
  EXPECT_EQ(problem_of(R"({"type":"FeatureCollection","features":[]})"),
            "features: must hold exactly one Feature");
  EXPECT_EQ(problem_of(R"({"type":"FeatureCollection","features":[{"type":"Polygon"}]})"),
            "features[0].type: must be Feature");
}

TEST(Area, FindsSelfIntersectionsWithGeos) {
  // A bow tie crosses itself at (0.5, 0.5).
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]})"),
            "coordinates: self-intersection near (0.5, 0.5)");
  // A hole outside its shell.
  EXPECT_EQ(problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],)"
                       R"([[2,2],[3,2],[3,3],[2,3],[2,2]]]})")
                .substr(0, 42),
            "coordinates: a hole lies outside its shell");
  // Overlapping polygons of a MultiPolygon.
  EXPECT_EQ(problem_of(R"({"type":"MultiPolygon","coordinates":[)"
                       R"([[[0,0],[2,0],[2,2],[0,2],[0,0]]],[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]})")
                .substr(0, 30),
            "coordinates: self-intersection");
  // The second polygon of a MultiPolygon is itself a bow tie.
  EXPECT_EQ(problem_of(R"({"type":"MultiPolygon","coordinates":[)"
                       R"([[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,6],[6,5],[5,6],[5,5]]]]})"),
            "coordinates[1]: self-intersection near (5.5, 5.5)");
  // All positions the same: too few distinct points.
  EXPECT_EQ(
      problem_of(R"({"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0],[0,0]]]})").substr(0, 52),
      "coordinates: a ring has too few distinct points near");
}

TEST(Area, RefusesMoreThanTenThousandVertices) {
  const auto ring_of = [](int n) {
    std::string ring = "[";
    for (int i = 0; i < n; ++i) {
      const double angle = 2 * 3.141592653589793 * i / n;
      ring += fmt::format("[{},{}],", std::cos(angle), std::sin(angle));
    }
    return ring + "[1,0]]";
  };
  EXPECT_TRUE(parse(fmt::format(R"({{"type":"Polygon","coordinates":[{}]}})", ring_of(9'999))));
  EXPECT_EQ(problem_of(fmt::format(R"({{"type":"Polygon","coordinates":[{}]}})", ring_of(10'000))),
            "coordinates[0]: the area has more than 10000 positions");
}

TEST(Area, PointsInsideOnEdgesAndVertices) {
  const Shape square = must_parse(kSquare);
  EXPECT_TRUE(contains(square, {0.5, 0.5}));
  EXPECT_FALSE(contains(square, {1.5, 0.5}));
  EXPECT_FALSE(contains(square, {0.5, -0.0001}));
  EXPECT_TRUE(contains(square, {0, 0.5}));  // on the bottom edge
  EXPECT_TRUE(contains(square, {0.5, 1}));  // on the right edge
  EXPECT_TRUE(contains(square, {1, 1}));    // a vertex
  EXPECT_TRUE(contains(square, {0, 0}));    // the first vertex
  EXPECT_FALSE(contains(square, {91, 0}));  // not a point on Earth
}

TEST(Area, HolesAreOutsideButTheirEdgesAreIn) {
  const Shape shape = must_parse(kSquareWithHole);
  EXPECT_FALSE(contains(shape, {0.5, 0.5}));
  EXPECT_TRUE(contains(shape, {0.1, 0.1}));
  EXPECT_TRUE(contains(shape, {0.25, 0.5}));   // on the hole's edge
  EXPECT_TRUE(contains(shape, {0.75, 0.75}));  // the hole's vertex
  EXPECT_DOUBLE_EQ(distance_km(shape, {0.1, 0.1}), 0.0);
  EXPECT_NEAR(distance_km(shape, {0.5, 0.5}), 27.8, 0.2);  // a quarter degree to the hole's edge
}

TEST(Area, MultiPolygonsAcrossTheAntimeridian) {
  const Shape fiji = must_parse(kFiji);
  EXPECT_TRUE(contains(fiji, {-17.7, 178.0}));
  EXPECT_TRUE(contains(fiji, {-17.7, -179.0}));
  EXPECT_TRUE(contains(fiji, {-17.7, 180.0}));
  EXPECT_TRUE(contains(fiji, {-17.7, -180.0}));
  EXPECT_FALSE(contains(fiji, {-17.7, 0.0}));
  EXPECT_FALSE(contains(fiji, {-17.7, 176.9}));
  EXPECT_FALSE(contains(fiji, {-17.7, -177.9}));
  // Its centre is near the antimeridian, not at longitude 0.
  const geo::Point c = centre(fiji);
  EXPECT_NEAR(c.lat, -17.5, 0.1);
  EXPECT_GT(std::abs(c.lon), 178.0);
  EXPECT_LT(covering_radius_km(fiji, c), 450);
  // Distances across the line: 0.5 degrees east of the eastern part.
  EXPECT_NEAR(distance_km(fiji, {-17.5, -177.5}), 53.0, 1.0);
}

TEST(Area, AleutiansOnlyEastPartAtMinus180) {
  // Only the part east of the line: a point given as +180 is the same meridian.
  const Shape shape = must_parse(
      R"({"type":"Polygon","coordinates":[[[-180,51],[-175,51],[-175,53],[-180,53],[-180,51]]]})");
  EXPECT_TRUE(contains(shape, {52, 180}));
  EXPECT_TRUE(contains(shape, {52, -180}));
  EXPECT_FALSE(contains(shape, {52, 179.99}));
}

TEST(Area, DistanceIsToTheNearestEdge) {
  const Shape square = must_parse(kSquare);
  EXPECT_DOUBLE_EQ(distance_km(square, {0.5, 0.5}), 0.0);
  EXPECT_NEAR(distance_km(square, {0.5, 2}), 111.2, 0.5);  // one degree east of the edge
  EXPECT_NEAR(distance_km(square, {2, 2}), geo::distance_km({2, 2}, {1, 1}), 1e-6);  // a corner
}

TEST(Area, CanonicalGeoJsonRoundTripsWithRfcWinding) {
  // Given clockwise: stored counter-clockwise; the hole comes back clockwise.
  const Shape clockwise =
      must_parse(R"({"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]})");
  EXPECT_EQ(
      to_geojson(clockwise),
      R"({"coordinates":[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,1.0],[0.0,0.0]]],"type":"Polygon"})");
  for (const char* text : {kSquare, kSquareWithHole, kFiji}) {
    const Shape shape = must_parse(text);
    const std::string canonical = to_geojson(shape);
    EXPECT_EQ(to_geojson(must_parse(canonical)), canonical);
  }
  const std::string fiji = to_geojson(must_parse(kFiji));
  EXPECT_TRUE(fiji.find("MultiPolygon") != std::string::npos) << fiji;
}

TEST(Area, CentreAndCoveringRadius) {
  const Shape square = must_parse(kSquare);
  const geo::Point c = centre(square);
  EXPECT_NEAR(c.lat, 0.5, 1e-6);
  EXPECT_NEAR(c.lon, 0.5, 1e-6);
  EXPECT_NEAR(covering_radius_km(square, c), geo::distance_km(c, {0, 0}), 1e-6);
}

}  // namespace
}  // namespace gapfill::area
