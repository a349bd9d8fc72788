#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/post_access.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

std::unexpected<Error> refuse(const std::string& token) {
  if (token.empty()) {
    return fail(ErrorCode::kUnauthorized,
                "This needs the token of a party to the match as 'Authorization: Bearer <token>'.");
  }
  return fail(ErrorCode::kForbidden, "This token does not belong to a party of this match.");
}

}  // namespace

Result<CreatedMatch> MatchService::claim(PostId request_id, const ClaimDraft& draft) {
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
        if (request.kind != PostKind::kRequest) {
          return Status(fail(ErrorCode::kConflict,
                             "Only requests can be claimed; to take up an offer, post a request."));
        }
        if (request.status != PostStatus::kOpen) return Status(not_open(request));
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
        TRY_STATUS(record_event(transaction, request, "match", match.id, "claimed", now));
        return refresh_post_status(transaction, request.id, match.id, now, changed);
      }));
  return CreatedMatch{std::move(match), token.token};
}

Result<CreatedMatch> MatchService::propose(const ProposalDraft& draft, const std::string& token) {
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
        TRY_STATUS(check_pairable(request, offer));
        if (!tokens::matches(token, request.manage_token_hash) &&
            !tokens::matches(token, offer.manage_token_hash)) {
          return Status(refuse(token));
        }
        TRY_STATUS(refuse_blocked_token(transaction, token, {&request, &offer}));
        TRY_STATUS(refuse_hidden(request));
        TRY_STATUS(refuse_hidden(offer));
        const PairTerms terms{draft.quantity, draft.note.value_or(""), MatchStatus::kProposed};
        match = TRY(pair_request_with_offer(transaction, request, offer, terms, now, changed));
        return Status{};
      }));
  return CreatedMatch{std::move(match), ""};
}

Result<MatchView> MatchService::view(MatchId id, const std::string& token) {
  MatchView view;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view = TRY(load_match_view(transaction, id, false));
    return {};
  }));
  if (!is_match_party(view.match, view.request, view.offer ? &*view.offer : nullptr, token)) {
    return refuse(token);
  }
  return view;
}

Result<MatchView> MatchService::transition(MatchId id, const std::string& token, MatchStatus to) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        MatchView view = TRY(load_match_view(transaction, id, true));
        if (!is_match_party(view.match, view.request, view.offer ? &*view.offer : nullptr, token)) {
          return Status(refuse(token));
        }
        TRY_STATUS(refuse_blocked_token(transaction, token,
                                        {&view.request, view.offer ? &*view.offer : nullptr}));
        return move_match(transaction, view, to, now, changed);
      }));
  return view(id, token);
}

Result<MatchView> MatchService::accept(MatchId id, const std::string& token) {
  return transition(id, token, MatchStatus::kAccepted);
}

Result<MatchView> MatchService::complete(MatchId id, const std::string& token) {
  return transition(id, token, MatchStatus::kCompleted);
}

Result<MatchView> MatchService::cancel(MatchId id, const std::string& token) {
  return transition(id, token, MatchStatus::kCancelled);
}

}  // namespace gapfill::domain
