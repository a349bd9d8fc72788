#include "domain/authorization.hpp"
#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// Whether `actor` may do `action` on the match in `view`.
Status decide_on_match(store::Transaction& transaction, const Actor& actor, Action action,
                       const MatchView& view) {
  Resource resource;
  resource.role = TRY(role_in(transaction, actor, view.match.network_id));
  resource.match = &view.match;
  resource.request = &view.request;
  resource.offer = view.offer ? &*view.offer : nullptr;
  return decide(actor, action, resource);
}

}  // namespace

Result<CreatedMatch> MatchService::claim(PostId request_id, const ClaimDraft& draft,
                                         const Actor& actor) {
  Volunteer volunteer;
  FieldErrors errors;
  check_claim(draft, volunteer, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  const tokens::Issued token = tokens::issue();
  const UnixSeconds now = services_.now();
  Match match;
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Post request = TRY(transaction.posts().find_for_update(request_id));
        TRY_STATUS(refuse_hidden(request));
        const NetworkPolicy policy = TRY(transaction.memberships().policy(request.network_id));
        Resource resource;
        resource.role = TRY(role_in(transaction, actor, request.network_id));
        resource.policy = &policy;
        TRY_STATUS(decide(actor, Action::kClaimRequest, resource));
        if (actor.account) {
          TRY_STATUS(refuse_blocked_account(transaction, request.network_id, *actor.account));
        }
        if (request.kind != PostKind::kRequest) {
          return Status(fail(ErrorCode::kConflict,
                             "Only requests can be claimed; to take up an offer, post a request."));
        }
        if (request.status != PostStatus::kOpen) return Status(not_open(request));
        // Inside the write: writes are serialized, so two racing claims by
        // one volunteer cannot both pass the limit.
        if (actor.account) {
          TRY_STATUS(check_volunteer_limits(transaction, request.network_id, *actor.account, now));
        }
        match = Match{};
        match.network_id = request.network_id;
        match.request_id = request.id;
        match.volunteer = volunteer;
        match.quantity = draft.quantity.value_or(request.quantity.value_or(1));
        match.note = draft.note.value_or("");
        match.status = MatchStatus::kAccepted;
        match.token_hash = token.hash;
        match.created_at = match.updated_at = now;
        match.id = TRY(transaction.matches().insert(match));
        // A claim made while signed in belongs to the account.
        if (actor.account) {
          TRY_STATUS(transaction.matches().set_account(match.id, *actor.account));
          match.account_id = actor.account;
        }
        TRY_STATUS(record_event(transaction, request, "match", match.id, "claimed", now));
        return refresh_post_status(transaction, request.id, match.id, now, changed);
      }));
  return CreatedMatch{std::move(match), token.token};
}

Result<CreatedMatch> MatchService::propose(const ProposalDraft& draft, const Actor& actor) {
  FieldErrors errors;
  if (!draft.request_id) errors["request_id"] = Message{"error.required", {}};
  if (!draft.offer_id) errors["offer_id"] = Message{"error.required", {}};
  check_quantity(draft.quantity, "quantity", errors);
  check_note(draft.note, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  const UnixSeconds now = services_.now();
  Match match;
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Post request = TRY(transaction.posts().find_for_update(*draft.request_id));
        const Post offer = TRY(transaction.posts().find_for_update(*draft.offer_id));
        Resource resource;
        resource.request = &request;
        resource.offer = &offer;
        TRY_STATUS(decide(actor, Action::kProposeMatch, resource));
        TRY_STATUS(check_pairable(request, offer));
        TRY_STATUS(refuse_blocked_token(transaction, actor.token, {&request, &offer}));
        TRY_STATUS(refuse_hidden(request));
        TRY_STATUS(refuse_hidden(offer));
        const PairTerms terms{draft.quantity, draft.note.value_or(""), MatchStatus::kProposed};
        match = TRY(pair_request_with_offer(transaction, request, offer, terms, now, changed));
        return Status{};
      }));
  return CreatedMatch{std::move(match), ""};
}

Result<MatchView> MatchService::view(MatchId id, const Actor& actor) {
  MatchView view;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view = TRY(load_match_view(transaction, id, false));
    return decide_on_match(transaction, actor, Action::kViewMatch, view);
  }));
  return view;
}

Result<MatchView> MatchService::transition(MatchId id, const Actor& actor, MatchStatus to) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        MatchView view = TRY(load_match_view(transaction, id, true));
        TRY_STATUS(decide_on_match(transaction, actor, Action::kMoveMatch, view));
        TRY_STATUS(refuse_blocked_token(transaction, actor.token,
                                        {&view.request, view.offer ? &*view.offer : nullptr}));
        return move_match(transaction, view, to, now, changed);
      }));
  return view(id, actor);
}

Result<MatchView> MatchService::accept(MatchId id, const Actor& actor) {
  return transition(id, actor, MatchStatus::kAccepted);
}

Result<MatchView> MatchService::complete(MatchId id, const Actor& actor) {
  return transition(id, actor, MatchStatus::kCompleted);
}

Result<MatchView> MatchService::cancel(MatchId id, const Actor& actor) {
  return transition(id, actor, MatchStatus::kCancelled);
}

}  // namespace gapfill::domain
