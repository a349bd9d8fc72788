// Networks over real HTTP: their shape, creating them, the directory, and
// the categories each one offers.

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
using error_tests::expect_error;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Networks

using NetworkApiTest = ApiTest;

void expect_network_shape(const json& network) {
  for (const char* key : {"slug", "name", "description", "timezone"}) {
    EXPECT_TRUE(network[key].is_string()) << key << " in " << network;
  }
  EXPECT_TRUE(network["languages"].is_array()) << network;
  ASSERT_TRUE(network["area"].is_object()) << network;
  EXPECT_EQ(keys_of(network["area"]), (std::set<std::string>{"kind", "lat", "lon", "radius_km"}));
  EXPECT_EQ(network["area"]["kind"], "circle");
  for (const char* key : {"lat", "lon", "radius_km"}) {
    EXPECT_TRUE(network["area"][key].is_number()) << key << " in " << network;
  }
}

TEST_F(NetworkApiTest, ListAndGetShowTheNetworkShape) {
  const auto listed = client->get("/api/v1/networks");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  const json network = listed.json()["items"][0];
  expect_network_shape(network);
  EXPECT_EQ(network["slug"], "riverside");
  EXPECT_EQ(network["name"], "Riverside Mutual Aid");
  EXPECT_EQ(network["description"], "Neighbours helping neighbours.");
  EXPECT_EQ(network["area"],
            json({{"kind", "circle"}, {"lat", 46.87}, {"lon", -113.99}, {"radius_km", 40}}));
  EXPECT_EQ(network["languages"], json({"en", "es"}));
  EXPECT_EQ(network["timezone"], "America/Denver");

  const auto one = client->get("/api/v1/networks/riverside");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json(), network);
}

TEST_F(NetworkApiTest, CreateAnswers201WithLocationAndTheNetwork) {
  const auto created =
      client->post("/api/v1/networks", network_body("hillside-2"), account_session());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.headers.at("location"), "/api/v1/networks/hillside-2");
  const json network = created.json()["network"];
  expect_network_shape(network);
  EXPECT_EQ(network["slug"], "hillside-2");
  EXPECT_TRUE(is_rfc3339_utc(network["created_at"])) << network;

  const auto fetched = client->get(created.headers.at("location"));
  ASSERT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.json(), network);
  // The directory lists networks by slug.
  const json directory = client->get("/api/v1/networks").json()["items"];
  ASSERT_EQ(directory.size(), 2u);
  EXPECT_EQ(directory[0]["slug"], "hillside-2");
  EXPECT_EQ(directory[1]["slug"], "riverside");
}

TEST_F(NetworkApiTest, DefaultsApplyWhenOptionalFieldsAreLeftOut) {
  const json body = {{"slug", "minimal"},
                     {"name", "Minimal"},
                     {"area", {{"lat", 0}, {"lon", 0}, {"radius_km", 1}}}};
  const auto created = client->post("/api/v1/networks", body, account_session());
  ASSERT_EQ(created.status, 201) << created.body;
  const json network = created.json()["network"];
  EXPECT_EQ(network["languages"], json({"en"}));
  EXPECT_EQ(network["timezone"], "UTC");
  EXPECT_EQ(network["description"], "");
  EXPECT_EQ(network["listed"], true);
}

TEST_F(NetworkApiTest, UnlistedNetworkIsLeftOutOfTheDirectoryButCanBeFetched) {
  json body = network_body("quiet-one");
  body["listed"] = false;
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);
  const json directory = client->get("/api/v1/networks").json()["items"];
  for (const auto& network : directory) {
    EXPECT_NE(network["slug"], "quiet-one");
  }
  EXPECT_EQ(client->get("/api/v1/networks/quiet-one").status, 200);
}

TEST_F(NetworkApiTest, CreationRefusesBadValuesNamingTheField) {
  struct Case {
    std::string field;  // the path of the changed field, and of the expected error
    json value;
  };
  const std::vector<Case> cases = {
      {"slug", "ab"},
      {"slug", std::string(41, 'a')},
      {"slug", "Riverside"},
      {"slug", "river_side"},
      {"slug", "river side"},
      {"slug", "rivér"},
      {"slug", ""},
      {"slug", 42},
      {"name", ""},
      {"name", "   "},
      {"name", std::string(121, 'n')},
      {"name", "two\nlines"},
      {"description", std::string(4001, 'd')},
      {"area.lat", 90.5},
      {"area.lat", "north"},
      {"area.lon", -180.5},
      {"area.radius_km", 0},
      {"area.radius_km", -5},
      {"area.radius_km", 2000.5},
      {"area.radius_km", "40"},
      {"languages", json::array()},
      {"languages", {"english"}},
      {"languages", {"EN"}},
      {"languages", {"e"}},
      {"languages", {"en", 5}},
      {"languages", "en"},
      {"languages", json(std::vector<std::string>(21, "en"))},
      {"timezone", "Mars/Olympus_Mons"},
      {"timezone", "America"},
      {"timezone", "../../etc/passwd"},
      {"timezone", "/etc/localtime"},
      {"timezone", ""},
      {"timezone", "America/Denver\n"},
      {"retention_days", 0},
      {"retention_days", 3651},
      {"post_expiry_days", 0},
      {"post_expiry_days", 366},
      {"post_expiry_days", 1.5},
      {"listed", "yes"},
  };
  for (const Case& c : cases) {
    json body = network_body("valid-slug");
    if (c.field.rfind("area.", 0) == 0) {
      body["area"][c.field.substr(5)] = c.value;
    } else {
      body[c.field] = c.value;
    }
    const auto result = client->post("/api/v1/networks", body);
    EXPECT_EQ(result.status, 422) << c.field << " = " << c.value.dump() << ": " << result.body;
    EXPECT_EQ(keys_of(result.json()["error"]["fields"]), std::set<std::string>{c.field})
        << c.field << " = " << c.value.dump() << ": " << result.body;
  }
  EXPECT_EQ(client->get("/api/v1/networks/valid-slug").status, 404);
}

TEST_F(NetworkApiTest, CreationAcceptsValuesAtTheEdges) {
  struct Case {
    std::string slug, field;
    json value;
  };
  const std::vector<Case> cases = {
      {"abc", "slug", "abc"},
      {std::string(40, 'z'), "slug", std::string(40, 'z')},
      {"a-1-b", "slug", "a-1-b"},
      {"radius-max", "area.radius_km", 2000},
      {"radius-tiny", "area.radius_km", 0.001},
      {"tz-utc", "timezone", "UTC"},
      {"tz-tokyo", "timezone", "Asia/Tokyo"},
      {"three-letter", "languages", {"en", "fil"}},
      {"pole", "area.lat", 90},
      {"antimeridian", "area.lon", -180},
      {"retention-max", "retention_days", 3650},
      {"expiry-min", "post_expiry_days", 1},
  };
  for (const Case& c : cases) {
    json body = network_body(c.slug);
    if (c.field.rfind("area.", 0) == 0) {
      body["area"][c.field.substr(5)] = c.value;
    } else {
      body[c.field] = c.value;
    }
    const auto result = client->post("/api/v1/networks", body, account_session());
    EXPECT_EQ(result.status, 201) << c.field << " = " << c.value.dump() << ": " << result.body;
  }
}

TEST_F(NetworkApiTest, CategoriesAreTheElevenDefaultsInEnglishAndSpanish) {
  const auto result = client->get("/api/v1/networks/riverside/categories");
  ASSERT_EQ(result.status, 200) << result.body;
  const json items = result.json()["items"];
  const std::vector<std::string> expected = {
      "food",   "clothing",        "transport", "housing",     "childcare", "money",
      "labour", "hygiene_medical", "household", "information", "other"};
  ASSERT_EQ(items.size(), expected.size()) << items;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(items[i]["key"], expected[i]);
    const json labels = items[i]["labels"];
    EXPECT_EQ(keys_of(labels), (std::set<std::string>{"en", "es"})) << items[i];
    EXPECT_NE(labels["en"], labels["es"]) << items[i];
    EXPECT_NE(labels["es"], expected[i]) << items[i];
  }
  EXPECT_EQ(items[0]["labels"], json({{"en", "Food"}, {"es", "Comida"}}));
}

TEST_F(NetworkApiTest, EnglishOnlyNetworkStillHasEnglishLabels) {
  json body = network_body("english-only");
  body["languages"] = {"en"};
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);
  const json items = client->get("/api/v1/networks/english-only/categories").json()["items"];
  ASSERT_EQ(items.size(), 11u);
  for (const auto& item : items) EXPECT_EQ(keys_of(item["labels"]), std::set<std::string>{"en"});
}

TEST_F(NetworkApiTest, CreatingNeedsAnAccountWhichBecomesTheAdmin) {
  expect_error(client->post("/api/v1/networks", network_body("hillside")), 401, "unauthorized",
               "anonymous");
  expect_error(client->post("/api/v1/networks", network_body("hillside"), "a-manage-token"), 401,
               "unauthorized", "a bearer token that is no session");
  ASSERT_EQ(client->post("/api/v1/networks", network_body("hillside"), account_session()).status,
            201);
  const auto members = client->get("/api/v1/networks/hillside/members", account_session());
  ASSERT_EQ(members.status, 200) << members.body;
  ASSERT_EQ(members.json()["items"].size(), 1u);
  EXPECT_EQ(members.json()["items"][0]["role"], "admin");
  // Not of riverside, which the operator made.
  EXPECT_EQ(client->get("/api/v1/networks/riverside/members", account_session()).status, 403);
}

}  // namespace
}  // namespace gapfill::testing
