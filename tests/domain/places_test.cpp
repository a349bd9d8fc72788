// Turning what a person typed into a point with the offline gazetteer.

#include "domain/places.hpp"

#include <gtest/gtest.h>

namespace gapfill::domain {
namespace {

const ServiceArea kMissoula{{46.87, -113.99}, 25};
const ServiceArea kPortlandMaine{{43.66, -70.26}, 30};

void expect_near(const std::optional<ResolvedPlace>& place, double lat, double lon) {
  ASSERT_TRUE(place.has_value());
  EXPECT_NEAR(place->point.lat, lat, 0.1) << place->display;
  EXPECT_NEAR(place->point.lon, lon, 0.1) << place->display;
}

TEST(ResolvePlaceTest, NamesWithAndWithoutAStateAndZipCodes) {
  expect_near(resolve_place("Missoula", kMissoula), 46.87, -113.99);
  expect_near(resolve_place("  missoula mt ", kMissoula), 46.87, -113.99);
  expect_near(resolve_place("Medford, Oregon", kMissoula), 42.33, -122.87);
  expect_near(resolve_place("Medford, MA", kMissoula), 42.42, -71.11);
  const auto zip = resolve_place("59801", kMissoula);
  expect_near(zip, 46.86, -114.01);
  EXPECT_EQ(zip->display, "59801 Missoula, MT");
  EXPECT_EQ(resolve_place("Missoula, MT", kMissoula)->display, "Missoula, MT");
  expect_near(resolve_place("São Paulo", kMissoula), -23.55, -46.63);
  expect_near(resolve_place("sao paulo", kMissoula), -23.55, -46.63);
  expect_near(resolve_place("Lyon, France", kMissoula), 45.75, 4.85);
}

TEST(ResolvePlaceTest, AmongTownsOfOneNameTheNearestToTheNetworkWins) {
  expect_near(resolve_place("Portland", kMissoula), 45.52, -122.68);      // Oregon
  expect_near(resolve_place("Portland", kPortlandMaine), 43.66, -70.26);  // Maine
  // A qualifier decides before distance does.
  expect_near(resolve_place("Portland, Maine", kMissoula), 43.66, -70.26);
}

TEST(ResolvePlaceTest, AnAddressEndingInAPlaceOrHoldingAZipCode) {
  expect_near(resolve_place("12 Elm St, Missoula, MT", kMissoula), 46.87, -113.99);
  expect_near(resolve_place("behind the school, Missoula", kMissoula), 46.87, -113.99);
  expect_near(resolve_place("401 N Higgins Ave, MT 59802", kMissoula), 46.90, -113.97);
  expect_near(resolve_place("Apt 4, 59801-1234", kMissoula), 46.86, -114.01);
}

TEST(ResolvePlaceTest, WhatNamesNoKnownPlaceIsNothing) {
  EXPECT_FALSE(resolve_place("", kMissoula));
  EXPECT_FALSE(resolve_place("   ", kMissoula));
  EXPECT_FALSE(resolve_place("behind the blue house on Elm", kMissoula));
  EXPECT_FALSE(resolve_place("Near the library on 5th", kMissoula));
  // Prefixes are for typeahead, not for placing a post.
  EXPECT_FALSE(resolve_place("Misso", kMissoula));
  EXPECT_FALSE(resolve_place("598", kMissoula));
  EXPECT_FALSE(resolve_place("123456", kMissoula));
  // A lone last part far from the network may be a state that is also a
  // town's name: "…, Oregon" is not Oregon, Wisconsin.
  EXPECT_FALSE(resolve_place("the old mill, Oregon", kMissoula));
  EXPECT_FALSE(resolve_place(std::string(5000, 'x'), kMissoula));
}

}  // namespace
}  // namespace gapfill::domain
