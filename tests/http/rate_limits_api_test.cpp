// Rate limits over real HTTP: a client over a rule's limit gets 429 with
// Retry-After, as JSON from the API and as a page in its language from the
// site; other rules and other addresses go on; `enabled = false` lets all through.

#include <gtest/gtest.h>

#include "support/page_client.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

// Limits on, with `max_requests` per ten minutes for each named rule.
std::function<void(app::Config&)> limits(std::map<std::string, std::int64_t> max_requests,
                                         bool enabled = true) {
  return [max_requests, enabled](app::Config& config) {
    config.rate_limits_enabled = enabled;
    for (auto& setting : config.rate_limits) {
      if (const auto found = max_requests.find(setting.rule); found != max_requests.end()) {
        setting.max_requests = found->second;
        setting.window_seconds = 600;
      }
    }
  };
}

FormFields ask_fields() {
  return {{"title", "Groceries for a family of four"},
          {"category", "food"},
          {"urgency", "today"},
          {"place", "Near the library on 5th"},
          {"contact_method", "phone"},
          {"contact_name", "Sam"},
          {"contact_phone", "+1 406 555 0100"}};
}

class RateLimitsTest : public ::testing::Test {
 protected:
  void start(const std::function<void(app::Config&)>& adjust) {
    server = std::make_unique<TestServer>(adjust);
    client = std::make_unique<HttpClient>(server->port());
    create_network(*server, "riverside");
  }
  HttpResult create_post() {
    return client->post("/api/v1/networks/riverside/posts", request_body());
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
};

TEST_F(RateLimitsTest, TheRequestOverThePostingLimitGets429WithRetryAfterAsJson) {
  start(limits({{"posting", 3}}));
  for (int i = 0; i < 3; ++i) ASSERT_EQ(create_post().status, 201) << i;
  const auto refused = create_post();
  EXPECT_EQ(refused.status, 429);
  ASSERT_TRUE(refused.headers.contains("retry-after"));
  const int retry_after = std::stoi(refused.headers.at("retry-after"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 200);  // one post comes back every 600 / 3 seconds
  const auto body = refused.json();
  EXPECT_EQ(body["error"]["code"], "too_many_requests");
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_EQ(body["error"]["fields"], nlohmann::json::object());
  // Nothing was created by the refused request; reading is not limited.
  const auto listing = client->get("/api/v1/networks/riverside/posts?limit=100");
  EXPECT_EQ(listing.status, 200);
  EXPECT_EQ(listing.json()["items"].size(), 3u);
}

TEST_F(RateLimitsTest, AnotherRuleIsNotAffected) {
  start(limits({{"posting", 1}, {"claiming", 2}}));
  const auto created = create_post();
  ASSERT_EQ(created.status, 201);
  ASSERT_EQ(create_post().status, 429);
  const auto id = std::to_string(created.json()["post"]["id"].get<std::int64_t>());
  const nlohmann::json claim = {{"volunteer", {{"name", "Alex"}, {"email", "alex@example.org"}}}};
  EXPECT_EQ(client->post("/api/v1/posts/" + id + "/claim", claim).status, 201);
  // The post is claimed now (409), but the request still counts against claiming.
  EXPECT_EQ(client->post("/api/v1/posts/" + id + "/claim", claim).status, 409);
  EXPECT_EQ(client->post("/api/v1/posts/" + id + "/claim", claim).status, 429);
}

TEST_F(RateLimitsTest, APagePostOverTheLimitGetsAnHtmlPageInTheVisitorsLanguage) {
  start(limits({{"posting", 1}}));
  ASSERT_EQ(create_post().status, 201);  // the API and the pages share the rule
  PageClient browser(server->port(), "es");
  ASSERT_EQ(browser.get("/n/riverside/ask").status, 200);
  const auto refused = browser.post("/n/riverside/ask", ask_fields());
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.headers.contains("retry-after"));
  EXPECT_TRUE(refused.headers.at("content-type").starts_with("text/html"));
  EXPECT_NE(refused.body.find("Demasiados intentos"), std::string::npos);
}

TEST_F(RateLimitsTest, RedeemingAnOrganizerKeyIsLimited) {
  start(limits({{"sign_in", 2}}));
  PageClient organizer(server->port());
  ASSERT_EQ(organizer.get("/n/riverside/ask").status, 200);  // an anti-forgery token
  EXPECT_EQ(organizer.post("/n/riverside/organize/admin-key", {{"key", "wrong"}}).status, 401);
  EXPECT_EQ(organizer.post("/n/riverside/organize/admin-key", {{"key", "wrong"}}).status, 401);
  const auto refused = organizer.post("/n/riverside/organize/admin-key", {{"key", "wrong"}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.headers.contains("retry-after"));
  EXPECT_NE(refused.body.find("Too many tries"), std::string::npos);
}

TEST_F(RateLimitsTest, DisabledLimitsLetEverythingThrough) {
  start(limits({{"posting", 1}}, /*enabled=*/false));
  for (int i = 0; i < 10; ++i) EXPECT_EQ(create_post().status, 201) << i;
}

TEST_F(RateLimitsTest, BehindATrustedProxyEachForwardedAddressHasItsOwnLimit) {
  start([](app::Config& config) {
    limits({{"posting", 1}})(config);
    config.trusted_proxy = "127.0.0.1";
  });
  auto post_from = [&](const std::string& address) {
    return client
        ->request("POST", "/api/v1/networks/riverside/posts", request_body().dump(),
                  {"X-Forwarded-For: 10.9.9.9, " + address})
        .status;
  };
  EXPECT_EQ(post_from("198.51.100.1"), 201);
  EXPECT_EQ(post_from("198.51.100.2"), 201);
  EXPECT_EQ(post_from("198.51.100.1"), 429);
}

TEST_F(RateLimitsTest, WithoutATrustedProxyForwardedForIsIgnored) {
  start(limits({{"posting", 1}}));
  auto post_from = [&](const std::string& address) {
    return client
        ->request("POST", "/api/v1/networks/riverside/posts", request_body().dump(),
                  {"X-Forwarded-For: " + address})
        .status;
  };
  EXPECT_EQ(post_from("198.51.100.1"), 201);
  EXPECT_EQ(post_from("198.51.100.2"), 429);
}

TEST_F(RateLimitsTest, SignInGuessesAtOneAddressAreLimitedFromEveryClientAddress) {
  start([](app::Config& config) {
    limits({{"account_sign_in", 2}})(config);
    config.trusted_proxy = "127.0.0.1";
  });
  auto sign_in = [&](const std::string& address, const std::string& email) {
    const nlohmann::json body = {{"email", email}, {"password", "not the password at all"}};
    return client->request("POST", "/api/v1/sessions", body.dump(), {"X-Forwarded-For: " + address})
        .status;
  };
  EXPECT_EQ(sign_in("198.51.100.1", "dana@example.org"), 401);
  EXPECT_EQ(sign_in("198.51.100.2", " Dana@Example.org"), 401);  // the same address, normalized
  EXPECT_EQ(sign_in("198.51.100.3", "dana@example.org"), 429);
  EXPECT_EQ(sign_in("198.51.100.3", "sam@example.org"), 401);
}

TEST_F(RateLimitsTest, ASignedInClientIsLimitedPerAccountFromEveryAddress) {
  start([](app::Config& config) {
    limits({{"posting", 2}})(config);
    config.trusted_proxy = "127.0.0.1";
  });
  const std::string session = sign_in_new_account(*client, "poster@example.org");
  auto post = [&](const std::string& address, const std::string& bearer) {
    std::vector<std::string> headers{"X-Forwarded-For: " + address};
    if (!bearer.empty()) headers.push_back("Authorization: Bearer " + bearer);
    return client
        ->request("POST", "/api/v1/networks/riverside/posts", request_body().dump(), headers)
        .status;
  };
  EXPECT_EQ(post("198.51.100.1", session), 201);
  EXPECT_EQ(post("198.51.100.2", session), 201);
  EXPECT_EQ(post("198.51.100.3", session), 429);
  EXPECT_EQ(post("198.51.100.3", ""), 201);  // that address is not over its own limit
}

}  // namespace
}  // namespace gapfill::testing
