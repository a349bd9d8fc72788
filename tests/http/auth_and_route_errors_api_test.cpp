// Errors for who asks and where over real HTTP: a missing token is 401, a
// wrong one 403, an unknown route, id or network 404, a wrong method 405.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using error_tests::bearer;
using error_tests::ErrorsTest;
using error_tests::expect_error;
using error_tests::match_path;
using error_tests::Protected;
using error_tests::protected_routes;
using nlohmann::json;

// ---------------------------------------------------------------------------
// 401 and 403

TEST_F(ErrorsTest, MissingTokenIs401WithWwwAuthenticate) {
  const std::vector<std::vector<std::string>> no_token = {
      {},
      {"Authorization: Bearer "},
      {"Authorization: Bearer    "},
      {"Authorization: Basic dXNlcjpwYXNz"},
      {"Authorization: " + request_token},
  };
  for (const Protected& route : protected_routes(request_id, offer_id, match_id)) {
    for (const auto& headers : no_token) {
      const std::string what = route.method + " " + route.target + " " +
                               (headers.empty() ? std::string("(none)") : headers[0]);
      const auto result = client->request(route.method, route.target, route.body, headers);
      expect_error(result, 401, "unauthorized", what);
      EXPECT_EQ(header_of(result, "www-authenticate"), "Bearer") << what;
    }
  }
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "matched");
}

TEST_F(ErrorsTest, WrongTokenIs403) {
  const auto claimed = client->post(post_path(other_id) + "/claim", claim_body()).json();
  const std::vector<std::string> wrong = {other_token,
                                          claimed["match_token"].get<std::string>(),
                                          request_token.substr(1),
                                          std::string(43, 'A'),
                                          std::string(129, 'A'),
                                          "bearer-with-unicode-\xc3\xa9"};
  for (const Protected& route : protected_routes(request_id, offer_id, match_id)) {
    for (const std::string& token : wrong) {
      const auto result = client->request(route.method, route.target, route.body, bearer(token));
      expect_error(result, 403, "forbidden", route.method + " " + route.target + " " + token);
    }
  }
  // The scheme name is case-insensitive; the token is not.
  const auto lower = client->request("GET", post_path(request_id) + "/history", "",
                                     {"Authorization: bearer " + request_token});
  EXPECT_EQ(lower.status, 200) << lower.body;
  EXPECT_EQ(client->get(post_path(request_id)).json()["status"], "matched");
}

// ---------------------------------------------------------------------------
// 404 and 405

TEST_F(ErrorsTest, UnknownRoutesIdsAndNetworksAre404) {
  const std::string token = request_token;
  const std::vector<Protected> cases = {
      {"GET", "/api", ""},
      {"GET", "/api/v1", ""},
      {"GET", "/api/v2/networks", ""},
      {"GET", "/api/v1/nothing-here", ""},
      {"GET", "/api/v1/networks/riverside/posts/extra", ""},
      {"GET", "/healthz/deeper", ""},
      {"GET", "/api/v1/networks/nowhere", ""},
      {"GET", "/api/v1/networks/nowhere/categories", ""},
      {"GET", "/api/v1/networks/nowhere/posts", ""},
      {"GET", "/api/v1/networks/nowhere/posts?kind=offer", ""},
      {"POST", "/api/v1/networks/nowhere/posts", request_body().dump()},
      {"GET", "/api/v1/posts/999999", ""},
      {"GET", "/api/v1/posts/abc", ""},
      {"GET", "/api/v1/posts/-1", ""},
      {"GET", "/api/v1/posts/0", ""},
      {"GET", "/api/v1/posts/1.0", ""},
      {"GET", "/api/v1/posts/01", ""},
      {"GET", "/api/v1/posts/999999/history", ""},
      {"PATCH", "/api/v1/posts/999999", "{}"},
      {"POST", "/api/v1/posts/999999/close", ""},
      {"POST", "/api/v1/posts/999999/claim", claim_body().dump()},
      {"POST", "/api/v1/posts/abc/claim", claim_body().dump()},
      {"GET", "/api/v1/matches/999999", ""},
      {"GET", "/api/v1/matches/abc", ""},
      {"POST", "/api/v1/matches/999999/accept", ""},
      {"POST", "/api/v1/matches/x/cancel", ""},
      {"POST", "/api/v1/matches", json({{"request_id", 999999}, {"offer_id", offer_id}}).dump()},
  };
  for (const Protected& c : cases) {
    const auto result = client->request(c.method, c.target, c.body, bearer(token));
    expect_error(result, 404, "not_found", c.method + " " + c.target);
  }
}

TEST_F(ErrorsTest, WrongMethodIs405WithAllow) {
  struct Case {
    std::string method, target, allow;
  };
  const std::string post = post_path(request_id), match = match_path(match_id);
  const std::vector<Case> cases = {
      {"POST", "/healthz", "GET"},
      {"DELETE", "/api/v1/networks", "GET, POST"},
      {"PUT", "/api/v1/networks/riverside", "GET"},
      {"DELETE", "/api/v1/networks/riverside/posts", "GET, POST"},
      {"POST", "/api/v1/networks/riverside/categories", "GET"},
      {"DELETE", post, "GET, PATCH"},
      {"PUT", post, "GET, PATCH"},
      {"OPTIONS", post, "GET, PATCH"},
      {"GET", post + "/close", "POST"},
      {"PATCH", post + "/claim", "POST"},
      {"POST", post + "/history", "GET"},
      {"GET", "/api/v1/matches", "POST"},
      {"PATCH", match, "GET"},
      {"GET", match + "/accept", "POST"},
      {"DELETE", match + "/complete", "POST"},
      {"PUT", "/api/v1/posts/abc", "GET, PATCH"},
  };
  for (const Case& c : cases) {
    const auto result = client->request(c.method, c.target);
    expect_error(result, 405, "method_not_allowed", c.method + " " + c.target);
    EXPECT_EQ(header_of(result, "allow"), c.allow) << c.method << " " << c.target;
  }
  const auto head = client->request("HEAD", post + "/close");
  EXPECT_EQ(head.status, 405);
  EXPECT_EQ(header_of(head, "allow"), "POST");
}

// ---------------------------------------------------------------------------
// Requests that once slipped through: each test guards its fix.

TEST_F(ErrorsTest, EveryErrorCarriesAFieldsObject) {
  for (const HttpResult& result :
       {client->get("/api/v1/nowhere"), client->request("DELETE", "/api/v1/networks"),
        client->patch(post_path(request_id), json::object()),
        client->request("POST", "/api/v1/networks/riverside/posts", "{")}) {
    EXPECT_TRUE(result.json()["error"].contains("fields")) << result.body;
    EXPECT_TRUE(result.json()["error"]["fields"].is_object()) << result.body;
  }
}

}  // namespace
}  // namespace gapfill::testing
