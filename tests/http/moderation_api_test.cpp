// Moderation over real HTTP: reports, hiding, blocking and the audit log.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

class ModerationApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    key = sign_in_new_admin(*server, *client, "riverside", "dana@example.org");
  }
  std::string network_path(const std::string& rest) { return "/api/v1/networks/riverside" + rest; }
  std::string post_action(std::int64_t id, const std::string& action) {
    return network_path("/posts/" + std::to_string(id) + "/" + action);
  }
  std::vector<std::int64_t> listed() { return endpoint_tests::listed_ids(*client, ""); }
  // The admin as the domain knows them, for calls that skip HTTP.
  domain::Actor admin() {
    return domain::Actor::signed_in(client->get("/api/v1/account", key).json()["id"]);
  }
  std::string key;  // the session of the network's admin
};

TEST_F(ModerationApiTest, AnyoneReportsAPostAndOnlyOrganizersReadTheReports) {
  const auto [id, token] = create_post(request_body("Free puppies, send a deposit"));
  const auto reported = client->post(post_path(id) + "/reports",
                                     {{"reason", "scam"}, {"note", "Asked me for money"}});
  ASSERT_EQ(reported.status, 202) << reported.body;
  EXPECT_EQ(reported.json(), json({{"status", "received"}}));
  // The public answer never shows reports.
  const auto shown = client->get(post_path(id));
  EXPECT_EQ(shown.body.find("report"), std::string::npos);
  EXPECT_EQ(shown.body.find("Asked me"), std::string::npos);

  EXPECT_EQ(client->get(network_path("/reports")).status, 401);
  EXPECT_EQ(client->get(network_path("/reports"), token).status, 401);
  const auto reports = client->get(network_path("/reports"), key);
  ASSERT_EQ(reports.status, 200) << reports.body;
  EXPECT_EQ(reports.json()["total"], 1);
  ASSERT_EQ(reports.json()["items"].size(), 1u);
  const json body = reports.json();
  const json& item = body["items"][0];
  EXPECT_EQ(item["post"]["id"], id);
  EXPECT_EQ(item["reason"], "scam");
  EXPECT_EQ(item["note"], "Asked me for money");
}

TEST_F(ModerationApiTest, BadReportsAreRefusedNamingTheField) {
  const auto [id, token] = create_post(request_body());
  const auto no_reason = client->post(post_path(id) + "/reports", json::object());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(no_reason.json()["error"]["fields"].contains("reason"));
  const auto unknown = client->post(post_path(id) + "/reports", {{"reason", "ugly"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(unknown.json()["error"]["fields"].contains("reason"));
  const auto long_note = client->post(post_path(id) + "/reports",
                                      {{"reason", "other"}, {"note", std::string(501, 'x')}});
  EXPECT_EQ(long_note.status, 422);
  EXPECT_TRUE(long_note.json()["error"]["fields"].contains("note"));
  EXPECT_EQ(client->post(post_path(id) + "/reports", {{"reason", "spam"}, {"extra", 1}}).status,
            400);
  EXPECT_EQ(client->post(post_path(999999) + "/reports", {{"reason", "spam"}}).status, 404);
}

TEST_F(ModerationApiTest, AHiddenPostLeavesEveryPublicAnswerButNotItsPostersLink) {
  const auto [id, token] = create_post(request_body("Selling stolen bikes"));
  const auto [other, other_token] = create_post(request_body("Groceries this week"));
  ASSERT_EQ(listed().size(), 2u);
  const auto summary_before = client->get("/api/v1/networks/riverside").json();

  EXPECT_EQ(client->post(post_action(id, "hide"), {{"reason", "spam"}}).status, 401);
  EXPECT_EQ(client->post(post_action(id, "hide"), {{"reason", "spam"}}, token).status, 401);
  EXPECT_EQ(client->post(post_action(id, "hide"), json::object(), key).status, 422);
  const auto hidden = client->post(post_action(id, "hide"), {{"reason", "spam"}}, key);
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(hidden.json()["hidden"]["reason"], "spam");
  EXPECT_EQ(client->post(post_action(id, "hide"), {{"reason", "spam"}}, key).status, 409);

  // Gone from listings (newest and near) and from the public view.
  EXPECT_EQ(listed(), std::vector<std::int64_t>{other});
  EXPECT_EQ(endpoint_tests::listed_ids(*client, endpoint_tests::near_centre()),
            std::vector<std::int64_t>{other});
  const auto gone = client->get(post_path(id));
  EXPECT_EQ(gone.status, 410);
  EXPECT_EQ(gone.json()["error"]["code"], "gone");
  EXPECT_EQ(gone.body.find("stolen"), std::string::npos);
  EXPECT_EQ(client->post(post_path(id) + "/claim", claim_body()).status, 410);
  EXPECT_EQ(client->post(post_path(id) + "/reports", {{"reason", "spam"}}).status, 410);
  // The poster's private link still works and says so.
  const auto own = client->get(post_path(id), token);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["hidden"]["reason"], "spam");
  // Closed listings from the store leave it out too.
  ASSERT_EQ(client->post(post_path(id) + "/close", json::object(), token).status, 200);
  EXPECT_TRUE(endpoint_tests::listed_ids(*client, "status=closed").empty());

  // Shown again: back in public (closed now, so in the closed listing).
  ASSERT_EQ(client->post(post_action(id, "unhide"), json::object(), key).status, 200);
  EXPECT_EQ(client->post(post_action(id, "unhide"), json::object(), key).status, 409);
  EXPECT_EQ(endpoint_tests::listed_ids(*client, "status=closed"), std::vector<std::int64_t>{id});
  EXPECT_EQ(client->get(post_path(id)).status, 200);
  (void)summary_before;
  (void)other_token;
}

TEST_F(ModerationApiTest, HidingAnOpenPostTakesItOutOfTheCountsAndUnhidingPutsItBack) {
  const auto [id, token] = create_post(request_body("Counted request"));
  const auto count = [&] {
    return server->app().services().networks().summary("riverside")->open_requests;
  };
  EXPECT_EQ(count(), 1);
  ASSERT_EQ(client->post(post_action(id, "hide"), {{"reason", "unsafe"}}, key).status, 200);
  EXPECT_EQ(count(), 0);
  EXPECT_TRUE(listed().empty());
  // After a restart the read model is rebuilt from the database: still hidden.
  server->restart();
  client = std::make_unique<HttpClient>(server->port());
  EXPECT_EQ(count(), 0);
  EXPECT_TRUE(listed().empty());
  ASSERT_EQ(client->post(post_action(id, "unhide"), json::object(), key).status, 200);
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(listed(), std::vector<std::int64_t>{id});
  (void)token;
}

TEST_F(ModerationApiTest, ResolvingAReportDismissesItOrHidesThePost) {
  const auto [id, token] = create_post(request_body("Suspicious"));
  client->post(post_path(id) + "/reports", {{"reason", "personal_information"}});
  client->post(post_path(id) + "/reports", {{"reason", "spam"}});
  auto reports = client->get(network_path("/reports"), key).json();
  ASSERT_EQ(reports["total"], 2);
  const std::int64_t first = reports["items"][0]["id"];
  const std::int64_t second = reports["items"][1]["id"];
  const auto resolve = [&](std::int64_t report, const char* resolution) {
    return client->post(network_path("/reports/" + std::to_string(report) + "/resolve"),
                        {{"resolution", resolution}}, key);
  };
  EXPECT_EQ(resolve(first, "maybe").status, 422);
  ASSERT_EQ(resolve(first, "dismissed").status, 200);
  EXPECT_EQ(resolve(first, "dismissed").status, 409);
  EXPECT_EQ(client->get(post_path(id)).status, 200);
  ASSERT_EQ(resolve(second, "hidden").status, 200);
  EXPECT_EQ(client->get(post_path(id)).status, 410);
  EXPECT_EQ(client->get(post_path(id), token).json()["hidden"]["reason"], "spam");
  EXPECT_EQ(client->get(network_path("/reports"), key).json()["total"], 0);
  EXPECT_EQ(resolve(999999, "dismissed").status, 404);
}

TEST_F(ModerationApiTest, ABlockedManageTokenCanNoLongerChangeAnything) {
  const auto [request, request_token] = create_post(request_body("Blocked poster's request"));
  const auto [offer, offer_token] = create_post(endpoint_tests::offer_body());
  EXPECT_EQ(client->post(post_action(request, "block"), {{"reason", "scam"}}, request_token).status,
            401);
  const auto blocked = client->post(post_action(request, "block"), {{"reason", "scam"}}, key);
  ASSERT_EQ(blocked.status, 200) << blocked.body;
  EXPECT_EQ(blocked.json()["blocked"], true);
  EXPECT_EQ(client->post(post_action(request, "block"), {{"reason", "scam"}}, key).status, 409);

  const auto edit = client->patch(post_path(request), {{"title", "Changed"}}, request_token);
  EXPECT_EQ(edit.status, 403);
  EXPECT_NE(edit.json()["error"]["message"].get<std::string>().find("blocked"), std::string::npos);
  EXPECT_EQ(client->post(post_path(request) + "/close", json::object(), request_token).status, 403);
  EXPECT_EQ(
      client->post("/api/v1/matches", {{"request_id", request}, {"offer_id", offer}}, request_token)
          .status,
      403);
  // The poster still reads their post, and is told it is blocked.
  const auto own = client->get(post_path(request), request_token);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json()["blocked"], true);
  // The other party is not blocked.
  const auto proposed =
      client->post("/api/v1/matches", {{"request_id", request}, {"offer_id", offer}}, offer_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::string match =
      "/api/v1/matches/" + std::to_string(proposed.json()["match"]["id"].get<std::int64_t>());
  EXPECT_EQ(client->post(match + "/accept", json::object(), request_token).status, 403);

  ASSERT_EQ(client->post(post_action(request, "unblock"), json::object(), key).status, 200);
  EXPECT_EQ(client->post(post_action(request, "unblock"), json::object(), key).status, 409);
  EXPECT_EQ(client->post(match + "/accept", json::object(), request_token).status, 200);
}

TEST_F(ModerationApiTest, ABlockedAccountCannotPostClaimOrJoinUntilUnblocked) {
  const auto [id, token] = create_post(request_body("Rides to the clinic"));
  const std::string volunteer = sign_in_new_account(*client, "vol@example.org");
  const std::int64_t account = client->get("/api/v1/account", volunteer).json()["id"];
  const std::string block = network_path("/accounts/" + std::to_string(account) + "/block");
  const std::string unblock = network_path("/accounts/" + std::to_string(account) + "/unblock");
  EXPECT_EQ(client->post(block, {{"reason", "scam"}}).status, 401);
  EXPECT_EQ(client->post(block, {{"reason", "scam"}}, volunteer).status, 403);
  EXPECT_EQ(client->post(block, {{"reason", "scam"}}, token).status, 401);
  EXPECT_EQ(client->post(block, json::object(), key).status, 422);
  const auto blocked = client->post(block, {{"reason", "scam"}}, key);
  ASSERT_EQ(blocked.status, 200) << blocked.body;
  EXPECT_EQ(blocked.json(), json({{"account_id", account}, {"blocked", true}}));
  EXPECT_EQ(client->post(block, {{"reason", "scam"}}, key).status, 409);
  EXPECT_EQ(client->post(post_path(id) + "/claim", claim_body(), volunteer).status, 403);
  EXPECT_EQ(client->post(network_path("/join"), json::object(), volunteer).status, 403);
  const auto refused = client->post(network_path("/posts"), request_body("Signed in"), volunteer);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("blocked this account"), std::string::npos) << refused.body;
  ASSERT_EQ(client->post(unblock, json::object(), key).status, 200);
  EXPECT_EQ(client->post(unblock, json::object(), key).status, 409);
  EXPECT_EQ(client->post(post_path(id) + "/claim", claim_body(), volunteer).status, 201);
  EXPECT_EQ(client->post(network_path("/posts"), request_body("Signed in"), volunteer).status, 201);
  // The refused post was never made; the claim and the post made since are
  // the account's.
  const auto mine = client->get("/api/v1/account/export", volunteer).json();
  ASSERT_EQ(mine["posts"].size(), 1u) << mine.dump();
  EXPECT_EQ(mine["posts"][0]["title"], "Signed in");
  EXPECT_EQ(mine["claims"].size(), 1u) << mine.dump();
  const auto audit = client->get(network_path("/audit"), key).json();
  EXPECT_EQ(audit["items"][0]["action"], "unblock_account");
  EXPECT_EQ(audit["items"][1]["action"], "block_account");
  EXPECT_EQ(audit["items"][1]["target"], json({{"kind", "account"}, {"id", account}}));
}

TEST_F(ModerationApiTest, OrganizersOfAnotherNetworkCannotModerateThisOne) {
  create_network(*server, "hillside");
  const std::string other = sign_in_new_admin(*server, *client, "hillside", "other@example.org");
  const auto [id, token] = create_post(request_body());
  EXPECT_EQ(client->post(post_action(id, "hide"), {{"reason", "spam"}}, other).status, 403);
  // Their own network's path with this network's post: not found.
  EXPECT_EQ(client
                ->post("/api/v1/networks/hillside/posts/" + std::to_string(id) + "/hide",
                       {{"reason", "spam"}}, other)
                .status,
            404);
  EXPECT_EQ(client->get(network_path("/audit"), other).status, 403);
  EXPECT_EQ(client->get(network_path("/reports"), other).status, 403);
  (void)token;
}

TEST_F(ModerationApiTest, EveryOrganizerActionIsAuditedWithoutPersonalData) {
  const auto [request, request_token] = create_post(request_body("Audited request"));
  const auto [offer, offer_token] = create_post(endpoint_tests::offer_body());
  const auto [third, third_token] = create_post(request_body("Third"));
  auto& organizer = server->app().services().organizer();
  const domain::Actor actor = admin();
  ASSERT_TRUE(organizer.match("riverside", actor, request, offer, std::nullopt, std::nullopt));
  const std::int64_t match_id =
      client->get(post_path(request), request_token).json()["matches"][0]["id"];
  ASSERT_TRUE(organizer.mark_duplicate("riverside", actor, third, request));
  ASSERT_TRUE(organizer.complete_match("riverside", actor, match_id));
  const auto [fourth, fourth_token] = create_post(request_body("Fourth"));
  ASSERT_TRUE(organizer.close("riverside", actor, fourth, CloseReason::kModerated));
  client->post(post_path(offer) + "/reports", {{"reason", "other"}, {"note", "sam@example.org"}});
  const auto reports = client->get(network_path("/reports"), key).json();
  client->post(
      network_path("/reports/" + std::to_string(reports["items"][0]["id"].get<std::int64_t>()) +
                   "/resolve"),
      {{"resolution", "dismissed"}}, key);
  client->post(post_action(offer, "hide"), {{"reason", "spam"}}, key);
  client->post(post_action(offer, "unhide"), json::object(), key);
  client->post(post_action(offer, "block"), {{"reason", "scam"}}, key);
  client->post(post_action(offer, "unblock"), json::object(), key);
  domain::PostDraft intake;
  intake.kind = PostKind::kRequest;
  intake.category = "food";
  intake.title = "Entered by phone";
  intake.urgency = Urgency::kToday;
  intake.point = geo::Point{endpoint_tests::kCentreLat, endpoint_tests::kCentreLon};
  domain::ContactDraft contact;
  contact.name = "Alex";
  contact.phone = "+1 406 555 0199";
  contact.method = ContactMethod::kPhone;
  intake.contact = contact;
  ASSERT_TRUE(organizer.intake("riverside", actor, intake));
  auto issued = organizer.issue_key("riverside", "Second laptop");
  ASSERT_TRUE(issued);
  ASSERT_TRUE(organizer.revoke_key("riverside", issued->id));

  EXPECT_EQ(client->get(network_path("/audit")).status, 401);
  EXPECT_EQ(client->get(network_path("/audit"), request_token).status, 401);
  EXPECT_EQ(client->get(network_path("/audit?limit=0"), key).status, 400);
  const auto audit = client->get(network_path("/audit?limit=200"), key);
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  const json body = audit.json();
  for (const json& event : body["items"]) actions.push_back(event["action"]);
  const std::vector<std::string> expected{
      "key_revoked", "key_issued", "intake",         "unblock",   "block",
      "unhide",      "hide",       "resolve_report", "close",     "complete_match",
      "duplicate",   "match",      "key_redeemed",   "key_issued"};
  EXPECT_EQ(actions, expected);
  const json& hide = body["items"][6];
  EXPECT_EQ(hide["actor"]["kind"], "account");
  EXPECT_EQ(hide["actor"]["id"], *actor.account);
  EXPECT_EQ(hide["target"], json({{"kind", "post"}, {"id", offer}}));
  EXPECT_EQ(hide["detail"], "reason=spam");
  EXPECT_EQ(body["items"][0]["actor"]["kind"], "operator");
  for (const char* personal : {"Sam", "sam@example.org", "555", "library", "pork", "Alex"}) {
    EXPECT_EQ(audit.body.find(personal), std::string::npos) << personal;
  }
  // Paged, newest first.
  const auto first = client->get(network_path("/audit?limit=5"), key).json();
  ASSERT_EQ(first["items"].size(), 5u);
  const std::int64_t before = first["next_before"];
  const auto second =
      client->get(network_path("/audit?limit=5&before=" + std::to_string(before)), key).json();
  EXPECT_EQ(second["items"][0]["action"], "unhide");
  (void)offer_token;
  (void)third_token;
  (void)fourth_token;
}

TEST(ModerationRateLimitTest, ReportsAreRateLimitedPerAddress) {
  TestServer server([](app::Config& config) {
    config.rate_limits_enabled = true;
    for (auto& setting : config.rate_limits) {
      if (setting.rule == "reporting") setting.max_requests = 2;
    }
  });
  HttpClient client(server.port());
  create_network(server, "riverside");
  const auto created = client.post("/api/v1/networks/riverside/posts", request_body());
  const std::string reports =
      post_path(created.json()["post"]["id"].get<std::int64_t>()) + "/reports";
  EXPECT_EQ(client.post(reports, {{"reason", "spam"}}).status, 202);
  EXPECT_EQ(client.post(reports, {{"reason", "spam"}}).status, 202);
  const auto refused = client.post(reports, {{"reason", "spam"}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.headers.contains("retry-after"));
}

}  // namespace
}  // namespace gapfill::testing
