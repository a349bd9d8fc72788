// Creating and reading posts over real HTTP: the private view a poster gets,
// defaults, windows and ride data.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "base/time.hpp"
#include "engine/geo.hpp"
#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::is_rfc3339_utc;
using endpoint_tests::keys_of;
using endpoint_tests::private_request;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Posts: create and read

using PostApiTest = ApiTest;

TEST_F(PostApiTest, CreateAnswers201WithThePrivateViewTokenAndLocation) {
  const auto created = client->post("/api/v1/networks/riverside/posts", private_request());
  ASSERT_EQ(created.status, 201) << created.body;
  const json body = created.json();
  EXPECT_EQ(keys_of(body), (std::set<std::string>{"post", "manage_token"}));
  const std::string token = body["manage_token"];
  EXPECT_GE(token.size(), 43u);
  const json post = body["post"];
  const std::int64_t id = post["id"];
  EXPECT_GT(id, 0);
  EXPECT_EQ(created.headers.at("location"), post_path(id));

  EXPECT_EQ(post["network"], "riverside");
  EXPECT_EQ(post["kind"], "request");
  EXPECT_EQ(post["category"], "clothing");
  EXPECT_EQ(post["title"], "Warm coats for two kids");
  EXPECT_EQ(post["quantity"], 2);
  EXPECT_EQ(post["urgency"], "today");
  EXPECT_TRUE(post["window"].is_null());
  EXPECT_EQ(post["status"], "open");
  EXPECT_TRUE(post["closed_reason"].is_null());
  EXPECT_TRUE(post["ride"].is_null());
  for (const char* key : {"created_at", "updated_at", "waiting_since"}) {
    EXPECT_TRUE(is_rfc3339_utc(post[key])) << key << ": " << post[key];
  }
  // The public point is snapped to the network's ~1 km grid, not where the poster is.
  const geo::Point cell = geo::snap_to_cell({46.8721, -113.9940}, 1.0);
  EXPECT_DOUBLE_EQ(post["location"]["lat"].get<double>(), cell.lat);
  EXPECT_DOUBLE_EQ(post["location"]["lon"].get<double>(), cell.lon);
  EXPECT_GT(geo::distance_km({46.8721, -113.9940}, cell), 0.0);
  // The private parts, for the owner.
  EXPECT_EQ(post["access"], "owner");
  EXPECT_EQ(post["details"], "Sizes 6 and 8. secret-details-marker");
  EXPECT_EQ(post["location"]["text"], "behind the blue house on Elm");
  EXPECT_EQ(post["contact"], json({{"name", "Zebulon Quartermaine"},
                                   {"email", "zq.private@example.org"},
                                   {"phone", "+1 406 555 0199"},
                                   {"method", "email"}}));
  EXPECT_EQ(post["matches"], json::array());

  const auto mine = client->get(post_path(id), token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json(), post);
}

TEST_F(PostApiTest, DefaultsFillTheOptionalFields) {
  const json body = {{"kind", "offer"}, {"category", "other"}, {"title", "Ask me anything"}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json post = created.json()["post"];
  EXPECT_EQ(post["urgency"], "flexible");
  EXPECT_TRUE(post["quantity"].is_null());
  EXPECT_EQ(post["details"], "");
  EXPECT_EQ(post["contact"]["method"], "site");
  // Without a location the post sits at the network's centre, snapped.
  const geo::Point centre = geo::snap_to_cell({46.87, -113.99}, 1.0);
  EXPECT_DOUBLE_EQ(post["location"]["lat"].get<double>(), centre.lat);
  EXPECT_DOUBLE_EQ(post["location"]["lon"].get<double>(), centre.lon);
}

TEST_F(PostApiTest, WindowIsStoredAndShownInUtc) {
  const UnixSeconds now = now_unix();
  const UnixSeconds from = now + kSecondsPerDay, to = now + 2 * kSecondsPerDay;
  json body = request_body();
  // An offset on input is accepted; UTC is returned.
  const std::string from_text = format_rfc3339(from);
  body["window"] = {{"from", from_text.substr(0, 19) + "+00:00"}, {"to", format_rfc3339(to)}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["post"]["window"],
            json({{"from", format_rfc3339(from)}, {"to", format_rfc3339(to)}}));
}

TEST_F(PostApiTest, TransportPostsCarryRideData) {
  json body = request_body("Ride to the dialysis clinic");
  body["category"] = "transport";
  body["ride"] = {{"pickup_area", "Northside"},
                  {"dropoff_area", "St. Patrick Hospital"},
                  {"appointment_at", "2026-12-01T09:30:00-07:00"},
                  {"return_trip", true},
                  {"passengers", 2},
                  {"accessibility_needs", {"wheelchair", "oxygen", "wheelchair"}}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json expected_ride = {{"pickup_area", "Northside"},
                              {"dropoff_area", "St. Patrick Hospital"},
                              {"appointment_at", "2026-12-01T16:30:00Z"},
                              {"return_trip", true},
                              {"passengers", 2},
                              {"accessibility_needs", {"oxygen", "wheelchair"}}};
  EXPECT_EQ(created.json()["post"]["ride"], expected_ride);
  const std::int64_t id = created.json()["post"]["id"];
  EXPECT_EQ(client->get(post_path(id)).json()["ride"], expected_ride);
}

TEST_F(PostApiTest, RideValuesAreValidated) {
  json body = request_body("Ride to the clinic");
  body["category"] = "transport";
  body["ride"] = {{"passengers", 21},
                  {"accessibility_needs", {"jetpack"}},
                  {"appointment_at", "tomorrow at nine"},
                  {"pickup_area", std::string(201, 'p')},
                  {"return_trip", "yes"}};
  const auto result = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(keys_of(result.json()["error"]["fields"]),
            (std::set<std::string>{"ride.passengers", "ride.accessibility_needs",
                                   "ride.appointment_at", "ride.pickup_area", "ride.return_trip"}));

  json food = request_body();
  food["ride"] = {{"passengers", 1}};
  const auto not_transport = client->post("/api/v1/networks/riverside/posts", food);
  ASSERT_EQ(not_transport.status, 422) << not_transport.body;
  EXPECT_TRUE(not_transport.json()["error"]["fields"].contains("ride"));
}

TEST_F(PostApiTest, UnknownNetworkIs404) {
  const auto result = client->post("/api/v1/networks/nowhere/posts", request_body());
  EXPECT_EQ(result.status, 404) << result.body;
}

}  // namespace
}  // namespace gapfill::testing
