// The store contract for accounts, sessions and one-time links: what every
// backend must do (instantiated per backend in sqlite_store_test.cpp).

#include "store_contract.hpp"

namespace gapfill::store::contract {
namespace {

Account sample_account(const std::string& email) {
  Account account;
  account.email = email;
  account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  account.created_at = 1000;
  account.updated_at = 1000;
  return account;
}

}  // namespace

TEST_P(StoreContract, AccountsRoundTripWithUniqueAddresses) {
  AccountId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    id = TRY(t.accounts().insert(sample_account("sam@example.org")));
    return {};
  }));
  const auto taken = store_->write([&](Transaction& t) -> Status {
    TRY(t.accounts().insert(sample_account("sam@example.org")));
    return {};
  });
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    Account account = TRY(t.accounts().find_by_email("sam@example.org"));
    EXPECT_EQ(account.id, id);
    EXPECT_FALSE(account.verified_at);
    account.verified_at = 2000;
    account.password_hash = "changed";
    account.updated_at = 2000;
    return t.accounts().update(account);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& t) -> Status {
    const Account account = TRY(t.accounts().find(id));
    EXPECT_EQ(account.email, "sam@example.org");
    EXPECT_EQ(account.password_hash, "changed");
    EXPECT_EQ(account.verified_at, 2000);
    EXPECT_EQ(account.created_at, 1000);
    EXPECT_EQ(t.accounts().find(id + 1).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(t.accounts().find_by_email("nobody@example.org").error().code, ErrorCode::kNotFound);
    return {};
  }));
}

TEST_P(StoreContract, SessionsAreFoundByHashTouchedAndRemoved) {
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    const AccountId sam = TRY(t.accounts().insert(sample_account("sam@example.org")));
    const AccountId kim = TRY(t.accounts().insert(sample_account("kim@example.org")));
    for (const auto& [account, hash, expires] :
         {std::tuple{sam, "h1", 5000}, std::tuple{sam, "h2", 5000}, std::tuple{kim, "h3", 1500}}) {
      Session session;
      session.account_id = account;
      session.token_hash = hash;
      session.created_at = 1000;
      session.last_seen_at = 1000;
      session.expires_at = expires;
      TRY(t.sessions().insert(session));
    }
    Session found = TRY(t.sessions().find_by_hash("h2"));
    EXPECT_EQ(found.account_id, sam);
    TRY_STATUS(t.sessions().touch(found.id, 1200));
    EXPECT_EQ(TRY(t.sessions().find_by_hash("h2")).last_seen_at, 1200);
    EXPECT_EQ(TRY(t.sessions().count_for_account(sam)), 2);
    TRY_STATUS(t.sessions().remove(found.id));
    EXPECT_EQ(t.sessions().find_by_hash("h2").error().code, ErrorCode::kNotFound);
    // At 2000 h3 is past its expiry; h1, seen at 1000, is not idle before 900.
    EXPECT_EQ(TRY(t.sessions().remove_expired(2000, 900)), 1);
    EXPECT_EQ(t.sessions().find_by_hash("h3").error().code, ErrorCode::kNotFound);
    EXPECT_EQ(TRY(t.sessions().remove_for_account(sam)), 1);
    EXPECT_EQ(TRY(t.sessions().count_for_account(sam)), 0);
    return {};
  }));
}

TEST_P(StoreContract, OneTimeLinksAreUsedOncePerPurpose) {
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    const AccountId sam = TRY(t.accounts().insert(sample_account("sam@example.org")));
    AccountToken verify;
    verify.account_id = sam;
    verify.purpose = AccountTokenPurpose::kVerify;
    verify.token_hash = "v1";
    verify.created_at = 1000;
    verify.expires_at = 9000;
    TRY(t.account_tokens().insert(verify));
    AccountToken reset = verify;
    reset.purpose = AccountTokenPurpose::kReset;
    reset.token_hash = "r1";
    TRY(t.account_tokens().insert(reset));
    TRY_STATUS(t.account_tokens().use_all(sam, AccountTokenPurpose::kVerify, 1500));
    EXPECT_EQ(TRY(t.account_tokens().find_by_hash("v1")).used_at, 1500);
    const AccountToken still = TRY(t.account_tokens().find_by_hash("r1"));
    EXPECT_FALSE(still.used_at);
    EXPECT_EQ(still.purpose, AccountTokenPurpose::kReset);
    EXPECT_EQ(t.account_tokens().find_by_hash("nope").error().code, ErrorCode::kNotFound);
    return {};
  }));
}

TEST_P(StoreContract, AnAccountsPostsAndClaimsAreListedAndUnlinkedWhenItGoes) {
  const NetworkId network = add_network();
  const PostId mine = add_post(sample_post(network));
  const PostId other = add_post(sample_post(network));
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    const AccountId sam = TRY(t.accounts().insert(sample_account("sam@example.org")));
    TRY_STATUS(t.posts().set_account(mine, sam));
    Match claim;
    claim.network_id = network;
    claim.request_id = other;
    claim.volunteer = Volunteer{"Sam", "sam@example.org", ""};
    claim.status = MatchStatus::kAccepted;
    claim.created_at = 1000;
    claim.updated_at = 1000;
    const MatchId match = TRY(t.matches().insert(claim));
    TRY_STATUS(t.matches().set_account(match, sam));
    const auto posts = TRY(t.posts().list_for_account(sam));
    EXPECT_EQ(posts.size(), 1u);
    EXPECT_EQ(posts.at(0).id, mine);
    EXPECT_EQ(posts.at(0).account_id, sam);
    EXPECT_EQ(TRY(t.posts().find(other)).account_id, std::nullopt);
    const auto claims = TRY(t.matches().list_for_account(sam));
    EXPECT_EQ(claims.size(), 1u);
    EXPECT_EQ(TRY(t.matches().find(match)).account_id, sam);
    TRY_STATUS(t.matches().erase_personal_data(match));
    EXPECT_EQ(TRY(t.matches().find(match)).volunteer->email, "");
    Session session;
    session.account_id = sam;
    session.token_hash = "s";
    TRY(t.sessions().insert(session));
    TRY_STATUS(t.accounts().remove(sam));
    EXPECT_EQ(t.accounts().find(sam).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(t.sessions().find_by_hash("s").error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(TRY(t.posts().list_for_account(sam)).empty());
    EXPECT_TRUE(TRY(t.posts().find(mine)).id == mine);  // the post itself stays
    EXPECT_EQ(TRY(t.posts().find(mine)).account_id, std::nullopt);
    EXPECT_EQ(TRY(t.matches().find(match)).account_id, std::nullopt);
    return {};
  }));
}

TEST_P(StoreContract, AnAccountsIdIsNeverGivenAgain) {
  // Blocks, the audit log and used invites name accounts by id: a new
  // account must never inherit a deleted one's.
  ASSERT_TRUE(store_->write([&](Transaction& t) -> Status {
    const AccountId first = TRY(t.accounts().insert(sample_account("first@example.org")));
    const AccountId second = TRY(t.accounts().insert(sample_account("second@example.org")));
    EXPECT_GT(second, first);
    TRY_STATUS(t.accounts().remove(second));
    const AccountId third = TRY(t.accounts().insert(sample_account("third@example.org")));
    EXPECT_GT(third, second);
    TRY_STATUS(t.accounts().remove(first));
    const AccountId fourth = TRY(t.accounts().insert(sample_account("fourth@example.org")));
    EXPECT_GT(fourth, third);
    EXPECT_EQ(t.accounts().remove(second).error().code, ErrorCode::kNotFound);
    return {};
  }));
}

}  // namespace gapfill::store::contract
