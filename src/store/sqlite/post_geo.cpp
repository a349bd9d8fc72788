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

}  // namespace

std::string post_geo_box_sql(const PostFilter& filter) {
  // The tree's dimensions narrow the walk (point, network, statuses, kind);
  // the auxiliary columns then decide exactly. A discrete value v is stored
  // as [v, v + 0.5], so "holds v" is min <= v AND max >= v.
  std::string sql =
      "SELECT id, lat, lon FROM post_geo"
      " WHERE min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?"
      " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?";
  if (filter.network_id != 0)
    sql += " AND min_network <= ? AND max_network >= ? AND network_id = ?";
  if (!filter.statuses.empty()) {
    sql += " AND min_status <= ? AND max_status >= ? AND status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
  }
  if (filter.kind) sql += " AND min_kind <= ? AND max_kind >= ? AND kind = ?";
  if (filter.category) sql += " AND category = ?";
  if (filter.urgency) sql += " AND urgency = ?";
  if (filter.visibility == PostFilter::Visibility::kPublic) sql += " AND hidden = 0";
  return sql;
}

void bind_post_geo_box(Statement& statement, const PostFilter& filter,
                       const geo::BoundingBox& box) {
  statement.start_at(1);
  statement.add(box.max_lat + kPostGeoMargin)
      .add(box.min_lat - kPostGeoMargin)
      .add(box.max_lon + kPostGeoMargin)
      .add(box.min_lon - kPostGeoMargin);
  statement.add(box.min_lat).add(box.max_lat).add(box.min_lon).add(box.max_lon);
  if (filter.network_id != 0) {
    statement.add(filter.network_id).add(filter.network_id).add(filter.network_id);
  }
  if (!filter.statuses.empty()) {
    int lowest = 3, highest = 0;
    for (PostStatus status : filter.statuses) {
      lowest = std::min(lowest, status_code(status));
      highest = std::max(highest, status_code(status));
    }
    statement.add(highest).add(lowest);
    for (PostStatus status : filter.statuses) statement.add(status_code(status));
  }
  if (filter.kind) {
    const int kind = *filter.kind == PostKind::kRequest ? 0 : 1;
    statement.add(kind).add(kind).add(to_string(*filter.kind));
  }
  if (filter.category) statement.add(*filter.category);
  if (filter.urgency) statement.add(to_string(*filter.urgency));
}

Result<std::vector<GeoCandidate>> posts_in_box(Database& db, const PostFilter& filter,
                                               const geo::BoundingBox& box) {
  // A box across the antimeridian is two: up to 180 and from -180.
  std::vector<geo::BoundingBox> parts;
  if (box.crosses_antimeridian()) {
    parts.push_back({box.min_lat, box.max_lat, box.min_lon, 180});
    parts.push_back({box.min_lat, box.max_lat, -180, box.max_lon});
  } else {
    parts.push_back(box);
  }
  std::vector<GeoCandidate> found;
  const std::string sql = post_geo_box_sql(filter);
  for (const geo::BoundingBox& part : parts) {
    auto statement = TRY(db.prepare(sql));
    bind_post_geo_box(statement, filter, part);
    while (TRY(statement.step())) {
      found.push_back({statement.int64(0), {statement.real(1), statement.real(2)}});
    }
  }
  return found;
}

}  // namespace gapfill::store::sqlite
