#pragma once
// Helpers shared by the /api/v1 integration tests (tests/http/*_api_test.cpp).
// The endpoint tests and the error tests each have a few helpers of the same
// name that differ, so those live in their own namespaces; a test file pulls
// in the ones it uses with using-declarations.

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {

// A valid body for POST /api/v1/posts/{id}/claim.
nlohmann::json claim_body();
std::string post_path(std::int64_t id);
// A response header by its lower-case name; empty when absent.
std::string header_of(const HttpResult& result, const std::string& name);

// For the tests of each endpoint's answers.
namespace endpoint_tests {

// The centre of the "riverside" network.
inline constexpr double kCentreLat = 46.87, kCentreLon = -113.99;

// A request with personal data in every private field.
nlohmann::json private_request(const std::string& title = "Warm coats for two kids");
nlohmann::json post_at(double lat, double lon, const std::string& title = "A post on the map");
nlohmann::json offer_body(const std::string& category = "food", int quantity = 1);
std::string match_path(const nlohmann::json& match);
bool is_rfc3339_utc(const nlohmann::json& value);
std::set<std::string> keys_of(const nlohmann::json& object);
// Reads every page of a riverside listing, `limit` items at a time.
std::vector<nlohmann::json> list_all(HttpClient& client, const std::string& query, int limit);
std::vector<std::int64_t> ids_of(const std::vector<nlohmann::json>& items);
std::vector<std::int64_t> listed_ids(HttpClient& client, const std::string& query);
// The query parameter for a listing around the network's centre.
std::string near_centre();

}  // namespace endpoint_tests

// For the tests of error answers.
namespace error_tests {

nlohmann::json offer_body();
std::string match_path(std::int64_t id);
std::set<std::string> error_fields(const HttpResult& result);
// The Authorization header for `token`; none for an empty one.
std::vector<std::string> bearer(const std::string& token);
// The one error shape: {"error": {"code", "message", "fields"?}}, nothing else.
::testing::AssertionResult is_error_body(const HttpResult& result);
// What each kind of mistake answers: status, code and the one shape.
void expect_error(const HttpResult& result, long status, const std::string& code,
                  const std::string& what);

// One of everything the error tests act on.
class ErrorsTest : public ApiTest {
 protected:
  void SetUp() override;
  // Every {method, target} that reads a JSON body, on the fixture's records.
  std::vector<std::pair<std::string, std::string>> body_routes() const;

  std::int64_t request_id = 0, offer_id = 0, other_id = 0, match_id = 0;
  std::string request_token, offer_token, other_token;
};

// A route that needs a token.
struct Protected {
  std::string method, target, body;
};

std::vector<Protected> protected_routes(std::int64_t request_id, std::int64_t offer_id,
                                        std::int64_t match_id);

}  // namespace error_tests
}  // namespace gapfill::testing
