#include "domain/lifecycle.hpp"

#include <algorithm>

namespace gapfill::domain {

bool is_active(MatchStatus status) {
  return status == MatchStatus::kProposed || status == MatchStatus::kAccepted;
}

bool is_active(PostStatus status) {
  return status == PostStatus::kOpen || status == PostStatus::kMatched;
}

bool can_transition(MatchStatus from, MatchStatus to) {
  switch (from) {
    case MatchStatus::kProposed:
      return to == MatchStatus::kAccepted || to == MatchStatus::kCancelled;
    case MatchStatus::kAccepted:
      return to == MatchStatus::kCompleted || to == MatchStatus::kCancelled;
    case MatchStatus::kCompleted:
    case MatchStatus::kCancelled:
      return false;
  }
  return false;
}

bool is_changeable(PostStatus status) {
  return is_active(status);
}

PostStatus derived_request_status(const std::vector<Match>& matches) {
  const auto has = [&](auto predicate) {
    return std::any_of(matches.begin(), matches.end(), predicate);
  };
  if (has([](const Match& m) { return m.status == MatchStatus::kCompleted; })) {
    return PostStatus::kFulfilled;
  }
  if (has([](const Match& m) { return is_active(m.status); })) return PostStatus::kMatched;
  return PostStatus::kOpen;
}

std::int64_t offer_remaining(const Post& offer, const std::vector<Match>& matches) {
  std::int64_t committed = 0;
  for (const Match& match : matches) {
    if (match.offer_id == offer.id && match.status != MatchStatus::kCancelled) {
      committed += match.quantity;
    }
  }
  return std::max<std::int64_t>(0, offer.quantity.value_or(1) - committed);
}

PostStatus derived_offer_status(const Post& offer, const std::vector<Match>& matches) {
  if (offer_remaining(offer, matches) > 0) return PostStatus::kOpen;
  const bool any_active = std::any_of(matches.begin(), matches.end(), [&](const Match& m) {
    return m.offer_id == offer.id && is_active(m.status);
  });
  return any_active ? PostStatus::kMatched : PostStatus::kFulfilled;
}

}  // namespace gapfill::domain
