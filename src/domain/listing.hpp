#pragma once
// Listings of posts: the query, its cursor and one page of results. The
// same shapes whether the in-memory index or the store answers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/model.hpp"

namespace gapfill::domain {

// What a public listing shows of a post, and nothing more.
struct ListedPost {
  PostId id = 0;
  UnixSeconds created_at = 0;
  UnixSeconds waiting_since = 0;
  std::optional<UnixSeconds> window_from;
  std::optional<UnixSeconds> window_to;
  std::optional<std::int64_t> quantity;
  geo::Point point;
  std::string category;
  std::string title;
  PostKind kind = PostKind::kRequest;
  Urgency urgency = Urgency::kFlexible;
  PostStatus status = PostStatus::kOpen;
};

ListedPost to_listed(const Post& post);

// Keyset position: by distance (then id) when the listing is near a point,
// else by creation time (newest first, then id descending). Distance is kept
// as geo::separation, which orders exactly as kilometres do.
struct ListCursor {
  bool by_distance = false;
  double separation = 0;
  UnixSeconds created_at = 0;
  PostId id = 0;
};

// An opaque, URL-safe form of a cursor, and back (nullopt when not ours).
std::string encode_cursor(const ListCursor& cursor);
std::optional<ListCursor> decode_cursor(const std::string& text);

struct ListQuery {
  NetworkId network_id = 0;
  std::optional<PostKind> kind;
  std::optional<std::string> category;
  std::optional<Urgency> urgency;
  PostStatus status = PostStatus::kOpen;
  std::optional<geo::Point> near;
  double radius_km = 0;
  int limit = 0;
  std::optional<ListCursor> after;
};

struct ListItem {
  ListedPost post;
  std::optional<double> distance_km;  // when the query was near a point
  double separation = 0;              // the same distance, as geo::separation
};

// An item found `separation` away from the query's point.
ListItem near_item(const ListedPost& post, double separation);

struct ListPage {
  std::vector<ListItem> items;
  std::optional<ListCursor> next;
};

// True when `a` comes before `b` in the listing's order.
bool comes_before(const ListCursor& a, const ListCursor& b);
ListCursor cursor_of(const ListItem& item);

}  // namespace gapfill::domain
