// Volunteer profiles over real HTTP: a volunteer sets, reads and removes
// their own availability; validation names the fields; organizers list the
// network's volunteers with their load; nobody else sees a profile; and a
// signed-in volunteer's claims stop at their limits (409 with the reason).

#include <gtest/gtest.h>

#include <ctime>

#include "base/time.hpp"
#include "support/api_test_helpers.hpp"

namespace gapfill::testing {
namespace {

using error_tests::error_fields;
using nlohmann::json;

// A time `days` from now, as the API writes it.
std::string days_from_now(int days) {
  return format_rfc3339(static_cast<UnixSeconds>(std::time(nullptr)) + days * 86'400);
}

constexpr const char* kProfile = "/api/v1/networks/riverside/volunteer-profile";

json profile_body() {
  return {{"name", "Alex Rivera"},     {"categories", {"food", "transport"}},
          {"languages", {"en", "es"}}, {"place", "Missoula"},
          {"max_distance_km", 15},     {"max_active", 2},
          {"max_per_week", 4}};
}

class VolunteersApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    admin = sign_in_new_admin(*server, *client, "riverside", "dana@example.org");
    volunteer = sign_in_new_account(*client, "alex@example.org");
    const auto joined = client->post("/api/v1/networks/riverside/join", json::object(), volunteer);
    ASSERT_EQ(joined.status, 200) << joined.body;
  }
  HttpResult put(const json& body, const std::string& session) {
    return client->request("PUT", kProfile, body.dump(),
                           {"Content-Type: application/json", "Authorization: Bearer " + session});
  }
  HttpResult del(const std::string& target, const std::string& session) {
    return client->request("DELETE", target, "", {"Authorization: Bearer " + session});
  }
  // Claims a new request signed in as `session`.
  HttpResult claim(const std::string& session) {
    const auto [id, token] = create_post(request_body("Groceries"));
    return client->post(post_path(id) + "/claim", claim_body(), session);
  }
  std::string admin, volunteer;
};

TEST_F(VolunteersApiTest, AVolunteerSetsReadsAndRemovesTheirProfile) {
  EXPECT_EQ(client->get(kProfile, volunteer).status, 404);  // none yet
  const auto set = put(profile_body(), volunteer);
  ASSERT_EQ(set.status, 200) << set.body;
  const json profile = set.json();
  EXPECT_EQ(profile["name"], "Alex Rivera");
  EXPECT_EQ(profile["categories"], json({"food", "transport"}));
  EXPECT_EQ(profile["languages"], json({"en", "es"}));
  EXPECT_EQ(profile["place_text"], "Missoula");
  EXPECT_EQ(profile["available"], true);
  EXPECT_EQ(profile["max_distance_km"], 15.0);
  EXPECT_EQ(profile["max_active"], 2);
  EXPECT_EQ(profile["max_per_week"], 4);
  EXPECT_TRUE(profile["available_from"].is_null());
  // Missoula, snapped to the network's grid: near, not exact.
  EXPECT_NEAR(profile["lat"].get<double>(), 46.87, 0.05);
  EXPECT_NEAR(profile["lon"].get<double>(), -113.99, 0.05);

  const auto exported = client->get("/api/v1/account/export", volunteer);
  ASSERT_EQ(exported.status, 200) << exported.body;
  ASSERT_EQ(exported.json()["volunteer_profiles"].size(), 1u) << exported.body;
  EXPECT_EQ(exported.json()["volunteer_profiles"][0]["place_text"], "Missoula");

  const auto read = client->get(kProfile, volunteer);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["name"], "Alex Rivera");

  // A pin instead of a place, paused, with dates: PUT replaces the whole profile.
  json paused = profile_body();
  paused.erase("place");
  paused["lat"] = 46.9;
  paused["lon"] = -114.0;
  paused["available"] = false;
  const std::string until = days_from_now(40);
  paused["available_from"] = days_from_now(10);
  paused["available_until"] = until;
  const auto changed = put(paused, volunteer);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["available"], false);
  EXPECT_EQ(changed.json()["place_text"], "");
  EXPECT_EQ(changed.json()["available_until"], until);
  EXPECT_EQ(changed.json()["created_at"], profile["created_at"]);

  EXPECT_EQ(del(kProfile, volunteer).status, 204);
  EXPECT_EQ(client->get(kProfile, volunteer).status, 404);
  EXPECT_EQ(del(kProfile, volunteer).status, 404);
}

TEST_F(VolunteersApiTest, ValidationNamesEveryBadField) {
  const auto bad = put({{"name", ""},
                        {"categories", {"food", "spaceships"}},
                        {"languages", {"English"}},
                        {"place", "Nowhereville Zzyzx"},
                        {"max_distance_km", 5000},
                        {"max_active", 0},
                        {"max_per_week", 1000},
                        {"available_from", days_from_now(40)},
                        {"available_until", days_from_now(10)}},
                       volunteer);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(error_fields(bad),
            (std::set<std::string>{"name", "categories", "languages", "place", "max_distance_km",
                                   "max_active", "max_per_week", "available_until"}))
      << bad.body;
  EXPECT_NE(bad.body.find("is not a place or postcode we know"), std::string::npos) << bad.body;

  const auto empty = put(json::object(), volunteer);
  ASSERT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(error_fields(empty),
            (std::set<std::string>{"name", "categories", "languages", "place"}))
      << empty.body;

  json typed = profile_body();
  typed["max_active"] = "three";
  typed["colour"] = "blue";
  const auto unknown = put(typed, volunteer);
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(client->get(kProfile, volunteer).status, 404);  // nothing was stored
}

TEST_F(VolunteersApiTest, OrganizersListVolunteersWithTheirLoadAndNobodyElseSeesThem) {
  ASSERT_EQ(put(profile_body(), volunteer).status, 200);
  ASSERT_EQ(claim(volunteer).status, 201);

  const auto listed = client->get("/api/v1/networks/riverside/volunteers", admin);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json items = listed.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["name"], "Alex Rivera");
  EXPECT_EQ(items[0]["load"], json({{"active", 1}, {"this_week", 1}}));
  EXPECT_EQ(items[0]["capacity_left"], 1);  // max_active 2, one in progress

  // The volunteer is no organizer; an outsider and the anonymous see nothing.
  EXPECT_EQ(client->get("/api/v1/networks/riverside/volunteers", volunteer).status, 403);
  const std::string outsider = sign_in_new_account(*client, "olive@example.org");
  EXPECT_EQ(client->get("/api/v1/networks/riverside/volunteers", outsider).status, 403);
  EXPECT_EQ(client->get("/api/v1/networks/riverside/volunteers").status, 401);
  EXPECT_EQ(client->get(kProfile).status, 401);
  EXPECT_EQ(client->get(kProfile, outsider).status, 403);
  EXPECT_EQ(put(profile_body(), outsider).status, 403);
  // The public network and its posts say nothing of volunteers.
  const auto network = client->get("/api/v1/networks/riverside");
  EXPECT_EQ(network.body.find("Alex Rivera"), std::string::npos);

  // Leaving the network takes the profile with it.
  const auto me = client->get("/api/v1/account", volunteer);
  ASSERT_EQ(me.status, 200) << me.body;
  const std::int64_t id = me.json()["id"];
  EXPECT_EQ(del("/api/v1/networks/riverside/members/" + std::to_string(id), volunteer).status, 204);
  const auto after = client->get("/api/v1/networks/riverside/volunteers", admin);
  EXPECT_EQ(after.json()["items"].size(), 0u) << after.body;
}

TEST_F(VolunteersApiTest, ClaimsStopAtMaxActiveAndACancelledMatchFreesASlot) {
  json body = profile_body();
  body["max_active"] = 1;
  ASSERT_EQ(put(body, volunteer).status, 200);
  const auto first = claim(volunteer);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto second = claim(volunteer);
  ASSERT_EQ(second.status, 409) << second.body;
  EXPECT_NE(second.body.find("You already have 1 match in progress, your limit."),
            std::string::npos)
      << second.body;
  // Anonymous claims have no identity and so no limits.
  EXPECT_EQ(claim("").status, 201);

  const std::string match = std::to_string(first.json()["match"]["id"].get<std::int64_t>());
  const auto cancelled = client->post("/api/v1/matches/" + match + "/cancel", json::object(),
                                      first.json()["match_token"].get<std::string>());
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(claim(volunteer).status, 201);

  // Paused: no claims at all.
  body["available"] = false;
  body["max_active"] = 10;
  ASSERT_EQ(put(body, volunteer).status, 200);
  const auto paused = claim(volunteer);
  EXPECT_EQ(paused.status, 409) << paused.body;
  EXPECT_NE(paused.body.find("paused"), std::string::npos) << paused.body;
}

TEST_F(VolunteersApiTest, ClaimsStopAtMaxPerWeekEvenWhenMatchesAreDone) {
  json body = profile_body();
  body["max_active"] = 10;
  body["max_per_week"] = 2;
  ASSERT_EQ(put(body, volunteer).status, 200);
  for (int i = 0; i < 2; ++i) {
    const auto claimed = claim(volunteer);
    ASSERT_EQ(claimed.status, 201) << claimed.body;
    const std::string match = std::to_string(claimed.json()["match"]["id"].get<std::int64_t>());
    const auto done = client->post("/api/v1/matches/" + match + "/complete", json::object(),
                                   claimed.json()["match_token"].get<std::string>());
    ASSERT_EQ(done.status, 200) << done.body;
  }
  const auto third = claim(volunteer);
  ASSERT_EQ(third.status, 409) << third.body;
  EXPECT_NE(third.body.find("You already took 2 matches this week, your limit."), std::string::npos)
      << third.body;
  // Without a profile there are no limits.
  ASSERT_EQ(del(kProfile, volunteer).status, 204);
  EXPECT_EQ(claim(volunteer).status, 201);
}

}  // namespace
}  // namespace gapfill::testing
