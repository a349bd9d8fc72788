// Claims and matches over real HTTP: claiming a request, proposing, accepting,
// completing and cancelling a match.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::is_rfc3339_utc;
using endpoint_tests::keys_of;
using endpoint_tests::listed_ids;
using endpoint_tests::match_path;
using endpoint_tests::offer_body;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Claims and matches

using MatchApiTest = ApiTest;

TEST_F(MatchApiTest, ClaimAnswers201WithTheMatchTokenAndLocation) {
  const auto [id, token] = create_post(request_body());
  const auto claimed = client->post(
      post_path(id) + "/claim",
      {{"volunteer", {{"name", "Alex"}, {"phone", "+1 406 555 0123"}}}, {"note", "Saturday"}});
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const json body = claimed.json();
  EXPECT_EQ(keys_of(body), (std::set<std::string>{"match", "match_token"}));
  const json match = body["match"];
  EXPECT_EQ(claimed.headers.at("location"), match_path(match));
  EXPECT_EQ(match["request_id"], id);
  EXPECT_TRUE(match["offer_id"].is_null());
  EXPECT_EQ(match["quantity"], 1);
  EXPECT_EQ(match["note"], "Saturday");
  EXPECT_EQ(match["status"], "accepted");
  EXPECT_EQ(match["volunteer"]["name"], "Alex");
  EXPECT_TRUE(is_rfc3339_utc(match["created_at"]));
  EXPECT_TRUE(is_rfc3339_utc(match["updated_at"]));

  const auto view = client->get(match_path(match), body["match_token"].get<std::string>());
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(keys_of(view.json()), (std::set<std::string>{"match", "request", "offer"}));
  EXPECT_TRUE(view.json()["offer"].is_null());
  EXPECT_EQ(view.json()["request"]["id"], id);
  // Accepted: the volunteer sees the requester's contact.
  EXPECT_EQ(view.json()["request"]["contact"]["phone"], "+1 406 555 0100");

  const auto second = client->post(post_path(id) + "/claim", claim_body());
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(second.json()["error"]["code"], "conflict");
}

TEST_F(MatchApiTest, ProposalIsAcceptedAndCompletedByEitherParty) {
  const auto [request_id, request_token] = create_post(request_body());
  const auto [offer_id, offer_token] = create_post(offer_body());
  const json proposal = {{"request_id", request_id}, {"offer_id", offer_id}, {"note", "Hi"}};
  const auto anonymous = client->post("/api/v1/matches", proposal);
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  EXPECT_EQ(header_of(anonymous, "www-authenticate"), "Bearer");
  const auto [stranger_id, stranger_token] = create_post(request_body());
  EXPECT_EQ(client->post("/api/v1/matches", proposal, stranger_token).status, 403);

  const auto proposed = client->post("/api/v1/matches", proposal, request_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const json match = proposed.json()["match"];
  EXPECT_EQ(keys_of(proposed.json()), std::set<std::string>{"match"});
  EXPECT_EQ(proposed.headers.at("location"), match_path(match));
  EXPECT_EQ(match["status"], "proposed");
  EXPECT_EQ(match["offer_id"], offer_id);
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "matched");

  const std::string path = match_path(match);
  EXPECT_EQ(client->get(path).status, 401);
  EXPECT_EQ(client->get(path, stranger_token).status, 403);
  EXPECT_EQ(client->post(path + "/accept", nullptr, stranger_token).status, 403);
  EXPECT_EQ(client->post(path + "/accept", nullptr).status, 401);
  const auto seen = client->get(path, request_token);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json()["offer"]["id"], offer_id);
  EXPECT_FALSE(seen.json()["offer"].contains("contact"));

  const auto accepted = client->post(path + "/accept", json::object(), offer_token);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["match"]["status"], "accepted");
  // Agreed: both sides' private parts are in the match view.
  EXPECT_EQ(accepted.json()["offer"]["contact"]["email"], "giver@example.org");
  EXPECT_EQ(accepted.json()["request"]["contact"]["email"], "sam@example.org");

  const auto completed = client->post(path + "/complete", nullptr, request_token);
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_EQ(completed.json()["match"]["status"], "completed");
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "fulfilled");
  EXPECT_EQ(client->get(post_path(offer_id)).json()["status"], "fulfilled");
  EXPECT_EQ(client->post(path + "/cancel", nullptr, request_token).status, 409);
}

TEST_F(MatchApiTest, CancellingAProposalReopensBothPosts) {
  const auto [request_id, request_token] = create_post(request_body());
  const auto [offer_id, offer_token] = create_post(offer_body());
  const auto proposed = client->post(
      "/api/v1/matches", {{"request_id", request_id}, {"offer_id", offer_id}}, offer_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  EXPECT_EQ(listed_ids(*client, "status=matched").size(), 2u);
  const auto cancelled =
      client->post(match_path(proposed.json()["match"]) + "/cancel", nullptr, request_token);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["match"]["status"], "cancelled");
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "open");
  EXPECT_EQ(client->get(post_path(offer_id)).json()["status"], "open");
  EXPECT_EQ(listed_ids(*client, "status=matched").size(), 0u);
}

TEST_F(MatchApiTest, ProposalsNeedARequestAndAnOfferOfOneNetwork) {
  const auto [request_id, request_token] = create_post(request_body());
  const auto [offer_id, offer_token] = create_post(offer_body());
  const auto swapped = client->post(
      "/api/v1/matches", {{"request_id", offer_id}, {"offer_id", request_id}}, request_token);
  ASSERT_EQ(swapped.status, 422) << swapped.body;
  EXPECT_EQ(keys_of(swapped.json()["error"]["fields"]),
            (std::set<std::string>{"request_id", "offer_id"}));
  const auto missing = client->post("/api/v1/matches", json::object(), request_token);
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(keys_of(missing.json()["error"]["fields"]),
            (std::set<std::string>{"request_id", "offer_id"}));
  EXPECT_EQ(
      client->post("/api/v1/matches", {{"request_id", 999999}, {"offer_id", offer_id}}, offer_token)
          .status,
      404);
  ASSERT_EQ(client->post("/api/v1/networks", network_body("hillside"), account_session()).status,
            201);
  const auto [far_offer, far_token] = create_post(offer_body(), "hillside");
  const auto elsewhere = client->post(
      "/api/v1/matches", {{"request_id", request_id}, {"offer_id", far_offer}}, far_token);
  ASSERT_EQ(elsewhere.status, 422) << elsewhere.body;
  EXPECT_EQ(keys_of(elsewhere.json()["error"]["fields"]), std::set<std::string>{"offer_id"});
}

TEST_F(MatchApiTest, ClosingAnOfferReopensTheRequestItWasProposedTo) {
  const auto [request_id, request_token] = create_post(request_body());
  const auto [offer_id, offer_token] = create_post(offer_body());
  const auto proposed = client->post(
      "/api/v1/matches", {{"request_id", request_id}, {"offer_id", offer_id}}, request_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const auto closed = client->post(post_path(offer_id) + "/close", nullptr, offer_token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["matches"][0]["status"], "cancelled");
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "open");
  EXPECT_EQ(listed_ids(*client, ""), std::vector<std::int64_t>{request_id});
  EXPECT_EQ(listed_ids(*client, "status=closed"), std::vector<std::int64_t>{offer_id});
}

}  // namespace
}  // namespace gapfill::testing
