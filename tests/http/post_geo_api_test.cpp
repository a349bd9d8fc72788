// Near listings over real HTTP, answered by the in-memory read model (open
// posts) and by the store's spatial index (closed posts): the same posts in
// the same order at the same distances, page by page.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::kCentreLat;
using endpoint_tests::kCentreLon;
using endpoint_tests::list_all;
using endpoint_tests::post_at;

std::vector<std::pair<std::int64_t, double>> ids_and_km(const std::vector<nlohmann::json>& items) {
  std::vector<std::pair<std::int64_t, double>> out;
  for (const auto& item : items) {
    out.emplace_back(item["id"].get<std::int64_t>(), item["distance_km"].get<double>());
  }
  return out;
}

using PostGeoListingTest = ApiTest;

TEST_F(PostGeoListingTest, TheStoresIndexListsNearestFirstExactlyAsTheReadModelDoes) {
  // A spread of places around the centre, several sharing one (ties by id),
  // some just inside and just outside the radius, on all sides.
  const std::vector<std::pair<double, double>> offsets = {
      {0, 0},       {0.01, 0},    {0, 0.013},      {-0.02, -0.02}, {0.05, 0.05},
      {0.05, 0.05}, {0.05, 0.05}, {0.089, 0},      {-0.089, 0},    {0, 0.13},
      {0.2, 0},     {-0.0005, 0}, {0.0005, 0.0005}};
  std::vector<std::pair<std::int64_t, std::string>> posts;
  for (const auto& [dlat, dlon] : offsets) {
    posts.push_back(create_post(post_at(kCentreLat + dlat, kCentreLon + dlon)));
  }
  const std::string near =
      "near=" + std::to_string(kCentreLat) + "," + std::to_string(kCentreLon) + "&radius_km=10";
  std::vector<std::vector<std::pair<std::int64_t, double>>> from_memory;
  for (int limit : {1, 3, 100}) from_memory.push_back(ids_and_km(list_all(*client, near, limit)));
  ASSERT_GE(from_memory[2].size(), 10u);
  ASSERT_LT(from_memory[2].size(), posts.size());  // the radius leaves some out

  for (const auto& [id, token] : posts) {
    ASSERT_EQ(client->post(post_path(id) + "/close", nullptr, token).status, 200);
  }
  int round = 0;
  for (int limit : {1, 3, 100}) {
    const auto from_store = ids_and_km(list_all(*client, "status=closed&" + near, limit));
    EXPECT_EQ(from_store, from_memory[static_cast<std::size_t>(round)]) << limit;
    EXPECT_EQ(from_store, from_memory[2]) << limit;
    ++round;
  }
}

}  // namespace
}  // namespace gapfill::testing
