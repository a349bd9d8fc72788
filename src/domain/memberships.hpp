#pragma once
// Roles per network: who belongs to a network and as what (member,
// volunteer, organizer, admin), one-time invites to a role, and the policy a
// network's admins set. Every decision goes through domain/authorization.
//
// How people get a role:
// - whoever creates a network on the site is its admin;
// - the operator's organizer key (`gapfill organizer-key`) makes the signed-in
//   account that redeems it an admin: the way to the first admin of a network
//   made from the command line, or back in when every admin is gone;
// - anyone signed in can join a network as a volunteer themselves;
// - admins invite volunteers, organizers and admins by one-time links, and
//   change and remove roles; a network always keeps at least one admin.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;

// A new invite: `token` goes in the link, is shown once and never stored.
struct IssuedInvite {
  Invite invite;
  std::string token;
};

class MembershipService {
 public:
  explicit MembershipService(Services& services) : services_(services) {}

  // The actor's role in the network (nullopt: none). kNotFound for an
  // unknown network.
  Result<std::optional<Role>> role(const std::string& network_slug, const Actor& actor);
  // Every network the signed-in actor belongs to (empty when anonymous).
  Result<std::vector<Membership>> of(const Actor& actor);

  // The signed-in actor joins as a volunteer; a member becomes a volunteer,
  // a more trusted role stays as it is.
  Result<Membership> join(const std::string& network_slug, const Actor& actor);

  // For admins: a one-time link to `role` (volunteer, organizer or admin),
  // valid for limits::kInviteLifetimeSeconds.
  Result<IssuedInvite> invite(const std::string& network_slug, const Actor& actor, Role role);
  // The live invite behind `token` (not used, revoked or expired), to show
  // before it is taken; kNotFound otherwise.
  Result<Invite> find_invite(const std::string& token);
  // The signed-in actor takes the invite's role in its network (a more
  // trusted role they hold stays). Single use: kNotFound for an unknown,
  // used, revoked or expired invite.
  Result<Membership> redeem(const std::string& token, const Actor& actor);
  // For admins: the network's invites, newest first, and revoking one.
  Result<std::vector<Invite>> invites(const std::string& network_slug, const Actor& actor);
  Status revoke_invite(const std::string& network_slug, const Actor& actor, std::int64_t invite_id);

  // For admins: every membership of the network, most trusted first.
  Result<std::vector<Membership>> members(const std::string& network_slug, const Actor& actor);
  // For admins: sets an existing member's role; kNotFound for someone who is
  // not a member, kConflict for demoting the network's last admin.
  Result<Membership> set_role(const std::string& network_slug, const Actor& actor,
                              AccountId account_id, Role role);
  // For admins, or anyone for themselves: ends a membership; kConflict for
  // the network's last admin.
  Status remove(const std::string& network_slug, const Actor& actor, AccountId account_id);

  // The network's policy (anyone may know it: the claim form says it).
  Result<NetworkPolicy> policy(const std::string& network_slug);
  // For admins: replaces the network's policy.
  Result<NetworkPolicy> set_policy(const std::string& network_slug, const Actor& actor,
                                   NetworkPolicy policy);

  // The signed-in actor redeems an organizer key of the network (see
  // OrganizerService::issue_key) and becomes its admin; the key is revoked.
  // kForbidden for a key that is unknown, revoked or of another network.
  Result<Membership> redeem_organizer_key(const std::string& network_slug, const std::string& key,
                                          const Actor& actor);

 private:
  Services& services_;
};

}  // namespace gapfill::domain
