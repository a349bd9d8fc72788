#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
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

std::unexpected<Error> not_open(const Post& post) {
  return fail(ErrorCode::kConflict, "This " + std::string(to_string(post.kind)) + " is " +
                                        std::string(to_string(post.status)) + ", no longer open.");
}

const char* verb(MatchStatus status) {
  switch (status) {
    case MatchStatus::kAccepted:
      return "accepted";
    case MatchStatus::kCompleted:
      return "completed";
    case MatchStatus::kCancelled:
      return "cancelled";
    case MatchStatus::kProposed:
      return "proposed";
  }
  return "changed";
}

// Loads a match with the posts it joins.
Result<MatchView> load_view(store::Transaction& transaction, MatchId id, bool for_update) {
  MatchView view;
  view.match =
      TRY(for_update ? transaction.matches().find_for_update(id) : transaction.matches().find(id));
  view.request = TRY(transaction.posts().find(view.match.request_id));
  if (view.match.offer_id) view.offer = TRY(transaction.posts().find(*view.match.offer_id));
  return view;
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
        FieldErrors wrong;
        if (request.kind != PostKind::kRequest) {
          wrong["request_id"] = Message{"error.not_a_request", {}};
        }
        if (offer.kind != PostKind::kOffer) wrong["offer_id"] = Message{"error.not_an_offer", {}};
        if (request.network_id != offer.network_id) {
          wrong["offer_id"] = Message{"error.in_another_network", {}};
        }
        if (!wrong.empty()) return Status(invalid(std::move(wrong)));
        if (!tokens::matches(token, request.manage_token_hash) &&
            !tokens::matches(token, offer.manage_token_hash)) {
          return Status(refuse(token));
        }
        if (request.status != PostStatus::kOpen) return Status(not_open(request));
        if (offer.status != PostStatus::kOpen) return Status(not_open(offer));
        const auto offer_matches = TRY(transaction.matches().list_for_post(offer.id));
        const std::int64_t remaining = offer_remaining(offer, offer_matches);
        const std::int64_t quantity =
            draft.quantity.value_or(std::min(request.quantity.value_or(1), remaining));
        if (quantity > remaining) {
          return Status(fail(ErrorCode::kConflict,
                             "The offer has only " + std::to_string(remaining) + " left."));
        }
        match = Match{};
        match.network_id = request.network_id;
        match.request_id = request.id;
        match.offer_id = offer.id;
        match.quantity = quantity;
        match.note = draft.note.value_or("");
        match.status = MatchStatus::kProposed;
        match.created_at = match.updated_at = now;
        match.id = TRY(transaction.matches().insert(match));
        TRY_STATUS(record_event(transaction, request, "match", match.id, "proposed", now));
        TRY_STATUS(record_event(transaction, offer, "match", match.id, "proposed", now));
        TRY_STATUS(refresh_post_status(transaction, request.id, match.id, now, changed));
        return refresh_post_status(transaction, offer.id, match.id, now, changed);
      }));
  return CreatedMatch{std::move(match), ""};
}

Result<MatchView> MatchService::view(MatchId id, const std::string& token) {
  MatchView view;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view = TRY(load_view(transaction, id, false));
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
        MatchView view = TRY(load_view(transaction, id, true));
        if (!is_match_party(view.match, view.request, view.offer ? &*view.offer : nullptr, token)) {
          return Status(refuse(token));
        }
        if (!can_transition(view.match.status, to)) {
          return Status(fail(ErrorCode::kConflict, "This match is " +
                                                       std::string(to_string(view.match.status)) +
                                                       " and cannot be " + verb(to) + "."));
        }
        TRY_STATUS(set_match_status(transaction, view.match, to, now));
        TRY_STATUS(refresh_post_status(transaction, view.request.id, id, now, changed));
        if (view.offer)
          TRY_STATUS(refresh_post_status(transaction, view.offer->id, id, now, changed));
        return Status{};
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
