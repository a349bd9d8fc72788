#include "store/sqlite/post_geo.hpp"

#include <algorithm>

namespace gapfill::store::sqlite {
namespace {

// The status as the index keeps it (the migration's CASE).
int status_code(PostStatus status) {
  switch (status) {
    case PostStatus::kOpen:
      return 0;
    case PostStatus::kMatched:
      return 1;
    case PostStatus::kFulfilled:
      return 2;
    case PostStatus::kClosed:
      return 3;
  }
  return 3;
}
constexpr int kHiddenCode = 4;  // added to the status code of a hidden post

// Network ids a float holds exactly (and n + 0.5 too); past this the tree's
// bound is only a hint and the auxiliary column decides.
constexpr NetworkId kExactNetworkIds = NetworkId{1} << 22;

bool public_only(const PostFilter& filter) {
  return filter.visibility == PostFilter::Visibility::kPublic;
}

// The range of status codes the tree is asked for.
std::pair<int, int> status_range(const PostFilter& filter) {
  int lowest = 0, highest = 3;
  if (!filter.statuses.empty()) {
    lowest = 3;
    highest = 0;
    for (PostStatus status : filter.statuses) {
      lowest = std::min(lowest, status_code(status));
      highest = std::max(highest, status_code(status));
    }
  }
  return {lowest, public_only(filter) ? highest : highest + kHiddenCode};
}

// True when the tree's range holds codes the filter does not want (a gap
// in the statuses, or a hidden twin in the middle of a kAll range).
bool needs_status_check(const PostFilter& filter) {
  const auto [lowest, highest] = status_range(filter);
  return highest - lowest + 1 !=
         static_cast<int>(filter.statuses.empty()
                              ? (public_only(filter) ? 4 : 8)
                              : filter.statuses.size() * (public_only(filter) ? 1 : 2));
}

}  // namespace

std::string post_geo_box_sql(const PostFilter& filter, GeoRead read) {
  std::string sql = read == GeoRead::kExact
                        ? "SELECT id, lat, lon FROM post_geo"
                        : "SELECT id, min_lat, max_lat, min_lon, max_lon FROM post_geo";
  sql +=
      " WHERE min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?"
      " AND min_status <= ? AND max_status >= ?";
  if (read == GeoRead::kExact) sql += " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?";
  if (filter.network_id != 0) {
    sql += " AND min_network <= ? AND max_network >= ?";
    if (filter.network_id >= kExactNetworkIds) sql += " AND network_id = ?";
  }
  if (needs_status_check(filter)) {
    sql += " AND status IN (";
    if (filter.statuses.empty()) {
      sql += "0, 1, 2, 3";
    } else {
      for (std::size_t i = 0; i < filter.statuses.size(); ++i) sql += i == 0 ? "?" : ", ?";
    }
    sql += ")";
    if (public_only(filter)) sql += " AND hidden = 0";
  }
  if (filter.kind) sql += " AND min_kind <= ? AND max_kind >= ?";
  if (filter.category) sql += " AND category = ?";
  if (filter.urgency) sql += " AND urgency = ?";
  return sql;
}

void bind_post_geo_box(Statement& statement, const PostFilter& filter, const geo::BoundingBox& box,
                       GeoRead read) {
  statement.start_at(1);
  statement.add(box.max_lat + kPostGeoMargin)
      .add(box.min_lat - kPostGeoMargin)
      .add(box.max_lon + kPostGeoMargin)
      .add(box.min_lon - kPostGeoMargin);
  const auto [lowest, highest] = status_range(filter);
  statement.add(highest).add(lowest);
  if (read == GeoRead::kExact) {
    statement.add(box.min_lat).add(box.max_lat).add(box.min_lon).add(box.max_lon);
  }
  if (filter.network_id != 0) {
    statement.add(filter.network_id).add(filter.network_id);
    if (filter.network_id >= kExactNetworkIds) statement.add(filter.network_id);
  }
  if (needs_status_check(filter)) {
    for (PostStatus status : filter.statuses) statement.add(status_code(status));
  }
  if (filter.kind) {
    const int kind = *filter.kind == PostKind::kRequest ? 0 : 1;
    statement.add(kind).add(kind);
  }
  if (filter.category) statement.add(*filter.category);
  if (filter.urgency) statement.add(to_string(*filter.urgency));
}

Result<std::vector<GeoEntry>> posts_in_box(Database& db, const PostFilter& filter,
                                           const geo::BoundingBox& box, GeoRead read) {
  // A box across the antimeridian is two: up to 180 and from -180.
  std::vector<geo::BoundingBox> parts;
  if (box.crosses_antimeridian()) {
    parts.push_back({box.min_lat, box.max_lat, box.min_lon, 180});
    parts.push_back({box.min_lat, box.max_lat, -180, box.max_lon});
  } else {
    parts.push_back(box);
  }
  std::vector<GeoEntry> found;
  const std::string sql = post_geo_box_sql(filter, read);
  for (const geo::BoundingBox& part : parts) {
    auto statement = TRY(db.prepare(sql));
    bind_post_geo_box(statement, filter, part, read);
    while (TRY(statement.step())) {
      GeoEntry entry;
      entry.id = statement.int64(0);
      if (read == GeoRead::kExact) {
        entry.point = {statement.real(1), statement.real(2)};
      } else {
        entry.point = {(statement.real(1) + statement.real(2)) / 2,
                       (statement.real(3) + statement.real(4)) / 2};
      }
      found.push_back(entry);
    }
  }
  if (read == GeoRead::kTree && parts.size() == 2) {
    // Widened by the margin, the two halves can meet the same entry at the line.
    std::sort(found.begin(), found.end(),
              [](const GeoEntry& a, const GeoEntry& b) { return a.id < b.id; });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const GeoEntry& a, const GeoEntry& b) { return a.id == b.id; }),
                found.end());
  }
  return found;
}

}  // namespace gapfill::store::sqlite
