// Roles per network: joining, invites, changing and removing roles, the
// last admin, the organizer key that makes an admin, the claim policy, and
// the decisions of domain/authorization. Over a real SQLite store.

#include "domain/memberships.hpp"

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "domain/services.hpp"
#include "support/manual_clock.hpp"
#include "support/test_server.hpp"

namespace gapfill::domain {
namespace {

using testing::ManualClock;

class MembershipsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*app::open_store((dir_.path() / "gapfill.db").string()));
    services_ = std::make_unique<Services>(*store_, clock_);
    ASSERT_TRUE(services_->load());
    // Accounts 1 to 6, for the actors below.
    ASSERT_TRUE(store_->write([](store::Transaction& transaction) -> Status {
      for (int n = 1; n <= 6; ++n) {
        Account account;
        account.email = "account" + std::to_string(n) + "@example.org";
        account.password_hash = "unused";
        TRY(transaction.accounts().insert(account));
      }
      return {};
    }));
    for (const char* slug : {"riverside", "hillside"}) {
      NetworkDraft network;
      network.slug = slug;
      network.name = slug;
      network.lat = 46.87;
      network.lon = -113.99;
      network.radius_km = 40;
      // The admin of riverside is account 1, of hillside account 2.
      ASSERT_TRUE(services_->networks().create(network, Actor::signed_in(slug[0] == 'r' ? 1 : 2)));
    }
  }

  MembershipService& memberships() { return services_->memberships(); }
  std::optional<Role> role(const std::string& slug, AccountId account) {
    return memberships().role(slug, Actor::signed_in(account)).value();
  }

  testing::TempDir dir_;
  ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Services> services_;
  const Actor admin_ = Actor::signed_in(1);
};

template <typename T>
ErrorCode code_of(const Result<T>& result) {
  EXPECT_FALSE(result);
  return result ? ErrorCode::kInternal : result.error().code;
}

TEST_F(MembershipsTest, WhoeverCreatesANetworkIsItsAdminAndAnonymousCannotCreate) {
  EXPECT_EQ(role("riverside", 1), Role::kAdmin);
  EXPECT_EQ(role("hillside", 1), std::nullopt);
  NetworkDraft draft;
  draft.slug = "valley";
  draft.name = "Valley";
  draft.lat = 1;
  draft.lon = 1;
  draft.radius_km = 5;
  EXPECT_EQ(code_of(services_->networks().create(draft, Actor{})), ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(services_->networks().create(draft, Actor("some-manage-token"))),
            ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(services_->networks().find("valley")), ErrorCode::kNotFound);
  EXPECT_EQ(memberships().of(admin_).value().size(), 1u);
  EXPECT_TRUE(memberships().of(Actor{}).value().empty());
}

TEST_F(MembershipsTest, PeopleJoinAsVolunteersWithoutLosingAMoreTrustedRole) {
  EXPECT_EQ(code_of(memberships().join("riverside", Actor{})), ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(memberships().join("nowhere", Actor::signed_in(5))), ErrorCode::kNotFound);
  EXPECT_EQ(memberships().join("riverside", Actor::signed_in(5)).value().role, Role::kVolunteer);
  EXPECT_EQ(memberships().join("riverside", admin_).value().role, Role::kAdmin);
  EXPECT_EQ(role("riverside", 5), Role::kVolunteer);
}

TEST_F(MembershipsTest, InvitesAreOneTimeLinksThatExpireAndCanBeRevoked) {
  EXPECT_EQ(code_of(memberships().invite("riverside", Actor{}, Role::kOrganizer)),
            ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(memberships().invite("riverside", Actor::signed_in(2), Role::kOrganizer)),
            ErrorCode::kForbidden);
  EXPECT_EQ(code_of(memberships().invite("riverside", admin_, Role::kMember)), ErrorCode::kInvalid);
  const IssuedInvite invite = memberships().invite("riverside", admin_, Role::kOrganizer).value();
  EXPECT_EQ(invite.invite.expires_at, clock_.now() + limits::kInviteLifetimeSeconds);
  EXPECT_NE(invite.invite.token_hash, invite.token);  // only the hash is kept
  EXPECT_EQ(memberships().find_invite(invite.token).value().role, Role::kOrganizer);

  EXPECT_EQ(code_of(memberships().redeem(invite.token, Actor{})), ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(memberships().redeem("guessed", Actor::signed_in(5))), ErrorCode::kNotFound);
  EXPECT_EQ(code_of(memberships().redeem(std::string(500, 'x'), Actor::signed_in(5))),
            ErrorCode::kNotFound);
  EXPECT_EQ(memberships().redeem(invite.token, Actor::signed_in(5)).value().role, Role::kOrganizer);
  EXPECT_EQ(role("riverside", 5), Role::kOrganizer);
  // Single use.
  EXPECT_EQ(code_of(memberships().redeem(invite.token, Actor::signed_in(6))), ErrorCode::kNotFound);
  EXPECT_EQ(code_of(memberships().find_invite(invite.token)), ErrorCode::kNotFound);
  EXPECT_EQ(role("riverside", 6), std::nullopt);

  // Expired.
  const IssuedInvite late = memberships().invite("riverside", admin_, Role::kVolunteer).value();
  clock_.advance(limits::kInviteLifetimeSeconds);
  EXPECT_EQ(code_of(memberships().redeem(late.token, Actor::signed_in(6))), ErrorCode::kNotFound);

  // Revoked, and only by an admin of its own network.
  const IssuedInvite revoked = memberships().invite("riverside", admin_, Role::kAdmin).value();
  EXPECT_EQ(
      memberships().revoke_invite("hillside", Actor::signed_in(2), revoked.invite.id).error().code,
      ErrorCode::kNotFound);
  EXPECT_EQ(
      memberships().revoke_invite("riverside", Actor::signed_in(5), revoked.invite.id).error().code,
      ErrorCode::kForbidden);
  ASSERT_TRUE(memberships().revoke_invite("riverside", admin_, revoked.invite.id));
  EXPECT_EQ(code_of(memberships().redeem(revoked.token, Actor::signed_in(6))),
            ErrorCode::kNotFound);
  EXPECT_EQ(memberships().invites("riverside", admin_).value().size(), 3u);
  EXPECT_EQ(code_of(memberships().invites("riverside", Actor::signed_in(5))),
            ErrorCode::kForbidden);

  // An invite to a lesser role keeps the more trusted one.
  const IssuedInvite lesser = memberships().invite("riverside", admin_, Role::kVolunteer).value();
  EXPECT_EQ(memberships().redeem(lesser.token, admin_).value().role, Role::kAdmin);
}

TEST_F(MembershipsTest, AdminsChangeAndRemoveRolesButANetworkKeepsAnAdmin) {
  ASSERT_TRUE(memberships().join("riverside", Actor::signed_in(5)));
  EXPECT_EQ(code_of(memberships().set_role("riverside", Actor::signed_in(5), 5, Role::kAdmin)),
            ErrorCode::kForbidden);
  EXPECT_EQ(code_of(memberships().set_role("riverside", Actor::signed_in(2), 5, Role::kAdmin)),
            ErrorCode::kForbidden);
  EXPECT_EQ(code_of(memberships().set_role("riverside", admin_, 99, Role::kAdmin)),
            ErrorCode::kNotFound);
  EXPECT_EQ(code_of(memberships().set_role("riverside", admin_, 1, Role::kOrganizer)),
            ErrorCode::kConflict);
  EXPECT_EQ(memberships().remove("riverside", admin_, 1).error().code, ErrorCode::kConflict);
  EXPECT_EQ(memberships().set_role("riverside", admin_, 5, Role::kAdmin).value().role,
            Role::kAdmin);
  // With a second admin, the first may step down, and leave.
  EXPECT_EQ(memberships().set_role("riverside", admin_, 1, Role::kOrganizer).value().role,
            Role::kOrganizer);
  EXPECT_EQ(memberships().remove("riverside", Actor::signed_in(5), 5).error().code,
            ErrorCode::kConflict);
  ASSERT_TRUE(memberships().remove("riverside", admin_, 1));  // leaving, as anyone may
  EXPECT_EQ(role("riverside", 1), std::nullopt);
  EXPECT_EQ(memberships().remove("riverside", admin_, 5).error().code, ErrorCode::kForbidden);
  const auto members = memberships().members("riverside", Actor::signed_in(5)).value();
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members.front().account_id, 5);
  EXPECT_EQ(code_of(memberships().members("riverside", Actor{})), ErrorCode::kUnauthorized);
}

TEST_F(MembershipsTest, AnOrganizerKeyMakesItsRedeemerAdminOnce) {
  const auto key = services_->organizer().issue_key("hillside", "first admin").value().key;
  EXPECT_EQ(code_of(memberships().redeem_organizer_key("hillside", key, Actor{})),
            ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(memberships().redeem_organizer_key("riverside", key, Actor::signed_in(5))),
            ErrorCode::kForbidden);
  EXPECT_EQ(code_of(memberships().redeem_organizer_key("hillside", "guess", Actor::signed_in(5))),
            ErrorCode::kForbidden);
  EXPECT_EQ(memberships().redeem_organizer_key("hillside", key, Actor::signed_in(5)).value().role,
            Role::kAdmin);
  EXPECT_EQ(role("hillside", 5), Role::kAdmin);
  EXPECT_EQ(code_of(memberships().redeem_organizer_key("hillside", key, Actor::signed_in(6))),
            ErrorCode::kForbidden);
}

TEST_F(MembershipsTest, AClaimNeedsAVolunteerOnlyWhenTheNetworkSaysSo) {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries";
  draft.contact = ContactDraft{"Sam", std::nullopt, "+1 406 555 0100", ContactMethod::kPhone};
  const auto first = services_->posts().create("riverside", draft).value();
  const auto second = services_->posts().create("riverside", draft).value();
  const auto third = services_->posts().create("riverside", draft).value();
  ClaimDraft claim;
  claim.volunteer_name = "Alex";
  claim.volunteer_phone = "+1 406 555 0199";
  EXPECT_FALSE(memberships().policy("riverside").value().claim_needs_volunteer);
  ASSERT_TRUE(services_->matches().claim(first.post.id, claim));

  EXPECT_EQ(code_of(memberships().set_policy("riverside", Actor::signed_in(2), {0, true})),
            ErrorCode::kForbidden);
  ASSERT_TRUE(memberships().set_policy("riverside", admin_, {0, true}));
  EXPECT_TRUE(memberships().policy("riverside").value().claim_needs_volunteer);
  EXPECT_FALSE(memberships().policy("hillside").value().claim_needs_volunteer);
  EXPECT_EQ(code_of(services_->matches().claim(second.post.id, claim)), ErrorCode::kUnauthorized);
  EXPECT_EQ(code_of(services_->matches().claim(second.post.id, claim, Actor::signed_in(2))),
            ErrorCode::kForbidden);
  ASSERT_TRUE(memberships().join("riverside", Actor::signed_in(5)));
  ASSERT_TRUE(services_->matches().claim(second.post.id, claim, Actor::signed_in(5)));
  ASSERT_TRUE(services_->matches().claim(third.post.id, claim, admin_));
}

TEST_F(MembershipsTest, OrganizersSeePrivateFieldsAndMatchesOfTheirNetworkOnly) {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries";
  draft.contact = ContactDraft{"Sam", std::nullopt, "+1 406 555 0100", ContactMethod::kPhone};
  const auto request = services_->posts().create("riverside", draft).value();
  ClaimDraft claim;
  claim.volunteer_name = "Alex";
  claim.volunteer_phone = "+1 406 555 0199";
  const auto match = services_->matches().claim(request.post.id, claim).value();
  ASSERT_TRUE(memberships().join("riverside", Actor::signed_in(5)));

  struct Case {
    const char* name;
    Actor actor;
    Access access;
    bool sees_match;
  };
  const std::vector<Case> cases{
      {"anonymous", Actor{}, Access::kPublic, false},
      {"the poster", Actor(request.manage_token), Access::kOwner, true},
      {"the volunteer", Actor(match.match_token), Access::kVolunteer, true},
      {"a volunteer of the network", Actor::signed_in(5), Access::kPublic, false},
      {"the other network's admin", Actor::signed_in(2), Access::kPublic, false},
      {"the admin", admin_, Access::kOrganizer, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const PostView view = services_->posts().view(request.post.id, c.actor).value();
    EXPECT_EQ(view.access, c.access);
    EXPECT_EQ(view.matches.size(), c.sees_match ? 1u : 0u);
    EXPECT_EQ(services_->matches().view(match.match.id, c.actor).has_value(), c.sees_match);
    EXPECT_EQ(services_->posts().history(request.post.id, c.actor).has_value(),
              c.access == Access::kOwner || c.access == Access::kOrganizer);
  }
  // Organizers see, but move matches only from their dashboard.
  EXPECT_EQ(code_of(services_->matches().complete(match.match.id, admin_)),
            ErrorCode::kUnauthorized);
}

TEST_F(MembershipsTest, EveryAdminActionIsAudited) {
  const IssuedInvite invite = memberships().invite("riverside", admin_, Role::kOrganizer).value();
  ASSERT_TRUE(memberships().redeem(invite.token, Actor::signed_in(5)));
  ASSERT_TRUE(memberships().set_role("riverside", admin_, 5, Role::kVolunteer));
  NetworkPolicy policy;
  policy.claim_needs_volunteer = true;
  ASSERT_TRUE(memberships().set_policy("riverside", admin_, policy));
  const IssuedInvite other = memberships().invite("riverside", admin_, Role::kVolunteer).value();
  ASSERT_TRUE(memberships().revoke_invite("riverside", admin_, other.invite.id));
  ASSERT_TRUE(memberships().remove("riverside", admin_, 5));
  // A refused action writes nothing.
  EXPECT_FALSE(memberships().set_role("riverside", Actor::signed_in(5), 1, Role::kMember));
  const auto audit = services_->moderation().audit("riverside", admin_, std::nullopt, 50);
  ASSERT_TRUE(audit) << audit.error().message;
  std::vector<std::string> actions;
  for (const AuditEvent& event : audit->items) actions.push_back(event.action);
  const std::vector<std::string> expected{"member_removed", "invite_revoked", "invite",
                                          "policy_changed", "role_changed",   "invite_redeemed",
                                          "invite"};
  EXPECT_EQ(actions, expected);
  EXPECT_EQ(audit->items.front().actor_id, 1);
  EXPECT_EQ(audit->items[4].detail, "role=volunteer");
}

}  // namespace
}  // namespace gapfill::domain
