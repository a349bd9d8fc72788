// Organizers: keys, the queue, matching, closing, duplicates and intake;
// the network summary; the urgency filter; the site secret. Over a real
// SQLite store with a clock the test moves.

#include "domain/organizer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/application.hpp"
#include "domain/services.hpp"
#include "support/manual_clock.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class OrganizerTest : public ::testing::Test {
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
      ASSERT_TRUE(services_->networks().create(network));
    }
    // Account 1 organizes riverside, account 2 hillside: each redeems the
    // operator's key to become admin, then 1 is made a plain organizer by a
    // second admin (account 3).
    for (const auto& [slug, account] :
         {std::pair{"riverside", 1}, {"hillside", 2}, {"riverside", 3}}) {
      const auto key = services_->organizer().issue_key(slug, "Dana").value().key;
      ASSERT_TRUE(
          services_->memberships().redeem_organizer_key(slug, key, Actor::signed_in(account)));
    }
    ASSERT_TRUE(
        services_->memberships().set_role("riverside", Actor::signed_in(3), 1, Role::kOrganizer));
    key_ = Actor::signed_in(1);
    other_key_ = Actor::signed_in(2);
  }

  OrganizerService& organizer() { return services_->organizer(); }

  CreatedPost post(PostKind kind, Urgency urgency = Urgency::kWeek,
                   std::optional<std::int64_t> quantity = {}, const std::string& slug = "riverside",
                   const std::string& category = "food") {
    PostDraft draft;
    draft.kind = kind;
    draft.category = category;
    draft.title = kind == PostKind::kRequest ? "Groceries" : "Soup";
    draft.urgency = urgency;
    draft.quantity = quantity;
    draft.contact = ContactDraft{"Sam", std::nullopt, "+1 406 555 0100", ContactMethod::kPhone};
    auto created = services_->posts().create(slug, draft);
    EXPECT_TRUE(created) << created.error().message;
    return *created;
  }

  Post stored(PostId id) {
    Post post;
    EXPECT_TRUE(store_->read([&](store::Transaction& transaction) -> Status {
      post = TRY(transaction.posts().find(id));
      return {};
    }));
    return post;
  }

  std::vector<PostEvent> history(PostId id) {
    std::vector<PostEvent> events;
    EXPECT_TRUE(store_->read([&](store::Transaction& transaction) -> Status {
      events = TRY(transaction.events().list_for_post(id));
      return {};
    }));
    return events;
  }

  static bool has_event(const std::vector<PostEvent>& events, const std::string& type,
                        const std::string& reason) {
    return std::any_of(events.begin(), events.end(), [&](const PostEvent& event) {
      return event.type == type && event.reason == reason;
    });
  }

  testing::TempDir dir_;
  ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
  Actor key_;        // an organizer of riverside
  Actor other_key_;  // an admin of hillside
};

template <typename T>
ErrorCode code_of(const Result<T>& result) {
  EXPECT_FALSE(result);
  return result ? ErrorCode::kInternal : result.error().code;
}

TEST_F(OrganizerTest, OnlyOrganizersAndAdminsOfTheNetworkOpenIt) {
  const auto request = post(PostKind::kRequest);
  ASSERT_TRUE(services_->memberships().join("riverside", Actor::signed_in(4)));
  struct Case {
    const char* name;
    Actor actor;
    std::optional<ErrorCode> refused;
  };
  const std::vector<Case> cases{
      {"anonymous", Actor{}, ErrorCode::kUnauthorized},
      {"the poster's manage token", Actor(request.manage_token), ErrorCode::kUnauthorized},
      {"an account of no network", Actor::signed_in(99), ErrorCode::kForbidden},
      {"a volunteer", Actor::signed_in(4), ErrorCode::kForbidden},
      {"another network's admin", other_key_, ErrorCode::kForbidden},
      {"an organizer", key_, std::nullopt},
      {"an admin", Actor::signed_in(3), std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto checked = organizer().check("riverside", c.actor);
    const auto queue = organizer().queue("riverside", c.actor, QueueFilter{});
    const auto offers = organizer().open_offers("riverside", c.actor, std::nullopt);
    const auto closed =
        organizer().close("riverside", c.actor, request.post.id + 1000, CloseReason::kModerated);
    PostDraft draft;
    const auto intake = organizer().intake("riverside", c.actor, draft);
    if (c.refused) {
      EXPECT_EQ(checked.error().code, *c.refused);
      EXPECT_EQ(code_of(queue), *c.refused);
      EXPECT_EQ(code_of(offers), *c.refused);
      EXPECT_EQ(code_of(closed), *c.refused);  // refused before the post is looked up
      EXPECT_EQ(code_of(intake), *c.refused);
    } else {
      EXPECT_TRUE(checked);
      EXPECT_TRUE(queue);
      EXPECT_TRUE(offers);
      EXPECT_EQ(code_of(closed), ErrorCode::kNotFound);
      EXPECT_EQ(code_of(intake), ErrorCode::kInvalid);
    }
  }
  EXPECT_EQ(organizer().check("nowhere", key_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(organizer().issue_key("nowhere", "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(organizer().issue_key("riverside", std::string(200, 'x')).error().code,
            ErrorCode::kInvalid);
}

TEST_F(OrganizerTest, PostsAndMatchesOfAnotherNetworkAreNotFound) {
  const auto request = post(PostKind::kRequest);
  const auto offer = post(PostKind::kOffer);
  const auto their_request = post(PostKind::kRequest, Urgency::kWeek, {}, "hillside");
  const auto their_offer = post(PostKind::kOffer, Urgency::kWeek, {}, "hillside");
  const auto theirs =
      organizer()
          .match("hillside", other_key_, their_request.post.id, their_offer.post.id, {}, {})
          .value();
  const PostId mine = request.post.id;
  const PostId foreign = their_request.post.id;
  EXPECT_EQ(code_of(organizer().close("riverside", key_, foreign, CloseReason::kModerated)),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().mark_duplicate("riverside", key_, foreign, mine)),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().mark_duplicate("riverside", key_, mine, foreign)),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().match("riverside", key_, mine, their_offer.post.id, {}, {})),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().match("riverside", key_, foreign, offer.post.id, {}, {})),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().complete_match("riverside", key_, theirs.match.id)),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(organizer().cancel_match("riverside", key_, theirs.match.id)),
            ErrorCode::kNotFound);
  EXPECT_EQ(stored(foreign).status, PostStatus::kMatched);  // untouched
  // Their own key may not act here either, even on their own posts.
  EXPECT_EQ(code_of(organizer().close("riverside", other_key_, foreign, CloseReason::kModerated)),
            ErrorCode::kForbidden);
}

TEST_F(OrganizerTest, TheQueueIsMostUrgentThenLongestWaitingAndPages) {
  // Created an hour apart: earlier ones have waited longer.
  const auto flexible = post(PostKind::kRequest, Urgency::kFlexible);
  clock_.advance(3600);
  const auto week_old = post(PostKind::kRequest, Urgency::kWeek);
  clock_.advance(3600);
  const auto today_new = post(PostKind::kRequest, Urgency::kToday);
  clock_.advance(3600);
  const auto today_newer = post(PostKind::kRequest, Urgency::kToday, {}, "riverside", "transport");
  clock_.advance(3600);
  const auto offer = post(PostKind::kOffer, Urgency::kToday);
  const auto closed = post(PostKind::kRequest, Urgency::kToday);
  ASSERT_TRUE(organizer().close("riverside", key_, closed.post.id, CloseReason::kWithdrawn));
  const auto matched = post(PostKind::kRequest, Urgency::kFlexible);
  ClaimDraft claim;
  claim.volunteer_name = "Alex";
  claim.volunteer_email = "alex@example.org";
  ASSERT_TRUE(services_->matches().claim(matched.post.id, claim));

  const auto ids = [](const QueuePage& page) {
    std::vector<PostId> out;
    for (const QueueItem& item : page.items) out.push_back(item.post.id);
    return out;
  };
  const QueuePage all = organizer().queue("riverside", key_, QueueFilter{}).value();
  EXPECT_EQ(ids(all), (std::vector<PostId>{today_new.post.id, today_newer.post.id, week_old.post.id,
                                           flexible.post.id, matched.post.id}));
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(all.items[0].post.contact.name, "Sam");  // private fields
  EXPECT_EQ(all.items[4].matches.size(), 1u);

  struct Case {
    const char* name;
    QueueFilter filter;
    std::vector<PostId> expected;
    int total;
  };
  QueueFilter second_page;
  second_page.limit = 2;
  second_page.offset = 2;
  QueueFilter today;
  today.urgency = Urgency::kToday;
  QueueFilter transport;
  transport.category = "transport";
  QueueFilter offers;
  offers.kind = PostKind::kOffer;
  QueueFilter open_only;
  open_only.statuses = {PostStatus::kOpen};
  open_only.limit = 1;
  QueueFilter everything;
  everything.kind.reset();
  everything.statuses.clear();
  const std::vector<Case> cases{
      {"second page", second_page, {week_old.post.id, flexible.post.id}, 5},
      {"today", today, {today_new.post.id, today_newer.post.id}, 2},
      {"transport", transport, {today_newer.post.id}, 1},
      {"offers", offers, {offer.post.id}, 1},
      {"open only, one", open_only, {today_new.post.id}, 4},
      {"any kind, any status",
       everything,
       {today_new.post.id, today_newer.post.id, offer.post.id, closed.post.id, week_old.post.id,
        flexible.post.id, matched.post.id},
       7},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto page = organizer().queue("riverside", key_, c.filter);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(ids(*page), c.expected);
    EXPECT_EQ(page->total, c.total);
  }
  const auto changed = [](auto change) {
    QueueFilter filter;
    change(filter);
    return filter;
  };
  for (const QueueFilter& bad : {changed([](QueueFilter& f) { f.limit = 0; }),
                                 changed([](QueueFilter& f) { f.limit = 1000; }),
                                 changed([](QueueFilter& f) { f.offset = -1; }),
                                 changed([](QueueFilter& f) { f.category = "spaceships"; })}) {
    EXPECT_EQ(code_of(organizer().queue("riverside", key_, bad)), ErrorCode::kInvalid);
  }
}

TEST_F(OrganizerTest, MatchesAreAcceptedAtOnceWithinWhatTheOfferHas) {
  const auto offer = post(PostKind::kOffer, Urgency::kWeek, 5);
  const auto first = post(PostKind::kRequest, Urgency::kToday, 2);
  const auto second = post(PostKind::kRequest);
  const auto third = post(PostKind::kRequest);

  const auto made =
      organizer().match("riverside", key_, first.post.id, offer.post.id, {}, "Saturday").value();
  EXPECT_EQ(made.match.status, MatchStatus::kAccepted);
  EXPECT_EQ(made.match.quantity, 2);  // the request's
  EXPECT_EQ(made.match.note, "Saturday");
  EXPECT_TRUE(made.match_token.empty());
  EXPECT_EQ(stored(first.post.id).status, PostStatus::kMatched);
  EXPECT_EQ(stored(offer.post.id).status, PostStatus::kOpen);  // 3 left
  EXPECT_TRUE(has_event(history(first.post.id), "organizer", "match"));
  EXPECT_TRUE(has_event(history(offer.post.id), "organizer", "match"));

  EXPECT_EQ(code_of(organizer().match("riverside", key_, second.post.id, offer.post.id, 4, {})),
            ErrorCode::kConflict);  // only 3 left
  EXPECT_EQ(code_of(organizer().match("riverside", key_, second.post.id, offer.post.id, 0, {})),
            ErrorCode::kInvalid);
  EXPECT_EQ(code_of(organizer().match("riverside", key_, offer.post.id, second.post.id, {}, {})),
            ErrorCode::kInvalid);  // kinds swapped
  EXPECT_EQ(code_of(organizer().match("riverside", key_, first.post.id, offer.post.id, 1, {})),
            ErrorCode::kConflict);  // the request is matched already
  ASSERT_TRUE(organizer().match("riverside", key_, second.post.id, offer.post.id, 3, {}));
  EXPECT_EQ(stored(offer.post.id).status, PostStatus::kMatched);  // all committed
  EXPECT_EQ(code_of(organizer().match("riverside", key_, third.post.id, offer.post.id, {}, {})),
            ErrorCode::kConflict);

  const auto closed_offer = post(PostKind::kOffer);
  ASSERT_TRUE(organizer().close("riverside", key_, closed_offer.post.id, CloseReason::kWithdrawn));
  EXPECT_EQ(
      code_of(organizer().match("riverside", key_, third.post.id, closed_offer.post.id, {}, {})),
      ErrorCode::kConflict);
}

TEST_F(OrganizerTest, MovesAnyMatchOfTheNetworkOn) {
  const auto offer = post(PostKind::kOffer, Urgency::kWeek, 2);
  const auto request = post(PostKind::kRequest);
  const auto other = post(PostKind::kRequest);
  // One the parties proposed, one a volunteer claimed.
  ProposalDraft proposal;
  proposal.request_id = request.post.id;
  proposal.offer_id = offer.post.id;
  const auto proposed = services_->matches().propose(proposal, request.manage_token).value();
  ClaimDraft claim;
  claim.volunteer_name = "Alex";
  claim.volunteer_email = "alex@example.org";
  const auto claimed = services_->matches().claim(other.post.id, claim).value();

  EXPECT_EQ(code_of(organizer().complete_match("riverside", key_, proposed.match.id)),
            ErrorCode::kConflict);  // not accepted yet
  const auto cancelled = organizer().cancel_match("riverside", key_, proposed.match.id).value();
  EXPECT_EQ(cancelled.match.status, MatchStatus::kCancelled);
  EXPECT_EQ(cancelled.request.status, PostStatus::kOpen);
  EXPECT_EQ(stored(offer.post.id).status, PostStatus::kOpen);
  EXPECT_TRUE(has_event(history(request.post.id), "organizer", "cancel_match"));
  EXPECT_TRUE(has_event(history(offer.post.id), "organizer", "cancel_match"));

  const auto completed = organizer().complete_match("riverside", key_, claimed.match.id).value();
  EXPECT_EQ(completed.match.status, MatchStatus::kCompleted);
  EXPECT_EQ(completed.request.status, PostStatus::kFulfilled);
  EXPECT_TRUE(has_event(history(other.post.id), "organizer", "complete_match"));
  EXPECT_EQ(code_of(organizer().cancel_match("riverside", key_, claimed.match.id)),
            ErrorCode::kConflict);
  EXPECT_EQ(code_of(organizer().cancel_match("riverside", key_, 9999)), ErrorCode::kNotFound);
}

TEST_F(OrganizerTest, ClosesForTheReasonsAnOrganizerMayGive) {
  struct Case {
    CloseReason reason;
    std::optional<ErrorCode> refused;
  };
  for (const Case c :
       {Case{CloseReason::kWithdrawn, {}}, Case{CloseReason::kModerated, {}},
        Case{CloseReason::kDuplicate, {}}, Case{CloseReason::kExpired, ErrorCode::kInvalid}}) {
    SCOPED_TRACE(to_string(c.reason));
    const auto request = post(PostKind::kRequest);
    const auto closed = organizer().close("riverside", key_, request.post.id, c.reason);
    if (c.refused) {
      EXPECT_EQ(code_of(closed), *c.refused);
      EXPECT_EQ(stored(request.post.id).status, PostStatus::kOpen);
      continue;
    }
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_EQ(closed->access, Access::kOrganizer);
    EXPECT_EQ(closed->post.status, PostStatus::kClosed);
    EXPECT_EQ(closed->post.close_reason, c.reason);
    const auto events = history(request.post.id);
    EXPECT_TRUE(has_event(events, "organizer", "close"));
    EXPECT_TRUE(has_event(events, "status", std::string(to_string(c.reason))));
    EXPECT_EQ(code_of(organizer().close("riverside", key_, request.post.id, c.reason)),
              ErrorCode::kConflict);  // closed already
  }
  // A matched request is closed too, and its match cancelled.
  const auto matched = post(PostKind::kRequest);
  const auto offer = post(PostKind::kOffer);
  ASSERT_TRUE(organizer().match("riverside", key_, matched.post.id, offer.post.id, {}, {}));
  const auto closed =
      organizer().close("riverside", key_, matched.post.id, CloseReason::kModerated).value();
  ASSERT_EQ(closed.matches.size(), 1u);
  EXPECT_EQ(closed.matches[0].status, MatchStatus::kCancelled);
  EXPECT_EQ(stored(offer.post.id).status, PostStatus::kOpen);
}

TEST_F(OrganizerTest, MarksADuplicateOfALivePost) {
  const auto original = post(PostKind::kRequest);
  const auto repeat = post(PostKind::kRequest);
  EXPECT_EQ(code_of(organizer().mark_duplicate("riverside", key_, repeat.post.id, repeat.post.id)),
            ErrorCode::kInvalid);
  const auto marked =
      organizer().mark_duplicate("riverside", key_, repeat.post.id, original.post.id).value();
  EXPECT_EQ(marked.post.status, PostStatus::kClosed);
  EXPECT_EQ(marked.post.close_reason, CloseReason::kDuplicate);
  EXPECT_EQ(marked.post.duplicate_of, original.post.id);
  EXPECT_EQ(stored(repeat.post.id).duplicate_of, original.post.id);
  EXPECT_TRUE(has_event(history(repeat.post.id), "organizer", "duplicate"));
  EXPECT_EQ(stored(original.post.id).status, PostStatus::kOpen);
  // Not again, and not of a post that is no longer live.
  EXPECT_EQ(
      code_of(organizer().mark_duplicate("riverside", key_, repeat.post.id, original.post.id)),
      ErrorCode::kConflict);
  const auto third = post(PostKind::kRequest);
  EXPECT_EQ(code_of(organizer().mark_duplicate("riverside", key_, third.post.id, repeat.post.id)),
            ErrorCode::kConflict);
  EXPECT_EQ(code_of(organizer().mark_duplicate("riverside", key_, third.post.id, 9999)),
            ErrorCode::kNotFound);
}

TEST_F(OrganizerTest, IntakeCreatesAPostMarkedAsAnOrganizersEntry) {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries, asked for by phone";
  draft.urgency = Urgency::kToday;
  const auto created = organizer().intake("riverside", key_, draft).value();
  EXPECT_TRUE(created.post.entered_by_organizer);
  EXPECT_FALSE(created.manage_token.empty());
  EXPECT_TRUE(stored(created.post.id).entered_by_organizer);
  const auto events = history(created.post.id);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().type, "created");
  EXPECT_EQ(events.front().reason, "organizer");
  EXPECT_EQ(services_->networks().summary("riverside")->open_requests, 1);  // in the read model
  // A poster's own post is not.
  const auto own = post(PostKind::kRequest);
  EXPECT_FALSE(stored(own.post.id).entered_by_organizer);
  EXPECT_EQ(history(own.post.id).front().reason, "");
  draft.title.reset();
  EXPECT_EQ(code_of(organizer().intake("riverside", key_, draft)), ErrorCode::kInvalid);
}

TEST_F(OrganizerTest, OpenOffersAreTheOnesWithSomethingLeft) {
  const auto spent = post(PostKind::kOffer, Urgency::kWeek, 1);
  const auto some_left = post(PostKind::kOffer, Urgency::kWeek, 3);
  const auto rides = post(PostKind::kOffer, Urgency::kToday, {}, "riverside", "transport");
  const auto request = post(PostKind::kRequest);
  post(PostKind::kOffer, Urgency::kWeek, {}, "hillside");
  ASSERT_TRUE(organizer().match("riverside", key_, request.post.id, spent.post.id, {}, {}));
  const auto ids = [](const std::vector<Post>& posts) {
    std::vector<PostId> out;
    for (const Post& p : posts) out.push_back(p.id);
    return out;
  };
  EXPECT_EQ(ids(organizer().open_offers("riverside", key_, std::nullopt).value()),
            (std::vector<PostId>{rides.post.id, some_left.post.id}));
  EXPECT_EQ(ids(organizer().open_offers("riverside", key_, "food").value()),
            (std::vector<PostId>{some_left.post.id}));
  EXPECT_EQ(code_of(organizer().open_offers("riverside", key_, "spaceships")), ErrorCode::kInvalid);
}

TEST_F(OrganizerTest, TheSummaryCountsOpenPostsAndRecentlyFulfilledRequests) {
  const auto old_request = post(PostKind::kRequest);
  const auto offer = post(PostKind::kOffer, Urgency::kWeek, 5);
  const auto old_match =
      organizer().match("riverside", key_, old_request.post.id, offer.post.id, 1, {}).value();
  ASSERT_TRUE(organizer().complete_match("riverside", key_, old_match.match.id));
  clock_.advance(31 * kSecondsPerDay);  // that one is now too old to count

  const auto food = post(PostKind::kRequest);
  post(PostKind::kRequest);
  post(PostKind::kRequest, Urgency::kToday, {}, "riverside", "transport");
  const auto matched = post(PostKind::kRequest);
  const auto fulfilled = post(PostKind::kRequest);
  post(PostKind::kOffer);
  post(PostKind::kRequest, Urgency::kWeek, {}, "hillside");
  ASSERT_TRUE(organizer().match("riverside", key_, matched.post.id, offer.post.id, 1, {}));
  const auto recent =
      organizer().match("riverside", key_, fulfilled.post.id, offer.post.id, 1, {}).value();
  ASSERT_TRUE(organizer().complete_match("riverside", key_, recent.match.id));
  ASSERT_TRUE(organizer().close("riverside", key_, food.post.id, CloseReason::kModerated));

  const NetworkSummary summary = services_->networks().summary("riverside").value();
  EXPECT_EQ(summary.open_requests, 2);
  EXPECT_EQ(summary.open_requests_by_category,
            (std::map<std::string, int>{{"food", 1}, {"transport", 1}}));
  EXPECT_EQ(summary.open_offers, 2);  // 2 of 5 left of the first, and the second
  EXPECT_EQ(summary.fulfilled_last_30_days, 1);
  EXPECT_EQ(services_->networks().summary("hillside")->open_requests, 1);
  EXPECT_EQ(services_->networks().summary("nowhere").error().code, ErrorCode::kNotFound);

  // The same counts after a restart: the read model is rebuilt from the store.
  Services reloaded(*store_, clock_);
  ASSERT_TRUE(reloaded.load());
  const NetworkSummary again = reloaded.networks().summary("riverside").value();
  EXPECT_EQ(again.open_requests_by_category, summary.open_requests_by_category);
  EXPECT_EQ(again.open_offers, summary.open_offers);
}

TEST_F(OrganizerTest, ListingsFilterByUrgencyFromTheIndexAndFromTheStore) {
  const auto today = post(PostKind::kRequest, Urgency::kToday);
  post(PostKind::kRequest, Urgency::kWeek);
  const auto flexible = post(PostKind::kRequest, Urgency::kFlexible);
  const auto closed_today = post(PostKind::kRequest, Urgency::kToday);
  post(PostKind::kRequest, Urgency::kWeek);  // closed below, not today
  for (PostId id : {closed_today.post.id, closed_today.post.id + 1}) {
    ASSERT_TRUE(organizer().close("riverside", key_, id, CloseReason::kWithdrawn));
  }
  struct Case {
    const char* name;
    PostStatus status;  // open: the index answers; closed: the store
    bool near;
    Urgency urgency;
    std::vector<PostId> expected;
  };
  const std::vector<Case> cases{
      {"index, newest", PostStatus::kOpen, false, Urgency::kToday, {today.post.id}},
      {"index, near", PostStatus::kOpen, true, Urgency::kFlexible, {flexible.post.id}},
      {"store, newest", PostStatus::kClosed, false, Urgency::kToday, {closed_today.post.id}},
      {"store, near", PostStatus::kClosed, true, Urgency::kToday, {closed_today.post.id}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ListQuery query;
    query.status = c.status;
    query.urgency = c.urgency;
    query.limit = 10;
    if (c.near) {
      query.near = geo::Point{46.87, -113.99};
      query.radius_km = 25;
    }
    const auto page = services_->posts().list("riverside", query);
    ASSERT_TRUE(page) << page.error().message;
    std::vector<PostId> ids;
    for (const ListItem& item : page->items) ids.push_back(item.post.id);
    EXPECT_EQ(ids, c.expected);
  }
}

TEST_F(OrganizerTest, TheSiteSecretIsMadeOnceAndKept) {
  const std::string secret = services_->site_secret().value();
  EXPECT_EQ(secret.size(), limits::kSiteSecretBytes);
  EXPECT_EQ(services_->site_secret().value(), secret);
  Services restarted(*store_, clock_);
  ASSERT_TRUE(restarted.load());
  EXPECT_EQ(restarted.site_secret().value(), secret);
  // Another site has another secret.
  testing::TempDir elsewhere;
  auto other_store = std::move(*app::open_store((elsewhere.path() / "other.db").string()));
  Services other(*other_store, clock_);
  EXPECT_NE(other.site_secret().value(), secret);
}

}  // namespace
}  // namespace gapfill::domain
