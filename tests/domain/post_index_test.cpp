// The read model must answer exactly what a straightforward scan answers,
// page after page.

#include "domain/post_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace gapfill::domain {
namespace {

std::vector<Post> random_posts(int count) {
  std::mt19937 random(42);
  std::normal_distribution<double> spread(0, 0.15);
  std::uniform_int_distribution<int> pick(0, 99);
  const char* categories[] = {"food", "clothing", "transport"};
  std::vector<Post> posts;
  for (int i = 1; i <= count; ++i) {
    Post post;
    post.id = i;
    post.network_id = 1 + pick(random) % 2;
    post.kind = pick(random) < 60 ? PostKind::kRequest : PostKind::kOffer;
    post.category = categories[pick(random) % 3];
    post.title = "Post " + std::to_string(i);
    post.point = geo::snap_to_grid({46.87 + spread(random), -113.99 + spread(random)}, 0.01);
    post.created_at = 1790000000 + pick(random) * 60;  // many equal times: ties by id
    post.urgency = static_cast<Urgency>(pick(random) % 3);
    const int status = pick(random);
    post.status = status < 60   ? PostStatus::kOpen
                  : status < 80 ? PostStatus::kMatched
                  : status < 90 ? PostStatus::kFulfilled
                                : PostStatus::kClosed;
    posts.push_back(post);
  }
  return posts;
}

std::vector<PostId> scan(const std::vector<Post>& posts, const ListQuery& query) {
  std::vector<std::pair<ListCursor, PostId>> found;
  for (const Post& post : posts) {
    if (post.network_id != query.network_id || post.status != query.status) continue;
    if (query.kind && post.kind != *query.kind) continue;
    if (query.category && post.category != *query.category) continue;
    if (query.urgency && post.urgency != *query.urgency) continue;
    ListCursor position{false, 0, post.created_at, post.id};
    if (query.near) {
      position.by_distance = true;
      // The radius by the textbook haversine; the order by separation.
      if (geo::distance_km(*query.near, post.point) > query.radius_km) continue;
      position.separation =
          geo::separation(geo::to_unit_vector(*query.near), geo::to_unit_vector(post.point));
    }
    found.emplace_back(position, post.id);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return comes_before(a.first, b.first); });
  std::vector<PostId> ids;
  for (const auto& [position, id] : found) ids.push_back(id);
  return ids;
}

std::vector<PostId> page_through(const PostIndex& index, ListQuery query) {
  std::vector<PostId> ids;
  for (int pages = 0; pages < 1000; ++pages) {
    const ListPage page = index.list(query);
    for (const auto& item : page.items) {
      ids.push_back(item.post.id);
      if (query.near) {
        EXPECT_NEAR(*item.distance_km, geo::distance_km(*query.near, item.post.point), 1e-6);
      }
    }
    EXPECT_LE(page.items.size(), static_cast<std::size_t>(query.limit));
    if (!page.next) break;
    // Through the wire form, as a client would.
    query.after = decode_cursor(encode_cursor(*page.next));
    EXPECT_TRUE(query.after.has_value());
  }
  return ids;
}

TEST(PostIndex, PagesMatchAScanForEveryKindOfQuery) {
  auto posts = random_posts(3000);
  PostIndex index;
  for (const Post& post : posts) index.apply(post);

  std::vector<ListQuery> queries;
  for (PostStatus status : {PostStatus::kOpen, PostStatus::kMatched}) {
    ListQuery newest;
    newest.network_id = 1;
    newest.status = status;
    newest.limit = 37;
    queries.push_back(newest);
    ListQuery filtered = newest;
    filtered.kind = PostKind::kOffer;
    filtered.category = "transport";
    filtered.limit = 5;
    queries.push_back(filtered);
    ListQuery near = newest;
    near.near = geo::Point{46.9, -114.0};
    near.radius_km = 12;
    near.limit = 50;
    queries.push_back(near);
    ListQuery near_filtered = near;
    near_filtered.kind = PostKind::kRequest;
    near_filtered.radius_km = 500;
    near_filtered.limit = 100;
    queries.push_back(near_filtered);
    ListQuery today = newest;
    today.urgency = Urgency::kToday;
    today.limit = 11;
    queries.push_back(today);
    ListQuery near_this_week = near;
    near_this_week.urgency = Urgency::kWeek;
    near_this_week.category = "food";
    near_this_week.limit = 7;
    queries.push_back(near_this_week);
  }
  for (const auto& query : queries) {
    EXPECT_EQ(page_through(index, query), scan(posts, query));
  }
}

TEST(PostIndex, FollowsStatusChangesAndDropsPostsThatAreNoLongerLive) {
  auto posts = random_posts(200);
  PostIndex index;
  for (const Post& post : posts) index.apply(post);
  for (Post& post : posts) {
    if (post.id % 3 == 0) {
      post.status = PostStatus::kClosed;
      index.apply(post);
    } else if (post.id % 3 == 1) {
      post.status = PostStatus::kOpen;
      post.point = geo::snap_to_grid({47.0, -114.2}, 0.01);  // moved
      index.apply(post);
    }
  }
  const auto live = std::count_if(posts.begin(), posts.end(), [](const Post& p) {
    return p.status == PostStatus::kOpen || p.status == PostStatus::kMatched;
  });
  EXPECT_EQ(index.size(), static_cast<std::size_t>(live));
  ListQuery query;
  query.network_id = 2;
  query.limit = 100;
  query.near = geo::Point{47.0, -114.2};
  query.radius_km = 3;
  EXPECT_EQ(page_through(index, query), scan(posts, query));
}

// The open counts, kept by apply(), equal a count over the posts as they are.
TEST(PostIndex, KeepsOpenCountsInStepWithEveryChange) {
  auto posts = random_posts(500);
  PostIndex index;
  for (const Post& post : posts) index.apply(post);
  for (Post& post : posts) {
    if (post.id % 4 == 0) {
      post.status = PostStatus::kMatched;
      index.apply(post);
    } else if (post.id % 4 == 1) {
      post.status = PostStatus::kOpen;
      post.category = "food";  // an edit moves it to another category
      index.apply(post);
    } else if (post.id % 7 == 0) {
      post.status = PostStatus::kClosed;
      index.apply(post);
      index.apply(post);  // applying twice changes nothing
    }
  }
  for (NetworkId network : {1, 2}) {
    PostIndex::OpenCounts expected;
    for (const Post& post : posts) {
      if (post.network_id != network || post.status != PostStatus::kOpen) continue;
      if (post.kind == PostKind::kOffer) {
        ++expected.offers;
      } else {
        ++expected.requests;
        ++expected.requests_by_category[post.category];
      }
    }
    const PostIndex::OpenCounts counts = index.open_counts(network);
    EXPECT_EQ(counts.requests, expected.requests);
    EXPECT_EQ(counts.offers, expected.offers);
    EXPECT_EQ(counts.requests_by_category, expected.requests_by_category);
  }
  EXPECT_EQ(index.open_counts(99).requests, 0);
}

TEST(ListCursor, RoundTripsAndRejectsForgeries) {
  const ListCursor by_time{false, 0, 1790000000, 17};
  const auto decoded = decode_cursor(encode_cursor(by_time));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->created_at, 1790000000);
  EXPECT_EQ(decoded->id, 17);
  const ListCursor by_distance{true, 0.314159265358979, 0, 99};
  const auto exact = decode_cursor(encode_cursor(by_distance));
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->separation, by_distance.separation);  // bit for bit
  for (const char* forged :
       {"", "!!!!", "dDo", "eDoxOjE", "dDoxOjA", "dDp4eXo6MQ", "ZDpmZmZmZmZmZmZmZmZmZmZmOjE"}) {
    EXPECT_FALSE(decode_cursor(forged).has_value()) << forged;
  }
}

}  // namespace
}  // namespace gapfill::domain
