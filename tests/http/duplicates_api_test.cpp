// Possible duplicates over real HTTP: requests made through the API are
// flagged for organizers (never shown to the requester), merged or dismissed.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

json request_at(const std::string& title, const std::string& email, double lat, double lon,
                const std::string& category = "food") {
  json body = request_body(title);
  body["category"] = category;
  body["location"] = {{"lat", lat}, {"lon", lon}, {"text", "near the library"}};
  body["contact"] = {{"name", "Sam"}, {"email", email}, {"method", "email"}};
  return body;
}

class DuplicatesApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    admin = sign_in_new_admin(*server, *client, "riverside", "dana@example.org");
  }
  json flags() {
    const auto listing = client->get("/api/v1/networks/riverside/duplicates", admin);
    EXPECT_EQ(listing.status, 200) << listing.body;
    return listing.json()["items"];
  }
  std::string flag_path(std::int64_t id, const std::string& verb) {
    return "/api/v1/networks/riverside/duplicates/" + std::to_string(id) + "/" + verb;
  }
  // Moves a post's creation `days` into the past, straight in the store.
  void age(std::int64_t id, int days) {
    auto& services = server->app().services();
    ASSERT_TRUE(services.store().write([&](store::Transaction& transaction) -> Status {
      Post post = TRY(transaction.posts().find(id));
      post.created_at -= std::int64_t{days} * 24 * 3600;
      return transaction.posts().update(post);
    }));
  }
  std::string admin;
};

TEST_F(DuplicatesApiTest, SameEmailInOtherWordsIsFlaggedFarAway) {
  const auto [first, first_token] =
      create_post(request_at("Diapers and wipes for my baby", "ana@example.org", 46.87, -113.99));
  // Same person, other words, 20 km away.
  const auto [second, second_token] =
      create_post(request_at("Baby diapers please, size 3", "ANA@example.org", 47.05, -113.99));
  const json items = flags();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["post_id"], second);
  EXPECT_EQ(items[0]["duplicate_of"], first);
  EXPECT_EQ(items[0]["reasons"], json::array({"same_contact", "similar_title"}));
  EXPECT_EQ(items[0]["post"]["title"], "Baby diapers please, size 3");
  EXPECT_EQ(items[0]["of_post"]["id"], first);
  // The requester sees nothing of it.
  const auto own = client->get(post_path(second), second_token);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["status"], "open");
  EXPECT_EQ(own.body.find("duplicate_of\":" + std::to_string(first)), std::string::npos);
}

TEST_F(DuplicatesApiTest, NearbyAndSimilarIsFlaggedWithTheDistance) {
  const auto [first, t1] =
      create_post(request_at("Groceries for a family of four", "a@example.org", 46.87, -113.99));
  const auto [second, t2] =
      create_post(request_at("Grocery help for family", "b@example.org", 46.875, -113.99));
  const json items = flags();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["duplicate_of"], first);
  EXPECT_EQ(items[0]["reasons"], json::array({"nearby", "similar_title"}));
  EXPECT_LT(items[0]["distance_km"].get<double>(), 2.0);
  (void)second;
  (void)t1;
  (void)t2;
}

TEST_F(DuplicatesApiTest, OtherCategoryOldOrClosedRequestsAreNotFlagged) {
  // Another category.
  create_post(request_at("Ride to the clinic", "a@example.org", 46.87, -113.99, "transport"));
  create_post(request_at("Ride to the clinic", "a@example.org", 46.87, -113.99, "food"));
  // Old: made 20 days ago.
  const auto [old, old_token] =
      create_post(request_at("Firewood for the stove", "c@example.org", 46.87, -113.99));
  age(old, 20);
  create_post(request_at("Firewood for our stove", "c@example.org", 46.87, -113.99));
  // Closed.
  const auto [closed, closed_token] =
      create_post(request_at("Winter coats for kids", "d@example.org", 46.87, -113.99));
  const auto withdrawn =
      client->post(post_path(closed) + "/close", {{"reason", "withdrawn"}}, closed_token);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  create_post(request_at("Winter coats for the kids", "d@example.org", 46.87, -113.99));
  EXPECT_TRUE(flags().empty()) << flags().dump();
}

TEST_F(DuplicatesApiTest, MergeKeepsBothHistoriesAndClosesTheNewerOne) {
  const auto [first, first_token] =
      create_post(request_at("Diapers for baby", "ana@example.org", 46.87, -113.99));
  const auto [second, second_token] =
      create_post(request_at("Baby diapers needed", "ana@example.org", 46.87, -113.99));
  const json items = flags();
  ASSERT_EQ(items.size(), 1u);
  const std::int64_t id = items[0]["id"];
  const auto merged = client->post(flag_path(id, "merge"), json::object(), admin);
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json()["duplicate"]["resolution"], "merged");
  EXPECT_EQ(merged.json()["duplicate"]["post"]["status"], "closed");
  EXPECT_EQ(merged.json()["duplicate"]["of_post"]["status"], "open");

  const auto newer = client->get(post_path(second), second_token);
  EXPECT_EQ(newer.json()["status"], "closed");
  EXPECT_EQ(newer.json()["closed_reason"], "duplicate");
  // The merged post's own history stands.
  const auto own_history = client->get(post_path(second) + "/history", second_token);
  ASSERT_EQ(own_history.status, 200);
  EXPECT_NE(own_history.body.find("\"duplicate\""), std::string::npos) << own_history.body;

  // The survivor's history, as organizers read it, has the "merged" event and
  // the merged post's events, tagged with their post id.
  const auto history = client->get(post_path(first) + "/history", admin);
  ASSERT_EQ(history.status, 200) << history.body;
  bool merged_event = false, other_created = false;
  const json events = history.json()["items"];
  for (const json& event : events) {
    if (event["type"] == "merged" && event["reason"] == "post=" + std::to_string(second)) {
      merged_event = true;
      EXPECT_EQ(event["post_id"], first);
    }
    if (event["type"] == "created" && event["post_id"] == second) other_created = true;
  }
  EXPECT_TRUE(merged_event) << history.body;
  EXPECT_TRUE(other_created) << history.body;
  // The requester of the survivor reads its own history only.
  const auto requester = client->get(post_path(first) + "/history", first_token);
  ASSERT_EQ(requester.status, 200);
  const json own_events = requester.json()["items"];
  for (const json& event : own_events) EXPECT_EQ(event["post_id"], first);

  EXPECT_TRUE(flags().empty());
  const auto again = client->post(flag_path(id, "merge"), json::object(), admin);
  EXPECT_EQ(again.status, 409) << again.body;
  // Audited.
  const auto audit = client->get("/api/v1/networks/riverside/audit", admin);
  EXPECT_NE(audit.body.find("merge_duplicate"), std::string::npos) << audit.body;
}

TEST_F(DuplicatesApiTest, DismissLeavesBothOpen) {
  const auto [first, t1] =
      create_post(request_at("Diapers for baby", "ana@example.org", 46.87, -113.99));
  const auto [second, t2] =
      create_post(request_at("Baby diapers needed", "ana@example.org", 46.87, -113.99));
  const std::int64_t id = flags()[0]["id"];
  const auto dismissed = client->post(flag_path(id, "dismiss"), json::object(), admin);
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.json()["duplicate"]["resolution"], "dismissed");
  EXPECT_EQ(client->get(post_path(first), t1).json()["status"], "open");
  EXPECT_EQ(client->get(post_path(second), t2).json()["status"], "open");
  EXPECT_TRUE(flags().empty());
  EXPECT_EQ(client->post(flag_path(id, "merge"), json::object(), admin).status, 409);
}

TEST_F(DuplicatesApiTest, OrganizersOnly) {
  create_post(request_at("Diapers for baby", "ana@example.org", 46.87, -113.99));
  const auto [second, token] =
      create_post(request_at("Baby diapers needed", "ana@example.org", 46.87, -113.99));
  const std::int64_t id = flags()[0]["id"];
  EXPECT_EQ(client->get("/api/v1/networks/riverside/duplicates").status, 401);
  EXPECT_EQ(client->post(flag_path(id, "merge"), json::object()).status, 401);
  EXPECT_EQ(client->post(flag_path(id, "merge"), json::object(), token).status, 401);
  const std::string member = sign_in_new_account(*client, "sam@example.org");
  EXPECT_EQ(client->get("/api/v1/networks/riverside/duplicates", member).status, 403);
  EXPECT_EQ(client->post(flag_path(id, "dismiss"), json::object(), member).status, 403);
  EXPECT_EQ(client->post(flag_path(id + 100, "merge"), json::object(), admin).status, 404);
  EXPECT_EQ(client->post(flag_path(id, "merge"), {{"extra", 1}}, admin).status, 400);
  EXPECT_EQ(flags().size(), 1u);
}

}  // namespace
}  // namespace gapfill::testing
