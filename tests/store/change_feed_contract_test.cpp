// The change feed on both engines (Store: PostRepository::last_change and
// for_each_changed, NetworkRepository::change_mark, await_change): what a
// server reads to see what other processes wrote.

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

struct Changed {
  PostId id;
  std::string title;
  std::int64_t change;
};

std::vector<Changed> changed_after(Store& store, std::int64_t after) {
  std::vector<Changed> changed;
  const auto read = store.read([&](Transaction& transaction) -> Status {
    return transaction.posts().for_each_changed(after, [&](const Post& post, std::int64_t change) {
      changed.push_back({post.id, post.title, change});
    });
  });
  EXPECT_TRUE(read) << read.error().message;
  return changed;
}

std::int64_t last_change(Store& store) {
  std::int64_t last = -1;
  EXPECT_TRUE(store.read([&](Transaction& transaction) -> Status {
    last = TRY(transaction.posts().last_change());
    return {};
  }));
  return last;
}

std::int64_t network_mark(Store& store) {
  std::int64_t mark = -1;
  EXPECT_TRUE(store.read([&](Transaction& transaction) -> Status {
    mark = TRY(transaction.networks().change_mark());
    return {};
  }));
  return mark;
}

TEST_P(StoreContract, EveryPostWriteTakesTheNextChangeInCommitOrder) {
  EXPECT_EQ(last_change(*store_), 0);
  const NetworkId network = add_network();
  const PostId first = add_post(sample_post(network));
  const PostId second = add_post(sample_post(network));
  const std::int64_t after_inserts = last_change(*store_);
  ASSERT_GT(after_inserts, 0);

  auto changed = changed_after(*store_, 0);
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].id, first);
  EXPECT_EQ(changed[1].id, second);
  EXPECT_LT(changed[0].change, changed[1].change);
  EXPECT_EQ(changed[1].change, after_inserts);

  // An update, by any statement, moves the post to the end of the feed.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Post post = TRY(transaction.posts().find(first));
    post.title = "Groceries, updated";
    return transaction.posts().update(post);
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.posts().set_hidden(second, Hidden{1790000100, ModerationReason::kSpam});
  }));
  changed = changed_after(*store_, after_inserts);
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].id, first);
  EXPECT_EQ(changed[0].title, "Groceries, updated");
  EXPECT_EQ(changed[1].id, second);
  EXPECT_GT(changed[0].change, after_inserts);
  EXPECT_LT(changed[0].change, changed[1].change);
  EXPECT_EQ(last_change(*store_), changed[1].change);
  EXPECT_TRUE(changed_after(*store_, changed[1].change).empty());

  // A rolled-back write leaves the feed as it was.
  const std::int64_t before = last_change(*store_);
  EXPECT_FALSE(store_->write([&](Transaction& transaction) -> Status {
    TRY(transaction.posts().insert(sample_post(network)));
    return fail(ErrorCode::kInvalid, "changed my mind");
  }));
  EXPECT_EQ(last_change(*store_), before);
}

// Both read in pages of 2,000 (store/sql/post_repository.cpp): past the first.
TEST_P(StoreContract, ForEachAndTheFeedReadEveryPostPastOnePage) {
  const NetworkId network = add_network();
  constexpr int kPosts = 2101;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    for (int i = 0; i < kPosts; ++i) TRY(transaction.posts().insert(sample_post(network)));
    return {};
  }));
  std::vector<PostId> seen;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    PostFilter open;
    open.statuses = {PostStatus::kOpen};
    return transaction.posts().for_each(open, [&](const Post& post) { seen.push_back(post.id); });
  }));
  ASSERT_EQ(seen.size(), static_cast<std::size_t>(kPosts));
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());

  const auto changed = changed_after(*store_, 0);
  ASSERT_EQ(changed.size(), static_cast<std::size_t>(kPosts));
  for (std::size_t i = 1; i < changed.size(); ++i) {
    ASSERT_LT(changed[i - 1].change, changed[i].change) << i;
  }
  EXPECT_EQ(changed.back().change, last_change(*store_));
}

TEST_P(StoreContract, NetworkChangesCountUpTheMark) {
  EXPECT_EQ(network_mark(*store_), 0);
  const NetworkId network = add_network();
  const std::int64_t created = network_mark(*store_);
  EXPECT_GT(created, 0);
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.networks().set_contact(network, PublicContact{"hello@example.org", "", ""});
  }));
  EXPECT_GT(network_mark(*store_), created);
  // Posts are the feed's, not the mark's.
  const std::int64_t before = network_mark(*store_);
  add_post(sample_post(network));
  EXPECT_EQ(network_mark(*store_), before);
}

TEST_P(StoreContract, AWaitForChangesEndsByTimeoutOrInterrupt) {
  // Interrupted before it starts: the next wait returns at once.
  store_->interrupt_wait();
  auto started = std::chrono::steady_clock::now();
  store_->await_change(std::chrono::seconds(30));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));

  // The first wait may return at once (PostgreSQL: a new connection, what came
  // before it unknown); after that, one with nothing to report lasts its timeout.
  store_->await_change(std::chrono::milliseconds(50));
  started = std::chrono::steady_clock::now();
  store_->await_change(std::chrono::milliseconds(200));
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(150));

  // Interrupted from another thread while it waits.
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    store_->interrupt_wait();
  });
  started = std::chrono::steady_clock::now();
  store_->await_change(std::chrono::seconds(30));
  interrupter.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

}  // namespace
}  // namespace gapfill::store::contract
