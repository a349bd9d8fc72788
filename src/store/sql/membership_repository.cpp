// Memberships, invites and network policies.

#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kMembershipColumns = "network_id, account_id, role, created_at, updated_at";
constexpr const char* kInviteColumns =
    "id, network_id, role, token_hash, created_by, created_at, expires_at, used_at, used_by,"
    " revoked_at";
// Most trusted first in listings.
constexpr const char* kRoleRank =
    "CASE role WHEN 'admin' THEN 0 WHEN 'organizer' THEN 1 WHEN 'volunteer' THEN 2 ELSE 3 END";

Membership read_membership(const Statement& row) {
  Membership membership;
  membership.network_id = row.int64(0);
  membership.account_id = row.int64(1);
  membership.role = parse_role(row.text(2)).value_or(Role::kMember);
  membership.created_at = row.int64(3);
  membership.updated_at = row.int64(4);
  return membership;
}

Invite read_invite(const Statement& row) {
  Invite invite;
  invite.id = row.int64(0);
  invite.network_id = row.int64(1);
  invite.role = parse_role(row.text(2)).value_or(Role::kMember);
  invite.token_hash = row.text(3);
  invite.created_by = row.int64(4);
  invite.created_at = row.int64(5);
  invite.expires_at = row.int64(6);
  invite.used_at = row.optional_int64(7);
  invite.used_by = row.optional_int64(8);
  invite.revoked_at = row.optional_int64(9);
  return invite;
}

// A volunteer profile needs a volunteer (or more trusted) membership.
Status remove_profile(Database& db, NetworkId network_id, AccountId account_id) {
  auto statement =
      TRY(db.prepare("DELETE FROM volunteer_profiles WHERE network_id = ? AND account_id = ?"));
  statement.bind(1, network_id).bind(2, account_id);
  return statement.run();
}

}  // namespace

Result<std::optional<Membership>> SqlMembershipRepository::find(NetworkId network_id,
                                                                AccountId account_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMembershipColumns +
                                   " FROM memberships WHERE network_id = ? AND account_id = ?"));
  statement.bind(1, network_id).bind(2, account_id);
  if (!TRY(statement.step())) return std::optional<Membership>();
  return std::optional<Membership>(read_membership(statement));
}

Status SqlMembershipRepository::put(const Membership& membership) {
  auto statement = TRY(
      db_.prepare("INSERT INTO memberships (network_id, account_id, role, created_at, updated_at)"
                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (network_id, account_id)"
                  " DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at"));
  statement.bind(1, membership.network_id)
      .bind(2, membership.account_id)
      .bind(3, to_string(membership.role))
      .bind(4, membership.created_at)
      .bind(5, membership.updated_at);
  TRY_STATUS(statement.run());
  if (membership.role != Role::kMember) return {};
  return remove_profile(db_, membership.network_id, membership.account_id);
}

Status SqlMembershipRepository::remove(NetworkId network_id, AccountId account_id) {
  auto statement =
      TRY(db_.prepare("DELETE FROM memberships WHERE network_id = ? AND account_id = ?"));
  statement.bind(1, network_id).bind(2, account_id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Membership");
  return remove_profile(db_, network_id, account_id);
}

Result<std::vector<Membership>> SqlMembershipRepository::list_for_network(NetworkId network_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMembershipColumns +
                                   " FROM memberships WHERE network_id = ? ORDER BY " + kRoleRank +
                                   ", created_at, account_id"));
  statement.bind(1, network_id);
  std::vector<Membership> memberships;
  while (TRY(statement.step())) memberships.push_back(read_membership(statement));
  return memberships;
}

Result<std::vector<Membership>> SqlMembershipRepository::list_for_account(AccountId account_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMembershipColumns +
                                   " FROM memberships WHERE account_id = ? ORDER BY network_id"));
  statement.bind(1, account_id);
  std::vector<Membership> memberships;
  while (TRY(statement.step())) memberships.push_back(read_membership(statement));
  return memberships;
}

Result<int> SqlMembershipRepository::count_with_role(NetworkId network_id, Role role) {
  auto statement =
      TRY(db_.prepare("SELECT count(*) FROM memberships WHERE network_id = ? AND role = ?"));
  statement.bind(1, network_id).bind(2, to_string(role));
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

Result<std::int64_t> SqlMembershipRepository::insert_invite(const Invite& invite) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO invites (network_id, role, token_hash, created_by, created_at, expires_at,"
      " used_at, used_by, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, invite.network_id)
      .bind(2, to_string(invite.role))
      .bind(3, invite.token_hash)
      .bind(4, invite.created_by)
      .bind(5, invite.created_at)
      .bind(6, invite.expires_at)
      .bind(7, invite.used_at)
      .bind(8, invite.used_by)
      .bind(9, invite.revoked_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Invite> SqlMembershipRepository::find_invite_by_hash(const std::string& token_hash) {
  auto statement = TRY(
      db_.prepare(std::string("SELECT ") + kInviteColumns + " FROM invites WHERE token_hash = ?"));
  statement.bind(1, token_hash);
  if (!TRY(statement.step())) return not_found("Invite");
  return read_invite(statement);
}

Result<std::vector<Invite>> SqlMembershipRepository::list_invites(NetworkId network_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kInviteColumns +
                                   " FROM invites WHERE network_id = ? ORDER BY id DESC"));
  statement.bind(1, network_id);
  std::vector<Invite> invites;
  while (TRY(statement.step())) invites.push_back(read_invite(statement));
  return invites;
}

Status SqlMembershipRepository::use_invite(std::int64_t id, AccountId account_id, UnixSeconds at) {
  auto statement = TRY(
      db_.prepare("UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL"));
  statement.bind(1, at).bind(2, account_id).bind(3, id);
  TRY_STATUS(statement.run());
  if (db_.changes() == 1) return {};
  auto exists = TRY(db_.prepare("SELECT 1 FROM invites WHERE id = ?"));
  exists.bind(1, id);
  if (!TRY(exists.step())) return not_found("Invite");
  return fail(ErrorCode::kConflict, "This invite was used already.");
}

Status SqlMembershipRepository::revoke_invite(NetworkId network_id, std::int64_t id,
                                              UnixSeconds at) {
  auto statement =
      TRY(db_.prepare("UPDATE invites SET revoked_at = coalesce(revoked_at, ?)"
                      " WHERE id = ? AND network_id = ?"));
  statement.bind(1, at).bind(2, id).bind(3, network_id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Invite");
  return {};
}

Result<NetworkPolicy> SqlMembershipRepository::policy(NetworkId network_id) {
  auto statement =
      TRY(db_.prepare("SELECT claim_needs_volunteer FROM network_policies WHERE network_id = ?"));
  statement.bind(1, network_id);
  NetworkPolicy policy;
  policy.network_id = network_id;
  if (TRY(statement.step())) policy.claim_needs_volunteer = statement.int64(0) != 0;
  return policy;
}

Status SqlMembershipRepository::put_policy(const NetworkPolicy& policy) {
  auto statement = TRY(
      db_.prepare("INSERT INTO network_policies (network_id, claim_needs_volunteer) VALUES (?, ?)"
                  " ON CONFLICT (network_id) DO UPDATE"
                  " SET claim_needs_volunteer = excluded.claim_needs_volunteer"));
  statement.bind(1, policy.network_id).bind(2, policy.claim_needs_volunteer ? 1 : 0);
  return statement.run();
}

}  // namespace gapfill::store::sql
