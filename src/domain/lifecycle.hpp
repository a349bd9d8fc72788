#pragma once
// The status machines of posts and matches, as pure functions.
//
//   post:  open -> matched -> fulfilled, and open|matched -> closed (reason)
//   match: proposed -> accepted -> completed, and proposed|accepted -> cancelled
//
// A request's status follows from its matches: any completed match makes it
// fulfilled, any active (proposed or accepted) one matched, none open. An
// offer serves several requests until its quantity (1 when not given) is
// committed: open while some remains, matched while all of it is committed
// and some match is still active, fulfilled once every unit is delivered.

#include <cstdint>
#include <vector>

#include "store/model.hpp"

namespace gapfill::domain {

bool is_active(MatchStatus status);
bool is_active(PostStatus status);  // open or matched: shown in live listings

// True when a match may move from `from` to `to`.
bool can_transition(MatchStatus from, MatchStatus to);

// True when a post in `status` may still be edited or closed.
bool is_changeable(PostStatus status);

// The status a request should have, given all its matches.
PostStatus derived_request_status(const std::vector<Match>& matches);

// How much of an offer is not yet committed to a live or completed match.
std::int64_t offer_remaining(const Post& offer, const std::vector<Match>& matches);

// The status an offer should have, given all its matches.
PostStatus derived_offer_status(const Post& offer, const std::vector<Match>& matches);

}  // namespace gapfill::domain
