#include "domain/authorization.hpp"

#include "domain/tokens.hpp"

namespace gapfill::domain {
namespace {

bool holds(const Actor& actor, const std::string& token_hash) {
  return !actor.token.empty() && !token_hash.empty() && tokens::matches(actor.token, token_hash);
}

bool is_party(const Actor& actor, const Resource& resource) {
  if (resource.match == nullptr || resource.request == nullptr) return false;
  return holds(actor, resource.request->manage_token_hash) ||
         (resource.offer != nullptr && holds(actor, resource.offer->manage_token_hash)) ||
         holds_match_token(actor, *resource.match);
}

Status need_role(const Actor& actor, const Resource& resource, Role minimum,
                 const char* unauthorized, const char* forbidden) {
  if (at_least(resource.role, minimum)) return {};
  if (!actor.account) return fail(ErrorCode::kUnauthorized, unauthorized);
  return fail(ErrorCode::kForbidden, forbidden);
}

Status need_account(const Actor& actor) {
  if (actor.account) return {};
  return fail(ErrorCode::kUnauthorized, "This needs you to be signed in.");
}

// kUnauthorized without a token (and without a role that could have
// allowed it), kForbidden with one that does not fit.
Status refuse_token(const Actor& actor, const char* unauthorized, const char* forbidden) {
  if (actor.token.empty()) return fail(ErrorCode::kUnauthorized, unauthorized);
  return fail(ErrorCode::kForbidden, forbidden);
}

}  // namespace

bool at_least(std::optional<Role> role, Role minimum) {
  return role && static_cast<int>(*role) >= static_cast<int>(minimum);
}

bool holds_match_token(const Actor& actor, const Match& match) {
  // A volunteer's match is theirs by its token, or signed in by its account
  // (a claim made signed in, or a matcher's suggestion an organizer accepted).
  return holds(actor, match.token_hash) ||
         (actor.account.has_value() && match.account_id == actor.account);
}

Status decide(const Actor& actor, Action action, const Resource& resource) {
  switch (action) {
    case Action::kCreateNetwork:
    case Action::kJoinNetwork:
    case Action::kRedeemInvite:
      return need_account(actor);
    case Action::kOrganize:
      return need_role(actor, resource, Role::kOrganizer,
                       "This needs you to be signed in as an organizer of the network.",
                       "This needs an organizer of the network.");
    case Action::kManageNetwork:
      return need_role(actor, resource, Role::kAdmin,
                       "This needs you to be signed in as an admin of the network.",
                       "This needs an admin of the network.");
    case Action::kVolunteer:
      return need_role(actor, resource, Role::kVolunteer,
                       "This needs you to be signed in as a volunteer of the network.",
                       "This needs you to join the network as a volunteer first.");
    case Action::kRemoveMember:
      if (actor.account && resource.member == actor.account) return {};
      return need_role(actor, resource, Role::kAdmin,
                       "This needs you to be signed in as an admin of the network.",
                       "This needs an admin of the network.");
    case Action::kClaimRequest:
      if (resource.policy == nullptr || !resource.policy->claim_needs_volunteer) return {};
      return need_role(actor, resource, Role::kVolunteer,
                       "This network asks volunteers to sign in before claiming a request.",
                       "This network asks you to join it as a volunteer before claiming.");
    case Action::kChangePost:
      if (resource.post != nullptr && holds(actor, resource.post->manage_token_hash)) return {};
      return refuse_token(actor,
                          "This needs the post's manage token as 'Authorization: Bearer <token>'.",
                          "This token does not allow changing this post.");
    case Action::kViewPostHistory:
      if (resource.post != nullptr && holds(actor, resource.post->manage_token_hash)) return {};
      if (at_least(resource.role, Role::kOrganizer)) return {};
      if (actor.token.empty() && !actor.account) {
        return fail(ErrorCode::kUnauthorized,
                    "This needs the post's manage token as 'Authorization: Bearer <token>'.");
      }
      return fail(ErrorCode::kForbidden, "This does not allow reading this post's history.");
    case Action::kProposeMatch:
      if ((resource.request != nullptr && holds(actor, resource.request->manage_token_hash)) ||
          (resource.offer != nullptr && holds(actor, resource.offer->manage_token_hash))) {
        return {};
      }
      return refuse_token(actor, "This needs the manage token of the request or the offer.",
                          "This token belongs to neither the request nor the offer.");
    case Action::kViewMatch:
      if (is_party(actor, resource) || at_least(resource.role, Role::kOrganizer)) return {};
      if (actor.token.empty() && !actor.account) {
        return fail(
            ErrorCode::kUnauthorized,
            "This needs the token of a party to the match as 'Authorization: Bearer <token>'.");
      }
      return fail(ErrorCode::kForbidden, "This does not allow seeing this match.");
    case Action::kMoveMatch:
      if (is_party(actor, resource)) return {};
      return refuse_token(
          actor, "This needs the token of a party to the match as 'Authorization: Bearer <token>'.",
          "This token does not belong to a party of this match.");
    case Action::kReferPost:
    case Action::kWithdrawReferral:
    case Action::kDecideReferral:
      return need_role(actor, resource, Role::kOrganizer,
                       "This needs you to be signed in as an organizer of the network.",
                       "This needs an organizer of the network.");
    case Action::kConsentReferral:
      if (resource.post != nullptr && holds(actor, resource.post->manage_token_hash)) return {};
      return refuse_token(actor,
                          "This needs the post's manage token as 'Authorization: Bearer <token>'.",
                          "This token does not allow answering for this post.");
  }
  return fail(ErrorCode::kForbidden, "This is not allowed.");
}

bool sees_referral(std::optional<Role> from_role, std::optional<Role> to_role,
                   const Referral& referral) {
  if (at_least(from_role, Role::kOrganizer)) return true;
  const bool consented = referral.status != ReferralStatus::kAwaitingConsent &&
                         referral.status != ReferralStatus::kRefused && referral.consent;
  return consented && at_least(to_role, Role::kOrganizer);
}

Access access_to_post(const Actor& actor, std::optional<Role> role, const Post& post,
                      const std::vector<Match>& matches) {
  if (holds(actor, post.manage_token_hash)) return Access::kOwner;
  if (at_least(role, Role::kOrganizer)) return Access::kOrganizer;
  for (const Match& match : matches) {
    const bool helping =
        match.status == MatchStatus::kAccepted || match.status == MatchStatus::kCompleted;
    if (helping && match.request_id == post.id && holds_match_token(actor, match)) {
      return Access::kVolunteer;
    }
  }
  return Access::kPublic;
}

Result<std::optional<Role>> role_in(store::Transaction& transaction, const Actor& actor,
                                    NetworkId network_id) {
  if (!actor.account) return std::optional<Role>();
  const auto membership = TRY(transaction.memberships().find(network_id, *actor.account));
  if (!membership) return std::optional<Role>();
  return std::optional<Role>(membership->role);
}

std::optional<MessageSide> relay_side(const Match& match, const Post& request, const Post* offer,
                                      const std::string& token, bool organizer,
                                      std::optional<AccountId> account) {
  if (!token.empty()) {
    if (tokens::matches(token, request.manage_token_hash)) return MessageSide::kRequester;
    if (offer != nullptr && tokens::matches(token, offer->manage_token_hash)) {
      return MessageSide::kOfferer;
    }
    if (!match.token_hash.empty() && tokens::matches(token, match.token_hash)) {
      return MessageSide::kVolunteer;
    }
  }
  if (account && match.account_id == account) return MessageSide::kVolunteer;
  if (organizer) return MessageSide::kOrganizer;
  return std::nullopt;
}

}  // namespace gapfill::domain
