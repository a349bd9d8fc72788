// The health check over real HTTP, and the headers every response carries.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

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
  const std::vector<std::string> signed_in{"Authorization: Bearer " + account_session()};
  const std::vector<Case> cases = {
      {"GET", "/healthz", "", {}, 200},
      {"GET", "/api/v1/networks/riverside/posts", "", {}, 200},
      {"POST", "/api/v1/networks", network_body("hillside").dump(), signed_in, 201},
      {"POST", "/api/v1/networks/riverside/posts", "{", {}, 400},
      {"PATCH", post_path(id), "{}", {}, 401},
      {"PATCH", post_path(id), "{}", {"Authorization: Bearer not-the-token"}, 403},
      {"GET", "/api/v1/nowhere", "", {}, 404},
      {"DELETE", post_path(id), "", {}, 405},
      {"POST", "/api/v1/networks", network_body("hillside").dump(), signed_in, 409},
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

}  // namespace
}  // namespace gapfill::testing
