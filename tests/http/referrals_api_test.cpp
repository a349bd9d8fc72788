// Referrals between networks over real HTTP: two networks (and a third that
// must see nothing), their organizers, and the requester's manage token.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

class ReferralsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    create_network(*server, "hillside");
    create_network(*server, "lakeside");
    riverside = sign_in_new_admin(*server, *client, "riverside", "dana@example.org");
    hillside = sign_in_new_admin(*server, *client, "hillside", "hana@example.org");
    lakeside = sign_in_new_admin(*server, *client, "lakeside", "lee@example.org");
    const auto [id, token] = create_post(request_body("Groceries after the flood"));
    post_id = id;
    manage_token = token;
  }
  HttpResult refer(const std::string& consent, const std::string& session,
                   const std::string& to = "hillside") {
    return client->post(post_path(post_id) + "/referrals",
                        {{"to", to}, {"consent", consent}, {"note", "They deliver on Sundays"}},
                        session);
  }
  std::string referral_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/referrals/" + std::to_string(id) + rest;
  }
  json listed(const std::string& slug, const std::string& session) {
    const auto listing = client->get("/api/v1/networks/" + slug + "/referrals", session);
    EXPECT_EQ(listing.status, 200) << listing.body;
    return listing.json()["items"];
  }
  std::string riverside, hillside, lakeside;  // sessions of each network's admin
  std::int64_t post_id = 0;
  std::string manage_token;
};

TEST_F(ReferralsApiTest, OrganizerRecordedConsentSendsAtOnceAndAcceptMovesTheRequest) {
  const auto sent = refer("organizer", riverside);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const json referral = sent.json()["referral"];
  const std::int64_t id = referral["id"];
  EXPECT_EQ(referral["status"], "sent");
  EXPECT_EQ(referral["consent"], "organizer");
  EXPECT_EQ(referral["direction"], "outgoing");
  EXPECT_EQ(referral["to"]["slug"], "hillside");

  // The receiving network sees it, with the request's details and contact.
  const json incoming = listed("hillside", hillside);
  ASSERT_EQ(incoming.size(), 1u);
  EXPECT_EQ(incoming[0]["direction"], "incoming");
  EXPECT_EQ(incoming[0]["status"], "sent");
  EXPECT_EQ(incoming[0]["post"]["contact"]["name"], "Sam");
  EXPECT_EQ(incoming[0]["note"], "They deliver on Sundays");

  const auto accepted = client->post(referral_path(id, "/accept"), json::object(), hillside);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["referral"]["status"], "accepted");
  const std::int64_t made = accepted.json()["referral"]["new_post_id"];

  // The original is closed as referred; the new request is open in hillside,
  // and the requester's one manage token opens both.
  const auto original = client->get(post_path(post_id), manage_token);
  EXPECT_EQ(original.json()["status"], "closed");
  EXPECT_EQ(original.json()["closed_reason"], "referred");
  const auto moved = client->get(post_path(made), manage_token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["status"], "open");
  EXPECT_EQ(moved.json()["network"], "hillside");
  EXPECT_EQ(moved.json()["title"], "Groceries after the flood");
  EXPECT_EQ(moved.json()["contact"]["name"], "Sam");
  const auto history = client->get(post_path(made) + "/history", manage_token);
  EXPECT_NE(history.body.find("referred from=riverside"), std::string::npos) << history.body;

  // Both networks see the status; each network's audit log has the accept.
  EXPECT_EQ(listed("riverside", riverside)[0]["status"], "accepted");
  for (const auto& [slug, session] : {std::pair{"riverside", riverside}, {"hillside", hillside}}) {
    const auto audit = client->get(std::string("/api/v1/networks/") + slug + "/audit", session);
    EXPECT_NE(audit.body.find("referral_accept"), std::string::npos) << slug << audit.body;
  }

  // Decided once: a second accept or a decline is a conflict.
  EXPECT_EQ(client->post(referral_path(id, "/accept"), json::object(), hillside).status, 409);
  EXPECT_EQ(client->post(referral_path(id, "/decline"), json::object(), hillside).status, 409);
  EXPECT_EQ(client->post(referral_path(id, "/withdraw"), json::object(), riverside).status, 409);
}

TEST_F(ReferralsApiTest, RequesterConsentYesSendsAndDeclineLeavesTheRequestOpen) {
  const auto asked = refer("requester", riverside);
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::int64_t id = asked.json()["referral"]["id"];
  EXPECT_EQ(asked.json()["referral"]["status"], "awaiting_consent");

  // Before consent the receiving network sees nothing.
  EXPECT_TRUE(listed("hillside", hillside).empty());
  EXPECT_EQ(client->get(referral_path(id), hillside).status, 404);
  EXPECT_EQ(client->post(referral_path(id, "/accept"), json::object(), hillside).status, 404);

  const std::string consent = post_path(post_id) + "/referrals/" + std::to_string(id) + "/consent";
  EXPECT_EQ(client->post(consent, {{"agree", true}}).status, 401);
  EXPECT_EQ(client->post(consent, {{"agree", true}}, riverside).status, 401);
  EXPECT_EQ(client->post(consent, {{"agree", "yes"}}, manage_token).status, 422);
  const auto agreed = client->post(consent, {{"agree", true}}, manage_token);
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  EXPECT_EQ(agreed.json()["referral"]["status"], "sent");
  EXPECT_EQ(agreed.json()["referral"]["consent"], "requester");
  EXPECT_EQ(client->post(consent, {{"agree", false}}, manage_token).status, 409);

  ASSERT_EQ(listed("hillside", hillside).size(), 1u);
  const auto declined =
      client->post(referral_path(id, "/decline"), {{"reason", "no_capacity"}}, hillside);
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["referral"]["status"], "declined");
  EXPECT_EQ(declined.json()["referral"]["decline_reason"], "no_capacity");
  // After the decision the receiving network no longer reads the contact.
  EXPECT_FALSE(declined.json()["referral"]["post"].contains("contact"));
  EXPECT_EQ(client->get(post_path(post_id), manage_token).json()["status"], "open");
  const json outgoing = listed("riverside", riverside);
  EXPECT_EQ(outgoing[0]["status"], "declined");
  EXPECT_EQ(client->post(referral_path(id, "/accept"), json::object(), hillside).status, 409);

  // Declined, it can be referred again (elsewhere).
  EXPECT_EQ(refer("organizer", riverside, "lakeside").status, 201);
}

TEST_F(ReferralsApiTest, RequesterSaysNoAndNothingReachesTheOtherNetwork) {
  const std::int64_t id = refer("requester", riverside).json()["referral"]["id"];
  const std::string consent = post_path(post_id) + "/referrals/" + std::to_string(id) + "/consent";
  const auto refused = client->post(consent, {{"agree", false}}, manage_token);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json()["referral"]["status"], "refused");
  EXPECT_TRUE(listed("hillside", hillside).empty());
  EXPECT_EQ(listed("riverside", riverside)[0]["status"], "refused");
  EXPECT_EQ(client->get(post_path(post_id), manage_token).json()["status"], "open");
  const auto audit = client->get("/api/v1/networks/hillside/audit", hillside);
  EXPECT_EQ(audit.body.find("referral"), std::string::npos) << audit.body;
}

TEST_F(ReferralsApiTest, WithdrawBeforeADecision) {
  const std::int64_t id = refer("organizer", riverside).json()["referral"]["id"];
  // Only the sending network withdraws; only the receiving one decides.
  EXPECT_EQ(client->post(referral_path(id, "/withdraw"), json::object(), hillside).status, 403);
  EXPECT_EQ(client->post(referral_path(id, "/accept"), json::object(), riverside).status, 403);
  const auto withdrawn = client->post(referral_path(id, "/withdraw"), json::object(), riverside);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json()["referral"]["status"], "withdrawn");
  EXPECT_EQ(client->post(referral_path(id, "/accept"), json::object(), hillside).status, 409);
}

TEST_F(ReferralsApiTest, AThirdNetworkAndStrangersSeeNothing) {
  const std::int64_t id = refer("organizer", riverside).json()["referral"]["id"];
  EXPECT_TRUE(listed("lakeside", lakeside).empty());
  EXPECT_EQ(client->get(referral_path(id), lakeside).status, 404);
  EXPECT_EQ(client->get(referral_path(id)).status, 401);
  EXPECT_EQ(client->get(referral_path(id), manage_token).status, 401);
  for (const char* verb : {"/accept", "/decline", "/withdraw"}) {
    EXPECT_EQ(client->post(referral_path(id, verb), json::object(), lakeside).status, 404) << verb;
    EXPECT_EQ(client->post(referral_path(id, verb), json::object()).status, 401) << verb;
  }
  EXPECT_EQ(client->get("/api/v1/networks/riverside/referrals", lakeside).status, 403);
  EXPECT_EQ(client->get("/api/v1/networks/riverside/referrals").status, 401);
  // Guessed ids.
  EXPECT_EQ(client->get(referral_path(id + 1000), riverside).status, 404);
  EXPECT_EQ(client->post(referral_path(id + 1000, "/accept"), json::object(), hillside).status,
            404);
  EXPECT_EQ(client->get("/api/v1/referrals/abc", riverside).status, 404);
  EXPECT_EQ(client
                ->post(post_path(post_id + 1000) + "/referrals/" + std::to_string(id) + "/consent",
                       {{"agree", true}}, manage_token)
                .status,
            404);
  // Referring needs an organizer of the post's own network.
  EXPECT_EQ(refer("organizer", hillside, "lakeside").status, 403);
  EXPECT_EQ(refer("organizer", "").status, 401);
  EXPECT_EQ(refer("organizer", manage_token).status, 401);
}

TEST_F(ReferralsApiTest, BadReferralsNameTheField) {
  const auto missing = client->post(post_path(post_id) + "/referrals", json::object(), riverside);
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_TRUE(missing.json()["error"]["fields"].contains("to"));
  EXPECT_TRUE(missing.json()["error"]["fields"].contains("consent"));
  EXPECT_EQ(refer("maybe", riverside).status, 422);
  const auto itself = refer("organizer", riverside, "riverside");
  EXPECT_EQ(itself.status, 422);
  EXPECT_TRUE(itself.json()["error"]["fields"].contains("to"));
  EXPECT_EQ(refer("organizer", riverside, "nowhere").status, 422);
  const auto long_note = client->post(
      post_path(post_id) + "/referrals",
      {{"to", "hillside"}, {"consent", "organizer"}, {"note", std::string(501, 'a')}}, riverside);
  EXPECT_EQ(long_note.status, 422);
  EXPECT_TRUE(long_note.json()["error"]["fields"].contains("note"));
  const auto unknown =
      client->post(post_path(post_id) + "/referrals",
                   {{"to", "hillside"}, {"consent", "organizer"}, {"why", "x"}}, riverside);
  EXPECT_EQ(unknown.status, 400);
  // One referral under way at a time.
  ASSERT_EQ(refer("requester", riverside).status, 201);
  EXPECT_EQ(refer("organizer", riverside, "lakeside").status, 409);
}

}  // namespace
}  // namespace gapfill::testing
