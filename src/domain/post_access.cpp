#include "domain/post_access.hpp"

#include "domain/tokens.hpp"

namespace gapfill::domain {

Access access_to_post(const Post& post, const std::vector<Match>& matches,
                      const std::string& token) {
  if (token.empty()) return Access::kPublic;
  if (tokens::matches(token, post.manage_token_hash)) return Access::kOwner;
  for (const Match& match : matches) {
    const bool helping =
        match.status == MatchStatus::kAccepted || match.status == MatchStatus::kCompleted;
    if (helping && match.request_id == post.id && tokens::matches(token, match.token_hash)) {
      return Access::kVolunteer;
    }
  }
  return Access::kPublic;
}

bool is_match_party(const Match& match, const Post& request, const Post* offer,
                    const std::string& token) {
  if (token.empty()) return false;
  return tokens::matches(token, request.manage_token_hash) ||
         (offer != nullptr && tokens::matches(token, offer->manage_token_hash)) ||
         tokens::matches(token, match.token_hash);
}

std::optional<MessageSide> relay_side(const Match& match, const Post& request, const Post* offer,
                                      const std::string& token, bool organizer_of_network) {
  if (!token.empty()) {
    if (tokens::matches(token, request.manage_token_hash)) return MessageSide::kRequester;
    if (offer != nullptr && tokens::matches(token, offer->manage_token_hash)) {
      return MessageSide::kOfferer;
    }
    if (!match.token_hash.empty() && tokens::matches(token, match.token_hash)) {
      return MessageSide::kVolunteer;
    }
  }
  if (organizer_of_network) return MessageSide::kOrganizer;
  return std::nullopt;
}

}  // namespace gapfill::domain
