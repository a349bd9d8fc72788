// The store contract, matcher part: what each post has committed to its
// live matches, in one query, and the suggested pairs organizers dismissed.
// Every backend runs these through StoreContract.

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

Match match_between(NetworkId network, PostId request, std::optional<PostId> offer,
                    std::int64_t quantity, MatchStatus status) {
  Match match;
  match.network_id = network;
  match.request_id = request;
  match.offer_id = offer;
  if (!offer) match.volunteer = Volunteer{"Alex", "alex@example.org", ""};
  match.quantity = quantity;
  match.status = status;
  match.created_at = match.updated_at = 1790000100;
  return match;
}

}  // namespace

TEST_P(StoreContract, CommittedQuantitiesSumTheLiveMatchesOfEachPost) {
  const NetworkId network = add_network();
  const NetworkId elsewhere = add_network("elsewhere");
  const PostId request = add_post(sample_post(network));
  const PostId claimed = add_post(sample_post(network));
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  const PostId idle_offer = add_post(sample_post(network, PostKind::kOffer));
  const PostId other = add_post(sample_post(elsewhere));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    auto& matches = transaction.matches();
    TRY(matches.insert(match_between(network, request, offer, 2, MatchStatus::kAccepted)));
    TRY(matches.insert(match_between(network, request, offer, 1, MatchStatus::kCompleted)));
    TRY(matches.insert(match_between(network, request, idle_offer, 4, MatchStatus::kCancelled)));
    TRY(matches.insert(match_between(network, claimed, std::nullopt, 1, MatchStatus::kProposed)));
    TRY(matches.insert(match_between(elsewhere, other, std::nullopt, 1, MatchStatus::kAccepted)));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto committed = TRY(transaction.matches().committed_quantities(network));
    EXPECT_EQ(committed, (std::map<PostId, std::int64_t>{{request, 3}, {claimed, 1}, {offer, 3}}));
    EXPECT_TRUE(TRY(transaction.matches().committed_quantities(999)).empty());
    return {};
  }));
}

TEST_P(StoreContract, DismissedSuggestionsAreKeptOnceWhileTheRequestLives) {
  const NetworkId network = add_network();
  const NetworkId elsewhere = add_network("elsewhere");
  const PostId request = add_post(sample_post(network));
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  Post closed_post = sample_post(network);
  closed_post.status = PostStatus::kClosed;
  closed_post.close_reason = CloseReason::kWithdrawn;
  const PostId closed = add_post(closed_post);
  const PostId other = add_post(sample_post(elsewhere));
  const PostId other_offer = add_post(sample_post(elsewhere, PostKind::kOffer));
  AccountId volunteer = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Account account;
    account.email = "alex@example.org";
    account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    account.created_at = account.updated_at = 1000;
    volunteer = TRY(transaction.accounts().insert(account));
    auto& suggestions = transaction.suggestions();
    DismissedSuggestion pair{network, request, offer, std::nullopt, volunteer, 1790000200};
    TRY_STATUS(suggestions.dismiss(pair));
    TRY_STATUS(suggestions.dismiss(pair));  // again: nothing changes
    TRY_STATUS(
        suggestions.dismiss({network, request, std::nullopt, volunteer, std::nullopt, 1790000300}));
    TRY_STATUS(
        suggestions.dismiss({network, closed, offer, std::nullopt, std::nullopt, 1790000400}));
    TRY_STATUS(suggestions.dismiss(
        {elsewhere, other, other_offer, std::nullopt, std::nullopt, 1790000500}));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto dismissed = TRY(transaction.suggestions().list_dismissed(network));
    EXPECT_EQ(dismissed.size(), 2u) << "once each, and not the closed request's";
    if (dismissed.size() == 2) {
      EXPECT_EQ(dismissed[0].request_id, request);
      EXPECT_EQ(dismissed[0].offer_id, std::optional<PostId>(offer));
      EXPECT_FALSE(dismissed[0].volunteer_id.has_value());
      EXPECT_EQ(dismissed[0].dismissed_by, std::optional<AccountId>(volunteer));
      EXPECT_EQ(dismissed[0].dismissed_at, 1790000200);
      EXPECT_EQ(dismissed[1].volunteer_id, std::optional<AccountId>(volunteer));
      EXPECT_FALSE(dismissed[1].offer_id.has_value());
    }
    EXPECT_EQ(TRY(transaction.suggestions().list_dismissed(elsewhere)).size(), 1u);
    return {};
  }));
  // Deleting the volunteer's account takes their dismissals with it.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.accounts().remove(volunteer);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto dismissed = TRY(transaction.suggestions().list_dismissed(network));
    EXPECT_EQ(dismissed.size(), 1u);
    if (!dismissed.empty()) {
      EXPECT_FALSE(dismissed[0].dismissed_by.has_value());
    }
    return {};
  }));
}

}  // namespace gapfill::store::contract
