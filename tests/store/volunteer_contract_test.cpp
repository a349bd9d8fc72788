// The store contract for volunteers: profiles per network (personal fields
// round trip), their removal with the account and the membership, and the
// load counted from matches.

#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

AccountId add_account(Store& store, const std::string& email) {
  AccountId id = 0;
  EXPECT_TRUE(store.write([&](Transaction& transaction) -> Status {
    Account account;
    account.email = email;
    account.password_hash = "hash";
    account.created_at = account.updated_at = 100;
    id = TRY(transaction.accounts().insert(account));
    return {};
  }));
  return id;
}

VolunteerProfile sample_profile(NetworkId network, AccountId account) {
  VolunteerProfile profile;
  profile.network_id = network;
  profile.account_id = account;
  profile.name = "Alex Rivera";
  profile.available = true;
  profile.categories = {"food", "transport"};
  profile.point = geo::Point{46.87, -113.99};
  profile.place_text = "Missoula";
  profile.max_distance_km = 12.5;
  profile.languages = {"en", "es"};
  profile.max_active = 2;
  profile.max_per_week = 4;
  profile.available_from = 1790000000;
  profile.created_at = profile.updated_at = 1790000000;
  return profile;
}

TEST_P(StoreContract, VolunteerProfilesRoundTripPerNetworkAndAccount) {
  const NetworkId riverside = add_network("riverside");
  const NetworkId hillside = add_network("hillside");
  const AccountId alex = add_account(*store_, "alex@example.org");
  const AccountId sam = add_account(*store_, "sam@example.org");
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    auto& volunteers = transaction.volunteers();
    TRY_STATUS(volunteers.upsert(sample_profile(riverside, sam)));
    TRY_STATUS(volunteers.upsert(sample_profile(riverside, alex)));
    TRY_STATUS(volunteers.upsert(sample_profile(hillside, alex)));
    // A second upsert replaces everything but created_at.
    VolunteerProfile changed = sample_profile(riverside, alex);
    changed.available = false;
    changed.categories = {"food"};
    changed.place_text = "59801";
    changed.available_from.reset();
    changed.available_until = 1790500000;
    changed.created_at = changed.updated_at = 1790009999;
    return volunteers.upsert(changed);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto& volunteers = transaction.volunteers();
    const auto found = TRY(volunteers.find(riverside, alex));
    EXPECT_TRUE(found);
    if (!found) return {};
    EXPECT_EQ(found->name, "Alex Rivera");
    EXPECT_FALSE(found->available);
    EXPECT_EQ(found->categories, std::vector<std::string>{"food"});
    EXPECT_DOUBLE_EQ(found->point.lat, 46.87);
    EXPECT_DOUBLE_EQ(found->point.lon, -113.99);
    EXPECT_EQ(found->place_text, "59801");
    EXPECT_DOUBLE_EQ(found->max_distance_km, 12.5);
    EXPECT_EQ(found->languages, (std::vector<std::string>{"en", "es"}));
    EXPECT_EQ(found->max_active, 2);
    EXPECT_EQ(found->max_per_week, 4);
    EXPECT_FALSE(found->available_from);
    EXPECT_EQ(found->available_until, 1790500000);
    EXPECT_EQ(found->created_at, 1790000000);
    EXPECT_EQ(found->updated_at, 1790009999);
    const auto listed = TRY(volunteers.list(riverside));
    EXPECT_EQ(listed.size(), 2u);
    if (listed.size() == 2) {
      EXPECT_EQ(listed[0].account_id, alex);  // by account id
      EXPECT_EQ(listed[1].account_id, sam);
    }
    EXPECT_EQ(TRY(volunteers.list(hillside)).size(), 1u);
    const auto of_alex = TRY(volunteers.list_for_account(alex));
    EXPECT_EQ(of_alex.size(), 2u);
    if (of_alex.size() == 2) {
      EXPECT_EQ(of_alex[0].network_id, riverside);
    }
    EXPECT_FALSE(TRY(volunteers.find(hillside, sam)));
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.volunteers().remove(riverside, sam));
    EXPECT_EQ(transaction.volunteers().remove(riverside, sam).error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(TRY(transaction.volunteers().find(riverside, sam)));
    return {};
  }));
}

TEST_P(StoreContract, VolunteerProfilesGoWithTheAccountAndTheMembership) {
  const NetworkId riverside = add_network("riverside");
  const NetworkId hillside = add_network("hillside");
  const AccountId alex = add_account(*store_, "alex@example.org");
  const AccountId sam = add_account(*store_, "sam@example.org");
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    for (const NetworkId network : {riverside, hillside}) {
      for (const AccountId account : {alex, sam}) {
        TRY_STATUS(transaction.memberships().put({network, account, Role::kVolunteer, 100, 100}));
        TRY_STATUS(transaction.volunteers().upsert(sample_profile(network, account)));
      }
    }
    // Promotion keeps the profile; demotion to member and removal drop it.
    TRY_STATUS(transaction.memberships().put({riverside, alex, Role::kOrganizer, 200, 200}));
    EXPECT_TRUE(TRY(transaction.volunteers().find(riverside, alex)));
    TRY_STATUS(transaction.memberships().put({riverside, alex, Role::kMember, 300, 300}));
    EXPECT_FALSE(TRY(transaction.volunteers().find(riverside, alex)));
    TRY_STATUS(transaction.memberships().remove(hillside, alex));
    EXPECT_FALSE(TRY(transaction.volunteers().find(hillside, alex)));
    EXPECT_TRUE(TRY(transaction.volunteers().find(hillside, sam)));
    TRY_STATUS(transaction.accounts().remove(sam));
    EXPECT_FALSE(TRY(transaction.volunteers().find(riverside, sam)));
    EXPECT_FALSE(TRY(transaction.volunteers().find(hillside, sam)));
    return {};
  }));
}

TEST_P(StoreContract, VolunteerLoadCountsLiveMatchesAndThisWeeksByAccount) {
  const NetworkId riverside = add_network("riverside");
  const NetworkId hillside = add_network("hillside");
  const AccountId alex = add_account(*store_, "alex@example.org");
  const AccountId sam = add_account(*store_, "sam@example.org");
  constexpr UnixSeconds kSince = 1790000000;
  // (network, account, status, created_at)
  struct Row {
    NetworkId network;
    std::optional<AccountId> account;
    MatchStatus status;
    UnixSeconds created_at;
  };
  const std::vector<Row> rows = {
      {riverside, alex, MatchStatus::kAccepted, kSince + 10},    // active, this week
      {riverside, alex, MatchStatus::kProposed, kSince - 9000},  // active, older
      {riverside, alex, MatchStatus::kCompleted, kSince + 20},   // this week only
      {riverside, alex, MatchStatus::kCancelled, kSince + 30},   // neither
      {riverside, sam, MatchStatus::kAccepted, kSince},          // active, this week (at since)
      {riverside, std::nullopt, MatchStatus::kAccepted, kSince + 40},  // anonymous: nobody's
      {hillside, alex, MatchStatus::kAccepted, kSince + 50},           // another network
  };
  std::vector<MatchId> ids;
  for (const Row& row : rows) {
    const PostId request = add_post(sample_post(row.network));
    ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
      Match match;
      match.network_id = row.network;
      match.request_id = request;
      match.volunteer = Volunteer{"V", "v@example.org", ""};
      match.status = row.status;
      match.token_hash = std::string(64, 'c');
      match.created_at = match.updated_at = row.created_at;
      match.id = TRY(transaction.matches().insert(match));
      ids.push_back(match.id);
      if (row.account) TRY_STATUS(transaction.matches().set_account(match.id, *row.account));
      return {};
    }));
  }
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto& matches = transaction.matches();
    EXPECT_EQ(TRY(matches.volunteer_load(riverside, alex, kSince)), (VolunteerLoad{2, 2}));
    EXPECT_EQ(TRY(matches.volunteer_load(riverside, sam, kSince)), (VolunteerLoad{1, 1}));
    EXPECT_EQ(TRY(matches.volunteer_load(hillside, sam, kSince)), (VolunteerLoad{0, 0}));
    const auto loads = TRY(matches.volunteer_loads(riverside, kSince));
    EXPECT_EQ(loads.size(), 2u);
    EXPECT_EQ(loads.at(alex), (VolunteerLoad{2, 2}));
    EXPECT_EQ(loads.at(sam), (VolunteerLoad{1, 1}));
    const auto mine = TRY(matches.list_for_account_in_network(alex, riverside, 3));
    EXPECT_EQ(mine.size(), 3u);
    if (mine.size() == 3) {
      EXPECT_EQ(mine[0].id, ids[3]);  // newest first
      EXPECT_EQ(mine[2].id, ids[1]);
    }
    EXPECT_EQ(TRY(matches.list_for_account_in_network(alex, hillside, 10)).size(), 1u);
    return {};
  }));
}

}  // namespace
}  // namespace gapfill::store::contract
