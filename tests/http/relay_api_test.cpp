// The contact relay over real HTTP: GET and POST /api/v1/matches/{id}/messages
// for each party, strangers, swapped match ids, bad input, paging, closed
// threads and the messaging rate limit.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::keys_of;
using endpoint_tests::offer_body;
using error_tests::expect_error;
using nlohmann::json;

class RelayApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    std::tie(request_id, request_token) = create_post(request_body());
    const auto claimed = client->post(post_path(request_id) + "/claim", claim_body());
    ASSERT_EQ(claimed.status, 201) << claimed.body;
    match_id = claimed.json()["match"]["id"].get<std::int64_t>();
    match_token = claimed.json()["match_token"].get<std::string>();
    // A second pair: a request and an offer proposed by the offer's poster.
    std::tie(other_request_id, other_request_token) = create_post(request_body("Soup"));
    std::tie(offer_id, offer_token) = create_post(offer_body());
    const auto proposed = client->post(
        "/api/v1/matches", {{"request_id", other_request_id}, {"offer_id", offer_id}}, offer_token);
    ASSERT_EQ(proposed.status, 201) << proposed.body;
    pair_id = proposed.json()["match"]["id"].get<std::int64_t>();
  }
  static std::string messages(std::int64_t id) {
    return "/api/v1/matches/" + std::to_string(id) + "/messages";
  }
  HttpResult say(std::int64_t id, const std::string& token, const std::string& body) {
    return client->post(messages(id), {{"body", body}}, token);
  }

  std::int64_t request_id = 0, match_id = 0, other_request_id = 0, offer_id = 0, pair_id = 0;
  std::string request_token, match_token, other_request_token, offer_token;
};

TEST_F(RelayApiTest, EachPartyWritesAndReadsTheThread) {
  const auto posted = say(match_id, request_token, "Is Saturday fine?");
  ASSERT_EQ(posted.status, 201) << posted.body;
  const json message = posted.json()["message"];
  EXPECT_EQ(keys_of(message),
            (std::set<std::string>{"id", "match_id", "side", "body", "created_at"}));
  EXPECT_EQ(message["side"], "requester");
  EXPECT_EQ(message["body"], "Is Saturday fine?");
  ASSERT_EQ(say(match_id, match_token, "Yes").status, 201);

  for (const std::string& token : {request_token, match_token}) {
    const auto read = client->get(messages(match_id), token);
    ASSERT_EQ(read.status, 200) << read.body;
    const json thread = read.json();
    EXPECT_EQ(keys_of(thread), (std::set<std::string>{"match_id", "match_status", "viewer", "open",
                                                      "total", "items", "next_after"}));
    ASSERT_EQ(thread["items"].size(), 2u);
    EXPECT_EQ(thread["items"][1]["side"], "volunteer");
    EXPECT_EQ(thread["items"][1]["body"], "Yes");
    EXPECT_EQ(thread["open"], true);
    EXPECT_EQ(thread["total"], 2);
    EXPECT_TRUE(thread["next_after"].is_null());
  }
  EXPECT_EQ(client->get(messages(match_id), match_token).json()["viewer"], "volunteer");

  ASSERT_EQ(say(pair_id, offer_token, "I can bring it Monday").status, 201);
  const auto answered = say(pair_id, other_request_token, "Thank you");
  ASSERT_EQ(answered.status, 201);
  EXPECT_EQ(answered.json()["message"]["side"], "requester");
  const auto pair_thread = client->get(messages(pair_id), offer_token).json();
  EXPECT_EQ(pair_thread["viewer"], "offerer");
  EXPECT_EQ(pair_thread["items"].size(), 2u);
}

TEST_F(RelayApiTest, StrangersOtherTokensAndSwappedIdsAreRefused) {
  ASSERT_EQ(say(match_id, request_token, "private words").status, 201);
  const auto [stranger_id, stranger_token] = create_post(request_body("Another"));
  (void)stranger_id;
  // No token: 401, as the match itself answers.
  expect_error(client->get(messages(match_id)), 401, "unauthorized", "no token");
  expect_error(say(match_id, "", "hi"), 401, "unauthorized", "no token");
  // Another post's token, and the tokens of the other match (swapped ids).
  for (const std::string& token :
       {stranger_token, offer_token, other_request_token, std::string("not-a-token")}) {
    expect_error(client->get(messages(match_id), token), 403, "forbidden", "a stranger reads");
    expect_error(say(match_id, token, "hi"), 403, "forbidden", "a stranger writes");
  }
  for (const std::string& token : {request_token, match_token}) {
    expect_error(client->get(messages(pair_id), token), 403, "forbidden", "swapped match id");
    expect_error(say(pair_id, token, "hi"), 403, "forbidden", "swapped match id");
  }
  expect_error(client->get(messages(999999), request_token), 404, "not_found", "unknown match");
  expect_error(say(999999, request_token, "hi"), 404, "not_found", "unknown match");
  expect_error(client->get("/api/v1/matches/abc/messages", request_token), 404, "not_found",
               "a bad id");
  // Nothing leaked into the thread.
  EXPECT_EQ(client->get(messages(match_id), request_token).json()["total"], 1);
}

TEST_F(RelayApiTest, BadInputNamesTheField) {
  const auto empty = client->post(messages(match_id), json::object(), request_token);
  expect_error(empty, 422, "invalid", "no body");
  EXPECT_TRUE(empty.json()["error"]["fields"].contains("body"));
  expect_error(say(match_id, request_token, std::string(2001, 'a')), 422, "invalid", "too long");
  const auto typed = client->post(messages(match_id), {{"body", 5}}, request_token);
  expect_error(typed, 422, "invalid", "a number");
  EXPECT_TRUE(typed.json()["error"]["fields"].contains("body"));
  const auto unknown =
      client->post(messages(match_id), {{"body", "hi"}, {"to", "x"}}, request_token);
  expect_error(unknown, 400, "malformed", "an unknown field");
  EXPECT_TRUE(unknown.json()["error"]["fields"].contains("to"));
  expect_error(
      client->request("POST", messages(match_id), "{", {"Authorization: Bearer " + request_token}),
      400, "malformed", "broken JSON");
  for (const char* query : {"?limit=0", "?limit=201", "?after=-1", "?after=x", "?page=2"}) {
    const auto bad = client->get(messages(match_id) + query, request_token);
    expect_error(bad, 400, "malformed", query);
  }
  EXPECT_EQ(client->get(messages(match_id), request_token).json()["total"], 0);
}

TEST_F(RelayApiTest, LongThreadsArePagedWithNextAfter) {
  for (int i = 0; i < 5; ++i) {
    const std::string body = std::string(1, 'm').append(std::to_string(i));
    ASSERT_EQ(say(match_id, match_token, body).status, 201);
  }
  std::vector<std::string> bodies;
  std::string query = "?limit=2";
  for (int page = 0; page < 5; ++page) {
    const json thread = client->get(messages(match_id) + query, request_token).json();
    for (const auto& item : thread["items"]) bodies.push_back(item["body"].get<std::string>());
    if (thread["next_after"].is_null()) break;
    query = "?limit=2&after=" + std::to_string(thread["next_after"].get<std::int64_t>());
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4"}));
}

TEST_F(RelayApiTest, ACancelledMatchsThreadIsReadableButTakesNoMessages) {
  ASSERT_EQ(say(match_id, match_token, "Running late").status, 201);
  ASSERT_EQ(client
                ->post("/api/v1/matches/" + std::to_string(match_id) + "/cancel", json::object(),
                       request_token)
                .status,
            200);
  const auto read = client->get(messages(match_id), match_token);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["open"], false);
  EXPECT_EQ(read.json()["items"].size(), 1u);
  expect_error(say(match_id, match_token, "Sorry"), 409, "conflict", "a closed thread");
}

TEST(RelayRateLimitTest, MessagingOverItsLimitGets429) {
  TestServer server([](app::Config& config) {
    config.rate_limits_enabled = true;
    for (auto& setting : config.rate_limits) {
      if (setting.rule == "messaging") setting.max_requests = 2;
    }
  });
  HttpClient client(server.port());
  create_network(server, "riverside");
  const auto created = client.post("/api/v1/networks/riverside/posts", request_body()).json();
  const auto claimed = client.post(
      "/api/v1/posts/" + std::to_string(created["post"]["id"].get<int>()) + "/claim", claim_body());
  const std::string path =
      "/api/v1/matches/" + std::to_string(claimed.json()["match"]["id"].get<int>()) + "/messages";
  const std::string token = claimed.json()["match_token"].get<std::string>();
  EXPECT_EQ(client.post(path, {{"body", "one"}}, token).status, 201);
  EXPECT_EQ(client.post(path, {{"body", "two"}}, token).status, 201);
  const auto refused = client.post(path, {{"body", "three"}}, token);
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(header_of(refused, "retry-after").empty());
  EXPECT_EQ(client.get(path, token).status, 200);  // reading is not limited
}

}  // namespace
}  // namespace gapfill::testing
