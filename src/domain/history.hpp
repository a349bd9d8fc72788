#pragma once
// Writing a post's history: every status change is one event.

#include <optional>
#include <string>

#include "store/store.hpp"

namespace gapfill::domain {

// Appends a status change of `post` (already at its new status) to its history.
Status record_status(store::Transaction& transaction, const Post& post, PostStatus from,
                     std::optional<MatchId> match_id, std::string reason, UnixSeconds at);

// Appends a non-status event ("created", "edited", "match").
Status record_event(store::Transaction& transaction, const Post& post, std::string type,
                    std::optional<MatchId> match_id, std::string detail, UnixSeconds at);

}  // namespace gapfill::domain
