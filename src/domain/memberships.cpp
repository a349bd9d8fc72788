#include "domain/memberships.hpp"

#include "base/limits.hpp"
#include "domain/audit.hpp"
#include "domain/moderation.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"

namespace gapfill::domain {
namespace {

// The network and the actor's role in it, refused unless decide() allows
// `action`.
struct Scope {
  Network network;
  std::optional<Role> role;
};

Result<Scope> authorize(Services& services, store::Transaction& transaction,
                        const std::string& network_slug, const Actor& actor, Action action,
                        std::optional<AccountId> member = std::nullopt) {
  Scope scope{TRY(services.networks().find(network_slug)), std::nullopt};
  scope.role = TRY(role_in(transaction, actor, scope.network.id));
  Resource resource;
  resource.role = scope.role;
  resource.member = member;
  TRY_STATUS(decide(actor, action, resource));
  return scope;
}

// The account as the audit log names it.
AuditActor audit_actor(const Actor& actor) {
  AuditActor who{ActorKind::kAccount, actor.account, ""};
  if (actor.account) who.label = "account " + std::to_string(*actor.account);
  return who;
}

// The more trusted of two roles.
Role higher(std::optional<Role> held, Role given) {
  return at_least(held, given) ? *held : given;
}

// Gives `account` the role `role` in the network (keeping created_at).
Result<Membership> put_role(store::Transaction& transaction, NetworkId network_id,
                            AccountId account_id, Role role, UnixSeconds now) {
  auto existing = TRY(transaction.memberships().find(network_id, account_id));
  Membership membership = existing.value_or(Membership{network_id, account_id, role, now, now});
  membership.role = role;
  membership.updated_at = now;
  TRY_STATUS(transaction.memberships().put(membership));
  return membership;
}

// kConflict when `account` is the network's only admin.
Status keep_an_admin(store::Transaction& transaction, NetworkId network_id,
                     const Membership& membership) {
  if (membership.role != Role::kAdmin) return {};
  if (TRY(transaction.memberships().count_with_role(network_id, Role::kAdmin)) > 1) return {};
  return fail(ErrorCode::kConflict, "A network needs at least one admin.");
}

bool is_live(const Invite& invite, UnixSeconds now) {
  return !invite.used_at && !invite.revoked_at && now < invite.expires_at;
}

}  // namespace

Result<std::optional<Role>> MembershipService::role(const std::string& network_slug,
                                                    const Actor& actor) {
  const Network network = TRY(services_.networks().find(network_slug));
  std::optional<Role> role;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    role = TRY(role_in(transaction, actor, network.id));
    return {};
  }));
  return role;
}

Result<std::vector<Membership>> MembershipService::of(const Actor& actor) {
  std::vector<Membership> memberships;
  if (!actor.account) return memberships;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    memberships = TRY(transaction.memberships().list_for_account(*actor.account));
    return {};
  }));
  return memberships;
}

Result<Membership> MembershipService::join(const std::string& network_slug, const Actor& actor) {
  const UnixSeconds now = services_.now();
  Membership membership;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kJoinNetwork));
    TRY_STATUS(refuse_blocked_account(transaction, scope.network.id, *actor.account));
    membership = TRY(put_role(transaction, scope.network.id, *actor.account,
                              higher(scope.role, Role::kVolunteer), now));
    return {};
  }));
  return membership;
}

Result<IssuedInvite> MembershipService::invite(const std::string& network_slug, const Actor& actor,
                                               Role role) {
  const UnixSeconds now = services_.now();
  const tokens::Issued issued = tokens::issue();
  Invite invite;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    if (role == Role::kMember) {
      return invalid(
          {{"role", Message{"error.one_of", {{"allowed", "volunteer, organizer, admin"}}}}});
    }
    invite.network_id = scope.network.id;
    invite.role = role;
    invite.token_hash = issued.hash;
    invite.created_by = *actor.account;
    invite.created_at = now;
    invite.expires_at = now + limits::kInviteLifetimeSeconds;
    invite.id = TRY(transaction.memberships().insert_invite(invite));
    return record_audit(transaction, scope.network.id, audit_actor(actor), "invite",
                        {"invite", invite.id}, "role=" + std::string(to_string(role)), now);
  }));
  return IssuedInvite{std::move(invite), issued.token};
}

Result<Invite> MembershipService::find_invite(const std::string& token) {
  if (token.empty() || token.size() > limits::kTokenMaxChars) return not_found("Invite");
  const UnixSeconds now = services_.now();
  Invite invite;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    invite = TRY(transaction.memberships().find_invite_by_hash(tokens::hash(token)));
    return {};
  }));
  if (!tokens::matches(token, invite.token_hash) || !is_live(invite, now)) {
    return not_found("Invite");
  }
  return invite;
}

Result<Membership> MembershipService::redeem(const std::string& token, const Actor& actor) {
  TRY_STATUS(decide(actor, Action::kRedeemInvite, {}));
  if (token.empty() || token.size() > limits::kTokenMaxChars) return not_found("Invite");
  const UnixSeconds now = services_.now();
  Membership membership;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Invite invite = TRY(transaction.memberships().find_invite_by_hash(tokens::hash(token)));
    if (!tokens::matches(token, invite.token_hash) || !is_live(invite, now)) {
      return not_found("Invite");
    }
    TRY_STATUS(transaction.memberships().use_invite(invite.id, *actor.account, now));
    const auto held = TRY(role_in(transaction, actor, invite.network_id));
    membership = TRY(
        put_role(transaction, invite.network_id, *actor.account, higher(held, invite.role), now));
    return record_audit(transaction, invite.network_id, audit_actor(actor), "invite_redeemed",
                        {"invite", invite.id}, "role=" + std::string(to_string(membership.role)),
                        now);
  }));
  return membership;
}

Result<std::vector<Invite>> MembershipService::invites(const std::string& network_slug,
                                                       const Actor& actor) {
  std::vector<Invite> invites;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    invites = TRY(transaction.memberships().list_invites(scope.network.id));
    if (invites.size() > limits::kInvitesListedMax) invites.resize(limits::kInvitesListedMax);
    return {};
  }));
  return invites;
}

Status MembershipService::revoke_invite(const std::string& network_slug, const Actor& actor,
                                        std::int64_t invite_id) {
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    TRY_STATUS(transaction.memberships().revoke_invite(scope.network.id, invite_id, now));
    return record_audit(transaction, scope.network.id, audit_actor(actor), "invite_revoked",
                        {"invite", invite_id}, "", now);
  });
}

Result<std::vector<Membership>> MembershipService::members(const std::string& network_slug,
                                                           const Actor& actor) {
  std::vector<Membership> members;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    members = TRY(transaction.memberships().list_for_network(scope.network.id));
    return {};
  }));
  return members;
}

Result<Membership> MembershipService::set_role(const std::string& network_slug, const Actor& actor,
                                               AccountId account_id, Role role) {
  const UnixSeconds now = services_.now();
  Membership membership;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    const auto existing = TRY(transaction.memberships().find(scope.network.id, account_id));
    if (!existing) return not_found("Member");
    if (role != Role::kAdmin) TRY_STATUS(keep_an_admin(transaction, scope.network.id, *existing));
    membership = TRY(put_role(transaction, scope.network.id, account_id, role, now));
    return record_audit(transaction, scope.network.id, audit_actor(actor), "role_changed",
                        {"account", account_id}, "role=" + std::string(to_string(role)), now);
  }));
  return membership;
}

Status MembershipService::remove(const std::string& network_slug, const Actor& actor,
                                 AccountId account_id) {
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope = TRY(
        authorize(services_, transaction, network_slug, actor, Action::kRemoveMember, account_id));
    const auto existing = TRY(transaction.memberships().find(scope.network.id, account_id));
    if (!existing) return not_found("Member");
    TRY_STATUS(keep_an_admin(transaction, scope.network.id, *existing));
    TRY_STATUS(transaction.memberships().remove(scope.network.id, account_id));
    return record_audit(transaction, scope.network.id, audit_actor(actor), "member_removed",
                        {"account", account_id}, "", now);
  });
}

Result<NetworkPolicy> MembershipService::policy(const std::string& network_slug) {
  const NetworkId network_id = TRY(services_.networks().id_of(network_slug));
  NetworkPolicy policy;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    policy = TRY(transaction.memberships().policy(network_id));
    return {};
  }));
  return policy;
}

Result<NetworkPolicy> MembershipService::set_policy(const std::string& network_slug,
                                                    const Actor& actor, NetworkPolicy policy) {
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Scope scope =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kManageNetwork));
    policy.network_id = scope.network.id;
    TRY_STATUS(transaction.memberships().put_policy(policy));
    return record_audit(
        transaction, scope.network.id, audit_actor(actor), "policy_changed",
        {"network", scope.network.id},
        policy.claim_needs_volunteer ? "claim_needs_volunteer=true" : "claim_needs_volunteer=false",
        services_.now());
  }));
  return policy;
}

Result<Membership> MembershipService::redeem_organizer_key(const std::string& network_slug,
                                                           const std::string& key,
                                                           const Actor& actor) {
  TRY_STATUS(decide(actor, Action::kRedeemInvite, {}));
  const Network network = TRY(services_.networks().find(network_slug));
  const UnixSeconds now = services_.now();
  const auto refuse = [] {
    return fail(ErrorCode::kForbidden, "This organizer key does not open this network.");
  };
  if (key.empty() || key.size() > limits::kTokenMaxChars) return refuse();
  Membership membership;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    auto found = transaction.organizer_keys().find_by_hash(tokens::hash(key));
    if (!found) {
      if (found.error().code == ErrorCode::kNotFound) return refuse();
      return std::unexpected(std::move(found.error()));
    }
    if (!tokens::matches(key, found->key_hash) || found->revoked_at ||
        found->network_id != network.id) {
      return refuse();
    }
    TRY_STATUS(transaction.organizer_keys().revoke(found->id, now));
    membership = TRY(put_role(transaction, network.id, *actor.account, Role::kAdmin, now));
    return record_audit(transaction, network.id, audit_actor(actor), "key_redeemed",
                        {"organizer_key", found->id}, "role=admin", now);
  }));
  return membership;
}

}  // namespace gapfill::domain
