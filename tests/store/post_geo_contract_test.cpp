// Queries of posts by place (PostRepository::list_near, list_in_box): what
// every backend's spatial index must answer, whatever index it is.

#include <algorithm>
#include <cmath>
#include <random>

#include "engine/geo.hpp"
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

// Missoula's centre, and points a given number of km north of it (a degree
// of latitude is 111.19 km on the sphere geo uses).
constexpr geo::Point kCentre{46.87, -113.99};
geo::Point north_of_centre(double km) {
  return {kCentre.lat + km / 111.19493, kCentre.lon};
}

std::vector<PostId> ids_of(const std::vector<NearPost>& found) {
  std::vector<PostId> ids;
  for (const NearPost& near : found) ids.push_back(near.post.id);
  return ids;
}

std::vector<PostId> ids_of(const std::vector<Post>& posts) {
  std::vector<PostId> ids;
  for (const Post& post : posts) ids.push_back(post.id);
  return ids;
}

PostFilter in_network(NetworkId network) {
  PostFilter filter;
  filter.network_id = network;
  return filter;
}

TEST_P(StoreContract, NearQueriesAreNearestFirstWithinTheRadiusAndPagedByDistanceThenId) {
  const NetworkId network = add_network();
  // Out of order on purpose; two share a point (a tie, ordered by id).
  std::vector<PostId> by_km;  // the expected order
  const double kms[] = {7, 1, 3, 3, 12, 0.2, 24.5};
  std::vector<std::pair<double, PostId>> made;
  for (double km : kms) {
    Post post = sample_post(network);
    post.point = north_of_centre(km);
    made.push_back({km, add_post(post)});
  }
  Post far = sample_post(network);
  far.point = north_of_centre(26);
  const PostId too_far = add_post(far);
  std::sort(made.begin(), made.end());
  for (const auto& [km, id] : made) by_km.push_back(id);

  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto all =
        TRY(transaction.posts().list_near(in_network(network), kCentre, 25, 50, std::nullopt));
    EXPECT_EQ(ids_of(all), by_km);
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_NEAR(all[i].distance_km, made[i].first, 0.01) << i;
      EXPECT_NEAR(all[i].distance_km, geo::distance_km(kCentre, all[i].post.point), 1e-6);
      // Whole posts, private fields included (the caller decides what to show).
      EXPECT_EQ(all[i].post.contact.email, "sam@example.org");
    }
    const std::vector<PostId> listed = ids_of(all);
    EXPECT_EQ(std::count(listed.begin(), listed.end(), too_far), 0);
    // A wider circle takes the far one in, last.
    EXPECT_EQ(ids_of(TRY(transaction.posts().list_near(in_network(network), kCentre, 30, 50,
                                                       std::nullopt)))
                  .back(),
              too_far);
    // Pages of two, each strictly after the last one's (distance, id).
    std::vector<PostId> paged;
    std::optional<NearCursor> after;
    for (int page = 0; page < 10; ++page) {
      const auto found =
          TRY(transaction.posts().list_near(in_network(network), kCentre, 25, 2, after));
      EXPECT_LE(found.size(), 2u);
      if (found.empty()) break;
      for (const NearPost& near : found) paged.push_back(near.post.id);
      after = NearCursor{found.back().separation, found.back().post.id};
    }
    EXPECT_EQ(paged, by_km);
    // A cursor at the tie's first post (3 km, the third and fourth) gives the second next.
    const auto tie =
        TRY(transaction.posts().list_near(in_network(network), kCentre, 25, 4, std::nullopt));
    if (tie.size() != 4) return fail(ErrorCode::kInternal, "expected four posts");
    EXPECT_EQ(tie[2].separation, tie[3].separation);
    EXPECT_LT(tie[2].post.id, tie[3].post.id);
    const auto after_tie = TRY(transaction.posts().list_near(
        in_network(network), kCentre, 25, 1, NearCursor{tie[2].separation, tie[2].post.id}));
    EXPECT_EQ(ids_of(after_tie), std::vector<PostId>{tie[3].post.id});
    // No room, nothing.
    EXPECT_TRUE(
        TRY(transaction.posts().list_near(in_network(network), kCentre, 25, 0, std::nullopt))
            .empty());
    return {};
  }));
}

TEST_P(StoreContract, NearAndBoxQueriesApplyEveryFilter) {
  const NetworkId network = add_network();
  const NetworkId other = add_network("elsewhere");
  Post base = sample_post(network);
  base.point = north_of_centre(2);
  const PostId wanted = add_post(base);
  Post offer = base;
  offer.kind = PostKind::kOffer;
  const PostId an_offer = add_post(offer);
  Post ride = base;
  ride.category = "transport";
  const PostId a_ride = add_post(ride);
  Post today = base;
  today.urgency = Urgency::kToday;
  const PostId urgent = add_post(today);
  Post done = base;
  done.status = PostStatus::kFulfilled;
  const PostId fulfilled = add_post(done);
  const PostId hidden = add_post(base);
  Post theirs = sample_post(other);
  theirs.point = base.point;
  const PostId other_network = add_post(theirs);
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.posts().set_hidden(hidden, Hidden{1790000000, ModerationReason::kSpam});
  }));

  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto near = [&](const PostFilter& filter) -> Result<std::vector<PostId>> {
      return ids_of(TRY(transaction.posts().list_near(filter, kCentre, 25, 50, std::nullopt)));
    };
    const auto boxed = [&](const PostFilter& filter) -> Result<std::vector<PostId>> {
      return ids_of(TRY(transaction.posts().list_in_box(filter, geo::box_around(kCentre, 25))));
    };
    // Same distance for all: id order.
    PostFilter all = in_network(network);
    const std::vector<PostId> every{wanted, an_offer, a_ride, urgent, fulfilled, hidden};
    EXPECT_EQ(TRY(near(all)), every);
    EXPECT_EQ(TRY(boxed(all)), every);
    // Any network when none is named.
    std::vector<PostId> everywhere = every;
    everywhere.push_back(other_network);
    EXPECT_EQ(TRY(near(PostFilter{})), everywhere);
    EXPECT_EQ(TRY(boxed(PostFilter{})), everywhere);
    EXPECT_EQ(TRY(near(in_network(other))), std::vector<PostId>{other_network});

    PostFilter narrow = all;
    narrow.kind = PostKind::kRequest;
    narrow.category = "food";
    narrow.urgency = Urgency::kWeek;
    narrow.statuses = {PostStatus::kOpen};
    narrow.visibility = PostFilter::Visibility::kPublic;
    EXPECT_EQ(TRY(near(narrow)), std::vector<PostId>{wanted});
    EXPECT_EQ(TRY(boxed(narrow)), std::vector<PostId>{wanted});

    PostFilter offers = all;
    offers.kind = PostKind::kOffer;
    EXPECT_EQ(TRY(near(offers)), std::vector<PostId>{an_offer});
    PostFilter rides = all;
    rides.category = "transport";
    EXPECT_EQ(TRY(near(rides)), std::vector<PostId>{a_ride});
    PostFilter urgent_only = all;
    urgent_only.urgency = Urgency::kToday;
    EXPECT_EQ(TRY(near(urgent_only)), std::vector<PostId>{urgent});
    PostFilter finished = all;
    finished.statuses = {PostStatus::kFulfilled, PostStatus::kClosed};
    EXPECT_EQ(TRY(near(finished)), std::vector<PostId>{fulfilled});
    EXPECT_EQ(TRY(boxed(finished)), std::vector<PostId>{fulfilled});
    PostFilter live = all;
    live.statuses = {PostStatus::kOpen, PostStatus::kMatched};
    EXPECT_EQ(TRY(near(live)), (std::vector<PostId>{wanted, an_offer, a_ride, urgent, hidden}));
    // Statuses with a gap between them (open and fulfilled, not matched).
    PostFilter gap = all;
    gap.statuses = {PostStatus::kFulfilled, PostStatus::kOpen};
    EXPECT_EQ(TRY(near(gap)), every);
    EXPECT_EQ(TRY(boxed(gap)), every);
    gap.visibility = PostFilter::Visibility::kPublic;
    EXPECT_EQ(TRY(near(gap)), (std::vector<PostId>{wanted, an_offer, a_ride, urgent, fulfilled}));
    EXPECT_EQ(TRY(boxed(gap)), (std::vector<PostId>{wanted, an_offer, a_ride, urgent, fulfilled}));
    gap.statuses = {PostStatus::kMatched, PostStatus::kClosed};
    EXPECT_EQ(TRY(near(gap)), std::vector<PostId>{});
    PostFilter shown = all;
    shown.visibility = PostFilter::Visibility::kPublic;
    EXPECT_EQ(TRY(near(shown)), (std::vector<PostId>{wanted, an_offer, a_ride, urgent, fulfilled}));
    return {};
  }));
}

TEST_P(StoreContract, NearAndBoxQueriesWorkAcrossTheAntimeridian) {
  const NetworkId network = add_network();
  // Taveuni, Fiji: the 180th meridian crosses the island.
  Post east = sample_post(network);
  east.point = {-16.80, 179.95};
  const PostId east_id = add_post(east);
  Post west = sample_post(network);
  west.point = {-16.80, -179.97};
  const PostId west_id = add_post(west);
  Post on_the_line = sample_post(network);
  on_the_line.point = {-16.90, 180};
  const PostId line_id = add_post(on_the_line);
  Post greenwich = sample_post(network);
  greenwich.point = {-16.80, 0};
  add_post(greenwich);
  Post far_west = sample_post(network);
  far_west.point = {-16.80, -179.0};  // about 107 km from the centre below
  const PostId far_west_id = add_post(far_west);

  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const geo::Point centre{-16.80, 179.99};
    const auto near =
        TRY(transaction.posts().list_near(in_network(network), centre, 25, 50, std::nullopt));
    // 179.95 is 4.3 km away, -179.97 is 4.3 km (0.04 degrees across the line), 180 is 11.2 km.
    EXPECT_EQ(near.size(), 3u);
    if (near.size() != 3) return {};
    EXPECT_EQ(near[2].post.id, line_id);
    std::vector<PostId> first_two{near[0].post.id, near[1].post.id};
    std::sort(first_two.begin(), first_two.end());
    EXPECT_EQ(first_two, (std::vector<PostId>{east_id, west_id}));
    for (const NearPost& found : near) {
      EXPECT_NEAR(found.distance_km, geo::distance_km(centre, found.post.point), 1e-6);
      EXPECT_LT(found.distance_km, 12);
    }
    // The same from the other side of the line.
    EXPECT_EQ(TRY(transaction.posts().list_near(in_network(network), {-16.80, -179.99}, 25, 50,
                                                std::nullopt))
                  .size(),
              3u);
    // A box across the line: from 179.9 east to -179.5 west.
    EXPECT_EQ(ids_of(TRY(transaction.posts().list_in_box(in_network(network),
                                                         {-17, -16.5, 179.9, -179.5}))),
              (std::vector<PostId>{east_id, west_id, line_id}));
    EXPECT_EQ(ids_of(TRY(transaction.posts().list_in_box(in_network(network),
                                                         {-17, -16.5, 179.9, -178.5}))),
              (std::vector<PostId>{east_id, west_id, line_id, far_west_id}));
    return {};
  }));
}

TEST_P(StoreContract, PostsThatMoveCloseOrHideMoveOrLeaveNearQueriesAtOnce) {
  const NetworkId network = add_network();
  Post post = sample_post(network);
  post.point = north_of_centre(1);
  const PostId id = add_post(post);
  PostFilter open = in_network(network);
  open.statuses = {PostStatus::kOpen};
  open.visibility = PostFilter::Visibility::kPublic;
  const geo::Point elsewhere{45.68, -111.04};  // Bozeman, about 240 km away
  const auto near = [&](Transaction& transaction, const PostFilter& filter,
                        geo::Point at) -> Result<std::vector<PostId>> {
    return ids_of(TRY(transaction.posts().list_near(filter, at, 25, 50, std::nullopt)));
  };
  const std::vector<PostId> just{id};
  const std::vector<PostId> none;

  // Moved: found at its new place only, in the same transaction and after.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    Post moved = TRY(transaction.posts().find_for_update(id));
    moved.point = {elsewhere.lat + 0.01, elsewhere.lon};
    TRY_STATUS(transaction.posts().update(moved));
    EXPECT_EQ(TRY(near(transaction, open, kCentre)), none);
    EXPECT_EQ(TRY(near(transaction, open, elsewhere)), just);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(near(transaction, open, kCentre)), none);
    EXPECT_EQ(TRY(near(transaction, open, elsewhere)), just);
    EXPECT_EQ(ids_of(TRY(transaction.posts().list_in_box(open, geo::box_around(kCentre, 25)))),
              none);
    return {};
  }));
  // A write that fails changes nothing in the index either.
  const auto failed = store_->write([&](Transaction& transaction) -> Status {
    Post moved = TRY(transaction.posts().find_for_update(id));
    moved.point = kCentre;
    TRY_STATUS(transaction.posts().update(moved));
    Post orphan = sample_post(network);
    orphan.point = kCentre;
    TRY(transaction.posts().insert(orphan));
    return fail(ErrorCode::kConflict, "Rolled back on purpose.");
  });
  ASSERT_FALSE(failed);
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(near(transaction, in_network(network), kCentre)), none);
    return {};
  }));
  // Hidden: gone from public queries, still in the organizers' (kAll).
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.posts().set_hidden(id, Hidden{1790000000, ModerationReason::kUnsafe});
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(near(transaction, open, elsewhere)), none);
    PostFilter organizers = open;
    organizers.visibility = PostFilter::Visibility::kAll;
    EXPECT_EQ(TRY(near(transaction, organizers, elsewhere)), just);
    return {};
  }));
  // Shown again, then closed: gone from open, found among closed.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.posts().set_hidden(id, std::nullopt));
    EXPECT_EQ(TRY(near(transaction, open, elsewhere)), just);
    Post closed = TRY(transaction.posts().find_for_update(id));
    closed.status = PostStatus::kClosed;
    closed.close_reason = CloseReason::kWithdrawn;
    return transaction.posts().update(closed);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    EXPECT_EQ(TRY(near(transaction, open, elsewhere)), none);
    PostFilter closed = in_network(network);
    closed.statuses = {PostStatus::kClosed};
    EXPECT_EQ(TRY(near(transaction, closed, elsewhere)), just);
    return {};
  }));
  // Erased: its personal data goes, its public point and place stay.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.posts().erase_personal_data(id, 1790100000);
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const auto found =
        TRY(transaction.posts().list_near(in_network(network), elsewhere, 25, 50, std::nullopt));
    EXPECT_EQ(ids_of(found), just);
    if (!found.empty()) {
      EXPECT_EQ(found[0].post.contact.email, "");
    }
    return {};
  }));
}

TEST_P(StoreContract, NearQueriesMatchABruteForceRankingOfManyPosts) {
  const NetworkId network = add_network();
  // 400 posts on a fine grid around the centre (many at one point, many
  // nearly as far as one another), some hidden, some closed.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> step(-300, 300);
  std::vector<Post> posts;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    for (int i = 0; i < 400; ++i) {
      Post post = sample_post(network);
      post.point = {kCentre.lat + step(random) * 0.001, kCentre.lon + step(random) * 0.001};
      if (i % 7 == 0) post.status = PostStatus::kClosed;
      post.id = TRY(transaction.posts().insert(post));
      if (i % 11 == 0) {
        TRY_STATUS(transaction.posts().set_hidden(post.id, Hidden{1, ModerationReason::kSpam}));
        post.hidden = Hidden{1, ModerationReason::kSpam};
      }
      posts.push_back(post);
    }
    return {};
  }));
  PostFilter filter = in_network(network);
  filter.statuses = {PostStatus::kOpen};
  filter.visibility = PostFilter::Visibility::kPublic;
  for (const geo::Point from : {kCentre, geo::Point{kCentre.lat + 0.1, kCentre.lon - 0.05}}) {
    for (double radius : {8.0, 15.0, 40.0}) {
      const geo::UnitVector at = geo::to_unit_vector(from);
      std::vector<std::pair<double, PostId>> expected;
      for (const Post& post : posts) {
        if (post.status != PostStatus::kOpen || post.hidden) continue;
        const double separation = geo::separation(at, geo::to_unit_vector(post.point));
        if (separation <= geo::separation_for_km(radius)) expected.push_back({separation, post.id});
      }
      std::sort(expected.begin(), expected.end());
      std::vector<PostId> expected_ids;
      for (const auto& [separation, id] : expected) expected_ids.push_back(id);
      EXPECT_GT(expected_ids.size(), 7u) << radius;  // more than a page
      ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
        std::vector<PostId> paged;
        std::optional<NearCursor> after;
        for (int page = 0; page < 100; ++page) {
          const auto found = TRY(transaction.posts().list_near(filter, from, radius, 7, after));
          for (const NearPost& near : found) paged.push_back(near.post.id);
          if (found.size() < 7) break;
          after = NearCursor{found.back().separation, found.back().post.id};
        }
        EXPECT_EQ(paged, expected_ids) << radius;
        return {};
      }));
    }
  }
}

}  // namespace
}  // namespace gapfill::store::contract
