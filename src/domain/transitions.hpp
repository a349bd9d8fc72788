#pragma once
// Status changes that touch more than one record, shared by posts and
// matches. Each runs inside the caller's write transaction and reports every
// post it changed in `changed`.

#include <optional>
#include <string>
#include <vector>

#include "domain/services.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

// Closes `post` (open or matched) for `reason`: cancels its live matches and
// brings the other side of each back to the status its matches imply.
Status close_post(store::Transaction& transaction, Post& post, CloseReason reason, UnixSeconds now,
                  std::vector<Post>& changed);

// Sets the status of the post `id` to what its matches imply (unless it is
// closed), recording the change, if any, as caused by `match_id`.
Status refresh_post_status(store::Transaction& transaction, PostId id,
                           std::optional<MatchId> match_id, UnixSeconds now,
                           std::vector<Post>& changed);

// Moves `match` to `to` and records the event on both posts it joins.
Status set_match_status(store::Transaction& transaction, Match& match, MatchStatus to,
                        UnixSeconds now);

// kConflict: `post` is no longer open (for a claim or a pairing).
std::unexpected<Error> not_open(const Post& post);

// kInvalid unless `request` is a request and `offer` an offer of the same
// network (fields request_id and offer_id).
Status check_pairable(const Post& request, const Post& offer);

// What a new match between a request and an offer says.
struct PairTerms {
  std::optional<std::int64_t> quantity;  // default: the request's, up to what the offer has left
  std::string note;
  MatchStatus status = MatchStatus::kProposed;
};

// Inserts a match between `request` and `offer` (locked, and accepted by
// check_pairable) at `terms.status`, records it on both and brings both to
// the status their matches imply. kConflict unless both are open and the
// offer has the quantity left.
Result<Match> pair_request_with_offer(store::Transaction& transaction, const Post& request,
                                      const Post& offer, const PairTerms& terms, UnixSeconds now,
                                      std::vector<Post>& changed);

// Loads a match with the posts it joins, locking the match when
// `for_update`.
Result<MatchView> load_match_view(store::Transaction& transaction, MatchId id, bool for_update);

// Moves the match of `view` to `to` (kConflict when its status machine does
// not allow it) and brings the posts it joins to the status that implies.
Status move_match(store::Transaction& transaction, MatchView& view, MatchStatus to, UnixSeconds now,
                  std::vector<Post>& changed);

}  // namespace gapfill::domain
