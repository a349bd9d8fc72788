#pragma once
// Posts and claims made while signed in belong to the account: its export
// lists them and its deletion erases them. Recorded right after the post or
// claim is made, in a transaction of its own.

#include "base/error.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;

// Records that the account made the post.
Status link_post_to_account(Services& services, PostId post_id, AccountId account_id);
// Records that the account claimed the request with this match.
Status link_claim_to_account(Services& services, MatchId match_id, AccountId account_id);

}  // namespace gapfill::domain
