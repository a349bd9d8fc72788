// The volunteer's page (/n/SLUG/volunteer): signed-in volunteers set their
// availability (no JavaScript needed), see their matches in the network, and
// the claim form says why a claim past their limits is refused.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

FormFields availability(const std::string& place = "Missoula") {
  return {{"name", "Alex Rivera"},     {"available", "1"},     {"categories", "food"},
          {"categories", "transport"}, {"place", place},       {"max_distance_km", "15"},
          {"languages", "en"},         {"languages", "es"},    {"max_active", "1"},
          {"max_per_week", "5"},       {"available_from", ""}, {"available_until", ""}};
}

class VolunteerPageTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    session = sign_in_new_account(*client, "alex@example.org");
    browser = std::make_unique<PageClient>(server->port());
    browser->set_cookie("gf_session", session);
  }
  void join() {
    ASSERT_EQ(
        client->post("/api/v1/networks/riverside/join", nlohmann::json::object(), session).status,
        200);
  }
  static bool has(const HttpResult& result, const std::string& text) {
    return result.body.find(text) != std::string::npos;
  }
  std::string session;
  std::unique_ptr<PageClient> browser;
};

TEST_F(VolunteerPageTest, OnlySignedInVolunteersSetTheirAvailability) {
  PageClient anonymous(server->port());
  const auto signed_out = anonymous.get("/n/riverside/volunteer");
  EXPECT_EQ(signed_out.status, 303);
  EXPECT_EQ(location_of(signed_out), "/account/sign-in?next=%2Fn%2Friverside%2Fvolunteer");
  EXPECT_EQ(anonymous.get("/n/nowhere/volunteer").status, 404);

  const auto not_joined = browser->get("/n/riverside/volunteer");
  EXPECT_EQ(not_joined.status, 403);
  EXPECT_TRUE(has(not_joined, "Join this network as a volunteer first"));
  EXPECT_FALSE(has(not_joined, "name=\"max_active\""));
  EXPECT_EQ(browser->post("/n/riverside/volunteer", availability()).status, 403);

  join();
  const auto page = browser->get("/n/riverside/volunteer");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "You have not set your availability"));
  EXPECT_TRUE(has(page, "data-place-suggest"));
  EXPECT_TRUE(has(page, "name=\"categories\" value=\"food\""));
  EXPECT_TRUE(has(page, "name=\"languages\" value=\"es\""));
  EXPECT_EQ(browser->post("/n/riverside/volunteer", availability(), false).status, 403)
      << "no CSRF token";
  // The network's page links here.
  EXPECT_TRUE(has(browser->get("/n/riverside"), "/n/riverside/volunteer"));
}

TEST_F(VolunteerPageTest, SavingRedirectsAndTheFormKeepsWhatWasSaved) {
  join();
  browser->get("/n/riverside/volunteer");
  const auto saved = browser->post("/n/riverside/volunteer", availability());
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(location_of(saved), "/n/riverside/volunteer?done=saved");
  const auto page = browser->get("/n/riverside/volunteer?done=saved");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Your availability is saved."));
  EXPECT_TRUE(has(page, "value=\"Alex Rivera\""));
  EXPECT_TRUE(has(page, "value=\"Missoula\""));
  EXPECT_TRUE(has(page, "value=\"transport\" checked"));
  EXPECT_TRUE(has(page, "value=\"es\" checked"));
  EXPECT_TRUE(has(page, "You have no matches in this network yet."));
  const auto api = client->get("/api/v1/networks/riverside/volunteer-profile", session);
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(api.json()["max_active"], 1);
  EXPECT_EQ(api.json()["languages"], nlohmann::json({"en", "es"}));
}

TEST_F(VolunteerPageTest, MistakesAreShownBesideTheirFieldsAndKeepWhatWasTyped) {
  join();
  browser->get("/n/riverside/volunteer");
  FormFields bad = availability("Nowhereville Zzyzx");
  bad.push_back({"max_distance_km", "far"});
  for (auto& [name, value] : bad) {
    if (name == "available_from") value = "2026-13-45";
    if (name == "max_per_week") value = "0";
  }
  const auto page = browser->post("/n/riverside/volunteer", bad);
  ASSERT_EQ(page.status, 422) << page.body;
  EXPECT_TRUE(has(page, "id=\"place-error\""));
  EXPECT_TRUE(has(page, "is not a place or postcode we know"));
  EXPECT_TRUE(has(page, "id=\"max_per_week-error\""));
  EXPECT_TRUE(has(page, "id=\"available_from-error\""));
  EXPECT_TRUE(has(page, "value=\"Nowhereville Zzyzx\""));
  EXPECT_EQ(client->get("/api/v1/networks/riverside/volunteer-profile", session).status, 404);
}

TEST_F(VolunteerPageTest, TheClaimFormSaysWhyALimitRefusesAndMatchesAreListed) {
  join();
  browser->get("/n/riverside/volunteer");
  ASSERT_EQ(browser->post("/n/riverside/volunteer", availability()).status, 303);
  const auto [first, first_token] = create_post(request_body("Soup for Saturday"));
  const auto [second, second_token] = create_post(request_body("Bread for Sunday"));
  const FormFields claim = {{"volunteer_name", "Alex"}, {"volunteer_email", "alex@example.org"}};
  browser->get("/p/" + std::to_string(first) + "/claim");
  EXPECT_EQ(browser->post("/p/" + std::to_string(first) + "/claim", claim).status, 303);
  browser->get("/p/" + std::to_string(second) + "/claim");
  const auto refused = browser->post("/p/" + std::to_string(second) + "/claim", claim);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_TRUE(has(refused, "You have reached your limit of matches in progress (1).")) << refused.body;
  EXPECT_TRUE(has(refused, "value=\"Alex\"")) << "the form keeps what was typed";

  const auto page = browser->get("/n/riverside/volunteer");
  EXPECT_TRUE(has(page, "Soup for Saturday"));
  EXPECT_TRUE(has(page, "in progress"));
  EXPECT_FALSE(has(page, "Bread for Sunday"));
}

}  // namespace
}  // namespace gapfill::testing
