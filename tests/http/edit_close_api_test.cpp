// Editing and closing posts over real HTTP, and the manage token both need.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "engine/geo.hpp"
#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::ids_of;
using endpoint_tests::kCentreLat;
using endpoint_tests::kCentreLon;
using endpoint_tests::keys_of;
using endpoint_tests::list_all;
using endpoint_tests::listed_ids;
using endpoint_tests::near_centre;
using endpoint_tests::post_at;
using endpoint_tests::private_request;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Edit and close

using EditTest = ApiTest;

TEST_F(EditTest, PatchChangesFieldsAndAnswersThePrivateView) {
  const auto [id, token] = create_post(private_request());
  const json change = {{"title", "Warm coats and boots"},
                       {"urgency", "flexible"},
                       {"category", "other"},
                       {"quantity", 3},
                       {"details", "Boots size 2."},
                       {"contact", {{"method", "phone"}}}};
  const auto patched = client->patch(post_path(id), change, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const json post = patched.json();
  EXPECT_EQ(post["title"], "Warm coats and boots");
  EXPECT_EQ(post["urgency"], "flexible");
  EXPECT_EQ(post["category"], "other");
  EXPECT_EQ(post["quantity"], 3);
  EXPECT_EQ(post["details"], "Boots size 2.");
  EXPECT_EQ(post["contact"]["method"], "phone");
  EXPECT_EQ(post["contact"]["email"], "zq.private@example.org");  // untouched
  EXPECT_EQ(post["access"], "owner");
  EXPECT_EQ(post["kind"], "request");
  // The listing follows.
  const auto listed = client->get("/api/v1/networks/riverside/posts").json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["title"], "Warm coats and boots");
  EXPECT_EQ(listed[0]["category"], "other");
  // And the history records the edit.
  bool edited = false;
  const json history = client->get(post_path(id) + "/history", token).json()["items"];
  for (const auto& event : history) {
    edited = edited || event["type"] == "edited";
  }
  EXPECT_TRUE(edited);
}

TEST_F(EditTest, NullClearsOptionalFields) {
  json body = private_request();
  const UnixSeconds now = now_unix();
  body["window"] = {{"from", format_rfc3339(now + 3600)}, {"to", format_rfc3339(now + 7200)}};
  const auto [id, token] = create_post(body);
  const auto patched = client->patch(
      post_path(id), {{"details", nullptr}, {"quantity", nullptr}, {"window", nullptr}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const json post = patched.json();
  EXPECT_EQ(post["details"], "");
  EXPECT_TRUE(post["quantity"].is_null());
  EXPECT_TRUE(post["window"].is_null());
  EXPECT_EQ(post["title"], "Warm coats for two kids");  // untouched

  const auto location = client->patch(post_path(id), {{"location", nullptr}}, token);
  ASSERT_EQ(location.status, 200) << location.body;
  EXPECT_EQ(location.json()["location"]["text"], "");
  const auto contact = client->patch(post_path(id), {{"contact", nullptr}}, token);
  ASSERT_EQ(contact.status, 200) << contact.body;
  EXPECT_EQ(contact.json()["contact"]["email"], "");
  EXPECT_EQ(contact.json()["contact"]["phone"], "");
}

TEST_F(EditTest, RideIsClearedByNullAndByLeavingTransport) {
  json body = request_body("Ride to the clinic");
  body["category"] = "transport";
  body["ride"] = {{"passengers", 1}};
  const auto [id, token] = create_post(body);
  const auto cleared = client->patch(post_path(id), {{"ride", nullptr}}, token);
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["ride"].is_null());
  ASSERT_EQ(client->patch(post_path(id), {{"ride", {{"passengers", 3}}}}, token).status, 200);
  const auto moved = client->patch(post_path(id), {{"category", "food"}}, token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(moved.json()["ride"].is_null());
}

TEST_F(EditTest, KindCannotChange) {
  const auto [id, token] = create_post(request_body());
  const auto result = client->patch(post_path(id), {{"kind", "offer"}}, token);
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(result.json()["error"]["fields"].contains("kind"));
  EXPECT_EQ(client->get(post_path(id)).json()["kind"], "request");
  // Naming the same kind is no change.
  EXPECT_EQ(client->patch(post_path(id), {{"kind", "request"}}, token).status, 200);
}

TEST_F(EditTest, PatchNeedsThePostsManageToken) {
  const auto [id, token] = create_post(request_body());
  const auto [other_id, other_token] = create_post(request_body());
  const json change = {{"title", "Hijacked"}};
  const auto missing = client->patch(post_path(id), change);
  EXPECT_EQ(missing.status, 401) << missing.body;
  EXPECT_EQ(header_of(missing, "www-authenticate"), "Bearer");
  EXPECT_EQ(missing.json()["error"]["code"], "unauthorized");
  const auto wrong = client->patch(post_path(id), change, other_token);
  EXPECT_EQ(wrong.status, 403) << wrong.body;
  EXPECT_EQ(wrong.json()["error"]["code"], "forbidden");
  EXPECT_EQ(client->patch(post_path(id), change, token + "x").status, 403);
  EXPECT_EQ(client->patch(post_path(id), change, std::string(200, 'A')).status, 403);
  const auto claimed = client->post(post_path(id) + "/claim", claim_body()).json();
  EXPECT_EQ(client->patch(post_path(id), change, claimed["match_token"]).status, 403);
  EXPECT_EQ(client->get(post_path(id)).json()["title"], "Groceries for a family of four");
}

TEST_F(EditTest, APatchedLocationMovesThePostInNearListings) {
  const auto [id, token] = create_post(post_at(kCentreLat, kCentreLon));
  const std::string here = near_centre() + "&radius_km=3";
  const std::string there = "near=47.5,-113.0&radius_km=3";
  EXPECT_EQ(listed_ids(*client, here), std::vector<std::int64_t>{id});
  EXPECT_EQ(listed_ids(*client, there), std::vector<std::int64_t>{});

  const auto moved =
      client->patch(post_path(id), {{"location", {{"lat", 47.5}, {"lon", -113.0}}}}, token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(listed_ids(*client, here), std::vector<std::int64_t>{});
  const auto items = list_all(*client, there, 100);
  ASSERT_EQ(ids_of(items), std::vector<std::int64_t>{id});
  EXPECT_LT(items[0]["distance_km"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(items[0]["location"]["lat"].get<double>(),
                   geo::snap_to_cell({47.5, -113.0}, 1.0).lat);
}

TEST_F(EditTest, CloseWithReasonDuplicate) {
  const auto [id, token] = create_post(request_body());
  const auto closed = client->post(post_path(id) + "/close", {{"reason", "duplicate"}}, token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["closed_reason"], "duplicate");
  EXPECT_EQ(closed.json()["access"], "owner");
  EXPECT_EQ(client->get(post_path(id)).json()["closed_reason"], "duplicate");
  EXPECT_EQ(listed_ids(*client, ""), std::vector<std::int64_t>{});
  EXPECT_EQ(listed_ids(*client, "status=closed"), std::vector<std::int64_t>{id});
}

TEST_F(EditTest, CloseWithoutABodyMeansWithdrawn) {
  const auto [id, token] = create_post(request_body());
  const auto closed = client->post(post_path(id) + "/close", nullptr, token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["closed_reason"], "withdrawn");
}

TEST_F(EditTest, PostersCannotCloseAsExpiredOrModerated) {
  const auto [id, token] = create_post(request_body());
  for (const char* reason : {"expired", "moderated", "spam", ""}) {
    const auto result = client->post(post_path(id) + "/close", {{"reason", reason}}, token);
    EXPECT_EQ(result.status, 422) << reason << ": " << result.body;
    EXPECT_EQ(keys_of(result.json()["error"]["fields"]), std::set<std::string>{"reason"}) << reason;
  }
  const auto typed = client->post(post_path(id) + "/close", {{"reason", 7}}, token);
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_EQ(client->get(post_path(id)).json()["status"], "open");
}

TEST_F(EditTest, CloseNeedsTheManageToken) {
  const auto [id, token] = create_post(request_body());
  const auto [other_id, other_token] = create_post(request_body());
  const auto missing = client->post(post_path(id) + "/close", nullptr);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(header_of(missing, "www-authenticate"), "Bearer");
  EXPECT_EQ(client->post(post_path(id) + "/close", nullptr, other_token).status, 403);
  EXPECT_EQ(client->get(post_path(id)).json()["status"], "open");
}

}  // namespace
}  // namespace gapfill::testing
