#pragma once
// Who a bearer token makes its holder, for one post or one match. The one
// place these decisions are made.

#include <optional>
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

// The side the caller speaks for in the thread of a match, or nullopt when
// they may not read it: the request's manage token is kRequester, the
// offer's kOfferer, the volunteer's match token kVolunteer (a cancelled
// match's too: its thread stays readable), and an organizer of the match's
// network (`organizer_of_network`, decided by the caller from the organizer
// key today, from roles later) kOrganizer. The one place this is decided.
std::optional<MessageSide> relay_side(const Match& match, const Post& request, const Post* offer,
                                      const std::string& token, bool organizer_of_network);

}  // namespace gapfill::domain
