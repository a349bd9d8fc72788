// AccountService over a real SQLite store, with a clock the test moves and
// an outbox that keeps what it is given: expiry of sessions and links, and
// what mail says.

#include "domain/accounts.hpp"

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "base/limits.hpp"
#include "domain/passwords.hpp"
#include "domain/services.hpp"
#include "support/manual_clock.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class KeptOutbox final : public Outbox {
 public:
  Status send(const Email& email) override {
    sent.push_back(email);
    return {};
  }
  std::vector<Email> sent;
};

Credentials credentials(const std::string& email, const std::string& password) {
  Credentials result;
  result.email = email;
  result.password = password;
  return result;
}

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*app::open_store((dir_.path() / "gapfill.db").string()));
    services_ = std::make_unique<Services>(*store_, clock_);
    ASSERT_TRUE(services_->load());
    accounts().set_outbox(outbox_);
    accounts().set_link_base("https://aid.example.org");
    ASSERT_TRUE(accounts().sign_up(credentials("Sam@Example.org ", kPassword), "en"));
  }
  AccountService& accounts() { return services_->accounts(); }
  std::string token_of_last_mail() {
    const std::string& text = outbox_.sent.back().text;
    const auto start = text.find("https://aid.example.org/account/");
    const auto end = text.find('\n', start);
    const std::string link = text.substr(start, end - start);
    return link.substr(link.rfind('/') + 1);
  }

  static constexpr const char* kPassword = "correct horse battery";
  testing::TempDir dir_;
  ManualClock clock_;
  KeptOutbox outbox_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
};

TEST(Emails, AreTrimmedAndLowerCased) {
  EXPECT_EQ(normalize_email("  Sam@Example.ORG\t"), "sam@example.org");
}

TEST(Passwords, HashWithArgon2idAndVerify) {
  const auto hash = passwords::hash("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(passwords::verify("correct horse battery", *hash));
  EXPECT_FALSE(passwords::verify("correct horse battery!", *hash));
  EXPECT_FALSE(passwords::needs_rehash(*hash));
  EXPECT_FALSE(passwords::verify("x", "not a hash"));
}

TEST_F(AccountsTest, SignUpMailsAVerificationLinkInTheVisitorsLanguage) {
  ASSERT_EQ(outbox_.sent.size(), 1u);
  EXPECT_EQ(outbox_.sent[0].to, "sam@example.org");
  EXPECT_NE(outbox_.sent[0].text.find("https://aid.example.org/account/verify/"),
            std::string::npos);
  ASSERT_TRUE(accounts().sign_up(credentials("kim@example.org", kPassword), "es"));
  EXPECT_EQ(outbox_.sent.back().subject, "Confirma tu correo electrónico en Gapfill");
}

TEST_F(AccountsTest, SessionsEndWhenIdleAndAtTheirAbsoluteExpiry) {
  auto session = accounts().sign_in(credentials("sam@example.org", kPassword));
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->token.starts_with(limits::kSessionTokenPrefix));
  // Used every six days, it lives until its absolute expiry.
  for (int day = 6; day < 30; day += 6) {
    clock_.advance(6 * 24 * 3600);
    EXPECT_TRUE(accounts().authenticate(session->token)) << day;
  }
  clock_.advance(6 * 24 * 3600);  // day 30
  EXPECT_EQ(accounts().authenticate(session->token).error().code, ErrorCode::kUnauthorized);
  // Unused for a week, a session ends.
  auto idle = accounts().sign_in(credentials("sam@example.org", kPassword));
  ASSERT_TRUE(idle);
  clock_.advance(limits::kSessionIdleSeconds);
  EXPECT_FALSE(accounts().authenticate(idle->token));
  // Manage tokens are never sessions.
  EXPECT_FALSE(accounts().authenticate("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"));
}

TEST_F(AccountsTest, TheSweepRemovesEndedSessionsAndKeepsLiveOnes) {
  auto ended = accounts().sign_in(credentials("sam@example.org", kPassword));
  ASSERT_TRUE(ended);
  clock_.advance(limits::kSessionIdleSeconds - 60);
  auto live = accounts().sign_in(credentials("sam@example.org", kPassword));
  ASSERT_TRUE(live);
  EXPECT_EQ(accounts().remove_expired_sessions().value(), 0);
  clock_.advance(120);  // the first is now idle for longer than allowed
  EXPECT_EQ(accounts().remove_expired_sessions().value(), 1);
  EXPECT_EQ(accounts().remove_expired_sessions().value(), 0);
  EXPECT_TRUE(accounts().authenticate(live->token));
  EXPECT_FALSE(accounts().authenticate(ended->token));
}

TEST_F(AccountsTest, LinksExpireAndANewerOneReplacesTheOlder) {
  const std::string first = token_of_last_mail();
  auto session = accounts().sign_in(credentials("sam@example.org", kPassword));
  ASSERT_TRUE(session);
  ASSERT_TRUE(accounts().resend_verification(session->account.id, "en"));
  const std::string second = token_of_last_mail();
  EXPECT_EQ(accounts().verify_email(first).error().code, ErrorCode::kNotFound);
  clock_.advance(limits::kVerifyLinkSeconds);
  EXPECT_EQ(accounts().verify_email(second).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(accounts().request_reset("sam@example.org", "en"));
  const std::string reset = token_of_last_mail();
  EXPECT_TRUE(accounts().reset_link_usable(reset));
  clock_.advance(limits::kResetLinkSeconds);
  EXPECT_FALSE(accounts().reset_link_usable(reset));
  // No mail for an address without an account, and the same answer.
  const std::size_t sent = outbox_.sent.size();
  EXPECT_TRUE(accounts().request_reset("nobody@example.org", "en"));
  EXPECT_EQ(outbox_.sent.size(), sent);
}

}  // namespace
}  // namespace gapfill::domain
