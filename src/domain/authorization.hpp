#pragma once
// Who may do what: the one place the domain decides it. Every service finds
// the facts (the actor's role in the network, the post, the match) and asks
// decide() before it acts, or access_to_post() for how much of a post to
// show. No other file compares tokens or roles to allow an action.

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "store/model.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

// Who is asking, as far as a bearer token and a session tell.
enum class Access {
  kPublic,     // anyone
  kOwner,      // holds the post's manage token
  kVolunteer,  // holds the token of an accepted or completed match on the post
  kOrganizer,  // an organizer or admin of the post's network
};

// Who is asking: a signed-in account, a bearer token (a post's manage token
// or a volunteer's match token), both, or neither (anonymous).
struct Actor {
  std::optional<AccountId> account;
  std::string token;

  Actor() = default;
  // A bearer token alone. Implicit, so that callers holding only a token
  // (the API's Authorization header, a private link) pass it as it is.
  Actor(std::string bearer_token) : token(std::move(bearer_token)) {}  // NOLINT
  Actor(const char* bearer_token) : token(bearer_token) {}             // NOLINT
  static Actor signed_in(AccountId id, std::string bearer_token = "") {
    Actor actor(std::move(bearer_token));
    actor.account = id;
    return actor;
  }
};

enum class Action {
  kCreateNetwork,    // a signed-in account (it becomes the network's admin)
  kJoinNetwork,      // a signed-in account joins as a volunteer
  kRedeemInvite,     // a signed-in account takes the role an invite gives
  kOrganize,         // an organizer or admin: the queue, matching, closing, intake
  kManageNetwork,    // an admin: members, invites and the network's policy
  kRemoveMember,     // an admin, or the member themselves (leaving)
  kVolunteer,        // a volunteer, organizer or admin: their own volunteer profile
  kClaimRequest,     // anyone; a volunteer when the network's policy says so
  kChangePost,       // the post's manage token: edit, close
  kViewPostHistory,  // the post's manage token, or an organizer of its network
  kProposeMatch,     // the manage token of the request or of the offer
  kViewMatch,        // a party to the match, or an organizer of its network
  kMoveMatch,        // a party to the match: accept, complete, cancel
  // Referrals between networks (domain/referrals.hpp); `role` is the actor's
  // role in the network named.
  kReferPost,         // an organizer of the post's network refers it on
  kWithdrawReferral,  // an organizer of the sending network
  kDecideReferral,    // an organizer of the receiving network: accept, decline
  kConsentReferral,   // the post's manage token: the requester says yes or no
};

// What decide() weighs besides the actor. Pointers may be null when the
// action does not concern that record.
struct Resource {
  std::optional<Role> role;               // the actor's role in the resource's network
  const NetworkPolicy* policy = nullptr;  // kClaimRequest
  const Post* post = nullptr;             // kChangePost, kViewPostHistory
  const Match* match = nullptr;           // kViewMatch, kMoveMatch
  const Post* request = nullptr;          // the match's (or proposal's) request
  const Post* offer = nullptr;            // the match's (or proposal's) offer, if any
  std::optional<AccountId> member;        // kRemoveMember: whose membership
};

// OK when `actor` may do `action` on `resource`. Otherwise kUnauthorized
// when the actor brought nothing that could allow it (not signed in where an
// account is needed, no token where a token is), and kForbidden when what
// they brought does not allow it.
Status decide(const Actor& actor, Action action, const Resource& resource);

// How much of `post` the actor sees: kOwner for its manage token, then
// kOrganizer for an organizer or admin of its network (`role`), then
// kVolunteer for the token of an accepted or completed volunteer match on
// it, kPublic otherwise.
Access access_to_post(const Actor& actor, std::optional<Role> role, const Post& post,
                      const std::vector<Match>& matches);

// True when the actor is the volunteer of `match`: they hold its token, or
// they are signed in as the account it belongs to.
bool holds_match_token(const Actor& actor, const Match& match);

// The side a caller speaks for in a match's thread (the contact relay):
// the request's manage token is the requester, the offer's the offerer, the
// match token or the match's own account (`account`, signed in) the
// volunteer, and an organizer of the network (`organizer`) an organizer;
// nullopt for anyone else.
std::optional<MessageSide> relay_side(const Match& match, const Post& request, const Post* offer,
                                      const std::string& token, bool organizer,
                                      std::optional<AccountId> account = std::nullopt);

// Whether a referral is shown to someone with `from_role` in its sending
// network and `to_role` in its receiving one: the sending network's
// organizers always; the receiving network's once the requester consented
// (sent and after, never awaiting_consent or refused); nobody else.
bool sees_referral(std::optional<Role> from_role, std::optional<Role> to_role,
                   const Referral& referral);

// True when `role` is `minimum` or a more trusted one.
bool at_least(std::optional<Role> role, Role minimum);

// The actor's role in the network: nullopt when not signed in or not a member.
Result<std::optional<Role>> role_in(store::Transaction& transaction, const Actor& actor,
                                    NetworkId network_id);

}  // namespace gapfill::domain
