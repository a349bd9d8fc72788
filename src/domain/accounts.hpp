#pragma once
// Accounts: sign-up, sign-in to a server-side session, e-mail verification
// and password reset by one-time links, data export and deletion. The rules
// that keep them trustworthy live here: nobody learns from an answer whether
// an address has an account, only hashes of secrets are stored, and a reset
// ends every session.

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/drafts.hpp"
#include "domain/outbox.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;

// An e-mail address and a password, as typed.
struct Credentials {
  ReadErrors read_errors;
  std::optional<std::string> email;
  std::optional<std::string> password;
};

// Who a session token belongs to.
struct SignedIn {
  Account account;
  Session session;
};

// A new session: the token is given to the client once and never stored.
struct NewSession {
  std::string token;  // limits::kSessionTokenPrefix + 43 base64url characters
  Account account;
  Session session;
};

// Everything stored about an account's owner, for "download my data".
struct AccountExport {
  Account account;
  std::vector<Post> posts;     // made while signed in, with their private fields
  std::vector<Match> matches;  // claims made while signed in
  std::vector<VolunteerProfile> volunteer_profiles;  // availability per network
  int sessions = 0;                                  // how many sessions are signed in now
};

// Trims and lower-cases an address ("  Sam@Example.ORG " -> "sam@example.org").
std::string normalize_email(std::string_view email);

class AccountService {
 public:
  explicit AccountService(Services& services) : services_(services) {}

  // Where mail goes (NullOutbox until set) and the address that links in
  // mail start with ("https://aid.example.org"). Call before serving.
  void set_outbox(Outbox& outbox) { outbox_ = &outbox; }
  void set_link_base(std::string base);
  bool mail_enabled() const { return outbox_ != &null_outbox_; }

  // Makes an unverified account and mails its owner a verification link.
  // When the address already has an account, nothing is made and its owner
  // is told by mail instead; the answer is the same either way. kInvalid
  // names a bad email or password. `language` picks the mail's language.
  Status sign_up(const Credentials& credentials, const std::string& language);

  // A new session for the right address and password; kUnauthorized, with
  // the same message and about the same time, for any mistake.
  Result<NewSession> sign_in(const Credentials& credentials);

  // Whose session this is; kUnauthorized when the token is unknown or the
  // session expired (idle or absolute).
  Result<SignedIn> authenticate(const std::string& session_token);

  // Ends one session; ending one already gone is not an error.
  Status sign_out(const std::string& session_token);
  // Ends every session of the account.
  Status sign_out_everywhere(AccountId account_id);

  // Marks the account of a verification link verified. kNotFound for an
  // unknown, used or expired link.
  Result<Account> verify_email(const std::string& link_token);
  // Mails a new verification link, unless already verified.
  Status resend_verification(AccountId account_id, const std::string& language);

  // Mails a reset link when the address has an account; the same answer
  // when it has none.
  Status request_reset(const std::string& email, const std::string& language);
  // Whether a reset link can still be used (to show its form).
  bool reset_link_usable(const std::string& link_token);
  // Sets a new password with a reset link, ends every session of the
  // account and marks its address verified (the link proved it). kNotFound
  // for an unknown, used or expired link; kInvalid for a bad password.
  Status reset_password(const std::string& link_token, const std::optional<std::string>& password);

  // Everything stored about the account.
  Result<AccountExport> export_data(AccountId account_id);
  // Deletes the account after checking its password (kForbidden when wrong):
  // withdraws its open posts, erases the personal data of its posts and
  // claims, deletes its sessions and links; anonymous counts stay.
  Status delete_account(AccountId account_id, const std::optional<std::string>& password);

  // Deletes expired sessions; returns how many.
  Result<int> remove_expired_sessions();

 private:
  Status send_link(const Account& account, AccountTokenPurpose purpose,
                   const std::string& language);
  Status mail(const std::string& to, const std::string& language, const std::string& kind,
              const std::string& link);
  Result<AccountToken> usable_link(const std::string& link_token, AccountTokenPurpose purpose);

  Services& services_;
  NullOutbox null_outbox_;
  Outbox* outbox_ = &null_outbox_;
  std::mutex link_base_mutex_;
  std::string link_base_;
};

}  // namespace gapfill::domain
