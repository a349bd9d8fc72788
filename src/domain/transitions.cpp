#include "domain/transitions.hpp"

#include "domain/history.hpp"
#include "domain/lifecycle.hpp"

namespace gapfill::domain {

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

}  // namespace gapfill::domain
