#include "store/store_contract.hpp"

#include <algorithm>
#include <thread>

namespace gapfill::store::contract {

void StoreContract::SetUp() {
  identity_ = GetParam().new_identity();
  store_ = GetParam().open(identity_);
  ASSERT_NE(store_, nullptr);
}

NetworkId StoreContract::add_network(const std::string& slug, int retention_days) {
  Network network;
  network.slug = slug;
  network.name = "Riverside Mutual Aid";
  network.area = {{46.87, -113.99}, 40};
  network.languages = {"en", "es"};
  network.timezone = "America/Denver";
  network.retention_days = retention_days;
  network.post_expiry_days = 30;
  network.created_at = 1790000000;
  const std::vector<Category> categories{{"food", 0, {{"en", "Food"}, {"es", "Comida"}}},
                                         {"transport", 1, {{"en", "Rides and transport"}}}};
  NetworkId id = 0;
  const auto written = store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.networks().insert(network, categories));
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return id;
}

Post StoreContract::sample_post(NetworkId network, PostKind kind) {
  Post post;
  post.network_id = network;
  post.kind = kind;
  post.category = "food";
  post.title = "Groceries for a family of four";
  post.details = "No pork, please.\nThank you!";
  post.quantity = 3;
  post.urgency = Urgency::kWeek;
  post.window_from = 1790000000;
  post.window_to = 1790086400;
  post.point = {46.875, -113.995};
  post.location_text = "near the library";
  post.contact = {"Sam", "sam@example.org", "+1 406 555 0100", ContactMethod::kPhone};
  post.status = PostStatus::kOpen;
  post.created_at = post.updated_at = post.waiting_since = 1790000000;
  post.manage_token_hash = std::string(64, 'a');
  return post;
}

PostId StoreContract::add_post(const Post& post) {
  PostId id = 0;
  const auto written = store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.posts().insert(post));
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return id;
}

namespace {

TEST_P(StoreContract, MigrationIsAtTheLatestVersionAndIdempotent) {
  EXPECT_EQ(store_->schema_version().value(), store_->latest_schema_version());
  ASSERT_TRUE(store_->migrate());
  EXPECT_EQ(store_->schema_version().value(), store_->latest_schema_version());
}

TEST_P(StoreContract, SealedPersonalFieldsReadBackAndNeedNoResealing) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.category = "transport";
  post.ride = Ride{"Northside", "the clinic", std::nullopt, true, 2, {"wheelchair", "cane"}};
  const PostId id = add_post(post);
  const auto read = store_->read([&](Transaction& transaction) -> Status {
    const Post found = TRY(transaction.posts().find(id));
    EXPECT_EQ(found.details, post.details);
    EXPECT_EQ(found.location_text, post.location_text);
    EXPECT_EQ(found.contact.email, post.contact.email);
    EXPECT_EQ(found.contact.phone, post.contact.phone);
    EXPECT_EQ(found.ride->dropoff_area, "the clinic");
    EXPECT_EQ(found.ride->accessibility_needs, post.ride->accessibility_needs);
    return {};
  });
  EXPECT_TRUE(read) << read.error().message;
  EXPECT_TRUE(store_->check_data_keys());
  EXPECT_EQ(store_->reseal_batch(100).value(), 0);
}

TEST_P(StoreContract, NetworksKeepTheirPublicGrid) {
  NetworkId id = 0;
  Network network;
  network.slug = "wide";
  network.name = "Wide";
  network.area = {{0, 0}, 10};
  network.languages = {"en"};
  network.timezone = "UTC";
  network.public_grid_km = 2.5;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.networks().insert(network, {}));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_DOUBLE_EQ(TRY(transaction.networks().find_by_id(id)).public_grid_km, 2.5);
    return {};
  }));
}

TEST_P(StoreContract, NetworksRoundTripWithCategoriesAndUniqueSlugs) {
  const NetworkId id = add_network();
  const auto read = store_->read([&](Transaction& transaction) -> Status {
    const Network network = TRY(transaction.networks().find_by_slug("riverside"));
    EXPECT_EQ(network.id, id);
    EXPECT_EQ(network.languages, (std::vector<std::string>{"en", "es"}));
    EXPECT_EQ(network.timezone, "America/Denver");
    EXPECT_DOUBLE_EQ(network.area.radius_km, 40);
    EXPECT_EQ(TRY(transaction.networks().find_by_id(id)).slug, "riverside");
    const auto categories = TRY(transaction.networks().categories(id));
    EXPECT_EQ(categories.size(), 2u);
    EXPECT_EQ(categories[0].labels.at("es"), "Comida");
    EXPECT_EQ(TRY(transaction.networks().list()).size(), 1u);
    EXPECT_EQ(transaction.networks().find_by_slug("nowhere").error().code, ErrorCode::kNotFound);
    return {};
  });
  ASSERT_TRUE(read) << read.error().message;
  const auto duplicate = store_->write([&](Transaction& transaction) -> Status {
    Network again;
    again.slug = "riverside";
    again.name = "Again";
    again.languages = {"en"};
    again.timezone = "UTC";
    TRY(transaction.networks().insert(again, {}));
    return {};
  });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, PostsRoundTripEveryField) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.category = "transport";
  post.ride = Ride{"Northside", "Clinic", 1790003600, true, 2, {"car_seat", "wheelchair"}};
  const PostId id = add_post(post);
  post.id = id;
  const auto read = store_->read([&](Transaction& transaction) -> Status {
    const Post stored = TRY(transaction.posts().find(id));
    EXPECT_EQ(stored.title, post.title);
    EXPECT_EQ(stored.details, post.details);
    EXPECT_EQ(stored.quantity, post.quantity);
    EXPECT_EQ(stored.urgency, post.urgency);
    EXPECT_EQ(stored.window_from, post.window_from);
    EXPECT_EQ(stored.window_to, post.window_to);
    EXPECT_DOUBLE_EQ(stored.point.lat, post.point.lat);
    EXPECT_EQ(stored.location_text, post.location_text);
    EXPECT_EQ(stored.contact.phone, post.contact.phone);
    EXPECT_EQ(stored.contact.method, ContactMethod::kPhone);
    EXPECT_TRUE(stored.ride.has_value());
    EXPECT_EQ(stored.ride->accessibility_needs, post.ride->accessibility_needs);
    EXPECT_EQ(stored.ride->appointment_at, post.ride->appointment_at);
    EXPECT_TRUE(stored.ride->return_trip);
    EXPECT_EQ(stored.manage_token_hash, post.manage_token_hash);
    EXPECT_FALSE(stored.close_reason.has_value());
    EXPECT_EQ(transaction.posts().find(id + 1000).error().code, ErrorCode::kNotFound);
    return {};
  });
  ASSERT_TRUE(read) << read.error().message;
}

TEST_P(StoreContract, UpdatesAreSeenAndFailedWorkIsRolledBack) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.id = add_post(post);
  post.status = PostStatus::kClosed;
  post.close_reason = CloseReason::kDuplicate;
  post.quantity.reset();
  ASSERT_TRUE(store_->write([&](Transaction& t) { return t.posts().update(post); }));

  const auto failed = store_->write([&](Transaction& transaction) -> Status {
    Post changed = post;
    changed.title = "Changed";
    TRY_STATUS(transaction.posts().update(changed));
    return fail(ErrorCode::kConflict, "changed my mind");
  });
  ASSERT_FALSE(failed);
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post stored = TRY(transaction.posts().find(post.id));
    EXPECT_EQ(stored.title, post.title);  // rolled back
    EXPECT_EQ(stored.status, PostStatus::kClosed);
    EXPECT_EQ(stored.close_reason, CloseReason::kDuplicate);
    EXPECT_FALSE(stored.quantity.has_value());
    return {};
  }));
  Post missing = post;
  missing.id = 999999;
  EXPECT_EQ(store_->write([&](Transaction& t) { return t.posts().update(missing); }).error().code,
            ErrorCode::kNotFound);
}

TEST_P(StoreContract, ListsNewestFirstWithKeysetPagingAndFilters) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  for (int i = 0; i < 25; ++i) {
    Post post =
        sample_post(i % 5 == 0 ? other : network, i % 2 ? PostKind::kOffer : PostKind::kRequest);
    post.created_at = 1790000000 + (i / 3) * 60;  // ties broken by id
    post.status = i % 4 == 0 ? PostStatus::kFulfilled : PostStatus::kOpen;
    add_post(post);
  }
  PostFilter filter;
  filter.network_id = network;
  filter.statuses = {PostStatus::kOpen};
  std::vector<Post> all;
  std::optional<NewestCursor> after;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    for (;;) {
      auto page = TRY(transaction.posts().list_newest(filter, after, 4));
      if (page.empty()) break;
      for (auto& post : page) all.push_back(post);
      after = NewestCursor{page.back().created_at, page.back().id};
    }
    return {};
  }));
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 1; i < all.size(); ++i) {
    const bool ordered = all[i - 1].created_at > all[i].created_at ||
                         (all[i - 1].created_at == all[i].created_at && all[i - 1].id > all[i].id);
    EXPECT_TRUE(ordered) << i;
  }
  for (const Post& post : all) {
    EXPECT_EQ(post.network_id, network);
    EXPECT_EQ(post.status, PostStatus::kOpen);
  }
  filter.kind = PostKind::kOffer;
  filter.category = "food";
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    for (const Post& post : TRY(transaction.posts().list_newest(filter, std::nullopt, 100))) {
      EXPECT_EQ(post.kind, PostKind::kOffer);
    }
    return {};
  }));
}

TEST_P(StoreContract, ListsInABoxAndVisitsEveryPost) {
  const NetworkId network = add_network();
  for (int i = 0; i < 10; ++i) {
    Post post = sample_post(network);
    post.point = {46.0 + i * 0.1, -114.0};
    add_post(post);
  }
  PostFilter filter;
  filter.network_id = network;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto inside =
        TRY(transaction.posts().list_in_box(filter, {46.15, 46.45, -114.1, -113.9}));
    EXPECT_EQ(inside.size(), 3u);
    int visited = 0;
    TRY_STATUS(transaction.posts().for_each(PostFilter{}, [&](const Post&) { ++visited; }));
    EXPECT_EQ(visited, 10);
    return {};
  }));
}

TEST_P(StoreContract, FindsExpiredOpenPosts) {
  const NetworkId network = add_network();  // post expiry 30 days
  const UnixSeconds now = 1790000000 + 40 * 86400;
  Post old_post = sample_post(network);
  old_post.window_to.reset();
  const PostId old_id = add_post(old_post);  // created 40 days ago
  Post window_over = sample_post(network);
  window_over.created_at = now - 86400;
  window_over.window_to = now - 60;
  const PostId window_id = add_post(window_over);
  Post fresh = sample_post(network);
  fresh.created_at = now - 86400;
  fresh.window_to = now + 86400;
  add_post(fresh);
  Post old_but_matched = old_post;
  old_but_matched.status = PostStatus::kMatched;
  add_post(old_but_matched);
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.posts().expired_open_posts(now, 10)),
              (std::vector<PostId>{old_id, window_id}));
    EXPECT_EQ(TRY(transaction.posts().expired_open_posts(now, 1)).size(), 1u);
    return {};
  }));
}

TEST_P(StoreContract, FindsPostsDueForErasureByTheirNetworksRetention) {
  const NetworkId riverside = add_network("riverside", 30);
  const NetworkId hillside = add_network("hillside", 7);
  const UnixSeconds now = 1790000000 + 100 * 86400;
  const auto post_at = [&](NetworkId network, PostStatus status, UnixSeconds updated_at) {
    Post post = sample_post(network);
    post.status = status;
    post.updated_at = updated_at;
    return add_post(post);
  };
  const PostId closed_31_days = post_at(riverside, PostStatus::kClosed, now - 31 * 86400);
  post_at(riverside, PostStatus::kFulfilled, now - 29 * 86400);
  const PostId fulfilled_31_days = post_at(riverside, PostStatus::kFulfilled, now - 31 * 86400);
  const PostId closed_8_days = post_at(hillside, PostStatus::kClosed, now - 8 * 86400);
  post_at(hillside, PostStatus::kClosed, now - 6 * 86400);
  post_at(riverside, PostStatus::kOpen, now - 90 * 86400);     // live posts are never due
  post_at(riverside, PostStatus::kMatched, now - 90 * 86400);  //
  const PostId erased = post_at(riverside, PostStatus::kClosed, now - 40 * 86400);
  ASSERT_TRUE(store_->write(
      [&](Transaction& t) { return t.posts().erase_personal_data(erased, now - 9 * 86400); }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto due = TRY(transaction.posts().posts_due_for_erasure(now, 10));
    std::sort(due.begin(), due.end());
    EXPECT_EQ(due, (std::vector<PostId>{closed_31_days, fulfilled_31_days, closed_8_days}));
    EXPECT_EQ(TRY(transaction.posts().posts_due_for_erasure(now, 2)).size(), 2u);
    EXPECT_TRUE(TRY(transaction.posts().posts_due_for_erasure(now - 20 * 86400, 10)).empty());
    return {};
  }));
}

TEST_P(StoreContract, ErasesThePersonalDataOfAPostAndItsMatchesOnly) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.category = "transport";
  post.ride = Ride{"Northside", "Clinic", 1790003600, true, 2, {"wheelchair"}};
  post.status = PostStatus::kFulfilled;
  post.updated_at = 1790000500;
  post.id = add_post(post);
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  const PostId other = add_post(sample_post(network));
  Match claim;
  claim.network_id = network;
  claim.request_id = post.id;
  claim.volunteer = Volunteer{"Alex", "alex@example.org", "+1 406 555 0199"};
  claim.quantity = 2;
  claim.note = "Blue car";
  claim.status = MatchStatus::kCompleted;
  claim.token_hash = std::string(64, 'b');
  claim.created_at = claim.updated_at = 1790000100;
  Match paired = claim;
  paired.offer_id = offer;
  paired.volunteer.reset();
  paired.status = MatchStatus::kCancelled;
  Match elsewhere = claim;
  elsewhere.request_id = other;
  elsewhere.status = MatchStatus::kAccepted;
  PostEvent event;
  event.post_id = post.id;
  event.network_id = network;
  event.type = "status";
  event.from_status = "matched";
  event.to_status = "fulfilled";
  event.at = 1790000500;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    claim.id = TRY(transaction.matches().insert(claim));
    paired.id = TRY(transaction.matches().insert(paired));
    elsewhere.id = TRY(transaction.matches().insert(elsewhere));
    return transaction.events().append(event);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_FALSE(TRY(transaction.posts().find(post.id)).personal_data_erased_at.has_value());
    return {};
  }));

  const UnixSeconds at = 1793000000;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.posts().erase_personal_data(post.id, at));
    EXPECT_EQ(TRY(transaction.matches().erase_personal_data_for_post(post.id)), 2);
    EXPECT_EQ(transaction.posts().erase_personal_data(999, at).error().code, ErrorCode::kNotFound);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post stored = TRY(transaction.posts().find(post.id));
    EXPECT_EQ(stored.personal_data_erased_at, at);
    EXPECT_EQ(stored.details, "");
    EXPECT_EQ(stored.location_text, "");
    EXPECT_TRUE(stored.contact.empty());
    EXPECT_EQ(stored.contact.method, ContactMethod::kPhone);
    EXPECT_EQ(stored.ride->pickup_area, "");
    EXPECT_EQ(stored.ride->dropoff_area, "");
    EXPECT_TRUE(stored.ride->accessibility_needs.empty());
    // What counts and public pages use stays.
    EXPECT_EQ(stored.title, post.title);
    EXPECT_EQ(stored.category, "transport");
    EXPECT_EQ(stored.kind, PostKind::kRequest);
    EXPECT_EQ(stored.status, PostStatus::kFulfilled);
    EXPECT_EQ(stored.quantity, post.quantity);
    EXPECT_DOUBLE_EQ(stored.point.lat, post.point.lat);
    EXPECT_EQ(stored.ride->passengers, 2);
    EXPECT_EQ(stored.created_at, post.created_at);
    EXPECT_EQ(stored.updated_at, post.updated_at);
    EXPECT_EQ(stored.manage_token_hash, post.manage_token_hash);
    EXPECT_EQ(TRY(transaction.events().list_for_post(post.id)).size(), 1u);
    EXPECT_EQ(TRY(transaction.events().count_reaching_status(network, PostKind::kRequest,
                                                             PostStatus::kFulfilled, 0)),
              1);
    const Match erased_claim = TRY(transaction.matches().find(claim.id));
    EXPECT_EQ(erased_claim.volunteer->name, "");
    EXPECT_EQ(erased_claim.volunteer->email, "");
    EXPECT_EQ(erased_claim.volunteer->phone, "");
    EXPECT_EQ(erased_claim.note, "");
    EXPECT_EQ(erased_claim.status, MatchStatus::kCompleted);
    EXPECT_EQ(erased_claim.quantity, 2);
    EXPECT_EQ(erased_claim.token_hash, claim.token_hash);
    EXPECT_EQ(TRY(transaction.matches().find(paired.id)).note, "");
    // Other posts and their matches keep everything.
    EXPECT_EQ(TRY(transaction.posts().find(other)).details, post.details);
    EXPECT_EQ(TRY(transaction.posts().find(offer)).contact.name, "Sam");
    EXPECT_EQ(TRY(transaction.matches().find(elsewhere.id)).volunteer->name, "Alex");
    EXPECT_EQ(TRY(transaction.matches().find(elsewhere.id)).note, "Blue car");
    return {};
  }));
}

TEST_P(StoreContract, MatchesRoundTripAndARequestHasOneLiveMatchAtMost) {
  const NetworkId network = add_network();
  const PostId request = add_post(sample_post(network));
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  Match match;
  match.network_id = network;
  match.request_id = request;
  match.volunteer = Volunteer{"Alex", "alex@example.org", ""};
  match.quantity = 2;
  match.note = "Saturday";
  match.status = MatchStatus::kAccepted;
  match.token_hash = std::string(64, 'b');
  match.created_at = match.updated_at = 1790000100;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    match.id = TRY(transaction.matches().insert(match));
    return {};
  }));
  // A second live match on the same request is refused by the store itself.
  const auto second = store_->write([&](Transaction& transaction) -> Status {
    Match again = match;
    again.offer_id = offer;
    again.volunteer.reset();
    again.status = MatchStatus::kProposed;
    TRY(transaction.matches().insert(again));
    return {};
  });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);

  match.status = MatchStatus::kCancelled;
  match.updated_at = 1790000200;
  ASSERT_TRUE(store_->write([&](Transaction& t) { return t.matches().update(match); }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Match proposal = match;
    proposal.offer_id = offer;
    proposal.volunteer.reset();
    proposal.status = MatchStatus::kProposed;
    proposal.token_hash.clear();
    TRY(transaction.matches().insert(proposal));
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Match stored = TRY(transaction.matches().find(match.id));
    EXPECT_EQ(stored.status, MatchStatus::kCancelled);
    EXPECT_EQ(stored.volunteer->name, "Alex");
    EXPECT_EQ(stored.quantity, 2);
    EXPECT_EQ(stored.token_hash, match.token_hash);
    EXPECT_EQ(TRY(transaction.matches().list_for_post(request)).size(), 2u);
    const auto for_offer = TRY(transaction.matches().list_for_post(offer));
    EXPECT_EQ(for_offer.size(), 1u);
    EXPECT_FALSE(for_offer[0].volunteer.has_value());
    EXPECT_EQ(transaction.matches().find(999).error().code, ErrorCode::kNotFound);
    return {};
  }));
}

TEST_P(StoreContract, EventsKeepAPostsHistoryInOrder) {
  const NetworkId network = add_network();
  const PostId id = add_post(sample_post(network));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    for (const char* to : {"matched", "open", "matched", "fulfilled"}) {
      PostEvent event;
      event.post_id = id;
      event.network_id = network;
      event.type = "status";
      event.to_status = to;
      event.at = 1790000000;
      TRY_STATUS(transaction.events().append(event));
    }
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto events = TRY(transaction.events().list_for_post(id));
    EXPECT_EQ(events.size(), 4u);
    EXPECT_EQ(events.back().to_status, "fulfilled");
    return {};
  }));
}

TEST_P(StoreContract, PostsKeepTheirOrganizerFields) {
  const NetworkId network = add_network();
  const PostId original = add_post(sample_post(network));
  Post post = sample_post(network);
  post.entered_by_organizer = true;
  post.id = add_post(post);
  post.duplicate_of = original;
  post.status = PostStatus::kClosed;
  post.close_reason = CloseReason::kDuplicate;
  ASSERT_TRUE(store_->write([&](Transaction& t) { return t.posts().update(post); }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Post stored = TRY(transaction.posts().find(post.id));
    EXPECT_TRUE(stored.entered_by_organizer);
    EXPECT_EQ(stored.duplicate_of, original);
    const Post plain = TRY(transaction.posts().find(original));
    EXPECT_FALSE(plain.entered_by_organizer);
    EXPECT_FALSE(plain.duplicate_of.has_value());
    return {};
  }));
}

TEST_P(StoreContract, FiltersByUrgency) {
  const NetworkId network = add_network();
  const Urgency urgencies[] = {Urgency::kToday, Urgency::kWeek, Urgency::kFlexible};
  for (int i = 0; i < 9; ++i) {
    Post post = sample_post(network);
    post.urgency = urgencies[i % 3];
    post.created_at += i;
    add_post(post);
  }
  PostFilter filter;
  filter.network_id = network;
  filter.urgency = Urgency::kToday;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto newest = TRY(transaction.posts().list_newest(filter, std::nullopt, 100));
    EXPECT_EQ(newest.size(), 3u);
    for (const Post& post : newest) EXPECT_EQ(post.urgency, Urgency::kToday);
    const auto boxed = TRY(transaction.posts().list_in_box(filter, {45, 48, -115, -113}));
    EXPECT_EQ(boxed.size(), 3u);
    EXPECT_EQ(TRY(transaction.posts().count(filter)), 3);
    return {};
  }));
}

TEST_P(StoreContract, ListsByUrgencyThenLongestWaitingWithOffsetAndCounts) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  struct Row {
    Urgency urgency;
    UnixSeconds waiting_since;
    PostStatus status;
    NetworkId network;
  };
  const std::vector<Row> rows{
      {Urgency::kFlexible, 100, PostStatus::kOpen, network},  // 0
      {Urgency::kToday, 300, PostStatus::kOpen, network},     // 1
      {Urgency::kWeek, 200, PostStatus::kMatched, network},   // 2
      {Urgency::kToday, 100, PostStatus::kMatched, network},  // 3
      {Urgency::kToday, 300, PostStatus::kOpen, network},     // 4: tie with 1, by id
      {Urgency::kToday, 50, PostStatus::kClosed, network},    // 5: not wanted
      {Urgency::kToday, 10, PostStatus::kOpen, other},        // 6: another network
      {Urgency::kWeek, 1000, PostStatus::kOpen, network},     // 7
  };
  std::vector<PostId> ids;
  for (const Row& row : rows) {
    Post post = sample_post(row.network);
    post.urgency = row.urgency;
    post.waiting_since = row.waiting_since;
    post.status = row.status;
    ids.push_back(add_post(post));
  }
  PostFilter filter;
  filter.network_id = network;
  filter.statuses = {PostStatus::kOpen, PostStatus::kMatched};
  const std::vector<PostId> expected{ids[3], ids[1], ids[4], ids[2], ids[7], ids[0]};
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    std::vector<PostId> all;
    for (const Post& post : TRY(transaction.posts().list_by_urgency(filter, 100, 0))) {
      all.push_back(post.id);
    }
    EXPECT_EQ(all, expected);
    std::vector<PostId> paged;
    for (int offset = 0; offset < 8; offset += 4) {
      for (const Post& post : TRY(transaction.posts().list_by_urgency(filter, 4, offset))) {
        paged.push_back(post.id);
      }
    }
    EXPECT_EQ(paged, expected);
    EXPECT_EQ(TRY(transaction.posts().count(filter)), 6);
    filter.statuses.clear();
    EXPECT_EQ(TRY(transaction.posts().count(filter)), 7);
    filter.network_id = 0;
    EXPECT_EQ(TRY(transaction.posts().count(filter)), 8);
    return {};
  }));
}

TEST_P(StoreContract, CountsPostsReachingAStatusSinceATime) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  const PostId request = add_post(sample_post(network));
  const PostId twice = add_post(sample_post(network));
  const PostId old_request = add_post(sample_post(network));
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  const PostId elsewhere = add_post(sample_post(other));
  const PostId closed = add_post(sample_post(network));
  const auto append = [](Transaction& transaction, PostId post, NetworkId in, const char* type,
                         const char* to, UnixSeconds at) {
    PostEvent event;
    event.post_id = post;
    event.network_id = in;
    event.type = type;
    event.to_status = to;
    event.at = at;
    return transaction.events().append(event);
  };
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(append(transaction, request, network, "status", "fulfilled", 2000));
    TRY_STATUS(append(transaction, twice, network, "status", "fulfilled", 2100));
    TRY_STATUS(append(transaction, twice, network, "status", "fulfilled", 2200));  // once
    TRY_STATUS(append(transaction, old_request, network, "status", "fulfilled", 999));
    TRY_STATUS(append(transaction, offer, network, "status", "fulfilled", 2000));
    TRY_STATUS(append(transaction, elsewhere, other, "status", "fulfilled", 2000));
    TRY_STATUS(append(transaction, closed, network, "status", "closed", 2000));
    TRY_STATUS(append(transaction, closed, network, "match", "fulfilled", 2000));  // not status
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    auto& events = transaction.events();
    EXPECT_EQ(TRY(events.count_reaching_status(network, PostKind::kRequest, PostStatus::kFulfilled,
                                               1000)),
              2);
    EXPECT_EQ(
        TRY(events.count_reaching_status(network, PostKind::kRequest, PostStatus::kFulfilled, 999)),
        3);
    EXPECT_EQ(
        TRY(events.count_reaching_status(network, PostKind::kOffer, PostStatus::kFulfilled, 1000)),
        1);
    EXPECT_EQ(
        TRY(events.count_reaching_status(other, PostKind::kRequest, PostStatus::kFulfilled, 1000)),
        1);
    EXPECT_EQ(
        TRY(events.count_reaching_status(network, PostKind::kRequest, PostStatus::kClosed, 1000)),
        1);
    return {};
  }));
}

TEST_P(StoreContract, OrganizerKeysAreFoundByHashListedAndRevoked) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  OrganizerKey first{0, network, std::string(64, 'c'), "Dana", 1790000000, std::nullopt};
  OrganizerKey second{0, network, std::string(64, 'd'), "", 1790000100, std::nullopt};
  OrganizerKey elsewhere{0, other, std::string(64, 'e'), "Kim", 1790000200, std::nullopt};
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    first.id = TRY(transaction.organizer_keys().insert(first));
    second.id = TRY(transaction.organizer_keys().insert(second));
    elsewhere.id = TRY(transaction.organizer_keys().insert(elsewhere));
    return {};
  }));
  const auto duplicate = store_->write([&](Transaction& transaction) -> Status {
    TRY(transaction.organizer_keys().insert(first));
    return {};
  });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);

  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.organizer_keys().revoke(second.id, 1790000500));
    TRY_STATUS(transaction.organizer_keys().revoke(second.id, 1790000900));  // stays at the first
    EXPECT_EQ(transaction.organizer_keys().revoke(999, 1790000500).error().code,
              ErrorCode::kNotFound);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const OrganizerKey found = TRY(transaction.organizer_keys().find_by_hash(first.key_hash));
    EXPECT_EQ(found.id, first.id);
    EXPECT_EQ(found.network_id, network);
    EXPECT_EQ(found.label, "Dana");
    EXPECT_EQ(found.created_at, 1790000000);
    EXPECT_FALSE(found.revoked_at.has_value());
    EXPECT_EQ(TRY(transaction.organizer_keys().find_by_hash(second.key_hash)).revoked_at,
              1790000500);
    EXPECT_EQ(transaction.organizer_keys().find_by_hash(std::string(64, 'f')).error().code,
              ErrorCode::kNotFound);
    const auto keys = TRY(transaction.organizer_keys().list_for_network(network));
    EXPECT_EQ(keys.size(), 2u);
    if (keys.size() == 2) {
      EXPECT_EQ(keys[0].id, first.id);
      EXPECT_EQ(keys[1].id, second.id);
    }
    return {};
  }));
}

TEST_P(StoreContract, SettingsKeepAnyBytesAndAreReplaced) {
  const std::string bytes("\x00\x01secret\xff\x00", 10);
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_FALSE(TRY(transaction.settings().get("site_secret")).has_value());
    return {};
  }));
  ASSERT_TRUE(
      store_->write([&](Transaction& t) { return t.settings().put("site_secret", bytes); }));
  ASSERT_TRUE(store_->write([&](Transaction& t) { return t.settings().put("other", "first"); }));
  ASSERT_TRUE(store_->write([&](Transaction& t) { return t.settings().put("other", "second"); }));
  store_.reset();
  auto again = reopen();
  ASSERT_TRUE(again->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.settings().get("site_secret")), bytes);
    EXPECT_EQ(TRY(transaction.settings().get("other")), "second");
    return {};
  }));
}

TEST_P(StoreContract, CommittedWritesAreSeenByANewHandle) {
  const NetworkId network = add_network();
  const PostId id = add_post(sample_post(network));
  store_.reset();
  auto again = reopen();
  ASSERT_TRUE(again->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.posts().find(id)).title, "Groceries for a family of four");
    return {};
  }));
}

TEST_P(StoreContract, ConcurrentWritersAreSerializedWithoutLosingAWrite) {
  const NetworkId network = add_network();
  const Post post = sample_post(network);
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    writers.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        const auto written = store_->write([&](Transaction& transaction) -> Status {
          TRY(transaction.posts().insert(post));
          return {};
        });
        if (!written) ++failures;
        // Reads run alongside.
        (void)store_->read([&](Transaction& transaction) -> Status {
          TRY(transaction.networks().list());
          return {};
        });
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  int count = 0;
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    return transaction.posts().for_each(PostFilter{}, [&](const Post&) { ++count; });
  }));
  EXPECT_EQ(count, 200);
}

TEST_P(StoreContract, RelayMessagesAreKeptPerMatchPagedAndErasedPerPost) {
  const NetworkId network = add_network();
  const PostId request = add_post(sample_post(network));
  const PostId offer = add_post(sample_post(network, PostKind::kOffer));
  const PostId other = add_post(sample_post(network));
  Match claim;
  claim.network_id = network;
  claim.request_id = request;
  claim.volunteer = Volunteer{"Alex", "alex@example.org", ""};
  claim.status = MatchStatus::kAccepted;
  claim.created_at = claim.updated_at = 1790000100;
  Match paired = claim;
  paired.request_id = other;
  paired.offer_id = offer;
  paired.volunteer.reset();
  MatchId claim_id = 0, paired_id = 0;
  const std::string binary("line one\nline two \xc3\xb1 \0 end", 26);
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    claim_id = TRY(transaction.matches().insert(claim));
    paired_id = TRY(transaction.matches().insert(paired));
    for (int i = 0; i < 5; ++i) {
      RelayMessage message;
      message.match_id = claim_id;
      message.network_id = network;
      message.side = i % 2 == 0 ? MessageSide::kRequester : MessageSide::kVolunteer;
      message.body = i == 0 ? binary : "message " + std::to_string(i);
      message.created_at = 1790000200 + i;
      TRY(transaction.messages().insert(message));
    }
    RelayMessage elsewhere;
    elsewhere.match_id = paired_id;
    elsewhere.network_id = network;
    elsewhere.side = MessageSide::kOrganizer;
    elsewhere.body = "for the offer";
    elsewhere.created_at = 1790000300;
    TRY(transaction.messages().insert(elsewhere));
    return {};
  }));

  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto first = TRY(transaction.messages().list_for_match(claim_id, 0, 3));
    EXPECT_EQ(first.size(), 3u);
    if (first.size() != 3u) return {};
    EXPECT_EQ(first[0].body, binary);
    EXPECT_EQ(first[0].side, MessageSide::kRequester);
    EXPECT_EQ(first[0].match_id, claim_id);
    EXPECT_EQ(first[0].network_id, network);
    EXPECT_EQ(first[0].created_at, 1790000200);
    EXPECT_EQ(first[1].side, MessageSide::kVolunteer);
    EXPECT_LT(first[0].id, first[1].id);
    const auto rest = TRY(transaction.messages().list_for_match(claim_id, first[2].id, 10));
    EXPECT_EQ(rest.size(), 2u);
    if (rest.size() == 2u) {
      EXPECT_EQ(rest[1].body, "message 4");
    }
    EXPECT_EQ(TRY(transaction.messages().count_for_match(claim_id)), 5);
    const auto offered = TRY(transaction.messages().list_for_match(paired_id, 0, 10));
    EXPECT_EQ(offered.size(), 1u);
    if (!offered.empty()) {
      EXPECT_EQ(offered[0].side, MessageSide::kOrganizer);
    }
    EXPECT_TRUE(TRY(transaction.messages().list_for_match(999, 0, 10)).empty());
    return {};
  }));

  // Erasing by the offer reaches the thread of its match, not the others.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.messages().erase_for_post(offer)), 1);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_TRUE(TRY(transaction.messages().list_for_match(paired_id, 0, 10)).empty());
    EXPECT_EQ(TRY(transaction.messages().count_for_match(paired_id)), 1);
    EXPECT_EQ(TRY(transaction.messages().list_for_match(claim_id, 0, 10)).size(), 5u);
    return {};
  }));
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.messages().erase_for_post(request)), 5);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_TRUE(TRY(transaction.messages().list_for_match(claim_id, 0, 10)).empty());
    EXPECT_EQ(TRY(transaction.messages().count_for_match(claim_id)), 5);
    return {};
  }));
}

TEST_P(StoreContract, RelayNoticesAreRecordedPerMatchAndSide) {
  const NetworkId network = add_network();
  const PostId request = add_post(sample_post(network));
  Match claim;
  claim.network_id = network;
  claim.request_id = request;
  claim.status = MatchStatus::kAccepted;
  MatchId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.matches().insert(claim));
    EXPECT_FALSE(TRY(transaction.messages().last_notice(id, MessageSide::kVolunteer)));
    TRY_STATUS(transaction.messages().record_notice(id, MessageSide::kVolunteer, 1790000000));
    return transaction.messages().record_notice(id, MessageSide::kVolunteer, 1790003600);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(transaction.messages().last_notice(id, MessageSide::kVolunteer)), 1790003600);
    EXPECT_FALSE(TRY(transaction.messages().last_notice(id, MessageSide::kRequester)));
    return {};
  }));
}

}  // namespace
}  // namespace gapfill::store::contract
