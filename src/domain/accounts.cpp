#include "domain/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/catalogue.hpp"
#include "domain/passwords.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

std::unexpected<Error> wrong_credentials() {
  return fail(ErrorCode::kUnauthorized, "The e-mail address or the password is not right.");
}

std::unexpected<Error> unknown_link() {
  return fail(ErrorCode::kNotFound, "This link is unknown, used or expired.");
}

// The field errors of an address and a password, or none.
FieldMessages check_credentials(const Credentials& credentials, const std::string& email) {
  FieldMessages errors = credentials.read_errors;
  if (!errors.contains("email")) {
    if (!credentials.email || email.empty()) {
      errors["email"] = Message{"error.required", {}};
    } else if (!is_valid_email(email)) {
      errors["email"] = Message{"error.email", {{"example", "sam@example.org"}}};
    }
  }
  if (!errors.contains("password")) {
    if (!credentials.password || credentials.password->empty()) {
      errors["password"] = Message{"error.required", {}};
    } else if (credentials.password->size() < limits::kPasswordMinBytes ||
               credentials.password->size() > limits::kPasswordMaxBytes) {
      errors["password"] = Message{"error.password_length",
                                   {{"min", std::to_string(limits::kPasswordMinBytes)},
                                    {"max", std::to_string(limits::kPasswordMaxBytes)}}};
    }
  }
  return errors;
}

bool is_session_token(std::string_view token) {
  return token.starts_with(limits::kSessionTokenPrefix) && token.size() <= limits::kTokenMaxChars;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  std::string normalized = trim(email);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return normalized;
}

void AccountService::set_link_base(std::string base) {
  std::lock_guard lock(link_base_mutex_);
  link_base_ = std::move(base);
}

Status AccountService::mail(const std::string& to, const std::string& language,
                            const std::string& kind, const std::string& link) {
  const auto& catalogue = i18n::Catalogue::builtin();
  Email email;
  email.to = to;
  email.subject = catalogue.text(language, "mail." + kind + ".subject");
  email.text = catalogue.format(language, "mail." + kind + ".body", {{"link", link}});
  return outbox_->send(email);
}

Status AccountService::send_link(const Account& account, AccountTokenPurpose purpose,
                                 const std::string& language) {
  const UnixSeconds now = services_.now();
  const tokens::Issued issued = tokens::issue();
  TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
    // A new link replaces older ones of the same purpose.
    TRY_STATUS(transaction.account_tokens().use_all(account.id, purpose, now));
    AccountToken token;
    token.account_id = account.id;
    token.purpose = purpose;
    token.token_hash = issued.hash;
    token.created_at = now;
    token.expires_at = now + (purpose == AccountTokenPurpose::kVerify ? limits::kVerifyLinkSeconds
                                                                      : limits::kResetLinkSeconds);
    TRY(transaction.account_tokens().insert(token));
    return {};
  }));
  std::string base;
  {
    std::lock_guard lock(link_base_mutex_);
    base = link_base_;
  }
  const bool verify = purpose == AccountTokenPurpose::kVerify;
  const std::string link = base + (verify ? "/account/verify/" : "/account/reset/") + issued.token;
  return mail(account.email, language, verify ? "verify" : "reset", link);
}

Status AccountService::sign_up(const Credentials& credentials, const std::string& language) {
  const std::string email = normalize_email(credentials.email.value_or(""));
  if (auto errors = check_credentials(credentials, email); !errors.empty()) {
    return invalid(std::move(errors));
  }
  // Hashed whether or not the address is taken, so both take the same time.
  const std::string hash = TRY(passwords::hash(*credentials.password));
  const UnixSeconds now = services_.now();
  Account account;
  account.email = email;
  account.password_hash = hash;
  account.created_at = now;
  account.updated_at = now;
  bool taken = false;
  TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
    auto inserted = transaction.accounts().insert(account);
    if (!inserted) {
      if (inserted.error().code != ErrorCode::kConflict) return std::unexpected(inserted.error());
      taken = true;
      return {};
    }
    account.id = *inserted;
    return {};
  }));
  if (taken) {
    std::string base;
    {
      std::lock_guard lock(link_base_mutex_);
      base = link_base_;
    }
    return mail(email, language, "exists", base + "/account/forgot");
  }
  return send_link(account, AccountTokenPurpose::kVerify, language);
}

Result<NewSession> AccountService::sign_in(const Credentials& credentials) {
  const std::string email = normalize_email(credentials.email.value_or(""));
  const std::string password = credentials.password.value_or("");
  if (email.empty() || email.size() > limits::kEmailMaxChars || password.empty() ||
      password.size() > limits::kPasswordMaxBytes) {
    return wrong_credentials();
  }
  std::optional<Account> found;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    auto account = transaction.accounts().find_by_email(email);
    if (account) {
      found = std::move(*account);
    } else if (account.error().code != ErrorCode::kNotFound) {
      return std::unexpected(account.error());
    }
    return {};
  }));
  if (!found) {
    passwords::verify_nothing(password);
    return wrong_credentials();
  }
  if (!passwords::verify(password, found->password_hash)) return wrong_credentials();
  const UnixSeconds now = services_.now();
  std::optional<std::string> rehashed;
  if (passwords::needs_rehash(found->password_hash)) rehashed = TRY(passwords::hash(password));
  const tokens::Issued issued = tokens::issue();
  NewSession created;
  created.token = std::string(limits::kSessionTokenPrefix) + issued.token;
  created.session.account_id = found->id;
  created.session.token_hash = tokens::hash(created.token);
  created.session.created_at = now;
  created.session.last_seen_at = now;
  created.session.expires_at = now + limits::kSessionMaxAgeSeconds;
  TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
    if (rehashed) {
      found->password_hash = *rehashed;
      found->updated_at = now;
      TRY_STATUS(transaction.accounts().update(*found));
    }
    created.session.id = TRY(transaction.sessions().insert(created.session));
    return {};
  }));
  created.account = std::move(*found);
  return created;
}

Result<SignedIn> AccountService::authenticate(const std::string& session_token) {
  if (!is_session_token(session_token)) {
    return fail(ErrorCode::kUnauthorized, "Sign in first.");
  }
  const UnixSeconds now = services_.now();
  const std::string hash = tokens::hash(session_token);
  std::optional<SignedIn> signed_in;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    auto session = transaction.sessions().find_by_hash(hash);
    if (!session) {
      if (session.error().code == ErrorCode::kNotFound) return {};
      return std::unexpected(session.error());
    }
    if (session->expires_at <= now || session->last_seen_at + limits::kSessionIdleSeconds <= now) {
      return {};
    }
    auto account = TRY(transaction.accounts().find(session->account_id));
    signed_in = SignedIn{std::move(account), std::move(*session)};
    return {};
  }));
  if (!signed_in) return fail(ErrorCode::kUnauthorized, "The session has ended; sign in again.");
  if (now - signed_in->session.last_seen_at >= limits::kSessionTouchSeconds) {
    TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
      return transaction.sessions().touch(signed_in->session.id, now);
    }));
    signed_in->session.last_seen_at = now;
  }
  return *signed_in;
}

Status AccountService::sign_out(const std::string& session_token) {
  if (!is_session_token(session_token)) return {};
  const std::string hash = tokens::hash(session_token);
  return services_.store().write([&](store::Transaction& transaction) -> Status {
    auto session = transaction.sessions().find_by_hash(hash);
    if (!session)
      return session.error().code == ErrorCode::kNotFound
                 ? Status{}
                 : Status(std::unexpected(session.error()));
    return transaction.sessions().remove(session->id);
  });
}

Status AccountService::sign_out_everywhere(AccountId account_id) {
  return services_.store().write([&](store::Transaction& transaction) -> Status {
    TRY(transaction.sessions().remove_for_account(account_id));
    return {};
  });
}

Result<AccountToken> AccountService::usable_link(const std::string& link_token,
                                                 AccountTokenPurpose purpose) {
  if (link_token.empty() || link_token.size() > limits::kTokenMaxChars) return unknown_link();
  const UnixSeconds now = services_.now();
  std::optional<AccountToken> found;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    auto token = transaction.account_tokens().find_by_hash(tokens::hash(link_token));
    if (token) {
      found = std::move(*token);
    } else if (token.error().code != ErrorCode::kNotFound) {
      return std::unexpected(token.error());
    }
    return {};
  }));
  if (!found || found->purpose != purpose || found->used_at || found->expires_at <= now) {
    return unknown_link();
  }
  return *found;
}

Result<Account> AccountService::verify_email(const std::string& link_token) {
  const AccountToken link = TRY(usable_link(link_token, AccountTokenPurpose::kVerify));
  const UnixSeconds now = services_.now();
  Account account;
  TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
    // Read again under the write lock: a link is used once, even by two
    // requests at the same moment.
    const AccountToken current = TRY(transaction.account_tokens().find_by_hash(link.token_hash));
    if (current.used_at) return unknown_link();
    TRY_STATUS(transaction.account_tokens().use_all(link.account_id, link.purpose, now));
    account = TRY(transaction.accounts().find(link.account_id));
    if (!account.verified_at) {
      account.verified_at = now;
      account.updated_at = now;
      TRY_STATUS(transaction.accounts().update(account));
    }
    return {};
  }));
  return account;
}

Status AccountService::resend_verification(AccountId account_id, const std::string& language) {
  Account account;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    account = TRY(transaction.accounts().find(account_id));
    return {};
  }));
  if (account.verified_at) return {};
  return send_link(account, AccountTokenPurpose::kVerify, language);
}

Status AccountService::request_reset(const std::string& email, const std::string& language) {
  const std::string normalized = normalize_email(email);
  if (normalized.empty()) return invalid({{"email", Message{"error.required", {}}}});
  if (!is_valid_email(normalized)) {
    return invalid({{"email", Message{"error.email", {{"example", "sam@example.org"}}}}});
  }
  std::optional<Account> found;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    auto account = transaction.accounts().find_by_email(normalized);
    if (account) {
      found = std::move(*account);
    } else if (account.error().code != ErrorCode::kNotFound) {
      return std::unexpected(account.error());
    }
    return {};
  }));
  if (!found) return {};
  return send_link(*found, AccountTokenPurpose::kReset, language);
}

bool AccountService::reset_link_usable(const std::string& link_token) {
  return usable_link(link_token, AccountTokenPurpose::kReset).has_value();
}

Status AccountService::reset_password(const std::string& link_token,
                                      const std::optional<std::string>& password) {
  const AccountToken link = TRY(usable_link(link_token, AccountTokenPurpose::kReset));
  Credentials credentials;
  credentials.email = "reset@example.org";
  credentials.password = password;
  if (auto errors = check_credentials(credentials, *credentials.email); !errors.empty()) {
    return invalid(std::move(errors));
  }
  const std::string hash = TRY(passwords::hash(*password));
  const UnixSeconds now = services_.now();
  return services_.store().write([&](store::Transaction& transaction) -> Status {
    const AccountToken current = TRY(transaction.account_tokens().find_by_hash(link.token_hash));
    if (current.used_at) return unknown_link();
    TRY_STATUS(transaction.account_tokens().use_all(link.account_id, link.purpose, now));
    Account account = TRY(transaction.accounts().find(link.account_id));
    account.password_hash = hash;
    if (!account.verified_at) account.verified_at = now;
    account.updated_at = now;
    TRY_STATUS(transaction.accounts().update(account));
    TRY(transaction.sessions().remove_for_account(account.id));
    return {};
  });
}

Result<AccountExport> AccountService::export_data(AccountId account_id) {
  AccountExport exported;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    exported.account = TRY(transaction.accounts().find(account_id));
    exported.posts = TRY(transaction.posts().list_for_account(account_id));
    exported.matches = TRY(transaction.matches().list_for_account(account_id));
    exported.volunteer_profiles = TRY(transaction.volunteers().list_for_account(account_id));
    exported.sessions = TRY(transaction.sessions().count_for_account(account_id));
    return {};
  }));
  return exported;
}

Status AccountService::delete_account(AccountId account_id,
                                      const std::optional<std::string>& password) {
  Account account;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    account = TRY(transaction.accounts().find(account_id));
    return {};
  }));
  if (!password || password->empty()) return invalid({{"password", Message{"error.required", {}}}});
  if (password->size() > limits::kPasswordMaxBytes ||
      !passwords::verify(*password, account.password_hash)) {
    return std::unexpected(Error{ErrorCode::kForbidden,
                                 "The password is not right.",
                                 {{"password", Message{"error.password_wrong", {}}}}});
  }
  const UnixSeconds now = services_.now();
  return services_.write(
      [&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        // Claims first: a live claim is cancelled, so its request is open again.
        for (const Match& claim : TRY(transaction.matches().list_for_account(account_id))) {
          if (claim.status == MatchStatus::kProposed || claim.status == MatchStatus::kAccepted) {
            MatchView view = TRY(load_match_view(transaction, claim.id, true));
            TRY_STATUS(move_match(transaction, view, MatchStatus::kCancelled, now, changed));
          }
          TRY_STATUS(transaction.matches().erase_personal_data(claim.id));
        }
        for (Post post : TRY(transaction.posts().list_for_account(account_id))) {
          if (post.status == PostStatus::kOpen || post.status == PostStatus::kMatched) {
            post = TRY(transaction.posts().find_for_update(post.id));
            TRY_STATUS(close_post(transaction, post, CloseReason::kWithdrawn, now, changed));
          }
          TRY_STATUS(transaction.posts().erase_personal_data(post.id, now));
          TRY(transaction.matches().erase_personal_data_for_post(post.id));
        }
        // Roles end with the account (roles engineer). A network left without
        // an admin gets one back through the operator's organizer key.
        for (const Membership& membership :
             TRY(transaction.memberships().list_for_account(account_id))) {
          TRY_STATUS(transaction.memberships().remove(membership.network_id, account_id));
        }
        return transaction.accounts().remove(account_id);
      });
}

Result<int> AccountService::remove_expired_sessions() {
  const UnixSeconds now = services_.now();
  int removed = 0;
  TRY_STATUS(services_.store().write([&](store::Transaction& transaction) -> Status {
    removed = TRY(transaction.sessions().remove_expired(now, now - limits::kSessionIdleSeconds));
    return {};
  }));
  return removed;
}

}  // namespace gapfill::domain
