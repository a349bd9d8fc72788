// The store contract, post fields part: a post's languages and maximum
// distance (what the matcher reads) round-trip through insert, update and
// every read, and the retention sweep keeps them (they are not personal
// data). Every backend runs these through StoreContract.

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_P(StoreContract, PostLanguagesAndDistanceRoundTrip) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.languages = {"es", "en", "hmn"};
  post.max_distance_km = 12.5;
  const PostId id = add_post(post);
  Post plain = sample_post(network, PostKind::kOffer);
  const PostId plain_id = add_post(plain);

  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post found = TRY(transaction.posts().find(id));
    EXPECT_EQ(found.languages, (Strings{"es", "en", "hmn"}));
    EXPECT_EQ(found.max_distance_km, 12.5);
    const Post none = TRY(transaction.posts().find(plain_id));
    EXPECT_TRUE(none.languages.empty());
    EXPECT_FALSE(none.max_distance_km);
    // Lists read them too.
    PostFilter filter;
    filter.network_id = network;
    int seen = 0;
    TRY_STATUS(transaction.posts().for_each(filter, [&](const Post& each) {
      if (each.id == id) {
        ++seen;
        EXPECT_EQ(each.languages, (Strings{"es", "en", "hmn"}));
        EXPECT_EQ(each.max_distance_km, 12.5);
      }
    }));
    EXPECT_EQ(seen, 1);
    return {};
  }));

  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Post changed = TRY(transaction.posts().find_for_update(id));
    changed.languages = {"ti"};
    changed.max_distance_km.reset();
    TRY_STATUS(transaction.posts().update(changed));
    Post other = TRY(transaction.posts().find_for_update(plain_id));
    other.languages = {"en"};
    other.max_distance_km = 500;
    return transaction.posts().update(other);
  }));
  auto reopened = reopen();
  ASSERT_TRUE(reopened->read([&](Transaction& transaction) -> Status {
    const Post found = TRY(transaction.posts().find(id));
    EXPECT_EQ(found.languages, (Strings{"ti"}));
    EXPECT_FALSE(found.max_distance_km);
    const Post other = TRY(transaction.posts().find(plain_id));
    EXPECT_EQ(other.languages, (Strings{"en"}));
    EXPECT_EQ(other.max_distance_km, 500.0);
    return {};
  }));
}

TEST_P(StoreContract, ErasingPersonalDataKeepsLanguagesAndDistance) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.status = PostStatus::kFulfilled;
  post.languages = {"es"};
  post.max_distance_km = 25;
  const PostId id = add_post(post);
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.posts().erase_personal_data(id, post.updated_at + 1);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post found = TRY(transaction.posts().find(id));
    EXPECT_TRUE(found.personal_data_erased_at);
    EXPECT_EQ(found.languages, (Strings{"es"}));
    EXPECT_EQ(found.max_distance_km, 25.0);
    return {};
  }));
}

}  // namespace gapfill::store::contract
