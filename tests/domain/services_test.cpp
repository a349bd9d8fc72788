// The domain services over a real SQLite store, with a clock the test moves.

#include "domain/services.hpp"

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "domain/catalogue.hpp"
#include "support/manual_clock.hpp"
#include "support/message_checks.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class ServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*app::open_store((dir_.path() / "gapfill.db").string()));
    services_ = std::make_unique<Services>(*store_, clock_);
    ASSERT_TRUE(services_->load());
    NetworkDraft network;
    network.slug = "riverside";
    network.name = "Riverside";
    network.lat = 46.87;
    network.lon = -113.99;
    network.radius_km = 40;
    network.post_expiry_days = 10;
    ASSERT_TRUE(services_->networks().create(network));
  }

  CreatedPost post(PostKind kind, std::optional<UnixSeconds> window_to = {},
                   std::optional<std::int64_t> quantity = {}) {
    PostDraft draft;
    draft.kind = kind;
    draft.category = "food";
    draft.title = kind == PostKind::kRequest ? "Groceries" : "Soup";
    draft.window_to = window_to;
    draft.quantity = quantity;
    auto created = services_->posts().create("riverside", draft);
    EXPECT_TRUE(created) << created.error().message;
    return *created;
  }

  PostStatus status_of(PostId id) { return services_->posts().view(id, "")->post.status; }

  std::size_t listed(PostStatus status) {
    ListQuery query;
    query.status = status;
    query.limit = 100;
    return services_->posts().list("riverside", query)->items.size();
  }

  testing::TempDir dir_;
  ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
};

ClaimDraft volunteer() {
  ClaimDraft claim;
  claim.volunteer_name = "Alex";
  claim.volunteer_email = "alex@example.org";
  return claim;
}

TEST_F(ServicesTest, TheSweepExpiresOpenPostsByWindowAndByAgeOnly) {
  const auto by_window = post(PostKind::kRequest, clock_.now() + 3600);
  const auto by_age = post(PostKind::kOffer);
  const auto matched = post(PostKind::kRequest);
  ASSERT_TRUE(services_->matches().claim(matched.post.id, volunteer()));
  clock_.advance(2 * 3600);
  const auto fresh = post(PostKind::kRequest);

  EXPECT_EQ(services_->posts().expire_due().value(), 1);  // the ended window
  EXPECT_EQ(status_of(by_window.post.id), PostStatus::kClosed);
  EXPECT_EQ(services_->posts().view(by_window.post.id, "")->post.close_reason,
            CloseReason::kExpired);

  clock_.advance(10 * kSecondsPerDay + 1);
  EXPECT_EQ(services_->posts().expire_due().value(), 2);  // older than 10 days
  EXPECT_EQ(status_of(by_age.post.id), PostStatus::kClosed);
  EXPECT_EQ(status_of(fresh.post.id), PostStatus::kClosed);
  EXPECT_EQ(status_of(matched.post.id), PostStatus::kMatched);  // someone is on it
  EXPECT_EQ(listed(PostStatus::kOpen), 0u);
  EXPECT_EQ(listed(PostStatus::kClosed), 3u);

  const auto history = services_->posts().history(by_age.post.id, by_age.manage_token).value();
  EXPECT_EQ(history.back().to_status, "closed");
  EXPECT_EQ(history.back().reason, "expired");
}

TEST_F(ServicesTest, ClosingAnOfferReopensTheRequestsItWasPromisedTo) {
  const auto offer = post(PostKind::kOffer, {}, 5);
  const auto first = post(PostKind::kRequest);
  const auto second = post(PostKind::kRequest);
  for (const auto* request : {&first, &second}) {
    ProposalDraft proposal;
    proposal.request_id = request->post.id;
    proposal.offer_id = offer.post.id;
    ASSERT_TRUE(services_->matches().propose(proposal, request->manage_token));
  }
  EXPECT_EQ(status_of(first.post.id), PostStatus::kMatched);
  EXPECT_EQ(status_of(offer.post.id), PostStatus::kOpen);  // 3 of 5 left
  EXPECT_EQ(listed(PostStatus::kMatched), 2u);

  ASSERT_TRUE(services_->posts().close(offer.post.id, offer.manage_token, CloseReason::kWithdrawn));
  EXPECT_EQ(status_of(first.post.id), PostStatus::kOpen);
  EXPECT_EQ(status_of(second.post.id), PostStatus::kOpen);
  EXPECT_EQ(listed(PostStatus::kOpen), 2u);
  EXPECT_EQ(listed(PostStatus::kMatched), 0u);
}

TEST_F(ServicesTest, RefusesWhatTheRulesForbid) {
  const auto offer = post(PostKind::kOffer, {}, 1);
  const auto request = post(PostKind::kRequest);
  const auto other_request = post(PostKind::kRequest);

  // An offer is not claimed; a stranger cannot propose; too much is refused.
  EXPECT_EQ(services_->matches().claim(offer.post.id, volunteer()).error().code,
            ErrorCode::kConflict);
  ProposalDraft proposal;
  proposal.request_id = request.post.id;
  proposal.offer_id = offer.post.id;
  EXPECT_EQ(services_->matches().propose(proposal, other_request.manage_token).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(services_->matches().propose(proposal, "").error().code, ErrorCode::kUnauthorized);
  proposal.quantity = 2;
  EXPECT_EQ(services_->matches().propose(proposal, offer.manage_token).error().code,
            ErrorCode::kConflict);
  proposal.quantity.reset();
  ProposalDraft swapped;
  swapped.request_id = offer.post.id;
  swapped.offer_id = request.post.id;
  const auto wrong_kinds = services_->matches().propose(swapped, offer.manage_token);
  ASSERT_FALSE(wrong_kinds);
  EXPECT_TRUE(wrong_kinds.error().fields.contains("request_id"));

  const auto match = services_->matches().propose(proposal, offer.manage_token).value();
  EXPECT_EQ(status_of(offer.post.id), PostStatus::kMatched);
  // Completing needs acceptance first; a stranger's token does nothing.
  EXPECT_EQ(services_->matches().complete(match.match.id, offer.manage_token).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(services_->matches().accept(match.match.id, other_request.manage_token).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(services_->matches().accept(match.match.id, request.manage_token));
  ASSERT_TRUE(services_->matches().complete(match.match.id, offer.manage_token));
  EXPECT_EQ(status_of(request.post.id), PostStatus::kFulfilled);
  EXPECT_EQ(status_of(offer.post.id), PostStatus::kFulfilled);

  // Fulfilled posts no longer change.
  PostDraft edit;
  edit.title = "Changed";
  EXPECT_EQ(services_->posts().update(request.post.id, request.manage_token, edit).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(services_->posts().close(request.post.id, request.manage_token, {}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(services_->posts()
                .close(other_request.post.id, other_request.manage_token, CloseReason::kModerated)
                .error()
                .code,
            ErrorCode::kInvalid);
}

TEST_F(ServicesTest, TheReadModelIsRebuiltFromTheStore) {
  for (int i = 0; i < 5; ++i) post(PostKind::kRequest);
  const auto claimed = post(PostKind::kRequest);
  ASSERT_TRUE(services_->matches().claim(claimed.post.id, volunteer()));
  Services reloaded(*store_, clock_);
  ASSERT_TRUE(reloaded.load());
  EXPECT_EQ(reloaded.index().size(), 6u);
  ListQuery query;
  query.limit = 100;
  EXPECT_EQ(reloaded.posts().list("riverside", query)->items.size(), 5u);
}

// A request with every kind of personal data, in `network`.
CreatedPost private_request(Services& services, const std::string& network) {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries";
  draft.details = "Third floor, no elevator";
  draft.location_text = "12 Pine Street";
  draft.contact = ContactDraft{"Sam", "sam@example.org", "+1 406 555 0100", ContactMethod::kPhone};
  auto created = services.posts().create(network, draft);
  EXPECT_TRUE(created) << created.error().message;
  return *created;
}

TEST_F(ServicesTest, RetentionErasesPersonalDataOfPostsClosedLongerThanTheirNetworksRetention) {
  NetworkDraft hillside;
  hillside.slug = "hillside";
  hillside.name = "Hillside";
  hillside.lat = 46.0;
  hillside.lon = -114.0;
  hillside.radius_km = 10;
  hillside.retention_days = 7;
  ASSERT_TRUE(services_->networks().create(hillside));

  const auto fulfilled = private_request(*services_, "riverside");  // retention 30 (default)
  const auto claim = services_->matches().claim(fulfilled.post.id, volunteer()).value();
  ASSERT_TRUE(services_->matches().complete(claim.match.id, claim.match_token));
  const auto withdrawn = private_request(*services_, "riverside");
  ASSERT_TRUE(services_->posts().close(withdrawn.post.id, withdrawn.manage_token, {}));
  const auto soon = private_request(*services_, "hillside");  // retention 7
  const auto soon_claim = services_->matches().claim(soon.post.id, volunteer()).value();
  ASSERT_TRUE(services_->matches().complete(soon_claim.match.id, soon.manage_token));
  const auto open = private_request(*services_, "riverside");
  const auto matched = private_request(*services_, "riverside");
  ASSERT_TRUE(services_->matches().claim(matched.post.id, volunteer()));
  ASSERT_EQ(status_of(fulfilled.post.id), PostStatus::kFulfilled);
  const auto details_of = [&](const CreatedPost& created) {
    return services_->posts().view(created.post.id, created.manage_token)->post.details;
  };

  clock_.advance(8 * kSecondsPerDay);
  const NetworkSummary hillside_before = services_->networks().summary("hillside").value();
  EXPECT_EQ(hillside_before.fulfilled_last_30_days, 1);
  EXPECT_EQ(services_->posts().erase_expired_personal_data().value(), 1);
  EXPECT_EQ(details_of(soon), "");
  EXPECT_EQ(services_->networks().summary("hillside")->fulfilled_last_30_days, 1);
  EXPECT_EQ(details_of(withdrawn), "Third floor, no elevator");

  clock_.advance(21 * kSecondsPerDay);  // 29 days after closing: kept
  EXPECT_EQ(services_->posts().erase_expired_personal_data().value(), 0);
  EXPECT_EQ(details_of(fulfilled), "Third floor, no elevator");

  clock_.advance(2 * kSecondsPerDay);  // 31 days
  const NetworkSummary before = services_->networks().summary("riverside").value();
  const std::size_t live = services_->index().size();
  EXPECT_EQ(services_->posts().erase_expired_personal_data().value(), 2);
  EXPECT_EQ(services_->posts().erase_expired_personal_data().value(), 0);  // nothing new

  const PostView erased =
      services_->posts().view(fulfilled.post.id, fulfilled.manage_token).value();
  EXPECT_EQ(erased.post.details, "");
  EXPECT_EQ(erased.post.location_text, "");
  EXPECT_TRUE(erased.post.contact.empty());
  EXPECT_EQ(erased.post.title, "Groceries");
  EXPECT_EQ(erased.post.status, PostStatus::kFulfilled);
  EXPECT_EQ(erased.post.personal_data_erased_at, clock_.now());
  ASSERT_EQ(erased.matches.size(), 1u);
  EXPECT_EQ(erased.matches[0].volunteer->name, "");
  EXPECT_EQ(erased.matches[0].volunteer->email, "");
  EXPECT_EQ(details_of(withdrawn), "");
  // Live posts keep everything, whatever their age; counts do not change.
  EXPECT_EQ(details_of(open), "Third floor, no elevator");
  const PostView still_matched =
      services_->posts().view(matched.post.id, matched.manage_token).value();
  EXPECT_EQ(still_matched.post.contact.phone, "+1 406 555 0100");
  EXPECT_EQ(still_matched.matches[0].volunteer->name, "Alex");
  const NetworkSummary after = services_->networks().summary("riverside").value();
  EXPECT_EQ(after.fulfilled_last_30_days, before.fulfilled_last_30_days);
  EXPECT_EQ(after.open_requests, before.open_requests);
  EXPECT_EQ(after.open_requests_by_category, before.open_requests_by_category);
  EXPECT_EQ(services_->index().size(), live);
  EXPECT_EQ(listed(PostStatus::kFulfilled), 1u);
  EXPECT_EQ(listed(PostStatus::kClosed), 1u);
}

// The field of a failed call, its message checked in every catalogue and
// returned in English.
template <typename T>
std::string english_field(const Result<T>& result, const std::string& field) {
  if (result) return "(succeeded)";
  const auto found = result.error().fields.find(field);
  if (found == result.error().fields.end()) return "(no message for " + field + ")";
  EXPECT_TRUE(testing::is_complete(found->second));
  return i18n::render(found->second, "en");
}

TEST_F(ServicesTest, FieldMessagesOfTheServicesAreInEveryCatalogue) {
  const auto request = post(PostKind::kRequest);
  const auto offer = post(PostKind::kOffer);

  EXPECT_EQ(english_field(services_->matches().propose(ProposalDraft{}, offer.manage_token),
                          "request_id"),
            "is required");
  ProposalDraft swapped;
  swapped.request_id = offer.post.id;
  swapped.offer_id = request.post.id;
  const auto wrong_kinds = services_->matches().propose(swapped, offer.manage_token);
  EXPECT_EQ(english_field(wrong_kinds, "request_id"), "is not a request");
  EXPECT_EQ(english_field(wrong_kinds, "offer_id"), "is not an offer");

  NetworkDraft hillside;
  hillside.slug = "hillside";
  hillside.name = "Hillside";
  hillside.lat = 46.0;
  hillside.lon = -114.0;
  hillside.radius_km = 10;
  ASSERT_TRUE(services_->networks().create(hillside));
  EXPECT_EQ(english_field(services_->networks().create(hillside), "slug"), "is already taken");
  PostDraft far_offer;
  far_offer.kind = PostKind::kOffer;
  far_offer.category = "food";
  far_offer.title = "Bread";
  const auto far = services_->posts().create("hillside", far_offer).value();
  ProposalDraft across;
  across.request_id = request.post.id;
  across.offer_id = far.post.id;
  EXPECT_EQ(english_field(services_->matches().propose(across, far.manage_token), "offer_id"),
            "is in another network");

  EXPECT_EQ(english_field(services_->posts().close(request.post.id, request.manage_token,
                                                   CloseReason::kModerated),
                          "reason"),
            "must be withdrawn or duplicate");
  ListQuery query;
  query.limit = 10;
  query.category = "weapons";
  EXPECT_EQ(english_field(services_->posts().list("riverside", query), "category"),
            "is not one of this network's categories");
  query.category.reset();
  query.after = ListCursor{true, 0.1, 0, 1};
  EXPECT_EQ(english_field(services_->posts().list("riverside", query), "cursor"),
            "belongs to a listing with other parameters");
}

}  // namespace
}  // namespace gapfill::domain
