// Accounts over real HTTP, with mail delivered over SMTP to a local sink:
// sign-up, the verification link from the mail, sessions as bearer tokens,
// sign-out (one and everywhere), password reset, export and deletion, and
// answers that never tell whether an address has an account.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery";

class AccountsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<TestServer>([this](app::Config& config) {
      config.mail_smtp_url = sink.url();
      config.mail_from = "aid@example.org";
      config.mail_require_tls = false;
    });
    client = std::make_unique<HttpClient>(server->port());
    create_network(*server, "riverside");
  }

  HttpResult sign_up(const std::string& email, const std::string& password = kPassword) {
    return client->post("/api/v1/accounts", {{"email", email}, {"password", password}});
  }
  // Signs in; returns the session token ("" when refused).
  std::string sign_in(const std::string& email, const std::string& password = kPassword) {
    const auto result =
        client->post("/api/v1/sessions", {{"email", email}, {"password", password}});
    if (result.status != 201) return "";
    return result.json()["session_token"].get<std::string>();
  }
  // The token at the end of the link in mail number `index`.
  std::string link_token(std::size_t index) {
    const auto mails = sink.wait_for(index + 1);
    if (mails.size() <= index) return "";
    const std::string link = link_in(mails[index]);
    return link.substr(link.rfind('/') + 1);
  }

  SmtpSink sink;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
};

TEST_F(AccountsApiTest, SignUpMailsAVerificationLinkThatVerifiesOnce) {
  const auto signed_up = sign_up("  Sam@Example.ORG ");
  EXPECT_EQ(signed_up.status, 202);
  EXPECT_EQ(signed_up.json(), json({{"status", "check_email"}}));
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"sam@example.org"});
  EXPECT_EQ(mails[0].from, "aid@example.org");
  const std::string link = link_in(mails[0]);
  EXPECT_NE(link.find("/account/verify/"), std::string::npos) << mails[0].data;

  const std::string token = sign_in("sam@example.org");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(client->get("/api/v1/account", token).json()["verified"], false);

  const std::string link_secret = link.substr(link.rfind('/') + 1);
  const auto verified = client->post("/api/v1/account/verification", {{"token", link_secret}});
  EXPECT_EQ(verified.status, 200);
  EXPECT_EQ(verified.json()["verified"], true);
  EXPECT_EQ(client->get("/api/v1/account", token).json()["verified"], true);
  // Single use.
  EXPECT_EQ(client->post("/api/v1/account/verification", {{"token", link_secret}}).status, 404);
}

TEST_F(AccountsApiTest, ATakenAddressGetsTheSameAnswerAndItsOwnerIsTold) {
  ASSERT_EQ(sign_up("sam@example.org").status, 202);
  const auto again = sign_up("SAM@example.org", "another long password");
  EXPECT_EQ(again.status, 202);
  EXPECT_EQ(again.json(), json({{"status", "check_email"}}));
  const auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_NE(mails[1].data.find("/account/forgot"), std::string::npos);
  // The first password still works; the second never made an account.
  EXPECT_FALSE(sign_in("sam@example.org").empty());
  EXPECT_TRUE(sign_in("sam@example.org", "another long password").empty());
}

TEST_F(AccountsApiTest, BadInputNamesTheFields) {
  const auto result = sign_up("not an address", "short");
  EXPECT_EQ(result.status, 422);
  const auto fields = result.json()["error"]["fields"];
  EXPECT_TRUE(fields.contains("email"));
  EXPECT_TRUE(fields.contains("password"));
  EXPECT_EQ(client->post("/api/v1/accounts", {{"email", "a@b.org"}, {"extra", 1}}).status, 400);
  EXPECT_EQ(client->post("/api/v1/accounts", {{"email", 5}, {"password", kPassword}}).status, 422);
  EXPECT_EQ(sign_up("sam@example.org", std::string(257, 'x')).status, 422);
}

TEST_F(AccountsApiTest, WrongPasswordAndUnknownAddressAnswerAlike) {
  ASSERT_EQ(sign_up("sam@example.org").status, 202);
  const auto wrong = client->post("/api/v1/sessions",
                                  {{"email", "sam@example.org"}, {"password", "not it at all"}});
  const auto unknown =
      client->post("/api/v1/sessions", {{"email", "nobody@example.org"}, {"password", kPassword}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
}

TEST_F(AccountsApiTest, SessionsAreBearerTokensThatSignOut) {
  ASSERT_EQ(sign_up("sam@example.org").status, 202);
  const std::string first = sign_in("sam@example.org");
  const std::string second = sign_in("sam@example.org");
  ASSERT_FALSE(first.empty());
  EXPECT_NE(first, second);
  EXPECT_TRUE(first.starts_with("gfs_"));
  EXPECT_EQ(client->get("/api/v1/account").status, 401);
  EXPECT_EQ(client->get("/api/v1/account", "gfs_guessed").status, 401);
  // A cookie is not accepted by the API.
  EXPECT_EQ(client->request("GET", "/api/v1/account", "", {"Cookie: gf_session=" + first}).status,
            401);
  EXPECT_EQ(
      client->request("DELETE", "/api/v1/sessions/current", "", error_tests::bearer(first)).status,
      204);
  EXPECT_EQ(client->get("/api/v1/account", first).status, 401);
  EXPECT_EQ(client->get("/api/v1/account", second).status, 200);
  const std::string third = sign_in("sam@example.org");
  EXPECT_EQ(client->request("DELETE", "/api/v1/sessions", "", error_tests::bearer(third)).status,
            204);
  EXPECT_EQ(client->get("/api/v1/account", second).status, 401);
  EXPECT_EQ(client->get("/api/v1/account", third).status, 401);
}

TEST_F(AccountsApiTest, ResetByMailedLinkChangesThePasswordAndEndsEverySession) {
  ASSERT_EQ(sign_up("sam@example.org").status, 202);
  sink.wait_for(1);
  const std::string session = sign_in("sam@example.org");
  // Unknown addresses get the same answer, and no mail.
  EXPECT_EQ(client->post("/api/v1/password-resets", {{"email", "nobody@example.org"}}).status, 202);
  EXPECT_EQ(client->post("/api/v1/password-resets", {{"email", "Sam@example.org"}}).status, 202);
  const std::string token = link_token(1);
  EXPECT_EQ(sink.received().size(), 2u);
  EXPECT_EQ(client->post("/api/v1/password-resets/complete", {{"token", token}, {"password", "x"}})
                .status,
            422);
  EXPECT_EQ(client
                ->post("/api/v1/password-resets/complete",
                       {{"token", token}, {"password", "a brand new password"}})
                .status,
            204);
  EXPECT_EQ(client->get("/api/v1/account", session).status, 401);
  EXPECT_TRUE(sign_in("sam@example.org").empty());
  const std::string fresh = sign_in("sam@example.org", "a brand new password");
  ASSERT_FALSE(fresh.empty());
  // The link proved the address.
  EXPECT_EQ(client->get("/api/v1/account", fresh).json()["verified"], true);
  EXPECT_EQ(client
                ->post("/api/v1/password-resets/complete",
                       {{"token", token}, {"password", "yet another password"}})
                .status,
            404);
}

TEST_F(AccountsApiTest, ExportListsPostsAndDeletionErasesThem) {
  ASSERT_EQ(sign_up("sam@example.org").status, 202);
  const std::string session = sign_in("sam@example.org");
  // A post made while signed in belongs to the account; one made without does not.
  const auto created = client->post("/api/v1/networks/riverside/posts", request_body(), session);
  ASSERT_EQ(created.status, 201);
  const std::int64_t post_id = created.json()["post"]["id"];
  const std::string manage_token = created.json()["manage_token"];
  ASSERT_EQ(client->post("/api/v1/networks/riverside/posts", request_body("Not mine")).status, 201);
  const auto exported = client->get("/api/v1/account/export", session);
  EXPECT_EQ(exported.status, 200);
  EXPECT_NE(header_of(exported, "content-disposition").find("attachment"), std::string::npos);
  const auto body = exported.json();
  EXPECT_EQ(body["account"]["email"], "sam@example.org");
  ASSERT_EQ(body["posts"].size(), 1u);
  EXPECT_EQ(body["posts"][0]["id"], post_id);
  EXPECT_EQ(body["posts"][0]["contact"]["name"], "Sam");
  EXPECT_EQ(body.dump().find("password"), std::string::npos);

  const auto wrong =
      client->request("DELETE", "/api/v1/account", json({{"password", "not it!!!!"}}).dump(),
                      error_tests::bearer(session));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(client
                ->request("DELETE", "/api/v1/account", json({{"password", kPassword}}).dump(),
                          error_tests::bearer(session))
                .status,
            204);
  EXPECT_EQ(client->get("/api/v1/account", session).status, 401);
  EXPECT_TRUE(sign_in("sam@example.org").empty());
  // Its open post was withdrawn and its personal data erased.
  const auto post = client->get(post_path(post_id), manage_token).json();
  EXPECT_EQ(post["status"], "closed");
  EXPECT_EQ(post["contact"]["name"], "");
  EXPECT_EQ(post["details"], "");
}

}  // namespace
}  // namespace gapfill::testing
