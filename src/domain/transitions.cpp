#include "domain/transitions.hpp"

#include <algorithm>

#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

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

}  // namespace

Status set_match_status(store::Transaction& transaction, Match& match, MatchStatus to,
                        UnixSeconds now) {
  match.status = to;
  match.updated_at = now;
  TRY_STATUS(transaction.matches().update(match));
  const std::string detail = "match " + std::string(to_string(to));
  Post request = TRY(transaction.posts().find(match.request_id));
  TRY_STATUS(record_event(transaction, request, "match", match.id, detail, now));
  if (match.offer_id) {
    Post offer = TRY(transaction.posts().find(*match.offer_id));
    TRY_STATUS(record_event(transaction, offer, "match", match.id, detail, now));
  }
  return {};
}

Status refresh_post_status(store::Transaction& transaction, PostId id,
                           std::optional<MatchId> match_id, UnixSeconds now,
                           std::vector<Post>& changed) {
  Post post = TRY(transaction.posts().find_for_update(id));
  if (post.status == PostStatus::kClosed) return {};
  const auto matches = TRY(transaction.matches().list_for_post(id));
  const PostStatus derived = post.kind == PostKind::kRequest ? derived_request_status(matches)
                                                             : derived_offer_status(post, matches);
  if (derived == post.status) return {};
  const PostStatus from = post.status;
  post.status = derived;
  post.updated_at = now;
  TRY_STATUS(transaction.posts().update(post));
  TRY_STATUS(record_status(transaction, post, from, match_id, "", now));
  changed.push_back(std::move(post));
  return {};
}

Status close_post(store::Transaction& transaction, Post& post, CloseReason reason, UnixSeconds now,
                  std::vector<Post>& changed) {
  for (Match& match : TRY(transaction.matches().list_for_post(post.id))) {
    if (!is_active(match.status)) continue;
    TRY_STATUS(set_match_status(transaction, match, MatchStatus::kCancelled, now));
    const std::optional<PostId> other =
        match.request_id == post.id ? match.offer_id : std::optional<PostId>(match.request_id);
    if (other) TRY_STATUS(refresh_post_status(transaction, *other, match.id, now, changed));
  }
  const PostStatus from = post.status;
  post.status = PostStatus::kClosed;
  post.close_reason = reason;
  post.updated_at = now;
  TRY_STATUS(transaction.posts().update(post));
  TRY_STATUS(
      record_status(transaction, post, from, std::nullopt, std::string(to_string(reason)), now));
  changed.push_back(post);
  return {};
}

std::unexpected<Error> not_open(const Post& post) {
  return fail(ErrorCode::kConflict, "This " + std::string(to_string(post.kind)) + " is " +
                                        std::string(to_string(post.status)) + ", no longer open.");
}

Status check_pairable(const Post& request, const Post& offer) {
  FieldErrors wrong;
  if (request.kind != PostKind::kRequest) wrong["request_id"] = Message{"error.not_a_request", {}};
  if (offer.kind != PostKind::kOffer) wrong["offer_id"] = Message{"error.not_an_offer", {}};
  if (request.network_id != offer.network_id) {
    wrong["offer_id"] = Message{"error.in_another_network", {}};
  }
  if (!wrong.empty()) return invalid(std::move(wrong));
  return {};
}

Result<Match> pair_request_with_offer(store::Transaction& transaction, const Post& request,
                                      const Post& offer, const PairTerms& terms, UnixSeconds now,
                                      std::vector<Post>& changed) {
  if (request.status != PostStatus::kOpen) return not_open(request);
  if (offer.status != PostStatus::kOpen) return not_open(offer);
  const auto offer_matches = TRY(transaction.matches().list_for_post(offer.id));
  const std::int64_t remaining = offer_remaining(offer, offer_matches);
  const std::int64_t quantity =
      terms.quantity.value_or(std::min(request.quantity.value_or(1), remaining));
  if (quantity > remaining) {
    return fail(ErrorCode::kConflict, "The offer has only " + std::to_string(remaining) + " left.");
  }
  Match match;
  match.network_id = request.network_id;
  match.request_id = request.id;
  match.offer_id = offer.id;
  match.quantity = quantity;
  match.note = terms.note;
  match.status = terms.status;
  match.created_at = match.updated_at = now;
  match.id = TRY(transaction.matches().insert(match));
  const std::string detail(to_string(terms.status));
  TRY_STATUS(record_event(transaction, request, "match", match.id, detail, now));
  TRY_STATUS(record_event(transaction, offer, "match", match.id, detail, now));
  TRY_STATUS(refresh_post_status(transaction, request.id, match.id, now, changed));
  TRY_STATUS(refresh_post_status(transaction, offer.id, match.id, now, changed));
  return match;
}

Result<MatchView> load_match_view(store::Transaction& transaction, MatchId id, bool for_update) {
  MatchView view;
  view.match =
      TRY(for_update ? transaction.matches().find_for_update(id) : transaction.matches().find(id));
  view.request = TRY(transaction.posts().find(view.match.request_id));
  if (view.match.offer_id) view.offer = TRY(transaction.posts().find(*view.match.offer_id));
  return view;
}

Status move_match(store::Transaction& transaction, MatchView& view, MatchStatus to, UnixSeconds now,
                  std::vector<Post>& changed) {
  if (!can_transition(view.match.status, to)) {
    return fail(ErrorCode::kConflict, "This match is " + std::string(to_string(view.match.status)) +
                                          " and cannot be " + verb(to) + ".");
  }
  TRY_STATUS(set_match_status(transaction, view.match, to, now));
  TRY_STATUS(refresh_post_status(transaction, view.request.id, view.match.id, now, changed));
  if (view.offer) {
    TRY_STATUS(refresh_post_status(transaction, view.offer->id, view.match.id, now, changed));
  }
  return {};
}

}  // namespace gapfill::domain
