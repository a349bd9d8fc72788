#include "domain/lifecycle.hpp"

#include <gtest/gtest.h>

namespace gapfill::domain {
namespace {

using enum MatchStatus;

TEST(MatchStatusMachine, AllowsExactlyTheDocumentedTransitions) {
  struct Case {
    MatchStatus from, to;
    bool allowed;
  };
  const Case cases[] = {
      {kProposed, kProposed, false},   {kProposed, kAccepted, true},
      {kProposed, kCompleted, false},  {kProposed, kCancelled, true},
      {kAccepted, kProposed, false},   {kAccepted, kAccepted, false},
      {kAccepted, kCompleted, true},   {kAccepted, kCancelled, true},
      {kCompleted, kProposed, false},  {kCompleted, kAccepted, false},
      {kCompleted, kCompleted, false}, {kCompleted, kCancelled, false},
      {kCancelled, kProposed, false},  {kCancelled, kAccepted, false},
      {kCancelled, kCompleted, false}, {kCancelled, kCancelled, false},
  };
  for (const auto& [from, to, allowed] : cases) {
    EXPECT_EQ(can_transition(from, to), allowed) << to_string(from) << " -> " << to_string(to);
  }
}

Match match_with(MatchStatus status, std::int64_t quantity = 1, std::optional<PostId> offer = {}) {
  Match match;
  match.status = status;
  match.quantity = quantity;
  match.offer_id = offer;
  return match;
}

TEST(RequestStatus, FollowsFromItsMatches) {
  struct Case {
    std::vector<MatchStatus> matches;
    PostStatus expected;
  };
  const Case cases[] = {
      {{}, PostStatus::kOpen},
      {{kCancelled}, PostStatus::kOpen},
      {{kCancelled, kCancelled}, PostStatus::kOpen},
      {{kProposed}, PostStatus::kMatched},
      {{kAccepted}, PostStatus::kMatched},
      {{kCancelled, kAccepted}, PostStatus::kMatched},
      {{kCompleted}, PostStatus::kFulfilled},
      {{kCancelled, kCompleted}, PostStatus::kFulfilled},
  };
  for (const auto& [statuses, expected] : cases) {
    std::vector<Match> matches;
    for (auto status : statuses) matches.push_back(match_with(status));
    EXPECT_EQ(derived_request_status(matches), expected) << statuses.size();
  }
}

TEST(OfferStatus, ServesUntilItsQuantityIsCommitted) {
  Post offer;
  offer.id = 9;
  offer.kind = PostKind::kOffer;
  offer.quantity = 3;
  struct Case {
    std::vector<std::pair<MatchStatus, int>> matches;
    std::int64_t remaining;
    PostStatus expected;
  };
  const Case cases[] = {
      {{}, 3, PostStatus::kOpen},
      {{{kProposed, 1}}, 2, PostStatus::kOpen},
      {{{kAccepted, 2}, {kCancelled, 1}}, 1, PostStatus::kOpen},
      {{{kAccepted, 2}, {kProposed, 1}}, 0, PostStatus::kMatched},
      {{{kCompleted, 2}, {kAccepted, 1}}, 0, PostStatus::kMatched},
      {{{kCompleted, 3}}, 0, PostStatus::kFulfilled},
      {{{kCompleted, 2}, {kCancelled, 1}}, 1, PostStatus::kOpen},
  };
  for (const auto& [specs, remaining, expected] : cases) {
    std::vector<Match> matches;
    for (auto [status, quantity] : specs) matches.push_back(match_with(status, quantity, 9));
    EXPECT_EQ(offer_remaining(offer, matches), remaining);
    EXPECT_EQ(derived_offer_status(offer, matches), expected);
  }
  offer.quantity.reset();  // no quantity: one unit
  EXPECT_EQ(offer_remaining(offer, {}), 1);
  EXPECT_EQ(derived_offer_status(offer, {match_with(kAccepted, 1, 9)}), PostStatus::kMatched);
}

TEST(PostStatus, OnlyLivePostsChange) {
  EXPECT_TRUE(is_changeable(PostStatus::kOpen));
  EXPECT_TRUE(is_changeable(PostStatus::kMatched));
  EXPECT_FALSE(is_changeable(PostStatus::kFulfilled));
  EXPECT_FALSE(is_changeable(PostStatus::kClosed));
}

}  // namespace
}  // namespace gapfill::domain
