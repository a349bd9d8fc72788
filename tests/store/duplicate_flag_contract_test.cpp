// The store contract, possible-duplicates part: flags of requests that look
// like live ones, resolved once. Every backend runs these through
// StoreContract.

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

DuplicateFlag sample_flag(NetworkId network, PostId post, PostId of_post) {
  DuplicateFlag flag;
  flag.network_id = network;
  flag.post_id = post;
  flag.of_post_id = of_post;
  flag.score = 0.75;
  flag.reasons = {true, false, true};
  flag.distance_km = 1.25;
  flag.created_at = 1790000000;
  return flag;
}

}  // namespace

TEST_P(StoreContract, DuplicateFlagsRoundTripAndResolveOnce) {
  const NetworkId network = add_network();
  const PostId older = add_post(sample_post(network));
  const PostId newer = add_post(sample_post(network));
  DuplicateFlagId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.duplicate_flags().insert(sample_flag(network, newer, older)));
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    const DuplicateFlag flag = TRY(transaction.duplicate_flags().find(id));
    EXPECT_EQ(flag.network_id, network);
    EXPECT_EQ(flag.post_id, newer);
    EXPECT_EQ(flag.of_post_id, older);
    EXPECT_DOUBLE_EQ(flag.score, 0.75);
    EXPECT_EQ(flag.reasons, (DuplicateReasons{true, false, true}));
    EXPECT_DOUBLE_EQ(flag.distance_km, 1.25);
    EXPECT_EQ(flag.created_at, 1790000000);
    EXPECT_FALSE(flag.resolved_at.has_value());
    EXPECT_FALSE(flag.resolution.has_value());
    TRY_STATUS(
        transaction.duplicate_flags().resolve(id, DuplicateResolution::kMerged, 1790000100, 42));
    EXPECT_EQ(transaction.duplicate_flags()
                  .resolve(id, DuplicateResolution::kDismissed, 1790000200, 42)
                  .error()
                  .code,
              ErrorCode::kConflict);
    EXPECT_EQ(transaction.duplicate_flags()
                  .resolve(id + 100, DuplicateResolution::kDismissed, 1790000200, 42)
                  .error()
                  .code,
              ErrorCode::kNotFound);
    EXPECT_EQ(transaction.duplicate_flags().find(id + 100).error().code, ErrorCode::kNotFound);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const DuplicateFlag flag = TRY(transaction.duplicate_flags().find(id));
    EXPECT_EQ(flag.resolution, std::optional<DuplicateResolution>(DuplicateResolution::kMerged));
    EXPECT_EQ(flag.resolved_at, std::optional<UnixSeconds>(1790000100));
    EXPECT_EQ(flag.resolved_by, std::optional<AccountId>(42));
    return {};
  }));
}

TEST_P(StoreContract, DuplicateFlagsListOpenPerNetworkAndMergedInto) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  const PostId a = add_post(sample_post(network));
  const PostId b = add_post(sample_post(network));
  const PostId c = add_post(sample_post(network));
  const PostId d = add_post(sample_post(other));
  const PostId e = add_post(sample_post(other));
  DuplicateFlagId first = 0, second = 0, third = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    auto& flags = transaction.duplicate_flags();
    first = TRY(flags.insert(sample_flag(network, b, a)));
    second = TRY(flags.insert(sample_flag(network, c, a)));
    third = TRY(flags.insert(sample_flag(other, e, d)));
    DuplicateFlag plain = sample_flag(network, c, b);
    plain.reasons = {};
    TRY(flags.insert(plain));
    TRY_STATUS(flags.resolve(second, DuplicateResolution::kMerged, 1790000100, std::nullopt));
    return {};
  }));
  std::vector<DuplicateFlag> open, first_only, elsewhere, merged, none;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto& flags = transaction.duplicate_flags();
    open = TRY(flags.list_open(network, 10));
    first_only = TRY(flags.list_open(network, 1));
    elsewhere = TRY(flags.list_open(other, 10));
    merged = TRY(flags.list_merged_into(a));
    none = TRY(flags.list_merged_into(b));
    return {};
  }));
  ASSERT_EQ(open.size(), 2U);
  EXPECT_EQ(open[0].id, first);
  EXPECT_EQ(open[1].reasons, DuplicateReasons{});
  ASSERT_EQ(first_only.size(), 1U);
  EXPECT_EQ(first_only[0].id, first);
  ASSERT_EQ(elsewhere.size(), 1U);
  EXPECT_EQ(elsewhere[0].id, third);
  ASSERT_EQ(merged.size(), 1U);
  EXPECT_EQ(merged[0].id, second);
  EXPECT_FALSE(merged[0].resolved_by.has_value());
  EXPECT_TRUE(none.empty());
}

}  // namespace gapfill::store::contract
