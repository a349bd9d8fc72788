// The account pages over real HTTP, with mail to a local SMTP sink: sign up,
// confirm the address from the mailed link, sign in (a session cookie that is
// HttpOnly, SameSite=Lax and Path=/), the account page, download my data,
// sign out, and delete the account.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

constexpr const char* kPassword = "correct horse battery";

class AccountPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<TestServer>([this](app::Config& config) {
      config.mail_smtp_url = sink.url();
      config.mail_from = "aid@example.org";
      config.mail_require_tls = false;
    });
  }

  // Signs up and in with the browser; returns the sign-in answer.
  HttpResult sign_up_and_in(PageClient& browser) {
    browser.get("/account/sign-up");
    const auto signed_up =
        browser.post("/account/sign-up", {{"email", "Sam@Example.org"}, {"password", kPassword}});
    EXPECT_EQ(signed_up.status, 303);
    EXPECT_EQ(location_of(signed_up), "/account/check-email");
    browser.get("/account/sign-in");
    return browser.post("/account/sign-in",
                        {{"email", "sam@example.org"}, {"password", kPassword}});
  }

  SmtpSink sink;
  std::unique_ptr<TestServer> server;
};

TEST_F(AccountPagesTest, SignUpConfirmSignInAndSignOut) {
  PageClient browser(server->port());
  const auto signed_in = sign_up_and_in(browser);
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(location_of(signed_in), "/account");
  const std::string cookie = signed_in.headers.at("set-cookie");
  EXPECT_NE(cookie.find("gf_session=gfs_"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);

  auto page = browser.get("/account");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("sam@example.org"), std::string::npos);
  EXPECT_NE(page.body.find("Send the confirmation again"), std::string::npos);

  // The mailed link shows a button; only pressing it confirms.
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  const std::string path = path_of(link_in(mails[0]));
  ASSERT_TRUE(path.starts_with("/account/verify/")) << path;
  EXPECT_EQ(browser.get(path).status, 200);
  EXPECT_NE(browser.get("/account").body.find("Send the confirmation again"), std::string::npos);
  browser.get(path);
  const auto confirmed = browser.post(path, {});
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(location_of(confirmed), "/account?done=verified");
  page = browser.get("/account?done=verified");
  EXPECT_NE(page.body.find("Your e-mail address is confirmed."), std::string::npos);
  EXPECT_EQ(page.body.find("Send the confirmation again"), std::string::npos);

  // Signing out needs the form's token, and ends the session.
  EXPECT_EQ(browser.post("/account/sign-out", {}, false).status, 403);
  const auto out = browser.post("/account/sign-out", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.headers.at("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(location_of(browser.get("/account")), "/account/sign-in");
}

TEST_F(AccountPagesTest, WrongPasswordIsShownBesideTheForm) {
  PageClient browser(server->port(), "es");
  ASSERT_EQ(sign_up_and_in(browser).status, 303);
  PageClient other(server->port());
  other.get("/account/sign-in");
  const auto refused =
      other.post("/account/sign-in", {{"email", "sam@example.org"}, {"password", "not the one!"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("The e-mail address or the password is not right."),
            std::string::npos);
  EXPECT_EQ(other.cookies().count("gf_session"), 0u);
  // Field errors of sign-up sit beside their fields, in the visitor's language.
  PageClient spanish(server->port(), "es");
  spanish.get("/account/sign-up");
  const auto invalid = spanish.post("/account/sign-up", {{"email", "nope"}, {"password", "short"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_NE(invalid.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_NE(invalid.body.find("id=\"password-error\""), std::string::npos);
  EXPECT_NE(invalid.body.find("debe tener de 10 a 256 caracteres"), std::string::npos);
}

TEST_F(AccountPagesTest, SignInGoesBackToThePageThatAskedForItOnThisSiteOnly) {
  PageClient browser(server->port());
  ASSERT_EQ(sign_up_and_in(browser).status, 303);
  PageClient other(server->port());
  // The dashboard's "sign in" link comes back to the dashboard.
  const auto form = other.get("/account/sign-in?next=%2Fn%2Friverside%2Forganize");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"next\" value=\"/n/riverside/organize\""), std::string::npos);
  const auto credentials = FormFields{{"email", "sam@example.org"}, {"password", kPassword}};
  auto with_next = [&](const std::string& next) {
    FormFields fields = credentials;
    fields.emplace_back("next", next);
    return fields;
  };
  // A wrong password keeps where to go.
  const auto refused = other.post("/account/sign-in", {{"email", "sam@example.org"},
                                                       {"password", "not the one!"},
                                                       {"next", "/n/riverside/organize"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("value=\"/n/riverside/organize\""), std::string::npos);
  const auto back = other.post("/account/sign-in", with_next("/n/riverside/organize"));
  ASSERT_EQ(back.status, 303);
  EXPECT_EQ(location_of(back), "/n/riverside/organize");
  // Signed in already, the sign-in page sends the visitor on.
  EXPECT_EQ(location_of(other.get("/account/sign-in?next=%2Finvite%2Fabc")), "/invite/abc");
  // Never to another site.
  for (const char* elsewhere : {"https://evil.example/", "//evil.example/", "/\\evil.example",
                                "evil.example", "/a b", "/\r\nSet-Cookie: x=1"}) {
    PageClient fresh(server->port());
    const auto page = fresh.get("/account/sign-in");
    ASSERT_EQ(page.status, 200);
    const auto done = fresh.post("/account/sign-in", with_next(elsewhere));
    EXPECT_EQ(done.status, 303) << elsewhere;
    EXPECT_EQ(location_of(done), "/account") << elsewhere;
  }
}

TEST_F(AccountPagesTest, DownloadMyDataAndDeleteMyAccount) {
  PageClient browser(server->port());
  ASSERT_EQ(sign_up_and_in(browser).status, 303);
  const auto exported = browser.get("/account/export");
  EXPECT_EQ(exported.status, 200);
  EXPECT_NE(exported.headers.at("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(exported.json()["account"]["email"], "sam@example.org");

  browser.get("/account");
  const auto wrong = browser.post("/account/delete", {{"password", "not the one!"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(wrong.body.find("nothing was deleted"), std::string::npos);
  const auto deleted = browser.post("/account/delete", {{"password", kPassword}});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(location_of(deleted), "/account/deleted");
  EXPECT_EQ(location_of(browser.get("/account")), "/account/sign-in");
  browser.get("/account/sign-in");
  EXPECT_EQ(
      browser.post("/account/sign-in", {{"email", "sam@example.org"}, {"password", kPassword}})
          .status,
      403);
}

TEST_F(AccountPagesTest, ForgotPasswordMailsALinkThatSetsANewOne) {
  PageClient browser(server->port());
  ASSERT_EQ(sign_up_and_in(browser).status, 303);
  sink.wait_for(1);
  PageClient forgetful(server->port());
  forgetful.get("/account/forgot");
  const auto sent = forgetful.post("/account/forgot", {{"email", "sam@example.org"}});
  EXPECT_EQ(location_of(sent), "/account/forgot/sent");
  const auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  const std::string path = path_of(link_in(mails[1]));
  ASSERT_TRUE(path.starts_with("/account/reset/")) << path;
  EXPECT_EQ(forgetful.get(path).status, 200);
  const auto reset = forgetful.post(path, {{"password", "a brand new password"}});
  EXPECT_EQ(location_of(reset), "/account/reset-done");
  // Every session ended, the old browser's too; the link is used up.
  EXPECT_EQ(location_of(browser.get("/account")), "/account/sign-in");
  EXPECT_EQ(forgetful.get(path).status, 404);
  forgetful.get("/account/sign-in");
  EXPECT_EQ(forgetful
                .post("/account/sign-in",
                      {{"email", "sam@example.org"}, {"password", "a brand new password"}})
                .status,
            303);
}

}  // namespace
}  // namespace gapfill::testing
