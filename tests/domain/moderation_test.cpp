// Moderation rules over a real SQLite store: who may moderate, what hiding
// does to the read model, what a block refuses, and that an action and its
// audit event commit together.

#include "domain/moderation.hpp"

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "domain/services.hpp"
#include "support/manual_clock.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class ModerationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*app::open_store((dir_.path() / "gapfill.db").string()));
    services_ = std::make_unique<Services>(*store_, clock_);
    ASSERT_TRUE(services_->load());
    for (const char* slug : {"riverside", "hillside"}) {
      NetworkDraft network;
      network.slug = slug;
      network.name = slug;
      network.lat = 46.87;
      network.lon = -113.99;
      network.radius_km = 40;
      // Account 1 is riverside's admin, account 2 hillside's.
      ASSERT_TRUE(services_->networks().create(network, slug[0] == 'r' ? key_ : other_key_));
    }
  }

  CreatedPost post(const std::string& slug = "riverside") {
    PostDraft draft;
    draft.kind = PostKind::kRequest;
    draft.category = "food";
    draft.title = "Groceries";
    draft.urgency = Urgency::kWeek;
    draft.contact = ContactDraft{"Sam", std::nullopt, "+1 406 555 0100", ContactMethod::kPhone};
    auto created = services_->posts().create(slug, draft);
    EXPECT_TRUE(created) << created.error().message;
    return *created;
  }

  std::vector<AuditEvent> audit() {
    return services_->moderation().audit("riverside", key_, std::nullopt, 200).value().items;
  }

  ModerationService& moderation() { return services_->moderation(); }

  testing::TempDir dir_;
  ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
  const Actor key_ = Actor::signed_in(1);
  const Actor other_key_ = Actor::signed_in(2);
};

TEST_F(ModerationTest, OnlyOrganizersOfTheNetworkModerate) {
  const CreatedPost created = post();
  const auto code = [](const auto& result) { return result.error().code; };
  EXPECT_EQ(code(moderation().hide("riverside", "", created.post.id, ModerationReason::kSpam)),
            ErrorCode::kUnauthorized);
  EXPECT_EQ(
      code(moderation().hide("riverside", other_key_, created.post.id, ModerationReason::kSpam)),
      ErrorCode::kForbidden);
  EXPECT_EQ(code(moderation().hide("riverside", created.manage_token, created.post.id,
                                   ModerationReason::kSpam)),
            ErrorCode::kUnauthorized);
  // Signed in without a role in the network: forbidden.
  EXPECT_EQ(code(moderation().audit("riverside", Actor::signed_in(3), std::nullopt, 10)),
            ErrorCode::kForbidden);
  EXPECT_EQ(
      code(moderation().hide("hillside", other_key_, created.post.id, ModerationReason::kSpam)),
      ErrorCode::kNotFound);
  EXPECT_EQ(code(moderation().audit("riverside", other_key_, std::nullopt, 10)),
            ErrorCode::kForbidden);
  EXPECT_EQ(code(moderation().audit("riverside", key_, std::nullopt, 0)), ErrorCode::kInvalid);
  // Refused actions leave no audit event.
  EXPECT_EQ(audit().size(), 0u);
}

TEST_F(ModerationTest, HidingTakesAPostOutOfTheReadModelAndShowingPutsItBack) {
  const CreatedPost created = post();
  EXPECT_EQ(services_->index().size(), 1u);
  const auto version = services_->posts().listing_version("riverside").value();
  ASSERT_TRUE(moderation().hide("riverside", key_, created.post.id, ModerationReason::kUnsafe));
  EXPECT_EQ(services_->index().size(), 0u);
  EXPECT_NE(services_->posts().listing_version("riverside").value(), version);
  EXPECT_EQ(services_->posts().view(created.post.id, "").error().code, ErrorCode::kGone);
  const auto own = services_->posts().view(created.post.id, created.manage_token);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->post.hidden->reason, ModerationReason::kUnsafe);
  // The poster's history says organizers hid it.
  const auto history = services_->posts().history(created.post.id, created.manage_token).value();
  EXPECT_EQ(history.back().reason, "hide");
  // A reload from the database keeps it out.
  Services reloaded(*store_, clock_);
  ASSERT_TRUE(reloaded.load());
  EXPECT_EQ(reloaded.index().size(), 0u);
  ASSERT_TRUE(moderation().unhide("riverside", key_, created.post.id));
  EXPECT_EQ(services_->index().size(), 1u);
  EXPECT_TRUE(services_->posts().view(created.post.id, ""));
}

TEST_F(ModerationTest, ABlockRefusesThePostersTokenButNotOrganizers) {
  const CreatedPost created = post();
  ASSERT_TRUE(moderation().block("riverside", key_, created.post.id, ModerationReason::kScam));
  PostDraft change;
  change.title = "Changed";
  const auto edited = services_->posts().update(created.post.id, created.manage_token, change);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(
      services_->posts().close(created.post.id, created.manage_token, std::nullopt).error().code,
      ErrorCode::kForbidden);
  EXPECT_TRUE(services_->posts().view(created.post.id, created.manage_token)->token_blocked);
  EXPECT_TRUE(
      services_->organizer().close("riverside", key_, created.post.id, CloseReason::kModerated));
}

TEST_F(ModerationTest, TheAccountHookRefusesABlockedAccount) {
  ASSERT_TRUE(store_->write([&](store::Transaction& transaction) -> Status {
    Block block{0,
                1,
                BlockSubject::kAccount,
                "42",
                std::nullopt,
                ModerationReason::kOther,
                clock_.now(),
                std::nullopt};
    TRY(transaction.blocks().insert(block));
    EXPECT_EQ(refuse_blocked_account(transaction, 1, 42).error().code, ErrorCode::kForbidden);
    EXPECT_TRUE(refuse_blocked_account(transaction, 1, 43));
    EXPECT_TRUE(refuse_blocked_account(transaction, 2, 42));
    return {};
  }));
}

TEST_F(ModerationTest, AFailedActionWritesNoAuditEvent) {
  const CreatedPost created = post();
  ASSERT_TRUE(moderation().hide("riverside", key_, created.post.id, ModerationReason::kSpam));
  const std::size_t before = audit().size();
  EXPECT_EQ(
      moderation().hide("riverside", key_, created.post.id, ModerationReason::kSpam).error().code,
      ErrorCode::kConflict);
  EXPECT_EQ(audit().size(), before);
  const std::vector<AuditEvent> events = audit();
  EXPECT_EQ(events.front().action, "hide");
  EXPECT_EQ(events.front().actor_label, "account 1");
  EXPECT_EQ(events.front().detail, "reason=spam");
}

}  // namespace
}  // namespace gapfill::domain
