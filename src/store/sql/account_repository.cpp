// Accounts, their sessions and their one-time tokens.

#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kAccountColumns =
    "id, email, password_hash, verified_at, created_at, updated_at";
constexpr const char* kSessionColumns =
    "id, account_id, token_hash, created_at, last_seen_at, expires_at";
constexpr const char* kTokenColumns =
    "id, account_id, purpose, token_hash, created_at, expires_at, used_at";

// The address is sealed at rest, found by its lookup (sealed_columns()).
Result<Account> read_account(const Statement& row, const FieldCipher& cipher) {
  Account account;
  account.id = row.int64(0);
  account.email = TRY(read_sealed(row, 1, cipher));
  account.password_hash = row.text(2);
  account.verified_at = row.optional_int64(3);
  account.created_at = row.int64(4);
  account.updated_at = row.int64(5);
  return account;
}

Session read_session(const Statement& row) {
  Session session;
  session.id = row.int64(0);
  session.account_id = row.int64(1);
  session.token_hash = row.text(2);
  session.created_at = row.int64(3);
  session.last_seen_at = row.int64(4);
  session.expires_at = row.int64(5);
  return session;
}

AccountToken read_token(const Statement& row) {
  AccountToken token;
  token.id = row.int64(0);
  token.account_id = row.int64(1);
  token.purpose = parse_account_token_purpose(row.text(2)).value_or(AccountTokenPurpose::kVerify);
  token.token_hash = row.text(3);
  token.created_at = row.int64(4);
  token.expires_at = row.int64(5);
  token.used_at = row.optional_int64(6);
  return token;
}

}  // namespace

// An account's id is never given again, even after the account is deleted:
// blocks, the audit log and used invites name accounts by id. SQLite would
// reuse the highest id once its row is gone, so remove() keeps the highest
// id it removed in the settings and insert() counts on from there.
// PostgreSQL's identity sequence never gives an id twice by itself.
constexpr const char* kRetiredIdSetting = "accounts.highest_removed_id";

Result<AccountId> SqlAccountRepository::insert(const Account& account) {
  const std::string sql =
      db_.dialect() == Dialect::kSqlite
          ? std::string(
                "INSERT INTO accounts (id, email, email_lookup, password_hash, verified_at,"
                " created_at, updated_at) VALUES (1 + max(coalesce((SELECT max(id) FROM"
                " accounts), 0), coalesce((SELECT value FROM settings WHERE name = '") +
                kRetiredIdSetting + "'), 0)), ?, ?, ?, ?, ?, ?)"
          : "INSERT INTO accounts (email, email_lookup, password_hash, verified_at, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)";
  auto statement = TRY(db_.prepare(sql));
  add_sealed(statement, cipher_, account.email)
      .add(cipher_.lookup(account.email))
      .add(account.password_hash)
      .add(account.verified_at)
      .add(account.created_at)
      .add(account.updated_at);
  if (auto done = statement.run(); !done) {
    if (done.error().code == ErrorCode::kConflict) {
      return fail(ErrorCode::kConflict, "An account with this e-mail address exists.");
    }
    return std::unexpected(done.error());
  }
  return db_.last_insert_id();
}

Result<Account> SqlAccountRepository::find(AccountId id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return not_found("Account");
  return read_account(statement, cipher_);
}

Result<Account> SqlAccountRepository::find_by_email(const std::string& email) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kAccountColumns +
                                   " FROM accounts WHERE email_lookup = ?"));
  statement.bind(1, cipher_.lookup(email));
  if (!TRY(statement.step())) return not_found("Account");
  return read_account(statement, cipher_);
}

Status SqlAccountRepository::update(const Account& account) {
  auto statement =
      TRY(db_.prepare("UPDATE accounts SET password_hash = ?, verified_at = ?, updated_at = ?"
                      " WHERE id = ?"));
  statement.bind(1, account.password_hash)
      .bind(2, account.verified_at)
      .bind(3, account.updated_at)
      .bind(4, account.id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Account");
  return {};
}

Status SqlAccountRepository::remove(AccountId id) {
  for (const char* sql : {"DELETE FROM sessions WHERE account_id = ?",
                          "DELETE FROM account_tokens WHERE account_id = ?",
                          "DELETE FROM volunteer_profiles WHERE account_id = ?",
                          "UPDATE posts SET account_id = NULL WHERE account_id = ?",
                          "UPDATE matches SET account_id = NULL WHERE account_id = ?"}) {
    auto statement = TRY(db_.prepare(sql));
    statement.bind(1, id);
    TRY_STATUS(statement.run());
  }
  auto statement = TRY(db_.prepare("DELETE FROM accounts WHERE id = ?"));
  statement.bind(1, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Account");
  if (db_.dialect() != Dialect::kSqlite) return {};
  auto retired = TRY(
      db_.prepare(std::string("INSERT INTO settings (name, value) VALUES ('") + kRetiredIdSetting +
                  "', ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)"));
  retired.bind(1, id);
  return retired.run();
}

Result<std::int64_t> SqlSessionRepository::insert(const Session& session) {
  auto statement =
      TRY(db_.prepare("INSERT INTO sessions (account_id, token_hash, created_at, last_seen_at,"
                      " expires_at) VALUES (?, ?, ?, ?, ?)"));
  statement.bind(1, session.account_id)
      .bind(2, session.token_hash)
      .bind(3, session.created_at)
      .bind(4, session.last_seen_at)
      .bind(5, session.expires_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Session> SqlSessionRepository::find_by_hash(const std::string& token_hash) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kSessionColumns +
                                   " FROM sessions WHERE token_hash = ?"));
  statement.bind(1, token_hash);
  if (!TRY(statement.step())) return not_found("Session");
  return read_session(statement);
}

Status SqlSessionRepository::touch(std::int64_t id, UnixSeconds at) {
  auto statement = TRY(db_.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?"));
  statement.bind(1, at).bind(2, id);
  return statement.run();
}

Status SqlSessionRepository::remove(std::int64_t id) {
  auto statement = TRY(db_.prepare("DELETE FROM sessions WHERE id = ?"));
  statement.bind(1, id);
  return statement.run();
}

Result<int> SqlSessionRepository::remove_for_account(AccountId account_id) {
  auto statement = TRY(db_.prepare("DELETE FROM sessions WHERE account_id = ?"));
  statement.bind(1, account_id);
  TRY_STATUS(statement.run());
  return db_.changes();
}

Result<int> SqlSessionRepository::count_for_account(AccountId account_id) {
  auto statement = TRY(db_.prepare("SELECT count(*) FROM sessions WHERE account_id = ?"));
  statement.bind(1, account_id);
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

Result<int> SqlSessionRepository::remove_expired(UnixSeconds now, UnixSeconds idle_before) {
  auto statement =
      TRY(db_.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?"));
  statement.bind(1, now).bind(2, idle_before);
  TRY_STATUS(statement.run());
  return db_.changes();
}

Result<std::int64_t> SqlAccountTokenRepository::insert(const AccountToken& token) {
  auto statement =
      TRY(db_.prepare("INSERT INTO account_tokens (account_id, purpose, token_hash, created_at,"
                      " expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?)"));
  statement.bind(1, token.account_id)
      .bind(2, to_string(token.purpose))
      .bind(3, token.token_hash)
      .bind(4, token.created_at)
      .bind(5, token.expires_at)
      .bind(6, token.used_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<AccountToken> SqlAccountTokenRepository::find_by_hash(const std::string& token_hash) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kTokenColumns +
                                   " FROM account_tokens WHERE token_hash = ?"));
  statement.bind(1, token_hash);
  if (!TRY(statement.step())) return not_found("Link");
  return read_token(statement);
}

Status SqlAccountTokenRepository::use_all(AccountId account_id, AccountTokenPurpose purpose,
                                          UnixSeconds at) {
  auto statement =
      TRY(db_.prepare("UPDATE account_tokens SET used_at = ?"
                      " WHERE account_id = ? AND purpose = ? AND used_at IS NULL"));
  statement.bind(1, at).bind(2, account_id).bind(3, to_string(purpose));
  return statement.run();
}

}  // namespace gapfill::store::sql
