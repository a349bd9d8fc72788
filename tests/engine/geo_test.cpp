#include "engine/geo.hpp"

#include <gtest/gtest.h>

#include <random>

#include "engine/spatial_grid.hpp"

namespace gapfill::geo {
namespace {

TEST(Geo, DistanceMatchesKnownPairs) {
  // Missoula to Helena is about 153 km as the crow flies.
  EXPECT_NEAR(distance_km({46.8721, -113.9940}, {46.5891, -112.0391}), 152.0, 3.0);
  EXPECT_NEAR(distance_km({0, 0}, {0, 1}), 111.2, 0.2);
  EXPECT_DOUBLE_EQ(distance_km({10, 10}, {10, 10}), 0.0);
  EXPECT_NEAR(distance_km({0, 179.9}, {0, -179.9}), 22.2, 0.2);
}

TEST(Geo, ValidatesCoordinates) {
  EXPECT_TRUE(is_valid({90, 180}));
  EXPECT_FALSE(is_valid({90.1, 0}));
  EXPECT_FALSE(is_valid({0, -180.5}));
  EXPECT_FALSE(is_valid({std::nan(""), 0}));
}

TEST(Geo, SeparationOrdersAsDistanceDoes) {
  const Point from{46.87, -113.99};
  const UnitVector origin = to_unit_vector(from);
  double previous = -1;
  for (double step = 0.0; step < 3; step += 0.25) {
    const Point to{46.87 + step, -113.99 + step / 2};
    const double s = separation(origin, to_unit_vector(to));
    EXPECT_GT(s, previous);
    previous = s;
    EXPECT_NEAR(km_for_separation(s), distance_km(from, to), 1e-6);
  }
  EXPECT_NEAR(km_for_separation(separation_for_km(25)), 25, 1e-9);
}

TEST(Geo, SnapsToTheCentreOfACell) {
  const Point snapped = snap_to_grid({46.8721, -113.9940}, 0.01);
  EXPECT_DOUBLE_EQ(snapped.lat, 46.875);
  EXPECT_DOUBLE_EQ(snapped.lon, -113.995);
  // Every point in a cell snaps to the same place.
  const Point other = snap_to_grid({46.8789, -113.9901}, 0.01);
  EXPECT_DOUBLE_EQ(other.lat, snapped.lat);
  EXPECT_DOUBLE_EQ(other.lon, snapped.lon);
}

TEST(SpatialGrid, FindsExactlyThePointsWithinTheRadius) {
  std::mt19937 random(7);
  std::normal_distribution<double> spread(0, 0.3);
  SpatialGrid<std::int64_t> grid(0.1);
  std::vector<Point> points;
  for (int i = 0; i < 5000; ++i) {
    points.push_back({46.87 + spread(random), -113.99 + spread(random)});
    grid.insert(points.back(), i);
  }
  // Also points around the antimeridian.
  for (int i = 0; i < 200; ++i) {
    points.push_back({10 + spread(random), (i % 2 ? 179.95 : -179.95)});
    grid.insert(points.back(), 5000 + i);
  }
  for (const Point centre : {Point{46.87, -113.99}, Point{47.2, -114.3}, Point{10, 180}}) {
    for (double radius : {1.0, 10.0, 25.0, 80.0}) {
      std::set<std::int64_t> found;
      grid.for_each_within(centre, radius, [&](std::int64_t id, double separation) {
        EXPECT_NEAR(km_for_separation(separation), distance_km(centre, points[id]), 1e-6);
        found.insert(id);
      });
      std::set<std::int64_t> expected;
      for (std::size_t i = 0; i < points.size(); ++i) {
        if (distance_km(centre, points[i]) <= radius) expected.insert(static_cast<std::int64_t>(i));
      }
      EXPECT_EQ(found, expected) << centre.lat << "," << centre.lon << " r=" << radius;
    }
  }
  const auto is_three = [](std::int64_t id) { return id == 3; };
  EXPECT_TRUE(grid.erase(points[3], is_three));
  EXPECT_FALSE(grid.erase(points[3], is_three));
  EXPECT_EQ(grid.size(), points.size() - 1);
}

}  // namespace
}  // namespace gapfill::geo
