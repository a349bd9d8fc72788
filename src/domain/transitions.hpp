#pragma once
// Status changes that touch more than one record, shared by posts and
// matches. Each runs inside the caller's write transaction and reports every
// post it changed in `changed`.

#include <optional>
#include <vector>

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

}  // namespace gapfill::domain
