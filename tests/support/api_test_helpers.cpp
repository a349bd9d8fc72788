#include "support/api_test_helpers.hpp"

#include <fmt/format.h>

#include <regex>
#include <tuple>

namespace gapfill::testing {

using nlohmann::json;

json claim_body() {
  return {{"volunteer", {{"name", "Alex"}, {"email", "alex@example.org"}}}};
}

std::string post_path(std::int64_t id) {
  return fmt::format("/api/v1/posts/{}", id);
}

std::string header_of(const HttpResult& result, const std::string& name) {
  const auto found = result.headers.find(name);
  return found == result.headers.end() ? std::string() : found->second;
}

namespace endpoint_tests {

json private_request(const std::string& title) {
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

json post_at(double lat, double lon, const std::string& title) {
  json body = request_body(title);
  body["location"] = {{"lat", lat}, {"lon", lon}};
  return body;
}

json offer_body(const std::string& category, int quantity) {
  return {{"kind", "offer"},
          {"category", category},
          {"title", "Spare canned soup"},
          {"quantity", quantity},
          {"location", {{"lat", kCentreLat}, {"lon", kCentreLon}}},
          {"contact", {{"email", "giver@example.org"}}}};
}

std::string match_path(const json& match) {
  return fmt::format("/api/v1/matches/{}", match["id"].get<std::int64_t>());
}

bool is_rfc3339_utc(const json& value) {
  static const std::regex kPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");
  return value.is_string() && std::regex_match(value.get<std::string>(), kPattern);
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

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

std::string near_centre() {
  return fmt::format("near={},{}", kCentreLat, kCentreLon);
}

}  // namespace endpoint_tests

namespace error_tests {

json offer_body() {
  return {{"kind", "offer"},
          {"category", "food"},
          {"title", "Spare canned soup"},
          {"quantity", 1},
          {"contact", {{"email", "giver@example.org"}}}};
}

std::string match_path(std::int64_t id) {
  return fmt::format("/api/v1/matches/{}", id);
}

namespace {

// Unlike endpoint_tests::keys_of, empty for anything but an object.
std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  if (!object.is_object()) return keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

}  // namespace

std::set<std::string> error_fields(const HttpResult& result) {
  return keys_of(result.json()["error"]["fields"]);
}

std::vector<std::string> bearer(const std::string& token) {
  if (token.empty()) return {};
  return {"Authorization: Bearer " + token};
}

::testing::AssertionResult is_error_body(const HttpResult& result) {
  const json body = result.json();
  if (!body.is_object() || keys_of(body) != std::set<std::string>{"error"}) {
    return ::testing::AssertionFailure() << "not an error body: " << result.body.substr(0, 300);
  }
  const json& error = body["error"];
  if (!error.is_object() || !error["code"].is_string() || !error["message"].is_string() ||
      error["message"].get<std::string>().empty()) {
    return ::testing::AssertionFailure() << "no code and message: " << result.body.substr(0, 300);
  }
  for (const auto& [key, value] : error.items()) {
    if (key != "code" && key != "message" && key != "fields") {
      return ::testing::AssertionFailure() << "unexpected key " << key;
    }
  }
  if (error.contains("fields")) {
    if (!error["fields"].is_object()) return ::testing::AssertionFailure() << "fields not object";
    for (const auto& [key, value] : error["fields"].items()) {
      if (!value.is_string()) return ::testing::AssertionFailure() << "field " << key;
    }
  }
  return ::testing::AssertionSuccess();
}

void expect_error(const HttpResult& result, long status, const std::string& code,
                  const std::string& what) {
  EXPECT_EQ(result.status, status) << what << ": " << result.body.substr(0, 300);
  EXPECT_TRUE(is_error_body(result)) << what;
  EXPECT_EQ(result.json()["error"]["code"], code) << what;
}

void ErrorsTest::SetUp() {
  ApiTest::SetUp();
  if (HasFatalFailure()) return;
  std::tie(request_id, request_token) = create_post(request_body());
  std::tie(offer_id, offer_token) = create_post(offer_body());
  std::tie(other_id, other_token) = create_post(request_body("Someone else's post"));
  const auto proposed = client->post(
      "/api/v1/matches", {{"request_id", request_id}, {"offer_id", offer_id}}, offer_token);
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  match_id = proposed.json()["match"]["id"];
}

std::vector<Protected> protected_routes(std::int64_t request_id, std::int64_t offer_id,
                                        std::int64_t match_id) {
  return {
      {"PATCH", post_path(request_id), R"({"title": "Changed"})"},
      {"POST", post_path(request_id) + "/close", ""},
      {"POST", post_path(request_id) + "/close", R"({"reason": "duplicate"})"},
      {"GET", post_path(request_id) + "/history", ""},
      {"POST", "/api/v1/matches",
       json({{"request_id", request_id}, {"offer_id", offer_id}}).dump()},
      {"GET", match_path(match_id), ""},
      {"POST", match_path(match_id) + "/accept", ""},
      {"POST", match_path(match_id) + "/complete", "{}"},
      {"POST", match_path(match_id) + "/cancel", ""},
  };
}

std::vector<std::pair<std::string, std::string>> ErrorsTest::body_routes() const {
  return {
      {"POST", "/api/v1/networks"},
      {"POST", "/api/v1/networks/riverside/posts"},
      {"PATCH", post_path(request_id)},
      {"POST", post_path(request_id) + "/close"},
      {"POST", post_path(other_id) + "/claim"},
      {"POST", "/api/v1/matches"},
      {"POST", match_path(match_id) + "/accept"},
      {"POST", match_path(match_id) + "/complete"},
      {"POST", match_path(match_id) + "/cancel"},
  };
}

}  // namespace error_tests
}  // namespace gapfill::testing
