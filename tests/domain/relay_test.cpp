// The contact relay over a real SQLite store: who reads and writes a
// match's thread, closed threads, paging, retention, and the e-mail notices
// (through a recording Outbox, the test double of the mail server).

#include "domain/relay.hpp"

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "domain/services.hpp"
#include "support/manual_clock.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class RecordingOutbox final : public Outbox {
 public:
  Status send(const Email& email) override {
    sent.push_back(email);
    return {};
  }
  std::vector<Email> sent;
};

class RelayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*app::open_store((dir_.path() / "gapfill.db").string()));
    services_ = std::make_unique<Services>(*store_, clock_);
    ASSERT_TRUE(services_->load());
    services_->set_outbox(outbox_);
    services_->set_public_url("https://aid.example.org");
    NetworkDraft network;
    network.slug = "riverside";
    network.name = "Riverside";
    network.lat = 46.87;
    network.lon = -113.99;
    network.radius_km = 40;
    network.retention_days = 30;
    // Account 1 is riverside's admin (an organizer and more), account 2
    // hillside's.
    ASSERT_TRUE(services_->networks().create(network, Actor::signed_in(1)));
    network.slug = "hillside";
    ASSERT_TRUE(services_->networks().create(network, Actor::signed_in(2)));

    PostDraft draft;
    draft.kind = PostKind::kRequest;
    draft.category = "food";
    draft.title = "Groceries for a family of four";
    ContactDraft contact;
    contact.name = "Maria";
    contact.email = "maria@example.org";
    contact.phone = "+1 406 555 0100";
    contact.method = ContactMethod::kSite;
    draft.contact = contact;
    auto request = services_->posts().create("riverside", draft);
    ASSERT_TRUE(request) << request.error().message;
    request_ = *request;
    ClaimDraft claim;
    claim.volunteer_name = "Alex";
    claim.volunteer_email = "alex@example.org";
    claim.volunteer_phone = "+1 406 555 0123";
    auto match = services_->matches().claim(request_.post.id, claim);
    ASSERT_TRUE(match) << match.error().message;
    match_ = *match;
  }

  RelayCaller requester() const { return Actor(request_.manage_token); }
  RelayCaller volunteer() const { return Actor(match_.match_token); }
  RelayCaller organizer() const { return Actor::signed_in(1); }
  MatchId id() const { return match_.match.id; }

  testing::TempDir dir_;
  ManualClock clock_;
  RecordingOutbox outbox_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
  CreatedPost request_;
  CreatedMatch match_;
};

TEST_F(RelayTest, BothPartiesAndTheNetworksOrganizersReadAndWriteTheThread) {
  ASSERT_TRUE(services_->relay().post(id(), requester(), "Is Saturday morning fine?"));
  clock_.advance(60);
  ASSERT_TRUE(services_->relay().post(id(), volunteer(), "  Yes, at ten.  "));
  clock_.advance(60);
  ASSERT_TRUE(services_->relay().post(id(), organizer(), "I can lend a car."));

  for (const RelayCaller& caller : {requester(), volunteer(), organizer()}) {
    const auto thread = services_->relay().thread(id(), caller);
    ASSERT_TRUE(thread) << thread.error().message;
    ASSERT_EQ(thread->messages.size(), 3u);
    EXPECT_EQ(thread->messages[0].side, MessageSide::kRequester);
    EXPECT_EQ(thread->messages[1].side, MessageSide::kVolunteer);
    EXPECT_EQ(thread->messages[1].body, "Yes, at ten.");
    EXPECT_EQ(thread->messages[2].side, MessageSide::kOrganizer);
    EXPECT_EQ(thread->messages[2].created_at, clock_.now());
    EXPECT_TRUE(thread->open);
    EXPECT_EQ(thread->total, 3);
    EXPECT_EQ(thread->request_title, "Groceries for a family of four");
  }
  EXPECT_EQ(services_->relay().thread(id(), requester())->viewer, MessageSide::kRequester);
  EXPECT_EQ(services_->relay().thread(id(), volunteer())->viewer, MessageSide::kVolunteer);
  EXPECT_EQ(services_->relay().thread(id(), organizer())->viewer, MessageSide::kOrganizer);
}

TEST_F(RelayTest, StrangersAreRefusedAndUnknownMatchesAreNotFound) {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Another request";
  const auto other = services_->posts().create("riverside", draft);
  ASSERT_TRUE(other);
  const RelayCaller strangers[] = {Actor(other->manage_token), Actor::signed_in(2), Actor("x"),
                                   Actor::signed_in(99)};
  for (const RelayCaller& caller : strangers) {
    EXPECT_EQ(services_->relay().thread(id(), caller).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(services_->relay().post(id(), caller, "hello").error().code, ErrorCode::kForbidden);
  }
  EXPECT_EQ(services_->relay().thread(id(), {}).error().code, ErrorCode::kUnauthorized);
  EXPECT_EQ(services_->relay().post(id(), {}, "hello").error().code, ErrorCode::kUnauthorized);
  EXPECT_EQ(services_->relay().thread(id() + 100, requester()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(services_->relay().post(id() + 100, organizer(), "hi").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(services_->relay().thread(id(), requester())->total, 0);
  EXPECT_TRUE(outbox_.sent.empty());
}

TEST_F(RelayTest, BodiesAreRequiredPlainTextAndBounded) {
  const auto field_of = [&](const std::optional<std::string>& body) {
    const auto posted = services_->relay().post(id(), requester(), body);
    EXPECT_FALSE(posted);
    if (posted) return std::string();
    EXPECT_EQ(posted.error().code, ErrorCode::kInvalid);
    return posted.error().fields.begin()->second.key;
  };
  EXPECT_EQ(field_of(std::nullopt), "error.required");
  EXPECT_EQ(field_of("   "), "error.required");
  EXPECT_EQ(field_of(std::string(limits::kMessageBodyMaxChars + 1, 'a')), "error.text_length");
  EXPECT_EQ(field_of(std::string("bell\x07")), "error.plain_text");
  EXPECT_TRUE(services_->relay().post(id(), requester(), std::string(2000, 'a')));
  EXPECT_TRUE(services_->relay().post(id(), requester(), "two\nlines"));
}

TEST_F(RelayTest, ACancelledMatchsThreadIsReadableAndClosed) {
  ASSERT_TRUE(services_->relay().post(id(), volunteer(), "On my way"));
  ASSERT_TRUE(services_->matches().cancel(id(), match_.match_token));
  const auto thread = services_->relay().thread(id(), volunteer());
  ASSERT_TRUE(thread);
  EXPECT_FALSE(thread->open);
  EXPECT_EQ(thread->messages.size(), 1u);
  EXPECT_EQ(services_->relay().post(id(), requester(), "Why?").error().code, ErrorCode::kConflict);
  EXPECT_EQ(services_->relay().post(id(), organizer(), "Hm").error().code, ErrorCode::kConflict);
}

TEST_F(RelayTest, LongThreadsArePagedByKeyset) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(services_->relay().post(id(), requester(), "message " + std::to_string(i)));
  }
  std::vector<std::string> read;
  ThreadQuery query;
  query.limit = 3;
  for (int pages = 0; pages < 5; ++pages) {
    const auto thread = services_->relay().thread(id(), volunteer(), query);
    ASSERT_TRUE(thread);
    for (const auto& message : thread->messages) read.push_back(message.body);
    if (!thread->next_after) break;
    query.after = *thread->next_after;
  }
  ASSERT_EQ(read.size(), 7u);
  EXPECT_EQ(read.front(), "message 0");
  EXPECT_EQ(read.back(), "message 6");
  query.limit = 0;
  EXPECT_EQ(services_->relay().thread(id(), volunteer(), query).error().code, ErrorCode::kInvalid);
}

TEST_F(RelayTest, TheOtherPartyIsToldAMessageWaitsWithoutAnyContactDetailsOrTheMessage) {
  ASSERT_TRUE(services_->relay().post(id(), requester(), "My address is 12 Elm Street"));
  ASSERT_EQ(outbox_.sent.size(), 1u);
  const Email& email = outbox_.sent[0];
  EXPECT_EQ(email.to, "alex@example.org");
  EXPECT_EQ(email.subject, "A message waits for you about \"Groceries for a family of four\"");
  for (const char* secret : {"Elm Street", "Maria", "maria@example.org", "555", "Alex",
                             request_.manage_token.c_str(), match_.match_token.c_str()}) {
    EXPECT_EQ(email.subject.find(secret), std::string::npos) << secret;
    EXPECT_EQ(email.text.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(email.text.find("private link"), std::string::npos);
  EXPECT_NE(email.text.find("https://aid.example.org/p/" + std::to_string(request_.post.id)),
            std::string::npos);

  ASSERT_TRUE(services_->relay().post(id(), volunteer(), "Thanks, see you"));
  ASSERT_EQ(outbox_.sent.size(), 2u);
  EXPECT_EQ(outbox_.sent[1].to, "maria@example.org");
  EXPECT_EQ(outbox_.sent[1].text.find("alex"), std::string::npos);
}

TEST_F(RelayTest, AtMostOneNoticePerPartyPerThreadWithinTheWindow) {
  ASSERT_TRUE(services_->relay().post(id(), requester(), "one"));
  ASSERT_TRUE(services_->relay().post(id(), requester(), "two"));
  clock_.advance(limits::kRelayNoticeWindowSeconds - 1);
  ASSERT_TRUE(services_->relay().post(id(), requester(), "three"));
  EXPECT_EQ(outbox_.sent.size(), 1u);
  clock_.advance(1);
  ASSERT_TRUE(services_->relay().post(id(), requester(), "four"));
  EXPECT_EQ(outbox_.sent.size(), 2u);
  // An organizer's message tells both parties; the volunteer's window holds.
  ASSERT_TRUE(services_->relay().post(id(), organizer(), "hello both"));
  ASSERT_EQ(outbox_.sent.size(), 3u);
  EXPECT_EQ(outbox_.sent[2].to, "maria@example.org");
}

TEST_F(RelayTest, APartyWithoutAnEmailGetsNoNotice) {
  ClaimDraft claim;
  claim.volunteer_name = "Kim";
  claim.volunteer_phone = "+1 406 555 0199";
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Diapers";
  const auto request = services_->posts().create("riverside", draft);
  ASSERT_TRUE(request);
  const auto match = services_->matches().claim(request->post.id, claim);
  ASSERT_TRUE(match);
  ASSERT_TRUE(services_->relay().post(match->match.id, Actor(request->manage_token), "hi"));
  ASSERT_TRUE(services_->relay().post(match->match.id, Actor(match->match_token), "hello"));
  EXPECT_TRUE(outbox_.sent.empty());
}

TEST_F(RelayTest, TheRetentionSweepErasesTheBodiesAndClosesTheThread) {
  ASSERT_TRUE(services_->relay().post(id(), requester(), "My address is 12 Elm Street"));
  ASSERT_TRUE(services_->matches().complete(id(), match_.match_token));
  clock_.advance(31 * 86400);
  EXPECT_EQ(services_->posts().erase_expired_personal_data().value(), 1);
  const auto thread = services_->relay().thread(id(), organizer());
  ASSERT_TRUE(thread);
  EXPECT_TRUE(thread->messages.empty());
  EXPECT_EQ(thread->total, 1);
  EXPECT_FALSE(thread->open);
  EXPECT_EQ(services_->relay().post(id(), organizer(), "hi").error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace gapfill::domain
