// The store contract, moderation part: hidden posts, reports, blocks and the
// audit log. Every backend runs these through StoreContract.

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

std::vector<PostId> ids(const std::vector<Post>& posts) {
  std::vector<PostId> out;
  for (const Post& post : posts) out.push_back(post.id);
  return out;
}

}  // namespace

TEST_P(StoreContract, HiddenPostsKeepTheirFieldsAndLeavePublicFilters) {
  const NetworkId network = add_network();
  const PostId shown = add_post(sample_post(network));
  const PostId hidden = add_post(sample_post(network));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.posts().set_hidden(hidden, Hidden{1790000000, ModerationReason::kScam}));
    EXPECT_EQ(transaction.posts().set_hidden(999, std::nullopt).error().code, ErrorCode::kNotFound);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post found = TRY(transaction.posts().find(hidden));
    EXPECT_EQ(found.hidden, (Hidden{1790000000, ModerationReason::kScam}));
    EXPECT_FALSE(TRY(transaction.posts().find(shown)).hidden.has_value());
    PostFilter all;
    all.network_id = network;
    PostFilter visible = all;
    visible.visibility = PostFilter::Visibility::kPublic;
    EXPECT_EQ(TRY(transaction.posts().count(all)), 2);
    EXPECT_EQ(TRY(transaction.posts().count(visible)), 1);
    EXPECT_EQ(ids(TRY(transaction.posts().list_newest(visible, std::nullopt, 10))),
              std::vector<PostId>{shown});
    EXPECT_EQ(ids(TRY(transaction.posts().list_in_box(
                  visible, geo::box_around(sample_post(network).point, 50)))),
              std::vector<PostId>{shown});
    return {};
  }));
  // An update of the post's other fields keeps it hidden; showing it again clears it.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Post post = TRY(transaction.posts().find_for_update(hidden));
    post.title = "Changed";
    post.hidden.reset();  // not written by update
    TRY_STATUS(transaction.posts().update(post));
    EXPECT_TRUE(TRY(transaction.posts().find(hidden)).hidden.has_value());
    return transaction.posts().set_hidden(hidden, std::nullopt);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_FALSE(TRY(transaction.posts().find(hidden)).hidden.has_value());
    return {};
  }));
}

TEST_P(StoreContract, ReportsAreListedOpenOldestFirstAndResolvedOnce) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  const PostId post = add_post(sample_post(network));
  const PostId second_post = add_post(sample_post(network));
  const PostId elsewhere = add_post(sample_post(other));
  std::int64_t first = 0, second = 0, third = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    first = TRY(transaction.reports().insert(Report{0, network, post, ModerationReason::kSpam,
                                                    "a note", 100, std::nullopt, std::nullopt}));
    second = TRY(transaction.reports().insert(
        Report{0, network, post, ModerationReason::kUnsafe, "", 200, std::nullopt, std::nullopt}));
    third = TRY(transaction.reports().insert(Report{
        0, network, second_post, ModerationReason::kOther, "", 300, std::nullopt, std::nullopt}));
    TRY(transaction.reports().insert(
        Report{0, other, elsewhere, ModerationReason::kScam, "", 50, std::nullopt, std::nullopt}));
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.reports().count_open(network)), 3);
    const auto open = TRY(transaction.reports().list_open(network, 2, 0));
    EXPECT_EQ(open.size(), 2u);
    if (open.size() == 2) {
      EXPECT_EQ(open[0].id, first);
      EXPECT_EQ(open[0].note, "a note");
      EXPECT_EQ(open[0].reason, ModerationReason::kSpam);
      EXPECT_EQ(open[1].id, second);
    }
    EXPECT_EQ(TRY(transaction.reports().list_open(network, 2, 2)).size(), 1u);
    TRY_STATUS(transaction.reports().resolve(third, ReportResolution::kDismissed, 400));
    EXPECT_EQ(transaction.reports().resolve(third, ReportResolution::kHidden, 500).error().code,
              ErrorCode::kConflict);
    EXPECT_EQ(transaction.reports().resolve(999, ReportResolution::kHidden, 500).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(TRY(transaction.reports().resolve_for_post(post, ReportResolution::kHidden, 600)), 2);
    TRY_STATUS(transaction.reports().erase_notes_for_post(post));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.reports().count_open(network)), 0);
    EXPECT_EQ(TRY(transaction.reports().count_open(other)), 1);
    const Report resolved = TRY(transaction.reports().find(first));
    EXPECT_EQ(resolved.resolution, ReportResolution::kHidden);
    EXPECT_EQ(resolved.resolved_at, 600);
    EXPECT_EQ(resolved.note, "");
    EXPECT_EQ(TRY(transaction.reports().find(third)).resolution, ReportResolution::kDismissed);
    return {};
  }));
}

TEST_P(StoreContract, OneLiveBlockPerSubjectUntilLifted) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  const PostId post = add_post(sample_post(network));
  const std::string hash(64, 'b');
  Block block{0,   network,     BlockSubject::kManageToken, hash, post, ModerationReason::kScam,
              100, std::nullopt};
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    block.id = TRY(transaction.blocks().insert(block));
    // The same subject in another network, and an account, are other blocks.
    Block elsewhere = block;
    elsewhere.network_id = other;
    elsewhere.post_id.reset();
    TRY(transaction.blocks().insert(elsewhere));
    Block account{0,    network,      BlockSubject::kAccount,
                  "42", std::nullopt, ModerationReason::kOther,
                  100,  std::nullopt};
    TRY(transaction.blocks().insert(account));
    return {};
  }));
  const auto twice = store_->write([&](Transaction& transaction) -> Status {
    TRY(transaction.blocks().insert(block));
    return {};
  });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    const auto live =
        TRY(transaction.blocks().find_live(network, BlockSubject::kManageToken, hash));
    EXPECT_TRUE(live.has_value());
    if (live) {
      EXPECT_EQ(live->id, block.id);
      EXPECT_EQ(live->post_id, post);
      EXPECT_EQ(live->reason, ModerationReason::kScam);
    }
    EXPECT_TRUE(
        TRY(transaction.blocks().find_live(network, BlockSubject::kAccount, "42")).has_value());
    EXPECT_FALSE(
        TRY(transaction.blocks().find_live(network, BlockSubject::kAccount, "43")).has_value());
    TRY_STATUS(transaction.blocks().lift(block.id, 200));
    EXPECT_EQ(transaction.blocks().lift(block.id, 300).error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(
        TRY(transaction.blocks().find_live(network, BlockSubject::kManageToken, hash)).has_value());
    // Lifted, the subject can be blocked again.
    TRY(transaction.blocks().insert(block));
    return {};
  }));
}

TEST_P(StoreContract, TheAuditLogIsPerNetworkNewestFirstAndPaged) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  std::vector<std::int64_t> appended;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    for (int i = 0; i < 5; ++i) {
      AuditEvent event;
      event.network_id = network;
      event.actor_kind = i == 0 ? ActorKind::kOperator : ActorKind::kOrganizerKey;
      if (i != 0) event.actor_id = 7;
      event.actor_label = i == 0 ? "operator" : "Dana";
      event.action = "hide";
      event.target_kind = "post";
      event.target_id = 100 + i;
      event.detail = "reason=spam";
      event.at = 1790000000 + i;
      appended.push_back(TRY(transaction.audit().append(event)));
    }
    AuditEvent elsewhere;
    elsewhere.network_id = other;
    elsewhere.action = "close";
    elsewhere.target_kind = "post";
    elsewhere.target_id = 1;
    TRY(transaction.audit().append(elsewhere));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto newest = TRY(transaction.audit().list(network, std::nullopt, 3));
    EXPECT_EQ(newest.size(), 3u);
    if (newest.size() == 3) {
      EXPECT_EQ(newest[0].id, appended[4]);
      EXPECT_EQ(newest[0].target_id, 104);
      EXPECT_EQ(newest[0].actor_kind, ActorKind::kOrganizerKey);
      EXPECT_EQ(newest[0].actor_id, 7);
      EXPECT_EQ(newest[0].actor_label, "Dana");
      EXPECT_EQ(newest[0].detail, "reason=spam");
      EXPECT_EQ(newest[0].at, 1790000004);
      EXPECT_EQ(newest[2].id, appended[2]);
    }
    const auto older = TRY(transaction.audit().list(network, appended[2], 10));
    EXPECT_EQ(older.size(), 2u);
    if (older.size() == 2) {
      EXPECT_EQ(older[1].actor_kind, ActorKind::kOperator);
      EXPECT_FALSE(older[1].actor_id.has_value());
    }
    EXPECT_EQ(TRY(transaction.audit().list(other, std::nullopt, 10)).size(), 1u);
    return {};
  }));
}

TEST_P(StoreContract, HiddenPostsAreNotCountedAsReachingAStatus) {
  const NetworkId network = add_network();
  const PostId post = add_post(sample_post(network));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    PostEvent event;
    event.post_id = post;
    event.network_id = network;
    event.type = "status";
    event.from_status = "open";
    event.to_status = "fulfilled";
    event.at = 1000;
    TRY_STATUS(transaction.events().append(event));
    EXPECT_EQ(TRY(transaction.events().count_reaching_status(network, PostKind::kRequest,
                                                             PostStatus::kFulfilled, 0)),
              1);
    TRY_STATUS(transaction.posts().set_hidden(post, Hidden{2000, ModerationReason::kSpam}));
    EXPECT_EQ(TRY(transaction.events().count_reaching_status(network, PostKind::kRequest,
                                                             PostStatus::kFulfilled, 0)),
              0);
    return {};
  }));
}

}  // namespace gapfill::store::contract
