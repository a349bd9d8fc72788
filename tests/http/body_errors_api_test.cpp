// Errors for request bodies over real HTTP: malformed JSON and unknown fields
// are 400, invalid values are 422, and every bad field is named at once.

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using error_tests::bearer;
using error_tests::error_fields;
using error_tests::ErrorsTest;
using error_tests::expect_error;
using error_tests::match_path;
using nlohmann::json;

// ---------------------------------------------------------------------------
// 400: malformed bodies and unknown fields

TEST_F(ErrorsTest, MalformedJsonIs400AndSaysAtWhichByte) {
  struct Case {
    std::string body;
    int byte;  // 1-based position of the offending byte; 0: just check there is one
  };
  const std::vector<Case> cases = {
      {R"({"a":1,})", 8},
      {R"({"kind": tru})", 13},
      {"{", 0},
      {R"({"a" 1})", 0},
      {"{'a': 1}", 0},
      {R"({"a":01})", 0},
      {R"({"a":NaN})", 0},
      {R"({"a":"\u"})", 0},
      {R"({"a":"\ud800"})", 0},
      {"{\"a\":\"\xff\"}", 0},
      {"{} {}", 0},
      {" ", 0},
  };
  for (const Case& c : cases) {
    const auto result = client->request("POST", "/api/v1/networks/riverside/posts", c.body);
    expect_error(result, 400, "malformed", c.body);
    const std::string message = result.json()["error"]["message"];
    std::smatch found;
    ASSERT_TRUE(std::regex_search(message, found, std::regex("byte ([0-9]+)")))
        << c.body << ": " << message;
    const int byte = std::stoi(found[1]);
    EXPECT_GE(byte, 1) << c.body;
    EXPECT_LE(byte, static_cast<int>(c.body.size()) + 1) << c.body;
    if (c.byte != 0) {
      EXPECT_EQ(byte, c.byte) << c.body << ": " << message;
    }
  }
}

TEST_F(ErrorsTest, BodiesThatAreNotObjectsOrNestTooDeepAre400) {
  const std::string deep_objects = [] {
    std::string body;
    for (int i = 0; i < 9; ++i) body += R"({"a":)";
    body += "1";
    for (int i = 0; i < 9; ++i) body += "}";
    return body;
  }();
  for (const std::string& body :
       {std::string("[]"), std::string("[{}]"), std::string("null"), std::string("42"),
        std::string("\"text\""), std::string("true"), std::string(10000, '['), deep_objects}) {
    const auto result = client->request("POST", "/api/v1/networks/riverside/posts", body);
    expect_error(result, 400, "malformed", body.substr(0, 40));
  }
  const auto empty = client->post(post_path(request_id) + "/claim", nullptr);
  expect_error(empty, 400, "malformed", "an empty claim");
}

TEST_F(ErrorsTest, UnknownFieldsAre400AndEachIsNamed) {
  json post = request_body();
  post["colour"] = "red";
  post["why"] = "because";
  post["location"]["altitude"] = 5;
  post["contact"]["fax"] = "555";
  post["window"] = {{"until", "tomorrow"}};
  post["ride"] = {{"seats", 2}};
  json network = network_body("new-network");
  network["owner"] = "me";
  network["area"]["polygon"] = json::array();
  json claim = claim_body();
  claim["volunteer"]["age"] = 30;
  claim["pay"] = 10;
  struct Case {
    std::string method, target;
    json body;
    std::string token;
    std::set<std::string> fields;
  };
  const std::vector<Case> cases = {
      {"POST",
       "/api/v1/networks/riverside/posts",
       post,
       "",
       {"colour", "why", "location.altitude", "contact.fax", "window.until", "ride.seats"}},
      {"PATCH",
       post_path(request_id),
       {{"title", "x"}, {"reason", "y"}},
       request_token,
       {"reason"}},
      {"POST", "/api/v1/networks", network, "", {"owner", "area.polygon"}},
      {"POST", post_path(other_id) + "/claim", claim, "", {"volunteer.age", "pay"}},
      {"POST",
       "/api/v1/matches",
       {{"request_id", other_id}, {"offer_id", offer_id}, {"urgent", true}},
       offer_token,
       {"urgent"}},
      {"POST",
       post_path(request_id) + "/close",
       {{"reason", "withdrawn"}, {"comment", "x"}},
       request_token,
       {"comment"}},
      {"POST",
       match_path(match_id) + "/accept",
       {{"status", "accepted"}},
       request_token,
       {"status"}},
  };
  for (const Case& c : cases) {
    const auto result = client->request(c.method, c.target, c.body.dump(), bearer(c.token));
    expect_error(result, 400, "malformed", c.method + " " + c.target);
    EXPECT_EQ(error_fields(result), c.fields) << c.method << " " << c.target << result.body;
  }
  // Nothing changed.
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "matched");
  EXPECT_EQ(client->get("/api/v1/networks/new-network").status, 404);
}

// ---------------------------------------------------------------------------
// 422: every bad field at once

TEST_F(ErrorsTest, InvalidPostNamesEveryBadFieldAtOnce) {
  const json body = {
      {"kind", 5},                 // type
      {"category", "spaceships"},  // not a category
      {"title", ""},               // too short
      {"details", 12},             // type
      {"quantity", 0},             // range
      {"urgency", "soon"},         // enum
      {"window", {{"from", "yesterday"}, {"to", "2001-01-01T00:00:00Z"}}},
      {"location", {{"lat", 200}, {"lon", 0}, {"text", "two\nlines"}}},
      {"contact", {{"email", "not-an-email"}, {"phone", "call me"}, {"method", "pigeon"}}}};
  const auto result = client->post("/api/v1/networks/riverside/posts", body);
  expect_error(result, 422, "invalid", "create");
  EXPECT_EQ(error_fields(result),
            (std::set<std::string>{"kind", "category", "title", "details", "quantity", "urgency",
                                   "window.from", "window.to", "location", "location.text",
                                   "contact.email", "contact.phone", "contact.method"}))
      << result.body;

  // The same on an edit, which changes nothing.
  json patch = body;
  patch.erase("kind");
  const auto edited = client->patch(post_path(request_id), patch, request_token);
  expect_error(edited, 422, "invalid", "patch");
  EXPECT_EQ(error_fields(edited).size(), 12u) << edited.body;
  EXPECT_EQ(client->get(post_path(request_id)).json()["title"], "Groceries for a family of four");
}

TEST_F(ErrorsTest, InvalidPostFieldsOneAtATime) {
  const UnixSeconds now = now_unix();
  struct Case {
    json change;  // merged into a valid body
    std::set<std::string> fields;
  };
  const std::vector<Case> cases = {
      {{{"kind", "gift"}}, {"kind"}},
      {{{"kind", nullptr}}, {"kind"}},
      {{{"category", nullptr}}, {"category"}},
      {{{"category", "FOOD"}}, {"category"}},
      {{{"title", std::string(121, 't')}}, {"title"}},
      {{{"title", "   "}}, {"title"}},
      {{{"title", "tab\there"}}, {"title"}},
      {{{"title", std::string("nul\0byte", 8)}}, {"title"}},
      {{{"title", "bell\x07"}}, {"title"}},
      {{{"title", "c1\xc2\x85"}}, {"title"}},
      {{{"title", 7}}, {"title"}},
      {{{"details", std::string(4001, 'd')}}, {"details"}},
      {{{"quantity", 100001}}, {"quantity"}},
      {{{"quantity", -1}}, {"quantity"}},
      {{{"quantity", 1.5}}, {"quantity"}},
      {{{"quantity", "2"}}, {"quantity"}},
      {{{"quantity", 9223372036854775807LL}}, {"quantity"}},
      {{{"quantity", 18446744073709551615ULL}}, {"quantity"}},
      {{{"urgency", "TODAY"}}, {"urgency"}},
      {{{"window", {{"to", format_rfc3339(now - 60)}}}}, {"window.to"}},
      {{{"window", {{"from", format_rfc3339(now + 7200)}, {"to", format_rfc3339(now + 3600)}}}},
       {"window.to"}},
      {{{"window", {{"from", format_rfc3339(now + 400 * kSecondsPerDay)}}}}, {"window.from"}},
      {{{"window", {{"from", "2026-02-30T00:00:00Z"}}}}, {"window.from"}},
      {{{"window", "next week"}}, {"window"}},
      {{{"location", {{"lat", 10}}}}, {"location"}},
      {{{"location", {{"lat", 0}, {"lon", 180.5}}}}, {"location"}},
      {{{"location", {{"lat", "0"}, {"lon", 0}}}}, {"location.lat", "location"}},
      {{{"location", {{"lat", 0}, {"lon", 0}, {"text", std::string(201, 'x')}}}},
       {"location.text"}},
      {{{"location", json::array({46.8, -113.9})}}, {"location"}},
      {{{"contact", {{"method", "email"}}}}, {"contact.email"}},
      {{{"contact", {{"email", "a@b"}}}}, {"contact.email"}},
      {{{"contact", {{"phone", "12"}}}}, {"contact.phone"}},
      {{{"contact", {{"phone", std::string(33, '1')}}}}, {"contact.phone"}},
      {{{"contact", {{"name", std::string(101, 'n')}}}}, {"contact.name"}},
      {{{"contact", "sam@example.org"}}, {"contact"}},
  };
  const auto listed = [this] {
    return client->get("/api/v1/networks/riverside/posts").json()["items"].size();
  };
  const std::size_t before = listed();
  for (const Case& c : cases) {
    json body = request_body();
    body.erase("contact");
    for (const auto& [key, value] : c.change.items()) body[key] = value;
    const auto result = client->request("POST", "/api/v1/networks/riverside/posts",
                                        body.dump(-1, ' ', false, json::error_handler_t::ignore));
    EXPECT_EQ(result.status, 422) << c.change.dump() << ": " << result.body;
    EXPECT_EQ(error_fields(result), c.fields) << c.change.dump() << ": " << result.body;
  }
  EXPECT_EQ(listed(), before);
}

TEST_F(ErrorsTest, InvalidNetworkNamesEveryBadFieldAtOnce) {
  const json body = {{"slug", "Bad Slug"},
                     {"name", 5},
                     {"description", std::string(4001, 'd')},
                     {"area", {{"lat", "north"}, {"lon", 500}, {"radius_km", 0}}},
                     {"languages", "en"},
                     {"timezone", "Mars/Olympus_Mons"},
                     {"retention_days", 0},
                     {"post_expiry_days", "thirty"},
                     {"listed", "yes"}};
  const auto result = client->post("/api/v1/networks", body);
  expect_error(result, 422, "invalid", "network");
  EXPECT_EQ(error_fields(result),
            (std::set<std::string>{"slug", "name", "description", "area.lat", "area.lon",
                                   "area.radius_km", "languages", "timezone", "retention_days",
                                   "post_expiry_days", "listed"}))
      << result.body;
  const auto empty = client->post("/api/v1/networks", json::object());
  expect_error(empty, 422, "invalid", "empty network");
  EXPECT_EQ(error_fields(empty),
            (std::set<std::string>{"slug", "name", "area.lat", "area.lon", "area.radius_km"}));
}

TEST_F(ErrorsTest, InvalidClaimAndProposalNameEveryBadFieldAtOnce) {
  const auto claim = client->post(post_path(other_id) + "/claim",
                                  {{"volunteer", {{"name", ""}, {"email", "nope"}, {"phone", "x"}}},
                                   {"quantity", 0},
                                   {"note", 5}});
  expect_error(claim, 422, "invalid", "claim");
  EXPECT_EQ(error_fields(claim), (std::set<std::string>{"volunteer.name", "volunteer.email",
                                                        "volunteer.phone", "quantity", "note"}))
      << claim.body;
  const auto nobody = client->post(post_path(other_id) + "/claim", {{"note", "hi"}});
  expect_error(nobody, 422, "invalid", "claim without volunteer");
  EXPECT_TRUE(error_fields(nobody).contains("volunteer")) << nobody.body;
  const auto unreachable =
      client->post(post_path(other_id) + "/claim", {{"volunteer", {{"name", "Alex"}}}});
  expect_error(unreachable, 422, "invalid", "claim without a way to reach");
  EXPECT_EQ(error_fields(unreachable), std::set<std::string>{"volunteer.email"});

  const auto proposal = client->post(
      "/api/v1/matches", {{"request_id", "1"}, {"offer_id", 1.5}, {"quantity", 0}, {"note", {"x"}}},
      offer_token);
  expect_error(proposal, 422, "invalid", "proposal");
  EXPECT_EQ(error_fields(proposal),
            (std::set<std::string>{"request_id", "offer_id", "quantity", "note"}))
      << proposal.body;
  EXPECT_EQ(client->get(post_path(other_id)).json()["status"], "open");
}

// ---------------------------------------------------------------------------
// Requests that once slipped through: each test guards its fix.

TEST_F(ErrorsTest, NumberLiteralsBeyondDoubleRangeAre400) {
  const auto routes = body_routes();
  for (const auto& [method, target] : routes) {
    for (const std::string& body :
         {std::string(R"({"quantity": 1e400})"), std::string(R"({"zzz": -1e400})"),
          std::string(R"({"area": {"lat": 1e999}})"), std::string("[1e400]")}) {
      const auto result = client->request(method, target, body, bearer(request_token));
      expect_error(result, 400, "malformed", method + " " + target + " " + body);
    }
  }
}

TEST_F(ErrorsTest, BytesAfterTheJsonValueAreRejectedEvenAfterANul) {
  std::string body = request_body().dump();
  body.push_back('\0');
  body.append("<script>trailing junk</script>");
  const auto result = client->request("POST", "/api/v1/networks/riverside/posts", body);
  expect_error(result, 400, "malformed", "trailing bytes after a NUL");
}

}  // namespace
}  // namespace gapfill::testing
