// The per-network public grid over HTTP: the setting, its bounds, and the
// public point every read of a post shows.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::post_at;
using error_tests::error_fields;
using error_tests::expect_error;
using nlohmann::json;

using PublicGridTest = ApiTest;

TEST_F(PublicGridTest, ANetworkShowsItsGridAndDefaultsToAboutOneKilometre) {
  const auto riverside = client->get("/api/v1/networks/riverside");
  ASSERT_EQ(riverside.status, 200) << riverside.body;
  EXPECT_EQ(riverside.json()["public_grid_km"], 1.0);

  json body = network_body("wide");
  body["public_grid_km"] = 5;
  const auto created = client->post("/api/v1/networks", body, account_session());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(client->get("/api/v1/networks/wide").json()["public_grid_km"], 5.0);
}

TEST_F(PublicGridTest, AGridOutsideHalfAKilometreToTenIsRefusedNamingTheField) {
  for (const json& value : {json(0.1), json(0), json(-1), json(10.5), json(1e9)}) {
    json body = network_body("bad-grid");
    body["public_grid_km"] = value;
    const auto refused = client->post("/api/v1/networks", body);
    expect_error(refused, 422, "invalid", value.dump());
    EXPECT_EQ(error_fields(refused), std::set<std::string>{"public_grid_km"}) << refused.body;
  }
  json body = network_body("bad-grid");
  body["public_grid_km"] = "one";
  const auto wrong_type = client->post("/api/v1/networks", body);
  EXPECT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_TRUE(error_fields(wrong_type).contains("public_grid_km")) << wrong_type.body;
}

TEST_F(PublicGridTest, TheSamePlaceAlwaysShowsTheSamePointAndAMoveReSnaps) {
  const auto [id, token] = create_post(post_at(46.8721, -113.9940));
  const auto [twin, twin_token] = create_post(post_at(46.8722, -113.9941));
  const json first = client->get(post_path(id)).json()["location"];
  EXPECT_NE(first["lat"], 46.8721);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client->get(post_path(id)).json()["location"], first);
  EXPECT_EQ(client->get(post_path(twin)).json()["location"], first);

  // Saving the unchanged place again keeps the point.
  const auto same =
      client->patch(post_path(id), {{"location", {{"lat", 46.8721}, {"lon", -113.9940}}}}, token);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.json()["location"]["lat"], first["lat"]);
  EXPECT_EQ(same.json()["location"]["lon"], first["lon"]);

  const auto moved =
      client->patch(post_path(id), {{"location", {{"lat", 46.90}, {"lon", -113.95}}}}, token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_NE(moved.json()["location"]["lat"], first["lat"]);
  EXPECT_NEAR(moved.json()["location"]["lat"].get<double>(), 46.90, 0.01);
}

}  // namespace
}  // namespace gapfill::testing
