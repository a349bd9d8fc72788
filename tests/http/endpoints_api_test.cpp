// Every /api/v1 endpoint over real HTTP: the shapes it answers with, listings
// and their pagination, edits, closing, and what public views never show.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "base/time.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

// Personal data a poster gives; no public response may ever carry any of it.
const std::vector<std::string> kSecrets = {"Zebulon Quartermaine", "zq.private@example.org",
                                           "+1 406 555 0199", "behind the blue house on Elm",
                                           "secret-details-marker"};

constexpr double kCentreLat = 46.87, kCentreLon = -113.99;

json private_request(const std::string& title = "Warm coats for two kids") {
  return {{"kind", "request"},
          {"category", "clothing"},
          {"title", title},
          {"details", "Sizes 6 and 8. secret-details-marker"},
          {"quantity", 2},
          {"urgency", "today"},
          {"location",
           {{"lat", 46.8721}, {"lon", -113.9940}, {"text", "behind the blue house on Elm"}}},
          {"contact",
           {{"name", "Zebulon Quartermaine"},
            {"phone", "+1 406 555 0199"},
            {"email", "zq.private@example.org"},
            {"method", "email"}}}};
}

json post_at(double lat, double lon, const std::string& title = "A post on the map") {
  json body = request_body(title);
  body["location"] = {{"lat", lat}, {"lon", lon}};
  return body;
}

json offer_body(const std::string& category = "food", int quantity = 1) {
  return {{"kind", "offer"},
          {"category", category},
          {"title", "Spare canned soup"},
          {"quantity", quantity},
          {"location", {{"lat", kCentreLat}, {"lon", kCentreLon}}},
          {"contact", {{"email", "giver@example.org"}}}};
}

json claim_body() {
  return {{"volunteer", {{"name", "Alex"}, {"email", "alex@example.org"}}}};
}

std::string post_path(std::int64_t id) {
  return fmt::format("/api/v1/posts/{}", id);
}

std::string match_path(const json& match) {
  return fmt::format("/api/v1/matches/{}", match["id"].get<std::int64_t>());
}

bool is_rfc3339_utc(const json& value) {
  static const std::regex kPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");
  return value.is_string() && std::regex_match(value.get<std::string>(), kPattern);
}

// A response header by its lower-case name; empty when absent.
std::string header_of(const HttpResult& result, const std::string& name) {
  const auto found = result.headers.find(name);
  return found == result.headers.end() ? std::string() : found->second;
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

void expect_no_secrets(const std::string& body, const std::string& where) {
  for (const std::string& secret : kSecrets) {
    EXPECT_EQ(body.find(secret), std::string::npos) << where << " shows \"" << secret << "\"";
  }
}

// Reads every page of a listing, `limit` items at a time.
std::vector<json> list_all(HttpClient& client, const std::string& query, int limit) {
  std::vector<json> items;
  std::string cursor;
  for (int page = 0; page < 200; ++page) {
    std::string target = "/api/v1/networks/riverside/posts?limit=";
    target.append(std::to_string(limit));
    if (!query.empty()) target.append("&").append(query);
    if (!cursor.empty()) target.append("&cursor=").append(cursor);
    const auto result = client.get(target);
    if (result.status != 200) {
      ADD_FAILURE() << target << " answered " << result.status << " " << result.body;
      return items;
    }
    const json body = result.json();
    EXPECT_LE(body["items"].size(), static_cast<std::size_t>(limit));
    for (const auto& item : body["items"]) items.push_back(item);
    if (body["next_cursor"].is_null()) return items;
    cursor = body["next_cursor"].get<std::string>();
  }
  ADD_FAILURE() << "the listing never ended";
  return items;
}

std::vector<std::int64_t> ids_of(const std::vector<json>& items) {
  std::vector<std::int64_t> ids;
  for (const auto& item : items) ids.push_back(item["id"].get<std::int64_t>());
  return ids;
}

std::vector<std::int64_t> listed_ids(HttpClient& client, const std::string& query) {
  return ids_of(list_all(client, query, 100));
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Items are newest first: created_at descending, then id descending.
void expect_newest_first(const std::vector<json>& items) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto before = items[i - 1]["created_at"].get<std::string>();
    const auto after = items[i]["created_at"].get<std::string>();
    EXPECT_GE(before, after) << "at " << i;
    if (before == after) {
      EXPECT_GT(items[i - 1]["id"].get<std::int64_t>(), items[i]["id"].get<std::int64_t>())
          << "at " << i;
    }
  }
}

// Items are nearest first: distance_km ascending, then id ascending.
void expect_nearest_first(const std::vector<json>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    ASSERT_TRUE(items[i].contains("distance_km")) << items[i];
    if (i == 0) continue;
    const double before = items[i - 1]["distance_km"].get<double>();
    const double after = items[i]["distance_km"].get<double>();
    EXPECT_LE(before, after) << "at " << i;
    if (before == after) {
      EXPECT_LT(items[i - 1]["id"].get<std::int64_t>(), items[i]["id"].get<std::int64_t>())
          << "at " << i;
    }
  }
}

std::string near_centre() {
  return fmt::format("near={},{}", kCentreLat, kCentreLon);
}

// ---------------------------------------------------------------------------
// Health and headers

using HealthTest = ApiTest;

TEST_F(HealthTest, HealthzAnswersOk) {
  const auto result = client->get("/healthz");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.json(), json({{"status", "ok"}}));
  EXPECT_EQ(result.headers.at("content-type"), "application/json");
}

TEST_F(HealthTest, HeadHealthzAnswersWithHeadersAndNoBody) {
  const auto result = client->request("HEAD", "/healthz");
  EXPECT_EQ(result.status, 200);
  EXPECT_TRUE(result.body.empty());
  EXPECT_EQ(result.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(result.headers.at("cache-control"), "no-store");
  // HEAD works wherever GET does.
  for (const char* target : {"/api/v1/networks", "/api/v1/networks/riverside/posts"}) {
    const auto head = client->request("HEAD", target);
    EXPECT_EQ(head.status, 200) << target;
    EXPECT_TRUE(head.body.empty()) << target;
  }
  EXPECT_EQ(client->request("HEAD", "/api/v1/networks/nowhere").status, 404);
}

TEST_F(HealthTest, SecurityHeadersAreOnEveryKindOfResponse) {
  const auto [id, token] = create_post(request_body());
  struct Case {
    std::string method, target, body;
    std::vector<std::string> headers;
    long status;
  };
  const std::string big(70 * 1024, ' ');
  const std::vector<Case> cases = {
      {"GET", "/healthz", "", {}, 200},
      {"GET", "/api/v1/networks/riverside/posts", "", {}, 200},
      {"POST", "/api/v1/networks", network_body("hillside").dump(), {}, 201},
      {"POST", "/api/v1/networks/riverside/posts", "{", {}, 400},
      {"PATCH", post_path(id), "{}", {}, 401},
      {"PATCH", post_path(id), "{}", {"Authorization: Bearer not-the-token"}, 403},
      {"GET", "/api/v1/nowhere", "", {}, 404},
      {"DELETE", post_path(id), "", {}, 405},
      {"POST", "/api/v1/networks", network_body("hillside").dump(), {}, 409},
      {"POST", "/api/v1/networks/riverside/posts", big, {}, 413},
      {"POST", "/api/v1/networks/riverside/posts", "hello", {"Content-Type: text/plain"}, 415},
      {"POST", "/api/v1/networks/riverside/posts", "{}", {}, 422},
  };
  for (const Case& c : cases) {
    const auto result = client->request(c.method, c.target, c.body, c.headers);
    EXPECT_EQ(result.status, c.status) << c.method << " " << c.target << ": " << result.body;
    EXPECT_EQ(header_of(result, "x-content-type-options"), "nosniff")
        << c.method << " " << c.target;
    EXPECT_EQ(header_of(result, "cache-control"), "no-store") << c.method << " " << c.target;
  }
}

// ---------------------------------------------------------------------------
// Networks

using NetworkApiTest = ApiTest;

void expect_network_shape(const json& network) {
  for (const char* key : {"slug", "name", "description", "timezone"}) {
    EXPECT_TRUE(network[key].is_string()) << key << " in " << network;
  }
  EXPECT_TRUE(network["languages"].is_array()) << network;
  ASSERT_TRUE(network["area"].is_object()) << network;
  EXPECT_EQ(keys_of(network["area"]), (std::set<std::string>{"lat", "lon", "radius_km"}));
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
  EXPECT_EQ(network["area"], json({{"lat", 46.87}, {"lon", -113.99}, {"radius_km", 40}}));
  EXPECT_EQ(network["languages"], json({"en", "es"}));
  EXPECT_EQ(network["timezone"], "America/Denver");

  const auto one = client->get("/api/v1/networks/riverside");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json(), network);
}

TEST_F(NetworkApiTest, CreateAnswers201WithLocationAndTheNetwork) {
  const auto created = client->post("/api/v1/networks", network_body("hillside-2"));
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
  const auto created = client->post("/api/v1/networks", body);
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
  ASSERT_EQ(client->post("/api/v1/networks", body).status, 201);
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
    const auto result = client->post("/api/v1/networks", body);
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
  ASSERT_EQ(client->post("/api/v1/networks", body).status, 201);
  const json items = client->get("/api/v1/networks/english-only/categories").json()["items"];
  ASSERT_EQ(items.size(), 11u);
  for (const auto& item : items) EXPECT_EQ(keys_of(item["labels"]), std::set<std::string>{"en"});
}

// ---------------------------------------------------------------------------
// Posts: create and read

using PostApiTest = ApiTest;

TEST_F(PostApiTest, CreateAnswers201WithThePrivateViewTokenAndLocation) {
  const auto created = client->post("/api/v1/networks/riverside/posts", private_request());
  ASSERT_EQ(created.status, 201) << created.body;
  const json body = created.json();
  EXPECT_EQ(keys_of(body), (std::set<std::string>{"post", "manage_token"}));
  const std::string token = body["manage_token"];
  EXPECT_GE(token.size(), 43u);
  const json post = body["post"];
  const std::int64_t id = post["id"];
  EXPECT_GT(id, 0);
  EXPECT_EQ(created.headers.at("location"), post_path(id));

  EXPECT_EQ(post["network"], "riverside");
  EXPECT_EQ(post["kind"], "request");
  EXPECT_EQ(post["category"], "clothing");
  EXPECT_EQ(post["title"], "Warm coats for two kids");
  EXPECT_EQ(post["quantity"], 2);
  EXPECT_EQ(post["urgency"], "today");
  EXPECT_TRUE(post["window"].is_null());
  EXPECT_EQ(post["status"], "open");
  EXPECT_TRUE(post["closed_reason"].is_null());
  EXPECT_TRUE(post["ride"].is_null());
  for (const char* key : {"created_at", "updated_at", "waiting_since"}) {
    EXPECT_TRUE(is_rfc3339_utc(post[key])) << key << ": " << post[key];
  }
  // The public point is snapped to the ~1 km grid, not where the poster is.
  EXPECT_DOUBLE_EQ(post["location"]["lat"].get<double>(), 46.875);
  EXPECT_DOUBLE_EQ(post["location"]["lon"].get<double>(), -113.995);
  // The private parts, for the owner.
  EXPECT_EQ(post["access"], "owner");
  EXPECT_EQ(post["details"], "Sizes 6 and 8. secret-details-marker");
  EXPECT_EQ(post["location"]["text"], "behind the blue house on Elm");
  EXPECT_EQ(post["contact"], json({{"name", "Zebulon Quartermaine"},
                                   {"email", "zq.private@example.org"},
                                   {"phone", "+1 406 555 0199"},
                                   {"method", "email"}}));
  EXPECT_EQ(post["matches"], json::array());

  const auto mine = client->get(post_path(id), token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json(), post);
}

TEST_F(PostApiTest, DefaultsFillTheOptionalFields) {
  const json body = {{"kind", "offer"}, {"category", "other"}, {"title", "Ask me anything"}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json post = created.json()["post"];
  EXPECT_EQ(post["urgency"], "flexible");
  EXPECT_TRUE(post["quantity"].is_null());
  EXPECT_EQ(post["details"], "");
  EXPECT_EQ(post["contact"]["method"], "site");
  // Without a location the post sits at the network's centre, snapped.
  EXPECT_DOUBLE_EQ(post["location"]["lat"].get<double>(), 46.875);
  EXPECT_DOUBLE_EQ(post["location"]["lon"].get<double>(), -113.985);
}

TEST_F(PostApiTest, WindowIsStoredAndShownInUtc) {
  const UnixSeconds now = now_unix();
  const UnixSeconds from = now + kSecondsPerDay, to = now + 2 * kSecondsPerDay;
  json body = request_body();
  // An offset on input is accepted; UTC is returned.
  const std::string from_text = format_rfc3339(from);
  body["window"] = {{"from", from_text.substr(0, 19) + "+00:00"}, {"to", format_rfc3339(to)}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["post"]["window"],
            json({{"from", format_rfc3339(from)}, {"to", format_rfc3339(to)}}));
}

TEST_F(PostApiTest, TransportPostsCarryRideData) {
  json body = request_body("Ride to the dialysis clinic");
  body["category"] = "transport";
  body["ride"] = {{"pickup_area", "Northside"},
                  {"dropoff_area", "St. Patrick Hospital"},
                  {"appointment_at", "2026-12-01T09:30:00-07:00"},
                  {"return_trip", true},
                  {"passengers", 2},
                  {"accessibility_needs", {"wheelchair", "oxygen", "wheelchair"}}};
  const auto created = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(created.status, 201) << created.body;
  const json expected_ride = {{"pickup_area", "Northside"},
                              {"dropoff_area", "St. Patrick Hospital"},
                              {"appointment_at", "2026-12-01T16:30:00Z"},
                              {"return_trip", true},
                              {"passengers", 2},
                              {"accessibility_needs", {"oxygen", "wheelchair"}}};
  EXPECT_EQ(created.json()["post"]["ride"], expected_ride);
  const std::int64_t id = created.json()["post"]["id"];
  EXPECT_EQ(client->get(post_path(id)).json()["ride"], expected_ride);
}

TEST_F(PostApiTest, RideValuesAreValidated) {
  json body = request_body("Ride to the clinic");
  body["category"] = "transport";
  body["ride"] = {{"passengers", 21},
                  {"accessibility_needs", {"jetpack"}},
                  {"appointment_at", "tomorrow at nine"},
                  {"pickup_area", std::string(201, 'p')},
                  {"return_trip", "yes"}};
  const auto result = client->post("/api/v1/networks/riverside/posts", body);
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(keys_of(result.json()["error"]["fields"]),
            (std::set<std::string>{"ride.passengers", "ride.accessibility_needs",
                                   "ride.appointment_at", "ride.pickup_area", "ride.return_trip"}));

  json food = request_body();
  food["ride"] = {{"passengers", 1}};
  const auto not_transport = client->post("/api/v1/networks/riverside/posts", food);
  ASSERT_EQ(not_transport.status, 422) << not_transport.body;
  EXPECT_TRUE(not_transport.json()["error"]["fields"].contains("ride"));
}

TEST_F(PostApiTest, UnknownNetworkIs404) {
  const auto result = client->post("/api/v1/networks/nowhere/posts", request_body());
  EXPECT_EQ(result.status, 404) << result.body;
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

// ---------------------------------------------------------------------------
// Listings

using ListingTest = ApiTest;

TEST_F(ListingTest, NewestFirstPaginationGivesEveryPostOnceInOrder) {
  std::vector<std::int64_t> created;
  for (int i = 0; i < 11; ++i) {
    created.push_back(create_post(request_body(fmt::format("Post number {}", i))).first);
  }
  for (int limit : {1, 3, 4, 11, 100}) {
    const auto items = list_all(*client, "", limit);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()),
              std::set<std::int64_t>(created.begin(), created.end()))
        << limit;
    expect_newest_first(items);
  }
  // The last page says there is no next one; a full page before it says there is.
  const json first = client->get("/api/v1/networks/riverside/posts?limit=10").json();
  EXPECT_EQ(first["items"].size(), 10u);
  EXPECT_TRUE(first["next_cursor"].is_string());
  const json all = client->get("/api/v1/networks/riverside/posts?limit=11").json();
  EXPECT_EQ(all["items"].size(), 11u);
  EXPECT_TRUE(all["next_cursor"].is_null());
}

TEST_F(ListingTest, PostsAddedWhilePagingNeitherRepeatNorSkipTheOthers) {
  std::set<std::int64_t> original;
  for (int i = 0; i < 6; ++i) original.insert(create_post(request_body()).first);
  for (const std::string& query : {std::string(), near_centre()}) {
    std::vector<std::int64_t> seen;
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
      std::string target = "/api/v1/networks/riverside/posts?limit=2";
      if (!query.empty()) target.append("&").append(query);
      if (!cursor.empty()) target.append("&cursor=").append(cursor);
      const json body = client->get(target).json();
      for (const auto& item : body["items"]) seen.push_back(item["id"]);
      // Someone posts between every two pages.
      create_post(request_body("Posted meanwhile"));
      if (body["next_cursor"].is_null()) break;
      cursor = body["next_cursor"];
    }
    for (std::int64_t id : original) {
      EXPECT_EQ(std::count(seen.begin(), seen.end(), id), 1) << "post " << id << " " << query;
    }
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), seen.size()) << query;
  }
}

TEST_F(ListingTest, NearPaginationIsNearestFirstAndGivesEveryPostOnce) {
  std::set<std::int64_t> within;
  for (int step = 0; step < 6; ++step) {
    within.insert(create_post(post_at(kCentreLat + 0.03 * step, kCentreLon)).first);
  }
  // Ties: several posts at one place, ordered by id across page boundaries.
  for (int i = 0; i < 4; ++i)
    within.insert(create_post(post_at(kCentreLat + 0.06, kCentreLon)).first);
  const std::int64_t far = create_post(post_at(kCentreLat + 1.0, kCentreLon)).first;  // ~110 km

  for (int limit : {1, 2, 3, 100}) {
    const auto items = list_all(*client, near_centre(), limit);
    expect_nearest_first(items);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), within) << limit;
    EXPECT_FALSE(contains(ids, far));
  }
}

TEST_F(ListingTest, RadiusBoundsANearListing) {
  const std::int64_t here = create_post(post_at(kCentreLat, kCentreLon)).first;
  const std::int64_t ten_km = create_post(post_at(kCentreLat + 0.1, kCentreLon)).first;
  const std::int64_t fifty_km = create_post(post_at(kCentreLat + 0.45, kCentreLon)).first;
  struct Case {
    std::string radius;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {{"&radius_km=2", {here}},
                                   {"&radius_km=15", {here, ten_km}},
                                   {"", {here, ten_km}},  // 25 km by default
                                   {"&radius_km=60", {here, ten_km, fifty_km}},
                                   {"&radius_km=500", {here, ten_km, fifty_km}}};
  for (const Case& c : cases) {
    const auto items = list_all(*client, near_centre() + c.radius, 100);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.radius;
    for (const auto& item : items) {
      if (!c.radius.empty()) {
        EXPECT_LE(item["distance_km"].get<double>(), std::stod(c.radius.substr(11)));
      }
    }
  }
  // Without near, there is no distance.
  for (const auto& item : list_all(*client, "", 100)) EXPECT_FALSE(item.contains("distance_km"));
}

TEST_F(ListingTest, FiltersByKindAndCategory) {
  const std::int64_t food_request = create_post(request_body()).first;
  const std::int64_t clothing_request = create_post(private_request()).first;
  const std::int64_t food_offer = create_post(offer_body("food")).first;
  const std::int64_t clothing_offer = create_post(offer_body("clothing")).first;
  struct Case {
    std::string query;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {
      {"", {food_request, clothing_request, food_offer, clothing_offer}},
      {"kind=request", {food_request, clothing_request}},
      {"kind=offer", {food_offer, clothing_offer}},
      {"category=food", {food_request, food_offer}},
      {"category=clothing&kind=offer", {clothing_offer}},
      {"category=transport", {}},
      {"kind=offer&" + near_centre(), {food_offer, clothing_offer}},
      {"category=clothing&" + near_centre(), {clothing_request, clothing_offer}},
  };
  for (const Case& c : cases) {
    const auto ids = listed_ids(*client, c.query);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.query;
  }
}

TEST_F(ListingTest, StatusFilterWorksFromTheIndexAndFromTheDatabase) {
  const auto [open_id, open_token] = create_post(request_body("Still open"));
  const auto [matched_id, matched_token] = create_post(request_body("Matched"));
  const auto [fulfilled_id, fulfilled_token] = create_post(request_body("Fulfilled"));
  const auto [closed_id, closed_token] = create_post(request_body("Closed"));
  const auto [offer_id, offer_token] = create_post(offer_body());

  ASSERT_EQ(client->post(post_path(matched_id) + "/claim", claim_body()).status, 201);
  const auto claimed = client->post(post_path(fulfilled_id) + "/claim", claim_body()).json();
  ASSERT_EQ(client
                ->post(match_path(claimed["match"]) + "/complete", nullptr,
                       claimed["match_token"].get<std::string>())
                .status,
            200);
  ASSERT_EQ(client->post(post_path(closed_id) + "/close", nullptr, closed_token).status, 200);

  struct Case {
    std::string query;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {
      // open and matched: the in-memory index.
      {"", {open_id, offer_id}},
      {"status=open", {open_id, offer_id}},
      {"status=open&kind=request", {open_id}},
      {"status=matched", {matched_id}},
      {"status=matched&" + near_centre(), {matched_id}},
      {"status=matched&kind=offer", {}},
      // fulfilled and closed: the database.
      {"status=fulfilled", {fulfilled_id}},
      {"status=fulfilled&" + near_centre(), {fulfilled_id}},
      {"status=closed", {closed_id}},
      {"status=closed&kind=request&category=food", {closed_id}},
      {"status=closed&kind=offer", {}},
      {"status=closed&category=clothing", {}},
      {"status=closed&" + near_centre(), {closed_id}},
      {"status=closed&near=0,0", {}},
  };
  for (const Case& c : cases) {
    const auto items = list_all(*client, c.query, 100);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.query;
    for (const auto& item : items) {
      const auto status = c.query.find("status=");
      const std::string wanted =
          status == std::string::npos
              ? "open"
              : c.query.substr(status + 7, c.query.find('&', status) - status - 7);
      EXPECT_EQ(item["status"], wanted) << c.query;
    }
  }
}

TEST_F(ListingTest, DatabaseListingsPageInOrderToo) {
  std::set<std::int64_t> closed;
  for (int i = 0; i < 5; ++i) {
    const auto [id, token] = create_post(post_at(kCentreLat + 0.02 * i, kCentreLon));
    closed.insert(id);
    ASSERT_EQ(client->post(post_path(id) + "/close", nullptr, token).status, 200);
  }
  for (int i = 0; i < 3; ++i) {  // ties at one place
    const auto [id, token] = create_post(post_at(kCentreLat + 0.04, kCentreLon));
    closed.insert(id);
    ASSERT_EQ(client->post(post_path(id) + "/close", nullptr, token).status, 200);
  }
  create_post(request_body("Open, so not in a closed listing"));
  for (int limit : {1, 2, 3}) {
    const auto newest = list_all(*client, "status=closed", limit);
    expect_newest_first(newest);
    auto ids = ids_of(newest);
    EXPECT_EQ(ids.size(), closed.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), closed) << limit;

    const auto nearest = list_all(*client, "status=closed&" + near_centre(), limit);
    expect_nearest_first(nearest);
    ids = ids_of(nearest);
    EXPECT_EQ(ids.size(), closed.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), closed) << limit;
  }
}

TEST_F(ListingTest, NearWorksAcrossTheAntimeridianAndAtAPole) {
  const auto [east, east_token] = create_post(post_at(0.001, -179.999));
  const auto [polar, polar_token] = create_post(post_at(89.996, 170.0));
  const std::string across = "near=0,179.998&radius_km=5";
  const std::string pole = "near=89.999,0&radius_km=10";
  EXPECT_EQ(listed_ids(*client, across), std::vector<std::int64_t>{east});
  EXPECT_EQ(listed_ids(*client, pole), std::vector<std::int64_t>{polar});
  // The same from the database, once they are closed.
  ASSERT_EQ(client->post(post_path(east) + "/close", nullptr, east_token).status, 200);
  ASSERT_EQ(client->post(post_path(polar) + "/close", nullptr, polar_token).status, 200);
  EXPECT_EQ(listed_ids(*client, across), std::vector<std::int64_t>{});
  EXPECT_EQ(listed_ids(*client, "status=closed&" + across), std::vector<std::int64_t>{east});
  EXPECT_EQ(listed_ids(*client, "status=closed&" + pole), std::vector<std::int64_t>{polar});
}

TEST_F(ListingTest, LimitMustBeFromOneToAHundred) {
  for (int i = 0; i < 21; ++i) create_post(request_body());
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts?limit=1").json()["items"].size(), 1u);
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts?limit=100").json()["items"].size(), 21u);
  // 20 by default.
  const json page = client->get("/api/v1/networks/riverside/posts").json();
  EXPECT_EQ(page["items"].size(), 20u);
  EXPECT_TRUE(page["next_cursor"].is_string());
  for (const char* bad : {"0", "101", "-1", "ten", "1.5", "", "1e1", "+5", "99999999999"}) {
    const auto result =
        client->get(std::string("/api/v1/networks/riverside/posts?limit=").append(bad));
    EXPECT_EQ(result.status, 400) << bad;
    EXPECT_TRUE(result.json()["error"]["fields"].contains("limit")) << bad << result.body;
  }
}

TEST_F(ListingTest, ACursorOnlyFitsAListingOfTheSameKind) {
  for (int i = 0; i < 3; ++i) create_post(request_body());
  const std::string near_cursor =
      client->get("/api/v1/networks/riverside/posts?limit=1&" + near_centre())
          .json()["next_cursor"];
  const std::string newest_cursor =
      client->get("/api/v1/networks/riverside/posts?limit=1").json()["next_cursor"];
  const auto plain = client->get("/api/v1/networks/riverside/posts?cursor=" + near_cursor);
  EXPECT_GE(plain.status, 400) << plain.body;
  EXPECT_LT(plain.status, 500) << plain.body;
  EXPECT_TRUE(plain.json()["error"]["fields"].contains("cursor")) << plain.body;
  const auto near =
      client->get("/api/v1/networks/riverside/posts?" + near_centre() + "&cursor=" + newest_cursor);
  EXPECT_GE(near.status, 400) << near.body;
  EXPECT_LT(near.status, 500) << near.body;
  EXPECT_TRUE(near.json()["error"]["fields"].contains("cursor")) << near.body;
  // From a database listing onto an index listing: same kind, accepted.
  EXPECT_EQ(
      client->get("/api/v1/networks/riverside/posts?status=closed&cursor=" + newest_cursor).status,
      200);
}

TEST_F(ListingTest, UnknownCategoryIs400NamingCategory) {
  const auto result = client->get("/api/v1/networks/riverside/posts?category=spaceships");
  ASSERT_EQ(result.status, 400) << result.body;
  EXPECT_EQ(result.json()["error"]["code"], "malformed");
  EXPECT_TRUE(result.json()["error"]["fields"].contains("category")) << result.body;
  EXPECT_EQ(
      client->get("/api/v1/networks/riverside/posts?category=spaceships&status=closed").status,
      400);
}

TEST_F(ListingTest, AListingShowsOnlyItsOwnNetwork) {
  ASSERT_EQ(client->post("/api/v1/networks", network_body("hillside")).status, 201);
  const std::int64_t here = create_post(request_body()).first;
  const std::int64_t there = create_post(request_body(), "hillside").first;
  EXPECT_EQ(listed_ids(*client, ""), std::vector<std::int64_t>{here});
  EXPECT_EQ(listed_ids(*client, near_centre()), std::vector<std::int64_t>{here});
  const auto hillside = client->get("/api/v1/networks/hillside/posts").json()["items"];
  ASSERT_EQ(hillside.size(), 1u);
  EXPECT_EQ(hillside[0]["id"], there);
  EXPECT_EQ(hillside[0]["network"], "hillside");
  EXPECT_EQ(client->get("/api/v1/networks/nowhere/posts").status, 404);
}

// ---------------------------------------------------------------------------
// Edit and close

using EditTest = ApiTest;

TEST_F(EditTest, PatchChangesFieldsAndAnswersThePrivateView) {
  const auto [id, token] = create_post(private_request());
  const json change = {{"title", "Warm coats and boots"},
                       {"urgency", "flexible"},
                       {"category", "other"},
                       {"quantity", 3},
                       {"details", "Boots size 2."},
                       {"contact", {{"method", "phone"}}}};
  const auto patched = client->patch(post_path(id), change, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const json post = patched.json();
  EXPECT_EQ(post["title"], "Warm coats and boots");
  EXPECT_EQ(post["urgency"], "flexible");
  EXPECT_EQ(post["category"], "other");
  EXPECT_EQ(post["quantity"], 3);
  EXPECT_EQ(post["details"], "Boots size 2.");
  EXPECT_EQ(post["contact"]["method"], "phone");
  EXPECT_EQ(post["contact"]["email"], "zq.private@example.org");  // untouched
  EXPECT_EQ(post["access"], "owner");
  EXPECT_EQ(post["kind"], "request");
  // The listing follows.
  const auto listed = client->get("/api/v1/networks/riverside/posts").json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["title"], "Warm coats and boots");
  EXPECT_EQ(listed[0]["category"], "other");
  // And the history records the edit.
  bool edited = false;
  const json history = client->get(post_path(id) + "/history", token).json()["items"];
  for (const auto& event : history) {
    edited = edited || event["type"] == "edited";
  }
  EXPECT_TRUE(edited);
}

TEST_F(EditTest, NullClearsOptionalFields) {
  json body = private_request();
  const UnixSeconds now = now_unix();
  body["window"] = {{"from", format_rfc3339(now + 3600)}, {"to", format_rfc3339(now + 7200)}};
  const auto [id, token] = create_post(body);
  const auto patched = client->patch(
      post_path(id), {{"details", nullptr}, {"quantity", nullptr}, {"window", nullptr}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const json post = patched.json();
  EXPECT_EQ(post["details"], "");
  EXPECT_TRUE(post["quantity"].is_null());
  EXPECT_TRUE(post["window"].is_null());
  EXPECT_EQ(post["title"], "Warm coats for two kids");  // untouched

  const auto location = client->patch(post_path(id), {{"location", nullptr}}, token);
  ASSERT_EQ(location.status, 200) << location.body;
  EXPECT_EQ(location.json()["location"]["text"], "");
  const auto contact = client->patch(post_path(id), {{"contact", nullptr}}, token);
  ASSERT_EQ(contact.status, 200) << contact.body;
  EXPECT_EQ(contact.json()["contact"]["email"], "");
  EXPECT_EQ(contact.json()["contact"]["phone"], "");
}

TEST_F(EditTest, RideIsClearedByNullAndByLeavingTransport) {
  json body = request_body("Ride to the clinic");
  body["category"] = "transport";
  body["ride"] = {{"passengers", 1}};
  const auto [id, token] = create_post(body);
  const auto cleared = client->patch(post_path(id), {{"ride", nullptr}}, token);
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["ride"].is_null());
  ASSERT_EQ(client->patch(post_path(id), {{"ride", {{"passengers", 3}}}}, token).status, 200);
  const auto moved = client->patch(post_path(id), {{"category", "food"}}, token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(moved.json()["ride"].is_null());
}

TEST_F(EditTest, KindCannotChange) {
  const auto [id, token] = create_post(request_body());
  const auto result = client->patch(post_path(id), {{"kind", "offer"}}, token);
  ASSERT_EQ(result.status, 422) << result.body;
  EXPECT_TRUE(result.json()["error"]["fields"].contains("kind"));
  EXPECT_EQ(client->get(post_path(id)).json()["kind"], "request");
  // Naming the same kind is no change.
  EXPECT_EQ(client->patch(post_path(id), {{"kind", "request"}}, token).status, 200);
}

TEST_F(EditTest, PatchNeedsThePostsManageToken) {
  const auto [id, token] = create_post(request_body());
  const auto [other_id, other_token] = create_post(request_body());
  const json change = {{"title", "Hijacked"}};
  const auto missing = client->patch(post_path(id), change);
  EXPECT_EQ(missing.status, 401) << missing.body;
  EXPECT_EQ(header_of(missing, "www-authenticate"), "Bearer");
  EXPECT_EQ(missing.json()["error"]["code"], "unauthorized");
  const auto wrong = client->patch(post_path(id), change, other_token);
  EXPECT_EQ(wrong.status, 403) << wrong.body;
  EXPECT_EQ(wrong.json()["error"]["code"], "forbidden");
  EXPECT_EQ(client->patch(post_path(id), change, token + "x").status, 403);
  EXPECT_EQ(client->patch(post_path(id), change, std::string(200, 'A')).status, 403);
  const auto claimed = client->post(post_path(id) + "/claim", claim_body()).json();
  EXPECT_EQ(client->patch(post_path(id), change, claimed["match_token"]).status, 403);
  EXPECT_EQ(client->get(post_path(id)).json()["title"], "Groceries for a family of four");
}

TEST_F(EditTest, APatchedLocationMovesThePostInNearListings) {
  const auto [id, token] = create_post(post_at(kCentreLat, kCentreLon));
  const std::string here = near_centre() + "&radius_km=3";
  const std::string there = "near=47.5,-113.0&radius_km=3";
  EXPECT_EQ(listed_ids(*client, here), std::vector<std::int64_t>{id});
  EXPECT_EQ(listed_ids(*client, there), std::vector<std::int64_t>{});

  const auto moved =
      client->patch(post_path(id), {{"location", {{"lat", 47.5}, {"lon", -113.0}}}}, token);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(listed_ids(*client, here), std::vector<std::int64_t>{});
  const auto items = list_all(*client, there, 100);
  ASSERT_EQ(ids_of(items), std::vector<std::int64_t>{id});
  EXPECT_LT(items[0]["distance_km"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(items[0]["location"]["lat"].get<double>(), 47.505);
}

TEST_F(EditTest, CloseWithReasonDuplicate) {
  const auto [id, token] = create_post(request_body());
  const auto closed = client->post(post_path(id) + "/close", {{"reason", "duplicate"}}, token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["closed_reason"], "duplicate");
  EXPECT_EQ(closed.json()["access"], "owner");
  EXPECT_EQ(client->get(post_path(id)).json()["closed_reason"], "duplicate");
  EXPECT_EQ(listed_ids(*client, ""), std::vector<std::int64_t>{});
  EXPECT_EQ(listed_ids(*client, "status=closed"), std::vector<std::int64_t>{id});
}

TEST_F(EditTest, CloseWithoutABodyMeansWithdrawn) {
  const auto [id, token] = create_post(request_body());
  const auto closed = client->post(post_path(id) + "/close", nullptr, token);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["closed_reason"], "withdrawn");
}

TEST_F(EditTest, PostersCannotCloseAsExpiredOrModerated) {
  const auto [id, token] = create_post(request_body());
  for (const char* reason : {"expired", "moderated", "spam", ""}) {
    const auto result = client->post(post_path(id) + "/close", {{"reason", reason}}, token);
    EXPECT_EQ(result.status, 422) << reason << ": " << result.body;
    EXPECT_EQ(keys_of(result.json()["error"]["fields"]), std::set<std::string>{"reason"}) << reason;
  }
  const auto typed = client->post(post_path(id) + "/close", {{"reason", 7}}, token);
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_EQ(client->get(post_path(id)).json()["status"], "open");
}

TEST_F(EditTest, CloseNeedsTheManageToken) {
  const auto [id, token] = create_post(request_body());
  const auto [other_id, other_token] = create_post(request_body());
  const auto missing = client->post(post_path(id) + "/close", nullptr);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(header_of(missing, "www-authenticate"), "Bearer");
  EXPECT_EQ(client->post(post_path(id) + "/close", nullptr, other_token).status, 403);
  EXPECT_EQ(client->get(post_path(id)).json()["status"], "open");
}

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
  ASSERT_EQ(client->post("/api/v1/networks", network_body("hillside")).status, 201);
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
