// The store contract, referrals part: referrals between networks, decided
// once, and the close reason "referred". Every backend runs these through
// StoreContract.

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

Referral sample_referral(PostId post, NetworkId from, NetworkId to) {
  Referral referral;
  referral.post_id = post;
  referral.from_network_id = from;
  referral.to_network_id = to;
  referral.status = ReferralStatus::kAwaitingConsent;
  referral.created_by = 7;
  referral.note = "They can drive on weekends";
  referral.created_at = 1790000000;
  return referral;
}

std::vector<ReferralId> ids(const std::vector<Referral>& referrals) {
  std::vector<ReferralId> out;
  for (const Referral& referral : referrals) out.push_back(referral.id);
  return out;
}

}  // namespace

TEST_P(StoreContract, ReferralsRoundTripAndAreDecidedOnce) {
  const NetworkId from = add_network();
  const NetworkId to = add_network("elsewhere");
  const PostId post = add_post(sample_post(from));
  ReferralId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.referrals().insert(sample_referral(post, from, to)));
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Referral referral = TRY(transaction.referrals().find_for_update(id));
    EXPECT_EQ(referral.post_id, post);
    EXPECT_EQ(referral.from_network_id, from);
    EXPECT_EQ(referral.to_network_id, to);
    EXPECT_EQ(referral.status, ReferralStatus::kAwaitingConsent);
    EXPECT_EQ(referral.note, "They can drive on weekends");
    EXPECT_EQ(referral.created_by, std::optional<AccountId>(7));
    EXPECT_FALSE(referral.consent.has_value());
    referral.status = ReferralStatus::kSent;
    referral.consent = ReferralConsent::kRequester;
    referral.consented_at = 1790000100;
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kAwaitingConsent));
    // The optimistic check: a second move from the old status is a conflict.
    referral.status = ReferralStatus::kRefused;
    EXPECT_EQ(
        transaction.referrals().update(referral, ReferralStatus::kAwaitingConsent).error().code,
        ErrorCode::kConflict);
    Referral missing = referral;
    missing.id = 999;
    EXPECT_EQ(transaction.referrals().update(missing, ReferralStatus::kSent).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(transaction.referrals().find(999).error().code, ErrorCode::kNotFound);
    return {};
  }));
  const PostId made = add_post(sample_post(to));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Referral referral = TRY(transaction.referrals().find(id));
    EXPECT_EQ(referral.status, ReferralStatus::kSent);
    EXPECT_EQ(referral.consent, std::optional<ReferralConsent>(ReferralConsent::kRequester));
    EXPECT_EQ(referral.consented_at, std::optional<UnixSeconds>(1790000100));
    referral.status = ReferralStatus::kAccepted;
    referral.decided_at = 1790000200;
    referral.new_post_id = made;
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kSent));
    // Closed as referred: the close reason is stored and read back.
    Post original = TRY(transaction.posts().find_for_update(post));
    original.status = PostStatus::kClosed;
    original.close_reason = CloseReason::kReferred;
    return transaction.posts().update(original);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Referral referral = TRY(transaction.referrals().find(id));
    EXPECT_EQ(referral.status, ReferralStatus::kAccepted);
    EXPECT_EQ(referral.new_post_id, std::optional<PostId>(made));
    EXPECT_EQ(referral.decided_at, std::optional<UnixSeconds>(1790000200));
    const auto by_new = TRY(transaction.referrals().find_by_new_post(made));
    EXPECT_TRUE(by_new && by_new->id == id);
    EXPECT_FALSE(TRY(transaction.referrals().find_by_new_post(post)).has_value());
    EXPECT_EQ(TRY(transaction.posts().find(post)).close_reason,
              std::optional<CloseReason>(CloseReason::kReferred));
    return {};
  }));
}

TEST_P(StoreContract, OneLiveReferralPerPostListedForBothNetworks) {
  const NetworkId from = add_network();
  const NetworkId to = add_network("elsewhere");
  const NetworkId third = add_network("third");
  const PostId post = add_post(sample_post(from));
  ReferralId first = 0, second = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    first = TRY(transaction.referrals().insert(sample_referral(post, from, to)));
    // A second live referral of the same post is refused.
    EXPECT_EQ(transaction.referrals().insert(sample_referral(post, from, third)).error().code,
              ErrorCode::kConflict);
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Referral referral = TRY(transaction.referrals().find(first));
    referral.status = ReferralStatus::kWithdrawn;
    referral.decided_at = 1790000300;
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kAwaitingConsent));
    second = TRY(transaction.referrals().insert(sample_referral(post, from, third)));
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    EXPECT_EQ(ids(TRY(transaction.referrals().list_for_post(post))),
              (std::vector<ReferralId>{first, second}));
    EXPECT_EQ(ids(TRY(transaction.referrals().list_for_network(from, 10))),
              (std::vector<ReferralId>{second, first}));
    EXPECT_EQ(ids(TRY(transaction.referrals().list_for_network(to, 10))),
              (std::vector<ReferralId>{first}));
    EXPECT_EQ(ids(TRY(transaction.referrals().list_for_network(third, 10))),
              (std::vector<ReferralId>{second}));
    EXPECT_EQ(ids(TRY(transaction.referrals().list_for_network(from, 1))),
              (std::vector<ReferralId>{second}));
    // The retention sweep empties the notes and keeps the rows.
    TRY_STATUS(transaction.referrals().erase_notes_for_post(post));
    EXPECT_EQ(TRY(transaction.referrals().find(first)).note, "");
    EXPECT_EQ(TRY(transaction.referrals().find(second)).note, "");
    return {};
  }));
}

}  // namespace gapfill::store::contract
