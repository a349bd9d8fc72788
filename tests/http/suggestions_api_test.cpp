// Suggested matches over real HTTP: the matcher run over the "riverside"
// network's posts and volunteers, and what organizers do with its pairs.

#include <gtest/gtest.h>

#include <algorithm>

#include "support/api_test_helpers.hpp"
#include "support/smtp_sink.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

constexpr double kLat = 46.87, kLon = -113.99;
// Degrees of longitude per kilometre at the network's latitude.
constexpr double kLonPerKm = 1.0 / 76.1;

json post_body(const std::string& kind, const std::string& category, double km_east, int quantity,
               const std::string& urgency = "week", const json& extra = json::object()) {
  json body = {{"kind", kind},
               {"category", category},
               {"title", kind + " of " + category + " " + std::to_string(km_east) + " km east"},
               {"quantity", quantity},
               {"urgency", urgency},
               {"location", {{"lat", kLat}, {"lon", kLon + km_east * kLonPerKm}}},
               {"contact", {{"name", "Sam"}, {"email", "sam@example.org"}, {"method", "email"}}}};
  for (const auto& [key, value] : extra.items()) body[key] = value;
  return body;
}

class SuggestionsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<TestServer>([this](app::Config& config) {
      config.mail_smtp_url = sink.url();
      config.mail_from = "aid@example.org";
      config.mail_require_tls = false;
    });
    client = std::make_unique<HttpClient>(server->port());
    create_network(*server, "riverside");
    admin = sign_in_new_admin(*server, *client, "riverside", "dana@example.org");
  }
  std::int64_t create(const json& body) {
    const auto created = client->post("/api/v1/networks/riverside/posts", body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json()["post"]["id"];
  }
  HttpResult suggestions(const std::string& query = "", const std::string& session = "") {
    return client->get("/api/v1/networks/riverside/suggestions" + query,
                       session.empty() ? admin : session);
  }
  json items() {
    const auto listed = suggestions();
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json()["items"];
  }
  HttpResult act(const std::string& what, const json& body) {
    return client->post("/api/v1/networks/riverside/suggestions/" + what, body, admin);
  }
  // A signed-in volunteer of riverside with an availability profile;
  // returns {session, account id}.
  std::pair<std::string, std::int64_t> volunteer(const std::string& email, double km_east,
                                                 int max_active = 3) {
    const auto invite =
        client->post("/api/v1/networks/riverside/invites", {{"role", "volunteer"}}, admin);
    EXPECT_EQ(invite.status, 201) << invite.body;
    const std::string session = sign_in_new_account(*client, email);
    const auto redeemed =
        client->post("/api/v1/invites/redeem", {{"token", invite.json()["token"]}}, session);
    EXPECT_EQ(redeemed.status, 200) << redeemed.body;
    const json profile = {{"name", "Alex"},
                          {"available", true},
                          {"categories", {"transport", "food"}},
                          {"lat", kLat},
                          {"lon", kLon + km_east * kLonPerKm},
                          {"max_distance_km", 10},
                          {"languages", {"en"}},
                          {"max_active", max_active},
                          {"max_per_week", 5}};
    const auto set = client->request("PUT", "/api/v1/networks/riverside/volunteer-profile",
                                     profile.dump(), {"Authorization: Bearer " + session});
    EXPECT_EQ(set.status, 200) << set.body;
    const auto account = client->get("/api/v1/account", session);
    return {session, account.json()["id"]};
  }

  SmtpSink sink;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  std::string admin;
};

TEST_F(SuggestionsApiTest, AnEmptyNetworkHasNoSuggestions) {
  const auto listed = suggestions();
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["items"], json::array());
  EXPECT_EQ(listed.json()["total"], 0);
  EXPECT_EQ(listed.json()["summary"]["requests"], 0);
}

TEST_F(SuggestionsApiTest, PairsARequestWithAnOfferAndSaysWhy) {
  const std::int64_t request = create(post_body("request", "food", 0, 1, "today"));
  const std::int64_t offer = create(post_body("offer", "food", 3, 4));
  const json listed = items();
  ASSERT_EQ(listed.size(), 1u) << listed;
  const json& item = listed[0];
  EXPECT_EQ(item["request_id"], request);
  EXPECT_EQ(item["offer_id"], offer);
  EXPECT_FALSE(item.contains("volunteer_id"));
  EXPECT_EQ(item["quantity"], 1);
  EXPECT_GT(item["distance_km"].get<double>(), 1.5);
  EXPECT_LT(item["distance_km"].get<double>(), 4.5);
  std::set<std::string> kinds;
  for (const json& reason : item["reasons"]) kinds.insert(reason["kind"].get<std::string>());
  EXPECT_EQ(kinds, (std::set<std::string>{"distance", "urgency", "waited", "time"}));
  EXPECT_EQ(item["reasons"][1]["value"], "today");
  // Organizers only: no private field of either post.
  EXPECT_FALSE(item["request"].contains("contact"));
  EXPECT_EQ(item["request"]["title"], "request of food 0.000000 km east");
}

TEST_F(SuggestionsApiTest, OnlyWhereCategoryDistanceAndLanguageFit) {
  create(post_body("request", "food", 0, 1, "week", {{"max_distance_km", 5}}));
  create(post_body("offer", "clothing", 1, 1));  // another category
  create(post_body("offer", "food", 12, 1));     // beyond the request's 5 km
  EXPECT_EQ(items().size(), 0u);
  create(post_body("request", "food", 30, 1, "week", {{"languages", {"es"}}}));
  create(post_body("offer", "food", 31, 1, "week", {{"languages", {"en"}}}));
  EXPECT_EQ(items().size(), 0u) << "no shared language";
  const std::int64_t speaks =
      create(post_body("offer", "food", 32, 1, "week", {{"languages", {"en", "es"}}}));
  const json listed = items();
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["offer_id"], speaks);
  EXPECT_EQ(listed[0]["reasons"].back(), (json{{"kind", "language"}, {"value", "es"}}));
}

TEST_F(SuggestionsApiTest, TheMostUrgentRequestGetsTheOneOffer) {
  create(post_body("request", "food", 0, 1, "flexible"));
  const std::int64_t urgent = create(post_body("request", "food", 4, 1, "today"));
  create(post_body("offer", "food", 0.5, 1));
  const json listed = items();
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["request_id"], urgent) << "urgency before distance";
}

TEST_F(SuggestionsApiTest, AcceptMakesAnAcceptedMatchAndTheSuggestionGoes) {
  const std::int64_t request = create(post_body("request", "food", 0, 1));
  const std::int64_t offer = create(post_body("offer", "food", 2, 3));
  const auto accepted = act("accept", {{"request_id", request}, {"offer_id", offer}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.json()["match"]["status"], "accepted");
  EXPECT_EQ(accepted.json()["match"]["quantity"], 1);
  EXPECT_EQ(client->get(post_path(request), admin).json()["status"], "matched");
  EXPECT_EQ(items().size(), 0u);
  // Accepting it again: the matcher no longer suggests it.
  const auto again = act("accept", {{"request_id", request}, {"offer_id", offer}});
  EXPECT_EQ(again.status, 409) << again.body;
  const auto audit = client->get("/api/v1/networks/riverside/audit", admin);
  EXPECT_NE(audit.body.find("accept_suggestion"), std::string::npos) << audit.body;
}

TEST_F(SuggestionsApiTest, ARequestIsMetByOneOfferTheOneThatGivesMost) {
  // The flow would split five between the two offers; a request has one
  // live match at a time, so the suggestion keeps the offer of three.
  const std::int64_t request = create(post_body("request", "food", 0, 5));
  const std::int64_t three = create(post_body("offer", "food", 1, 3));
  create(post_body("offer", "food", 2, 2));
  const json listed = items();
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["offer_id"], three);
  EXPECT_EQ(listed[0]["quantity"], 3);
  const auto accepted = act("accept", {{"request_id", request}, {"offer_id", three}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(client->get(post_path(request), admin).json()["status"], "matched");
  EXPECT_EQ(items().size(), 0u);
}

TEST_F(SuggestionsApiTest, DismissedPairsAreNotSuggestedAgain) {
  const std::int64_t request = create(post_body("request", "food", 0, 1));
  const std::int64_t near = create(post_body("offer", "food", 1, 1));
  const std::int64_t far = create(post_body("offer", "food", 6, 1));
  ASSERT_EQ(items()[0]["offer_id"], near);
  const auto dismissed = act("dismiss", {{"request_id", request}, {"offer_id", near}});
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(act("dismiss", {{"request_id", request}, {"offer_id", near}}).status, 200)
      << "dismissing twice is harmless";
  const json listed = items();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["offer_id"], far);
}

TEST_F(SuggestionsApiTest, AcceptAllMakesEverySuggestedMatch) {
  for (int i = 0; i < 4; ++i) create(post_body("request", "food", i * 3.0, 1));
  for (int i = 0; i < 3; ++i) create(post_body("offer", "food", i * 3.0 + 0.5, 1));
  ASSERT_EQ(items().size(), 3u);
  const auto all = act("accept-all", json::object());
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["accepted"], 3);
  EXPECT_EQ(all.json()["skipped"], 0);
  EXPECT_EQ(all.json()["matches"].size(), 3u);
  EXPECT_EQ(items().size(), 0u);
}

TEST_F(SuggestionsApiTest, AVolunteerIsSuggestedWithinTheirLimitsAndMailedTheirLink) {
  const auto [session, volunteer_id] = volunteer("alex@example.org", 1, /*max_active=*/1);
  const std::int64_t first = create(post_body("request", "transport", 0, 1, "today"));
  create(post_body("request", "transport", 2, 1, "week"));
  json listed = items();
  ASSERT_EQ(listed.size(), 1u) << "one active match at most: " << listed;
  EXPECT_EQ(listed[0]["request_id"], first);
  EXPECT_EQ(listed[0]["volunteer_id"], volunteer_id);
  EXPECT_EQ(listed[0]["volunteer"]["name"], "Alex");
  const auto accepted = act("accept", {{"request_id", first}, {"volunteer_id", volunteer_id}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.json()["match"]["status"], "accepted");
  EXPECT_FALSE(accepted.json().contains("match_token"));
  // At their limit, the volunteer is suggested no more.
  EXPECT_EQ(items().size(), 0u);
  // They were told by e-mail, with their private link and without the
  // requester's details. Other mail comes too (their sign-in link, the
  // requesters' own links): wait for the one with the volunteer's link.
  const std::string link = "/p/" + std::to_string(first) + "/k/";
  std::string mail;
  for (std::size_t count = 1; mail.empty() && count <= 8; ++count) {
    const auto mails = sink.wait_for(count);
    if (mails.size() < count) break;
    for (const auto& received : mails) {
      const bool to_volunteer = std::find(received.to.begin(), received.to.end(),
                                          "alex@example.org") != received.to.end();
      if (to_volunteer && received.data.find(link) != std::string::npos) mail = received.data;
    }
  }
  ASSERT_FALSE(mail.empty()) << "no mail with the volunteer's link";
  EXPECT_NE(mail.find("alex@example.org"), std::string::npos);
  EXPECT_EQ(mail.find("sam@example.org"), std::string::npos);
  const auto at = mail.find(link);
  ASSERT_NE(at, std::string::npos) << mail;
  const std::string token =
      mail.substr(at + link.size(), mail.find_first_of("\r\n", at) - at - link.size());
  // The link opens the request's private view, as a claim's does.
  const auto view = client->get(post_path(first), token);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json()["contact"]["email"], "sam@example.org");
  // Signed in, the match is theirs too: they mark it done.
  const std::int64_t match = accepted.json()["match"]["id"];
  const auto done = client->post("/api/v1/matches/" + std::to_string(match) + "/complete",
                                 json::object(), session);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["match"]["status"], "completed");
}

TEST_F(SuggestionsApiTest, NobodyIsSuggestedForTheirOwnRequest) {
  const auto [session, volunteer_id] = volunteer("alex@example.org", 0);
  const auto own =
      client->post("/api/v1/networks/riverside/posts", post_body("request", "food", 0, 1), session);
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(items().size(), 0u);
  (void)volunteer_id;
}

TEST_F(SuggestionsApiTest, BadInputNamesTheField) {
  const auto no_request = act("accept", {{"offer_id", 1}});
  EXPECT_EQ(no_request.status, 422) << no_request.body;
  EXPECT_TRUE(no_request.json()["error"]["fields"].contains("request_id")) << no_request.body;
  const auto neither = act("dismiss", {{"request_id", 1}});
  EXPECT_EQ(neither.status, 422) << neither.body;
  EXPECT_TRUE(neither.json()["error"]["fields"].contains("offer_id")) << neither.body;
  const auto both = act("accept", {{"request_id", 1}, {"offer_id", 2}, {"volunteer_id", 3}});
  EXPECT_EQ(both.status, 422) << both.body;
  EXPECT_TRUE(both.json()["error"]["fields"].contains("volunteer_id")) << both.body;
  const auto wrong_type = act("accept", {{"request_id", "seven"}, {"offer_id", 2}});
  EXPECT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_EQ(act("accept", {{"request_id", 1}, {"offer_id", 2}, {"extra", 1}}).status, 400);
  EXPECT_EQ(act("accept-all", {{"anything", 1}}).status, 400);
  const auto limit = suggestions("?limit=0");
  EXPECT_EQ(limit.status, 400) << limit.body;
  EXPECT_TRUE(limit.json()["error"]["fields"].contains("limit"));
  EXPECT_EQ(suggestions("?limit=1001").status, 400);
  // A post of another kind, or that does not exist.
  const std::int64_t offer = create(post_body("offer", "food", 0, 1));
  EXPECT_EQ(act("dismiss", {{"request_id", offer}, {"offer_id", offer}}).status, 422);
  EXPECT_EQ(act("dismiss", {{"request_id", 999999}, {"offer_id", offer}}).status, 404);
}

TEST_F(SuggestionsApiTest, OnlyOrganizersSeeSuggestions) {
  create(post_body("request", "food", 0, 1));
  create(post_body("offer", "food", 1, 1));
  EXPECT_EQ(client->get("/api/v1/networks/riverside/suggestions").status, 401);
  const std::string stranger = sign_in_new_account(*client, "stranger@example.org");
  EXPECT_EQ(suggestions("", stranger).status, 403);
  EXPECT_EQ(
      client->post("/api/v1/networks/riverside/suggestions/accept-all", json::object(), stranger)
          .status,
      403);
  EXPECT_EQ(client->get("/api/v1/networks/nowhere/suggestions", admin).status, 404);
}

}  // namespace
}  // namespace gapfill::testing
