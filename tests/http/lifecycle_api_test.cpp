// The ask-and-offer lifecycle over real HTTP: post, claim, complete, reopen,
// offers serving several requests, and the race for one request.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

json claim_body(const std::string& name = "Alex") {
  return {{"volunteer", {{"name", name}, {"email", "alex@example.org"}}},
          {"quantity", 1},
          {"note", "I can bring it Saturday."}};
}

json offer_body(int quantity) {
  return {{"kind", "offer"},
          {"category", "food"},
          {"title", "Two cases of canned soup"},
          {"quantity", quantity},
          {"urgency", "flexible"},
          {"location", {{"lat", 46.86}, {"lon", -113.98}}},
          {"contact", {{"email", "giver@example.org"}}}};
}

using LifecycleTest = ApiTest;

TEST_F(LifecycleTest, RequestIsClaimedCompletedAndShowsFulfilledToItsPoster) {
  const auto [id, token] = create_post(request_body());
  const std::string post = "/api/v1/posts/" + std::to_string(id);

  const auto claimed = client->post(post + "/claim", claim_body());
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const auto match = claimed.json()["match"];
  EXPECT_EQ(match["status"], "accepted");
  const std::string match_token = claimed.json()["match_token"];
  EXPECT_GE(match_token.size(), 43u);  // 256 bits in base64url

  EXPECT_EQ(client->get(post).json()["status"], "matched");
  const auto completed =
      client->post("/api/v1/matches/" + std::to_string(match["id"].get<int>()) + "/complete",
                   nullptr, match_token);
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_EQ(completed.json()["match"]["status"], "completed");

  const auto mine = client->get(post, token).json();
  EXPECT_EQ(mine["status"], "fulfilled");
  EXPECT_EQ(mine["access"], "owner");
  ASSERT_EQ(mine["matches"].size(), 1u);
  EXPECT_EQ(mine["matches"][0]["volunteer"]["name"], "Alex");

  const auto history = client->get(post + "/history", token).json()["items"];
  std::vector<std::string> statuses;
  for (const auto& event : history) {
    if (event["type"] == "status") statuses.push_back(event["to_status"]);
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"matched", "fulfilled"}));
}

TEST_F(LifecycleTest, CancellingTheLastMatchReopensTheRequest) {
  const auto [id, token] = create_post(request_body());
  const std::string post = "/api/v1/posts/" + std::to_string(id);
  const auto claimed = client->post(post + "/claim", claim_body()).json();
  const std::string match = "/api/v1/matches/" + std::to_string(claimed["match"]["id"].get<int>());

  const auto cancelled = client->post(match + "/cancel", nullptr, token);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(client->get(post).json()["status"], "open");
  // Cancelled is final.
  EXPECT_EQ(client->post(match + "/complete", nullptr, token).status, 409);
  // And the request can be claimed again.
  EXPECT_EQ(client->post(post + "/claim", claim_body("Rosa")).status, 201);
}

TEST_F(LifecycleTest, TheVolunteerSeesThePrivatePartsOnlyOnceMatched) {
  const auto [id, token] = create_post(request_body());
  const std::string post = "/api/v1/posts/" + std::to_string(id);
  const auto anonymous = client->get(post).json();
  EXPECT_FALSE(anonymous.contains("contact"));
  EXPECT_FALSE(anonymous.contains("details"));
  EXPECT_FALSE(anonymous["location"].contains("text"));

  const auto claimed = client->post(post + "/claim", claim_body()).json();
  const auto as_volunteer = client->get(post, claimed["match_token"]).json();
  EXPECT_EQ(as_volunteer["access"], "volunteer");
  EXPECT_EQ(as_volunteer["contact"]["phone"], "+1 406 555 0100");
  EXPECT_FALSE(as_volunteer.contains("matches"));
}

TEST_F(LifecycleTest, AnOfferServesSeveralRequestsUntilItsQuantityIsUsed) {
  const auto [offer_id, offer_token] = create_post(offer_body(2));
  std::vector<std::pair<std::int64_t, std::string>> requests;
  for (int i = 0; i < 3; ++i) requests.push_back(create_post(request_body()));

  std::vector<int> match_ids;
  for (int i = 0; i < 2; ++i) {
    const auto proposed = client->post(
        "/api/v1/matches",
        {{"request_id", requests[i].first}, {"offer_id", offer_id}, {"quantity", 1}}, offer_token);
    ASSERT_EQ(proposed.status, 201) << proposed.body;
    EXPECT_EQ(proposed.json()["match"]["status"], "proposed");
    match_ids.push_back(proposed.json()["match"]["id"]);
  }
  const std::string offer = "/api/v1/posts/" + std::to_string(offer_id);
  EXPECT_EQ(client->get(offer).json()["status"], "matched");
  const auto third = client->post(
      "/api/v1/matches", {{"request_id", requests[2].first}, {"offer_id", offer_id}}, offer_token);
  EXPECT_EQ(third.status, 409) << third.body;

  // The requesters accept, the deliveries complete: the offer is fulfilled.
  for (int i = 0; i < 2; ++i) {
    const std::string match = "/api/v1/matches/" + std::to_string(match_ids[i]);
    ASSERT_EQ(client->post(match + "/accept", nullptr, requests[i].second).status, 200);
    ASSERT_EQ(client->post(match + "/complete", nullptr, requests[i].second).status, 200);
  }
  EXPECT_EQ(client->get(offer).json()["status"], "fulfilled");

  // A proposal does not reveal contact details before it is accepted.
  const auto [request_id, request_token] = create_post(request_body());
  const auto [other_offer, other_token] = create_post(offer_body(1));
  const auto proposed =
      client
          ->post("/api/v1/matches", {{"request_id", request_id}, {"offer_id", other_offer}},
                 other_token)
          .json();
  const auto seen = client->get(
      "/api/v1/matches/" + std::to_string(proposed["match"]["id"].get<int>()), other_token);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.json()["request"].contains("contact"));
}

TEST_F(LifecycleTest, ClosingAPostWithALiveMatchCancelsIt) {
  const auto [id, token] = create_post(request_body());
  const std::string post = "/api/v1/posts/" + std::to_string(id);
  const auto claimed = client->post(post + "/claim", claim_body()).json();
  const auto closed = client->post(post + "/close", {{"reason", "withdrawn"}}, token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["closed_reason"], "withdrawn");
  EXPECT_EQ(closed.json()["matches"][0]["status"], "cancelled");
  EXPECT_EQ(client->post(post + "/close", nullptr, token).status, 409);
}

TEST_F(LifecycleTest, FiftyConcurrentClaimsGiveExactlyOneWinner) {
  const auto [id, token] = create_post(request_body());
  const std::string target = "/api/v1/posts/" + std::to_string(id) + "/claim";
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> racers;
  for (int i = 0; i < 50; ++i) {
    racers.emplace_back([&, i] {
      HttpClient racer(server->port());
      while (!go.load()) std::this_thread::yield();
      const auto result = racer.post(target, claim_body("Racer " + std::to_string(i)));
      if (result.status == 201) {
        ++created;
      } else if (result.status == 409) {
        ++conflicts;
      } else {
        ++other;
      }
    });
  }
  go = true;
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), 49);
  EXPECT_EQ(other.load(), 0);
  const auto mine = client->get("/api/v1/posts/" + std::to_string(id), token).json();
  EXPECT_EQ(mine["matches"].size(), 1u);
}

TEST_F(LifecycleTest, AcknowledgedWritesSurviveARestart) {
  const auto [id, token] = create_post(request_body());
  client->post("/api/v1/posts/" + std::to_string(id) + "/claim", claim_body());
  server->restart();
  client = std::make_unique<HttpClient>(server->port());
  const auto mine = client->get("/api/v1/posts/" + std::to_string(id), token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["status"], "matched");
  // The read model was rebuilt from the database.
  const auto listed = client->get("/api/v1/networks/riverside/posts?status=matched").json();
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["id"], id);
}

}  // namespace
}  // namespace gapfill::testing
