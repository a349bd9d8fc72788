// The store contract for roles: memberships, invites and network policies.

#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

TEST_P(StoreContract, MembershipsKeepOneRolePerAccountAndNetwork) {
  const NetworkId riverside = add_network("riverside");
  const NetworkId hillside = add_network("hillside");
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    auto& memberships = transaction.memberships();
    TRY_STATUS(memberships.put({riverside, 7, Role::kVolunteer, 100, 100}));
    TRY_STATUS(memberships.put({riverside, 8, Role::kAdmin, 101, 101}));
    TRY_STATUS(memberships.put({riverside, 9, Role::kOrganizer, 102, 102}));
    TRY_STATUS(memberships.put({hillside, 7, Role::kAdmin, 103, 103}));
    // A second put changes the role and updated_at, not created_at.
    return memberships.put({riverside, 7, Role::kOrganizer, 500, 500});
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto& memberships = transaction.memberships();
    const auto seven = TRY(memberships.find(riverside, 7));
    EXPECT_TRUE(seven);
    EXPECT_EQ(seven->role, Role::kOrganizer);
    EXPECT_EQ(seven->created_at, 100);
    EXPECT_EQ(seven->updated_at, 500);
    EXPECT_FALSE(TRY(memberships.find(hillside, 8)));
    const auto listed = TRY(memberships.list_for_network(riverside));
    EXPECT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed.at(0).account_id, 8);  // admin first, then organizers, oldest first
    EXPECT_EQ(listed.at(1).account_id, 7);
    EXPECT_EQ(listed.at(2).account_id, 9);
    const auto of_seven = TRY(memberships.list_for_account(7));
    EXPECT_EQ(of_seven.size(), 2u);
    EXPECT_EQ(TRY(memberships.count_with_role(riverside, Role::kOrganizer)), 2);
    EXPECT_EQ(TRY(memberships.count_with_role(riverside, Role::kAdmin)), 1);
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.memberships().remove(riverside, 9));
    EXPECT_EQ(transaction.memberships().remove(riverside, 9).error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(TRY(transaction.memberships().find(riverside, 9)));
    return {};
  }));
}

TEST_P(StoreContract, InvitesAreUsedOnceAndRevokedPerNetwork) {
  const NetworkId riverside = add_network("riverside");
  const NetworkId hillside = add_network("hillside");
  Invite invite;
  invite.network_id = riverside;
  invite.role = Role::kOrganizer;
  invite.token_hash = std::string(64, 'b');
  invite.created_by = 8;
  invite.created_at = 100;
  invite.expires_at = 200;
  std::int64_t id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.memberships().insert_invite(invite));
    EXPECT_EQ(transaction.memberships().insert_invite(invite).error().code, ErrorCode::kConflict);
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    auto& memberships = transaction.memberships();
    const Invite found = TRY(memberships.find_invite_by_hash(invite.token_hash));
    EXPECT_EQ(found.id, id);
    EXPECT_EQ(found.role, Role::kOrganizer);
    EXPECT_EQ(found.expires_at, 200);
    EXPECT_FALSE(found.used_at);
    TRY_STATUS(memberships.use_invite(id, 7, 150));
    EXPECT_EQ(memberships.use_invite(id, 9, 160).error().code, ErrorCode::kConflict);
    EXPECT_EQ(memberships.use_invite(id + 100, 9, 160).error().code, ErrorCode::kNotFound);
    const Invite used = TRY(memberships.find_invite_by_hash(invite.token_hash));
    EXPECT_EQ(used.used_at, 150);
    EXPECT_EQ(used.used_by, 7);
    EXPECT_EQ(memberships.revoke_invite(hillside, id, 170).error().code, ErrorCode::kNotFound);
    TRY_STATUS(memberships.revoke_invite(riverside, id, 170));
    TRY_STATUS(memberships.revoke_invite(riverside, id, 180));
    EXPECT_EQ(TRY(memberships.find_invite_by_hash(invite.token_hash)).revoked_at, 170);
    EXPECT_EQ(memberships.find_invite_by_hash(std::string(64, 'c')).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(TRY(memberships.list_invites(riverside)).size(), 1u);
    EXPECT_TRUE(TRY(memberships.list_invites(hillside)).empty());
    return {};
  }));
}

TEST_P(StoreContract, PoliciesDefaultToOpenClaimingAndAreReplaced) {
  const NetworkId riverside = add_network("riverside");
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    const NetworkPolicy initial = TRY(transaction.memberships().policy(riverside));
    EXPECT_EQ(initial.network_id, riverside);
    EXPECT_FALSE(initial.claim_needs_volunteer);
    TRY_STATUS(transaction.memberships().put_policy({riverside, true}));
    EXPECT_TRUE(TRY(transaction.memberships().policy(riverside)).claim_needs_volunteer);
    TRY_STATUS(transaction.memberships().put_policy({riverside, false}));
    EXPECT_FALSE(TRY(transaction.memberships().policy(riverside)).claim_needs_volunteer);
    return {};
  }));
}

}  // namespace
}  // namespace gapfill::store::contract
