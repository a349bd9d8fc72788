// The authorization matrix's rows for accounts, in the API and on pages.
//
// A route on "one's own account" is decided by the session alone: anonymous
// and the token holders (who have no account) are denied, every signed-in
// actor is allowed on their own account, and a guessed session token is
// denied. Rows that end a session or an account run each signed-in cell on a
// fresh session or on a fresh account with the actor's role, so that later
// rows keep theirs. Sign-up, sign-in and asking for a reset are for
// everyone; a link from the mail (verification, reset) is a credential of
// its own: whoever holds it may use it, a guessed one is refused.

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_account_rows(std::vector<Row>& rows) {
  // Accounts of their own for these rows: one to sign in to, one whose
  // password is reset, one with a verification link nobody used.
  const std::string signin_email = "signin@example.org";
  const std::string reset_email = "reset@example.org";
  for (const std::string& email : {signin_email, reset_email}) {
    EXPECT_EQ(client_->post("/api/v1/accounts", {{"email", email}, {"password", kPassword}}).status,
              202);
  }
  const std::string pending_token = mailed_token("pending@example.org", "/account/verify/", [&] {
    client_->post("/api/v1/accounts", {{"email", "pending@example.org"}, {"password", kPassword}});
  });
  // A new account's verification token.
  const auto verify_token = [this](Case c) {
    if (c == Case::kGuessed) return std::string("guessed");
    const std::string email = new_email();
    return mailed_token(email, "/account/verify/", [&] {
      client_->post("/api/v1/accounts", {{"email", email}, {"password", kPassword}});
    });
  };
  // A reset token of a new account: reset_email gets reset mails from other
  // rows too, still on their way (the outbox sends in the background), and a
  // newer link replaces the older ones.
  const auto reset_token = [this](Case c) {
    if (c == Case::kGuessed) return std::string("guessed");
    const std::string email = new_email();
    EXPECT_EQ(client_->post("/api/v1/accounts", {{"email", email}, {"password", kPassword}}).status,
              202);
    return mailed_token(email, "/account/reset/", [&] {
      client_->post("/api/v1/password-resets", {{"email", email}});
    });
  };
  const std::vector<Case> own_or_guessed{Case::kOwn, Case::kGuessed};
  const std::vector<Case> own_only{Case::kOwn};

  // The API.
  rows.push_back({"sign up",
                  "POST",
                  false,
                  false,
                  fixed("/api/v1/accounts"),
                  [this](const World&, Case) {
                    return fields_json({{"email", new_email()}, {"password", kPassword}});
                  },
                  {},
                  kAll,
                  {},
                  own_only});
  rows.push_back({"sign in",
                  "POST",
                  false,
                  false,
                  fixed("/api/v1/sessions"),
                  [signin_email](const World&, Case c) {
                    return fields_json(
                        {{"email", signin_email},
                         {"password", c == Case::kGuessed ? "guessed password" : kPassword}});
                  },
                  {},
                  kAll,
                  {},
                  own_or_guessed});
  rows.push_back({"sign out",
                  "DELETE",
                  false,
                  false,
                  fixed("/api/v1/sessions/current"),
                  {},
                  {},
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().session = Session::kFresh;
  rows.back().guess_session = true;
  rows.push_back({"sign out everywhere",
                  "DELETE",
                  false,
                  false,
                  fixed("/api/v1/sessions"),
                  {},
                  {},
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().session = Session::kThrowaway;
  rows.back().guess_session = true;
  for (const char* pattern : {"/api/v1/account", "/api/v1/account/export"}) {
    rows.push_back({std::string("read ") + pattern,
                    "GET",
                    false,
                    false,
                    fixed(pattern),
                    {},
                    {},
                    kSignedIn,
                    {},
                    own_or_guessed});
    rows.back().guess_session = true;
  }
  rows.push_back({"delete one's account",
                  "DELETE",
                  false,
                  false,
                  fixed("/api/v1/account"),
                  [](const World&, Case) {
                    return fields_json({{"password", kPassword}});
                  },
                  {},
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().session = Session::kThrowaway;
  rows.back().guess_session = true;
  rows.push_back({"verify an address",
                  "POST",
                  false,
                  false,
                  fixed("/api/v1/account/verification"),
                  [verify_token](const World&, Case c) {
                    return fields_json({{"token", verify_token(c)}});
                  },
                  {},
                  kAll,
                  {},
                  own_or_guessed});
  rows.push_back({"mail the verification link again",
                  "POST",
                  false,
                  false,
                  fixed("/api/v1/account/verification/resend"),
                  {},
                  {},
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().guess_session = true;
  // The same answer for an address with no account (it tells no one
  // whether an address has one).
  rows.push_back(
      {"ask for a password reset",
       "POST",
       false,
       false,
       fixed("/api/v1/password-resets"),
       [reset_email](const World&, Case c) {
         return fields_json({{"email", c == Case::kGuessed ? "nobody@example.org" : reset_email}});
       },
       {},
       kAll,
       {},
       own_or_guessed});
  rows.back().allowed_guessed = kAll;
  rows.push_back(
      {"reset a password",
       "POST",
       false,
       false,
       fixed("/api/v1/password-resets/complete"),
       [reset_token](const World&, Case c) {
         return fields_json({{"token", reset_token(c)}, {"password", "a brand new password"}});
       },
       {},
       kAll,
       {},
       own_or_guessed});

  // The pages. Pages that say the same to everyone:
  for (const char* path :
       {"/account/sign-up", "/account/check-email", "/account/sign-in", "/account/signed-out",
        "/account/forgot", "/account/forgot/sent", "/account/reset-done", "/account/deleted"}) {
    rows.push_back({std::string("the page ") + path,
                    "GET",
                    true,
                    false,
                    fixed(path),
                    {},
                    {},
                    kAll,
                    {},
                    own_only});
  }
  // The account page and the data download: a redirect to sign in otherwise.
  for (const char* path : {"/account", "/account/export"}) {
    rows.push_back({std::string("the page ") + path,
                    "GET",
                    true,
                    false,
                    fixed(path),
                    {},
                    {},
                    kSignedIn,
                    {},
                    own_or_guessed});
    rows.back().guess_session = true;
  }
  rows.push_back({"sign up on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/sign-up"),
                  {},
                  [this](const World&, Case) {
                    return FormFields{{"email", new_email()}, {"password", kPassword}};
                  },
                  kAll,
                  {},
                  own_only});
  // The same answer for an address with no account.
  rows.push_back(
      {"ask for a password reset on the page",
       "POST",
       true,
       false,
       fixed("/account/forgot"),
       {},
       [reset_email](const World&, Case c) {
         return FormFields{{"email", c == Case::kGuessed ? "nobody@example.org" : reset_email}};
       },
       kAll,
       {},
       own_or_guessed});
  rows.back().allowed_guessed = kAll;
  // Signing in ends the browser's older session: a fresh one per cell.
  rows.push_back({"sign in on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/sign-in"),
                  {},
                  [signin_email](const World&, Case c) {
                    return FormFields{
                        {"email", signin_email},
                        {"password", c == Case::kGuessed ? "guessed password" : kPassword}};
                  },
                  kAll,
                  {},
                  own_or_guessed});
  rows.back().session = Session::kFresh;
  // Signing out a browser without a session ends nothing and says it is
  // signed out: allowed for everyone.
  rows.push_back({"sign out on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/sign-out"),
                  {},
                  {},
                  kAll,
                  {},
                  own_only});
  rows.back().session = Session::kFresh;
  rows.push_back({"sign out everywhere on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/sign-out-everywhere"),
                  {},
                  {},
                  kAll,
                  {},
                  own_only});
  rows.back().session = Session::kThrowaway;
  rows.push_back({"delete one's account on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/delete"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"password", kPassword}};
                  },
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().session = Session::kThrowaway;
  rows.back().guess_session = true;
  rows.push_back({"mail the verification link again on the page",
                  "POST",
                  true,
                  false,
                  fixed("/account/verify/resend"),
                  {},
                  {},
                  kSignedIn,
                  {},
                  own_or_guessed});
  rows.back().guess_session = true;
  // The verification page shows a button and checks nothing (mail scanners
  // that open links must not confirm an address): the same for any token.
  rows.push_back({"the verification page",
                  "GET",
                  true,
                  false,
                  [pending_token](const World&, Case c, Who) {
                    return "/account/verify/" +
                           (c == Case::kGuessed ? std::string("guessed") : pending_token);
                  },
                  {},
                  {},
                  kAll,
                  {},
                  own_or_guessed});
  rows.back().allowed_guessed = kAll;
  rows.push_back(
      {"verify an address on the page",
       "POST",
       true,
       false,
       [verify_token](const World&, Case c, Who) { return "/account/verify/" + verify_token(c); },
       {},
       {},
       kAll,
       {},
       own_or_guessed});
  rows.push_back(
      {"the password reset page",
       "GET",
       true,
       false,
       [reset_token](const World&, Case c, Who) { return "/account/reset/" + reset_token(c); },
       {},
       {},
       kAll,
       {},
       own_or_guessed});
  // Resetting clears the browser's session cookie: a browser of its own.
  rows.push_back(
      {"reset a password on the page",
       "POST",
       true,
       false,
       [reset_token](const World&, Case c, Who) { return "/account/reset/" + reset_token(c); },
       {},
       [](const World&, Case) {
         return FormFields{{"password", "a brand new password"}};
       },
       kAll,
       {},
       own_or_guessed});
  rows.back().session = Session::kCopy;
}

}  // namespace gapfill::testing::matrix
