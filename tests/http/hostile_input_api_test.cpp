// Hostile input over real HTTP: malformed bodies, values, paths, queries and
// headers are never answered with a 5xx, and error messages never echo
// personal data.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using error_tests::bearer;
using error_tests::error_fields;
using error_tests::ErrorsTest;
using error_tests::expect_error;
using error_tests::is_error_body;
using error_tests::match_path;
using error_tests::Protected;
using error_tests::protected_routes;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Hostile input: never a 5xx

// A request and what it must not answer: a 5xx, or anything but the error shape.
// Returns the answer, if there was one.
std::optional<HttpResult> expect_handled(HttpClient& client, const std::string& method,
                                         const std::string& target, const std::string& body,
                                         const std::vector<std::string>& headers,
                                         const std::string& what) {
  HttpResult result;
  try {
    result = client.request(method, target, body, headers);
  } catch (const std::exception& error) {
    ADD_FAILURE() << what << ": no answer: " << error.what();
    return std::nullopt;
  }
  EXPECT_LT(result.status, 500) << what << ": " << result.body.substr(0, 200);
  EXPECT_GE(result.status, 200) << what;
  EXPECT_FALSE(result.json().is_discarded()) << what << ": " << result.body.substr(0, 200);
  if (result.status >= 400) {
    EXPECT_TRUE(is_error_body(result)) << what;
  }
  return result;
}

std::string nested(const std::string& open, const std::string& close, int depth,
                   const std::string& inner) {
  std::string body;
  for (int i = 0; i < depth; ++i) body += open;
  body += inner;
  for (int i = 0; i < depth; ++i) body += close;
  return body;
}

// Bodies no endpoint accepts.
std::vector<std::string> hostile_bodies() {
  return {
      "{",
      "}",
      "[]",
      "[{}]",
      "null",
      "true",
      "-0",
      "\"a string\"",
      " ",
      "\n\t",
      R"({"a":1,})",
      "{'a': 1}",
      R"({"a":01})",
      R"({"a":NaN})",
      R"({"a":Infinity})",
      R"({"a":-Infinity})",
      R"({"a":"\u"})",
      R"({"a":"\ud800"})",
      R"({"a":"\udc00\ud800"})",
      "{\"title\":\"\xff\xfe\"}",
      "{\"title\":\"\xc0\xaf\"}",
      "{\"title\":\"\xed\xa0\x80\"}",
      "{\"title\":\"\xf4\x90\x80\x80\"}",
      std::string("{\"title\":\"a\0b\"}", 15),
      std::string("\0", 1),
      std::string("{\"zzz\":1}\0{\"kind\":\"request\"}", 28),
      "\xef\xbb\xbf{\"zzz\":1}",
      R"({"zzz":1e308,"yyy":-1e308,"xxx":4.9e-324})",
      R"({"zzz":123456789012345678901234567890})",
      R"({"zzz":-123456789012345678901234567890})",
      nested("[", "]", 10000, ""),
      nested("{\"a\":", "}", 3000, "1"),
      nested("{\"location\":", "}", 9, "{}"),
      nested("[", "]", 9, "1"),
      "{\"zzz\":\"" + std::string(60000, 'x') + "\"}",
      R"({"zzz":1,"zzz":2})",
      R"({"":1})",
      std::string("{\"\0\":1}", 7),
      "{\"\xc3\xa9\":1}",
      R"({"__proto__":{"admin":true}})",
      R"({"kind":"request","kind":"offer","zzz":null})",
      R"({"location":[1,2],"contact":["a"],"window":[],"ride":[],"area":[1],"volunteer":[]})",
      R"({"location":"here","contact":1,"window":true,"ride":"car","area":"x","volunteer":"me"})",
  };
}

TEST_F(ErrorsTest, HostileBodiesNeverGetA5xx) {
  const auto routes = body_routes();
  const auto bodies = hostile_bodies();
  for (const auto& [method, target] : routes) {
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      const std::string what = fmt::format("{} {} body #{}", method, target, i);
      const auto result =
          expect_handled(*client, method, target, bodies[i], bearer(request_token), what);
      // None of these is a valid body: always a 4xx.
      if (result) {
        EXPECT_GE(result->status, 400) << what << ": " << result->body.substr(0, 200);
      }
    }
  }
  // Nothing changed.
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "matched");
  EXPECT_EQ(client->get(post_path(other_id)).json()["status"], "open");
  EXPECT_EQ(client->get("/api/v1/networks").json()["items"].size(), 1u);
}

// Fills every field of `shape` (its leaves, or its top level) with `value`.
json fill(const json& shape, const json& value, bool leaves) {
  json out = json::object();
  for (const auto& [key, inner] : shape.items()) {
    out[key] = leaves && inner.is_object() ? fill(inner, value, leaves) : value;
  }
  return out;
}

TEST_F(ErrorsTest, HostileValuesInEveryFieldNeverGetA5xx) {
  const json post_shape = {{"kind", 0},
                           {"category", 0},
                           {"title", 0},
                           {"details", 0},
                           {"quantity", 0},
                           {"urgency", 0},
                           {"window", {{"from", 0}, {"to", 0}}},
                           {"location", {{"lat", 0}, {"lon", 0}, {"text", 0}}},
                           {"contact", {{"name", 0}, {"email", 0}, {"phone", 0}, {"method", 0}}},
                           {"ride",
                            {{"pickup_area", 0},
                             {"dropoff_area", 0},
                             {"appointment_at", 0},
                             {"return_trip", 0},
                             {"passengers", 0},
                             {"accessibility_needs", 0}}}};
  const json network_shape = {
      {"slug", 0},           {"name", 0},
      {"description", 0},    {"area", {{"lat", 0}, {"lon", 0}, {"radius_km", 0}}},
      {"languages", 0},      {"timezone", 0},
      {"retention_days", 0}, {"post_expiry_days", 0},
      {"listed", 0}};
  const json claim_shape = {
      {"volunteer", {{"name", 0}, {"email", 0}, {"phone", 0}}}, {"quantity", 0}, {"note", 0}};
  const json proposal_shape = {{"request_id", 0}, {"offer_id", 0}, {"quantity", 0}, {"note", 0}};
  const json close_shape = {{"reason", 0}};

  const std::vector<json> values = {
      json::array(),
      json::object(),
      json::array({json::array({json::object()})}),
      nullptr,
      true,
      false,
      -1,
      0,
      1.5,
      -0.0,
      1e308,
      -1e308,
      4.9e-324,
      9223372036854775807LL,
      -9223372036854775807LL - 1,
      18446744073709551615ULL,
      "",
      std::string("\0", 1),
      std::string("a\0b", 3),
      std::string(2000, 'x'),
      "\xe2\x80\xae\x07\x1b[31m",
      "\xf0\x9f\x99\x82",
      "-1",
      "1e400",
      "null",
      "2026-02-30T00:00:00Z",
      "9999-12-31T23:59:60Z",
      "1970-01-01T00:00:00+23:59",
      "2026-12-01T09:00:00.1234567890Z",
      "0000-00-00T00:00:00Z",
      json::array({"wheelchair", "wheelchair", "oxygen"}),
      json::array({1, nullptr, "x"}),
  };

  struct Route {
    std::string method, name;
    json shape;
  };
  const std::vector<Route> routes = {
      {"POST", "create", post_shape},      {"PATCH", "patch", post_shape},
      {"POST", "network", network_shape},  {"POST", "claim", claim_shape},
      {"POST", "propose", proposal_shape}, {"POST", "close", close_shape}};
  // Some of these bodies are valid (a PATCH of nulls, a close without a
  // reason): act on fresh posts each time one succeeds.
  auto fresh = [this](std::int64_t& id, std::string& token) {
    std::tie(id, token) = create_post(request_body());
  };
  std::int64_t id = 0;
  std::string token;
  fresh(id, token);
  for (const Route& route : routes) {
    for (bool leaves : {true, false}) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const json body = fill(route.shape, values[i], leaves);
        std::string target;
        if (route.name == "create") target = "/api/v1/networks/riverside/posts";
        if (route.name == "patch") target = post_path(id);
        if (route.name == "network") target = "/api/v1/networks";
        if (route.name == "claim") target = post_path(id) + "/claim";
        if (route.name == "propose") target = "/api/v1/matches";
        if (route.name == "close") target = post_path(id) + "/close";
        const std::string what = fmt::format(
            "{} {} value #{} ({})", route.name, leaves ? "leaves" : "top", i,
            values[i].dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 40));
        HttpResult result;
        try {
          result = client->request(route.method, target,
                                   body.dump(-1, ' ', false, json::error_handler_t::replace),
                                   bearer(token));
        } catch (const std::exception& error) {
          ADD_FAILURE() << what << ": no answer: " << error.what();
          continue;
        }
        EXPECT_LT(result.status, 500) << what << ": " << result.body.substr(0, 200);
        EXPECT_FALSE(result.json().is_discarded()) << what;
        if (result.status >= 400) {
          EXPECT_TRUE(is_error_body(result)) << what;
        }
        if (result.status < 400) fresh(id, token);
      }
    }
  }
}

TEST_F(ErrorsTest, HostilePathsNeverGetA5xx) {
  const std::vector<std::string> ids = {
      "-1",
      "0",
      "1.5",
      "1e3",
      "0x1F",
      "+1",
      "%2B1",
      "01",
      "99999999999999999999",
      "9223372036854775807",
      "9223372036854775808",
      "%00",
      "%zz",
      "%",
      "%25",
      "abc",
      "%EF%BC%91",
      "%E2%80%AE1",
      "1%00",
      "1%20",
      "%201",
      "..",
      "%2e%2e",
      "%2F",
      "1;drop",
      std::string(2000, '9'),
  };
  const std::vector<std::pair<std::string, std::string>> id_routes = {
      {"GET", "/api/v1/posts/{}"},           {"PATCH", "/api/v1/posts/{}"},
      {"GET", "/api/v1/posts/{}/history"},   {"POST", "/api/v1/posts/{}/close"},
      {"POST", "/api/v1/posts/{}/claim"},    {"GET", "/api/v1/matches/{}"},
      {"POST", "/api/v1/matches/{}/accept"}, {"POST", "/api/v1/matches/{}/cancel"},
  };
  for (const auto& [method, pattern] : id_routes) {
    for (const std::string& id : ids) {
      const std::string target = fmt::format(fmt::runtime(pattern), id);
      const std::string body = method == "GET" ? "" : claim_body().dump();
      const auto result = expect_handled(*client, method, target, body, bearer(request_token),
                                         method + " " + target.substr(0, 80));
      if (result) {
        EXPECT_EQ(result->status, 404) << method << " " << target.substr(0, 80);
      }
    }
  }

  const std::vector<std::string> slugs = {
      "%C3%A9t%C3%A9",
      "%00",
      "..",
      "%2e%2e",
      std::string(2000, 'a'),
      "riverside%00",
      "RIVERSIDE",
      "river%20side",
      "%F0%9F%99%82",
      "%FF%FE",
      "riverside;x",
      "riverside'--",
      "%",
      "riverside%2Fposts",
      "r",
  };
  for (const std::string& slug : slugs) {
    for (const auto& [method, pattern] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/networks/{}"},
             {"GET", "/api/v1/networks/{}/categories"},
             {"GET", "/api/v1/networks/{}/posts"},
             {"GET", "/api/v1/networks/{}/posts?" + std::string("near=46.87,-113.99")},
             {"POST", "/api/v1/networks/{}/posts"}}) {
      const std::string target = fmt::format(fmt::runtime(pattern), slug);
      const std::string body = method == "GET" ? "" : request_body().dump();
      const auto result = client->request(method, target, body);
      EXPECT_EQ(result.status, 404) << method << " " << target.substr(0, 80) << result.body;
      EXPECT_TRUE(is_error_body(result)) << target.substr(0, 80);
    }
  }
  // Raw bytes that are not valid UTF-8 or not ASCII, straight in the path.
  for (const std::string& raw :
       {std::string("/api/v1/networks/\xc3\xa9t\xc3\xa9"), std::string("/api/v1/networks/\xff\xfe"),
        std::string("/api/v1/posts/\xd9\xa1"), std::string("/api/v1/posts/1\xef\xbc\x91")}) {
    expect_handled(*client, "GET", raw, "", {}, "raw path");
  }
  EXPECT_EQ(client->get("/api/v1/networks/riverside").status, 200);
}

TEST_F(ErrorsTest, HostileQueriesNeverGetA5xx) {
  const std::vector<std::string> queries = {
      "near=1e400,0",
      "near=0,1e400",
      "near=-0,-0",
      "near=4.9e-324,4.9e-324",
      "near=90,180&radius_km=500",
      "near=-90,-180&radius_km=500",
      "near=0,180&radius_km=500",
      "near=89.9999,0&radius_km=500",
      "near=46.87,-113.99&radius_km=1e-300",
      "near=46.87,-113.99&radius_km=1e400",
      "near=46.87,-113.99&radius_km=nan",
      "limit=99999999999999999999",
      "limit=-0",
      "limit=0x10",
      "limit=%00",
      "cursor=%FF%FE",
      "cursor=dDo5OTk5OTk5OTk5OTk5OTk5OTk5OTox",  // t:99999999999999999999:1
      "cursor=ZDpmZmZmZmZmZmZmZmZmZmZmOjE",       // d:ffffffffffffffff:1 (NaN)
      "cursor=ZDo3ZmYwMDAwMDAwMDAwMDAwOjE",       // d:7ff0000000000000:1 (inf)
      "cursor=dDotOTIyMzM3MjAzNjg1NDc3NTgwODo5MjIzMzcyMDM2ODU0Nzc1ODA3",  // t:INT64_MIN:INT64_MAX
      "cursor=dDotOTIyMzM3MjAzNjg1NDc3NTgwODo5MjIzMzcyMDM2ODU0Nzc1ODA3&near=0,0",
      "cursor=ZDotMTox",                               // d:-1:1
      "cursor=dDoxOjA",                                // t:1:0
      "cursor=eDoxOjE",                                // x:1:1
      "cursor=ZDo0MDQ5MDAwMDAwMDAwMDAwOi01&near=0,0",  // d:50.0:-5
      "cursor=====",
      "kind=%00",
      "status=%C3%A9",
      "category=%00food",
      "category=food%00",
      "a=1&a=2",
      "=x",
      "&&&&",
      "%",
      "%%%",
      "%zz=1",
      "near=%C3%A9,%C3%A9",
      "near=46.87,-113.99&near=1,1",
      "x=" + std::string(7000, 'a'),
      std::string(7000, '&'),
      "near=" + std::string(3000, '1') + "," + std::string(3000, '1'),
      "limit=" + std::string(5000, '9'),
      "category=" + std::string(7000, 'c'),
  };
  for (const std::string& query : queries) {
    for (const std::string& path :
         {std::string("/api/v1/networks/riverside/posts"),
          std::string("/api/v1/networks/nowhere/posts"), std::string("/api/v1/networks"),
          std::string("/healthz"), post_path(request_id)}) {
      expect_handled(*client, "GET", path + "?" + query, "", {},
                     "GET " + path + "?" + query.substr(0, 60));
    }
  }
}

TEST_F(ErrorsTest, HostileAuthorizationHeadersNeverGetA5xx) {
  const std::vector<std::string> headers = {
      "Authorization: Bearer",
      "Authorization: Bearer " + std::string(4000, 'A'),
      "Authorization: Bearer \xff\xfe\xfd",
      "Authorization: Bearer %00",
      "Authorization: Bearer " + request_token + " " + request_token,
      "Authorization: BEARER " + request_token,
      "Authorization: Negotiate abc",
      "Authorization: " + std::string(4000, ' '),
  };
  for (const std::string& header : headers) {
    for (const Protected& route : protected_routes(request_id, offer_id, match_id)) {
      expect_handled(*client, route.method, route.target, route.body, {header},
                     route.method + " " + route.target + " " + header.substr(0, 40));
    }
    expect_handled(*client, "GET", post_path(request_id), "", {header}, "public view");
  }
}

TEST_F(ErrorsTest, ErrorMessagesDoNotEchoPersonalData) {
  const std::vector<std::string> secrets = {"zq.private(at)example", "call 0199 after six",
                                            "Zebulon\tQuartermaine", "behind the blue\nhouse"};
  const json body = {
      {"kind", "request"},
      {"category", "food"},
      {"title", "Food"},
      {"location", {{"lat", 46.87}, {"lon", -113.99}, {"text", secrets[3]}}},
      {"contact", {{"email", secrets[0]}, {"phone", secrets[1]}, {"name", secrets[2]}}}};
  const auto invalid = client->post("/api/v1/networks/riverside/posts", body);
  expect_error(invalid, 422, "invalid", "invalid contact");
  EXPECT_EQ(error_fields(invalid), (std::set<std::string>{"contact.email", "contact.phone",
                                                          "contact.name", "location.text"}));
  const auto claim = client->post(
      post_path(other_id) + "/claim",
      {{"volunteer", {{"name", secrets[2]}, {"email", secrets[0]}, {"phone", secrets[1]}}}});
  expect_error(claim, 422, "invalid", "invalid volunteer");
  json unknown = body;
  unknown["contact"]["zq.private(at)example"] = true;
  const auto refused = client->post("/api/v1/networks/riverside/posts", unknown);
  for (const HttpResult* result : {&invalid, &claim}) {
    for (const std::string& secret : secrets) {
      const std::string escaped = json(secret).dump();
      EXPECT_EQ(result->body.find(secret), std::string::npos) << secret << " in " << result->body;
      EXPECT_EQ(result->body.find(escaped.substr(1, escaped.size() - 2)), std::string::npos)
          << secret << " in " << result->body;
    }
  }
  // An unknown field is named by its key, which is the sender's own text;
  // its value is never repeated.
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body.find(secrets[1]), std::string::npos);
}

}  // namespace
}  // namespace gapfill::testing
