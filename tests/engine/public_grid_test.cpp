// geo::snap_to_cell: the public grid of about `cell_km` at any latitude.

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <utility>

#include "engine/geo.hpp"

namespace gapfill::geo {
namespace {

std::pair<double, double> at(Point p) {
  return {p.lat, p.lon};
}

// The east-west size of the cell that holds `p`, found by walking east from
// its centre until the snap changes, then west.
double cell_width_km(Point p, double cell_km) {
  const Point centre = snap_to_cell(p, cell_km);
  constexpr double step = 0.0001;  // degrees
  double east = 0, west = 0;
  while (at(snap_to_cell({centre.lat, centre.lon + east + step}, cell_km)) == at(centre))
    east += step;
  while (at(snap_to_cell({centre.lat, centre.lon - west - step}, cell_km)) == at(centre))
    west += step;
  return distance_km({centre.lat, centre.lon - west}, {centre.lat, centre.lon + east});
}

double cell_height_km(Point p, double cell_km) {
  const Point centre = snap_to_cell(p, cell_km);
  constexpr double step = 0.0001;
  double north = 0, south = 0;
  while (at(snap_to_cell({centre.lat + north + step, centre.lon}, cell_km)) == at(centre))
    north += step;
  while (at(snap_to_cell({centre.lat - south - step, centre.lon}, cell_km)) == at(centre))
    south += step;
  return distance_km({centre.lat - south, centre.lon}, {centre.lat + north, centre.lon});
}

TEST(PublicGrid, CellsAreAboutTheSizeAskedForAtEveryLatitude) {
  for (const double cell_km : {0.5, 1.0, 2.5, 10.0}) {
    for (const double lat : {0.0, 23.4, -33.9, 46.87, 60.2, -70.5, 78.2}) {
      const Point p{lat, 12.3456};
      EXPECT_NEAR(cell_width_km(p, cell_km), cell_km, cell_km * 0.1)
          << "width at " << lat << " for " << cell_km;
      EXPECT_NEAR(cell_height_km(p, cell_km), cell_km, cell_km * 0.1)
          << "height at " << lat << " for " << cell_km;
    }
  }
}

TEST(PublicGrid, ThePointSnapsToTheSameCellEveryTimeAndACentreToItself) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> lat(-90, 90), lon(-180, 180);
  for (int i = 0; i < 10'000; ++i) {
    const Point p{lat(random), lon(random)};
    const Point snapped = snap_to_cell(p, 1.0);
    EXPECT_EQ(at(snap_to_cell(p, 1.0)), at(snapped));
    EXPECT_EQ(at(snap_to_cell(snapped, 1.0)), at(snapped)) << p.lat << "," << p.lon;
    EXPECT_TRUE(is_valid(snapped));
    EXPECT_LE(distance_km(p, snapped), 1.0) << p.lat << "," << p.lon;
  }
}

TEST(PublicGrid, NearbyPointsShareACellSoRepeatedReadsCannotBeAveraged) {
  const Point home{46.8721, -113.9940};
  const Point snapped = snap_to_cell(home, 1.0);
  EXPECT_NE(at(snapped), at(home));
  EXPECT_EQ(at(snap_to_cell({46.8722, -113.9941}, 1.0)), at(snapped));
  EXPECT_GT(distance_km(home, snapped), 0.0);
}

TEST(PublicGrid, ThePolesAreOneCell) {
  const Point north = snap_to_cell({90, 17}, 1.0);
  EXPECT_EQ(at(north), at(snap_to_cell({90, -160}, 1.0)));
  EXPECT_EQ(at(north), at(snap_to_cell({89.9999, 100}, 1.0)));
  EXPECT_EQ(at(north), at(Point{90, 0}));
  const Point south = snap_to_cell({-90, 0}, 1.0);
  EXPECT_EQ(at(south), at(snap_to_cell({-89.9999, -45}, 1.0)));
  EXPECT_EQ(at(south), at(Point{-90, 0}));
  // The row next to the cap is cut into cells again.
  EXPECT_NE(at(snap_to_cell({89.985, 0}, 1.0)), at(snap_to_cell({89.985, 180}, 1.0)));
}

TEST(PublicGrid, TheAntimeridianIsOneLine) {
  EXPECT_EQ(at(snap_to_cell({10.0, 180.0}, 1.0)), at(snap_to_cell({10.0, -180.0}, 1.0)));
  const Point east = snap_to_cell({-17.7, 179.9999}, 1.0);
  const Point west = snap_to_cell({-17.7, -179.9999}, 1.0);
  EXPECT_TRUE(is_valid(east));
  EXPECT_TRUE(is_valid(west));
  EXPECT_LE(distance_km({-17.7, 180}, east), 1.0);
  EXPECT_LE(distance_km({-17.7, -180}, west), 1.0);
}

}  // namespace
}  // namespace gapfill::geo
