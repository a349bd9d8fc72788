#pragma once
// Who a bearer token makes its holder, for one post or one match. The one
// place these decisions are made.

#include <string>
#include <vector>

#include "domain/services.hpp"

namespace gapfill::domain {

// kOwner for the post's manage token; kVolunteer for the token of an accepted
// or completed volunteer match on it; kPublic otherwise.
Access access_to_post(const Post& post, const std::vector<Match>& matches,
                      const std::string& token);

// True when `token` belongs to a party of the match: the request's or the
// offer's manage token, or the volunteer's match token.
bool is_match_party(const Match& match, const Post& request, const Post* offer,
                    const std::string& token);

}  // namespace gapfill::domain
