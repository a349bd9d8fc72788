// What public views never show: contact, location text and details stay with
// the poster and, once matched, the other side.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::is_rfc3339_utc;
using endpoint_tests::keys_of;
using endpoint_tests::match_path;
using endpoint_tests::near_centre;
using endpoint_tests::offer_body;
using endpoint_tests::private_request;
using nlohmann::json;

// Personal data a poster gives; no public response may ever carry any of it.
const std::vector<std::string> kSecrets = {"Zebulon Quartermaine", "zq.private@example.org",
                                           "+1 406 555 0199", "behind the blue house on Elm",
                                           "secret-details-marker"};

void expect_no_secrets(const std::string& body, const std::string& where) {
  for (const std::string& secret : kSecrets) {
    EXPECT_EQ(body.find(secret), std::string::npos) << where << " shows \"" << secret << "\"";
  }
}

// ---------------------------------------------------------------------------
// Privacy

using PrivacyTest = ApiTest;

TEST_F(PrivacyTest, PublicResponsesNeverCarryContactLocationTextOrDetails) {
  const auto [id, token] = create_post(private_request());
  const auto [other_id, other_token] = create_post(request_body());
  const auto [offer_id, offer_token] = create_post(offer_body("clothing", 2));

  std::vector<std::pair<std::string, HttpResult>> responses;
  responses.emplace_back("anonymous GET", client->get(post_path(id)));
  responses.emplace_back("GET with another post's token", client->get(post_path(id), other_token));
  responses.emplace_back("GET with a made-up token",
                         client->get(post_path(id), std::string(43, 'A')));
  responses.emplace_back("GET with a Basic header",
                         client->request("GET", post_path(id), "", {"Authorization: Basic abc"}));
  for (const auto& [what, result] : responses) {
    ASSERT_EQ(result.status, 200) << what;
    const json post = result.json();
    EXPECT_FALSE(post.contains("contact")) << what;
    EXPECT_FALSE(post.contains("details")) << what;
    EXPECT_FALSE(post.contains("matches")) << what;
    EXPECT_FALSE(post.contains("access")) << what;
    EXPECT_FALSE(post["location"].contains("text")) << what;
    expect_no_secrets(result.body, what);
  }

  // Listings, network endpoints and error bodies.
  const std::vector<std::string> public_targets = {
      "/api/v1/networks/riverside/posts",
      "/api/v1/networks/riverside/posts?kind=request&category=clothing",
      "/api/v1/networks/riverside/posts?" + near_centre() + "&radius_km=500",
      "/api/v1/networks",
      "/api/v1/networks/riverside",
      "/api/v1/networks/riverside/categories",
      post_path(id) + "/history",
      "/api/v1/networks/riverside/posts?near=1000,1&limit=0",
  };
  for (const std::string& target : public_targets) {
    const auto result = client->get(target);
    EXPECT_LT(result.status, 500) << target;
    expect_no_secrets(result.body, target);
  }
  const auto listed = client->get("/api/v1/networks/riverside/posts").json()["items"];
  for (const auto& item : listed) {
    EXPECT_EQ(keys_of(item), (std::set<std::string>{"id", "network", "kind", "category", "title",
                                                    "quantity", "urgency", "window", "location",
                                                    "status", "created_at", "waiting_since"}))
        << item;
    EXPECT_EQ(keys_of(item["location"]), (std::set<std::string>{"lat", "lon"})) << item;
  }

  // A proposal, before it is accepted, shows neither side's private parts.
  const auto proposed =
      client->post("/api/v1/matches", {{"request_id", id}, {"offer_id", offer_id}, {"quantity", 2}},
                   offer_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  expect_no_secrets(proposed.body, "the proposal");
  const auto seen = client->get(match_path(proposed.json()["match"]), offer_token);
  ASSERT_EQ(seen.status, 200) << seen.body;
  expect_no_secrets(seen.body, "a proposed match seen by the offerer");
  // The listing of matched posts is public too.
  expect_no_secrets(client->get("/api/v1/networks/riverside/posts?status=matched").body,
                    "matched listing");
}

TEST_F(PrivacyTest, AVolunteerLosesThePrivateViewWhenTheMatchIsCancelled) {
  const auto [id, token] = create_post(private_request());
  const auto claimed = client->post(post_path(id) + "/claim", claim_body());
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const std::string match_token = claimed.json()["match_token"];
  const auto as_volunteer = client->get(post_path(id), match_token).json();
  EXPECT_EQ(as_volunteer["access"], "volunteer");
  EXPECT_EQ(as_volunteer["contact"]["email"], "zq.private@example.org");

  ASSERT_EQ(
      client->post(match_path(claimed.json()["match"]) + "/cancel", nullptr, match_token).status,
      200);
  const auto after = client->get(post_path(id), match_token);
  ASSERT_EQ(after.status, 200);
  EXPECT_FALSE(after.json().contains("access"));
  expect_no_secrets(after.body, "GET with a cancelled match's token");
}

TEST_F(PrivacyTest, AnErasedPostStillShowsItsTitleAndNoPersonalData) {
  const auto [id, token] = create_post(private_request());
  const auto claimed = client->post(post_path(id) + "/claim", claim_body());
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  ASSERT_EQ(client->post(post_path(id) + "/close", {{"reason", "withdrawn"}}, token).status, 200);
  // Closed 40 days ago, past the network's 30 days of retention.
  server->execute_sql("UPDATE posts SET updated_at = updated_at - 40 * 86400 WHERE id = " +
                      std::to_string(id));
  ASSERT_EQ(server->app().services().posts().erase_expired_personal_data().value(), 1);

  for (const std::string& who : {token, std::string(claimed.json()["match_token"])}) {
    const auto view = client->get(post_path(id), who);
    ASSERT_EQ(view.status, 200) << view.body;
    EXPECT_EQ(view.json()["title"], private_request()["title"]);
    EXPECT_EQ(view.json()["status"], "closed");
    expect_no_secrets(view.body, "GET of an erased post");
  }
  const auto page = PageClient(server->port()).get("/p/" + std::to_string(id) + "/k/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find(std::string(private_request()["title"])), std::string::npos);
  expect_no_secrets(page.body, "the manage page of an erased post");
}

TEST_F(PrivacyTest, OnlyThePostersTokenReadsTheHistory) {
  const auto [id, token] = create_post(private_request());
  const auto [other_id, other_token] = create_post(request_body());
  const auto history = client->get(post_path(id) + "/history", token);
  ASSERT_EQ(history.status, 200) << history.body;
  const json items = history.json()["items"];
  ASSERT_GE(items.size(), 1u);
  EXPECT_EQ(items[0]["type"], "created");
  EXPECT_TRUE(is_rfc3339_utc(items[0]["at"]));
  for (const char* key : {"type", "from_status", "to_status", "reason", "match_id", "at"}) {
    EXPECT_TRUE(items[0].contains(key)) << key;
  }
  expect_no_secrets(history.body, "history");

  const auto anonymous = client->get(post_path(id) + "/history");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(header_of(anonymous, "www-authenticate"), "Bearer");
  EXPECT_EQ(client->get(post_path(id) + "/history", other_token).status, 403);
  const auto claimed = client->post(post_path(id) + "/claim", claim_body()).json();
  EXPECT_EQ(client->get(post_path(id) + "/history", claimed["match_token"]).status, 403);
}

}  // namespace
}  // namespace gapfill::testing
