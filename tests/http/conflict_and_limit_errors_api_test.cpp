// Errors for conflicts and limits over real HTTP: 409 for a state that does
// not allow the change, 413, 414 and 431 for what is too large, 415 for what
// is not JSON, and 400 for bad query parameters.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <stdexcept>
#include <string>
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
using error_tests::offer_body;
using nlohmann::json;

// ---------------------------------------------------------------------------
// 409

TEST_F(ErrorsTest, ConflictsAre409) {
  // Claiming a request that is matched (by the fixture's proposal).
  expect_error(client->post(post_path(request_id) + "/claim", claim_body()), 409, "conflict",
               "claim a matched request");
  // Claiming an offer.
  const auto [spare_offer, spare_token] = create_post(offer_body());
  expect_error(client->post(post_path(spare_offer) + "/claim", claim_body()), 409, "conflict",
               "claim an offer");
  // Proposing on a matched request.
  expect_error(client->post("/api/v1/matches",
                            {{"request_id", request_id}, {"offer_id", spare_offer}}, spare_token),
               409, "conflict", "propose on a matched request");
  // An offer that has none left.
  expect_error(client->post("/api/v1/matches",
                            {{"request_id", other_id}, {"offer_id", spare_offer}, {"quantity", 2}},
                            spare_token),
               409, "conflict", "more than the offer has");
  // Accepting twice.
  ASSERT_EQ(client->post(match_path(match_id) + "/accept", nullptr, request_token).status, 200);
  expect_error(client->post(match_path(match_id) + "/accept", nullptr, offer_token), 409,
               "conflict", "accept an accepted match");
  // Completing a cancelled match.
  ASSERT_EQ(client->post(match_path(match_id) + "/cancel", nullptr, offer_token).status, 200);
  expect_error(client->post(match_path(match_id) + "/complete", nullptr, request_token), 409,
               "conflict", "complete a cancelled match");
  expect_error(client->post(match_path(match_id) + "/cancel", nullptr, request_token), 409,
               "conflict", "cancel a cancelled match");
  // Closing a closed post; editing it.
  ASSERT_EQ(client->post(post_path(spare_offer) + "/close", nullptr, spare_token).status, 200);
  expect_error(client->post(post_path(spare_offer) + "/close", nullptr, spare_token), 409,
               "conflict", "close a closed post");
  expect_error(client->patch(post_path(spare_offer), {{"title", "x"}}, spare_token), 409,
               "conflict", "edit a closed post");
  // Editing a fulfilled post.
  const auto claimed = client->post(post_path(other_id) + "/claim", claim_body()).json();
  const std::string volunteer = claimed["match_token"];
  ASSERT_EQ(
      client->post(match_path(claimed["match"]["id"]) + "/complete", nullptr, volunteer).status,
      200);
  expect_error(client->patch(post_path(other_id), {{"title", "Edited late"}}, other_token), 409,
               "conflict", "edit a fulfilled post");
  expect_error(client->post(post_path(other_id) + "/close", nullptr, other_token), 409, "conflict",
               "close a fulfilled post");
  expect_error(client->post(match_path(claimed["match"]["id"]) + "/cancel", nullptr, volunteer),
               409, "conflict", "cancel a completed match");
  // A taken slug.
  expect_error(client->post("/api/v1/networks", network_body("riverside"), account_session()), 409,
               "conflict", "duplicate slug");
  EXPECT_EQ(client->get("/api/v1/networks").json()["items"].size(), 1u);
}

// ---------------------------------------------------------------------------
// 413 and 415

TEST_F(ErrorsTest, BodyOverTheLimitIs413AndJustUnderIsNot) {
  constexpr std::size_t kLimit = 64 * 1024;
  std::string exact = request_body().dump();
  exact.append(kLimit - exact.size(), ' ');
  ASSERT_EQ(exact.size(), kLimit);
  const auto at_limit = client->request("POST", "/api/v1/networks/riverside/posts", exact);
  EXPECT_EQ(at_limit.status, 201) << at_limit.body.substr(0, 300);
  const auto under =
      client->request("POST", "/api/v1/networks/riverside/posts", exact.substr(0, kLimit - 1));
  EXPECT_EQ(under.status, 201) << under.body.substr(0, 300);

  const std::string over = exact + " ";
  expect_error(client->request("POST", "/api/v1/networks/riverside/posts", over), 413, "too_large",
               "64 KiB + 1");
  std::string seventy = request_body().dump();
  seventy.append(70 * 1024 - seventy.size(), ' ');
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/api/v1/networks/riverside/posts"},
           {"PATCH", post_path(request_id)},
           {"POST", "/api/v1/networks"},
           {"POST", post_path(other_id) + "/claim"},
           {"GET", "/healthz"}}) {
    const auto result = client->request(method, target, seventy, bearer(request_token));
    expect_error(result, 413, "too_large", method + " " + target);
  }
  // The server is still fine.
  EXPECT_EQ(client->get("/healthz").status, 200);
  EXPECT_EQ(client->get(post_path(request_id)).json()["title"], "Groceries for a family of four");
}

TEST_F(ErrorsTest, BodyThatIsNotJsonIs415) {
  const std::string body = request_body().dump();
  for (const std::string& type : {std::string("Content-Type: text/plain"),
                                  std::string("Content-Type: application/x-www-form-urlencoded"),
                                  std::string("Content-Type: application/jsonp"),
                                  std::string("Content-Type: application/xml"),
                                  std::string("Content-Type: multipart/form-data; boundary=x"),
                                  std::string("Content-Type:")}) {
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"POST", "/api/v1/networks/riverside/posts"},
             {"PATCH", post_path(request_id)},
             {"POST", "/api/v1/networks"},
             {"POST", post_path(other_id) + "/claim"},
             {"POST", match_path(match_id) + "/accept"}}) {
      const auto result =
          client->request(method, target, body, {type, "Authorization: Bearer " + request_token});
      expect_error(result, 415, "unsupported_media_type", type + " " + method + " " + target);
    }
  }
  for (const std::string& type : {std::string("Content-Type: application/json; charset=utf-8"),
                                  std::string("Content-Type: Application/JSON")}) {
    const auto result = client->request("POST", "/api/v1/networks/riverside/posts", body, {type});
    EXPECT_EQ(result.status, 201) << type << ": " << result.body;
  }
}

// ---------------------------------------------------------------------------
// 400: query parameters

TEST_F(ErrorsTest, BadQueryParametersAre400NamingEachOne) {
  struct Case {
    std::string query;
    std::set<std::string> fields;
  };
  const std::vector<Case> cases = {
      {"kind=both", {"kind"}},
      {"kind=", {"kind"}},
      {"status=expired", {"status"}},
      {"status=OPEN", {"status"}},
      {"near=46.87", {"near"}},
      {"near=91,0", {"near"}},
      {"near=0,181", {"near"}},
      {"near=abc,def", {"near"}},
      {"near=1,2,3", {"near"}},
      {"near=nan,nan", {"near"}},
      {"near=inf,0", {"near"}},
      {"near=", {"near"}},
      {"near=0,0&radius_km=0", {"radius_km"}},
      {"near=0,0&radius_km=500.1", {"radius_km"}},
      {"near=0,0&radius_km=-1", {"radius_km"}},
      {"near=0,0&radius_km=ten", {"radius_km"}},
      {"radius_km=5", {"radius_km"}},
      {"limit=0", {"limit"}},
      {"cursor=zzz", {"cursor"}},
      {"cursor=", {"cursor"}},
      {"cursor=" + std::string(97, 'A'), {"cursor"}},
      {"category=", {"category"}},
      {"category=" + std::string(65, 'c'), {"category"}},
      {"category=spaceships", {"category"}},
      {"colour=red&size=large", {"colour", "size"}},
      {"kind=x&status=y&limit=0&near=q&foo=1", {"kind", "status", "limit", "near", "foo"}},
      {"kind=request&kind=offer", {"kind"}},
  };
  for (const Case& c : cases) {
    const auto result = client->get("/api/v1/networks/riverside/posts?" + c.query);
    expect_error(result, 400, "malformed", c.query.substr(0, 60));
    EXPECT_EQ(error_fields(result), c.fields) << c.query.substr(0, 60) << ": " << result.body;
  }
  // Not about one parameter, but still 400.
  std::string many;
  for (int i = 0; i < 33; ++i) many.append(fmt::format("p{}=1&", i));
  for (const std::string& query : {std::string("%zz"), std::string("near=%"), many}) {
    expect_error(client->get("/api/v1/networks/riverside/posts?" + query), 400, "malformed",
                 query.substr(0, 60));
  }
}

// ---------------------------------------------------------------------------
// Requests that once slipped through: each test guards its fix.

// A long request target or header is answered by the application (414, 431)
// because the server library's own limits sit far above ours. Beyond those
// library limits (64 KiB for a target or header, 1 MiB or 16 x max_body_bytes
// for a body) and for a header the HTTP parser rejects, RESTinio 0.6 closes
// the connection without an answer; docs/api.md says so.
TEST_F(ErrorsTest, OversizedRequestsGetAnAnswer) {
  struct Case {
    std::string what, target, body;
    std::vector<std::string> headers;
  };
  const std::vector<Case> cases = {
      {"9 KiB query", "/api/v1/networks/riverside/posts?x=" + std::string(9 * 1024, 'a'), "", {}},
      {"9 KiB header", "/healthz", "", {"X-Padding: " + std::string(9 * 1024, 'a')}},
      {"1 MiB body",
       "/api/v1/networks/riverside/posts",
       request_body().dump() + std::string(1000 * 1000, ' '),
       {}},
  };
  for (const Case& c : cases) {
    HttpResult result;
    try {
      result = client->request(c.body.empty() ? "GET" : "POST", c.target, c.body, c.headers);
    } catch (const std::exception& error) {
      ADD_FAILURE() << c.what << ": no answer: " << error.what();
      client = std::make_unique<HttpClient>(server->port());
      continue;
    }
    EXPECT_TRUE(result.status == 413 || result.status == 414 || result.status == 431) << c.what;
    EXPECT_TRUE(is_error_body(result)) << c.what;
  }
}

}  // namespace
}  // namespace gapfill::testing
