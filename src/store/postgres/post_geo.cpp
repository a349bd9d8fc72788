// posts_in_box on PostgreSQL: the GiST index on posts.public_point (a PostGIS
// geometry generated from lat and lon, store/postgres/migrations.cpp) finds
// the box; lat and lon themselves decide exactly, since the index and the &&
// operator compare single-precision boxes.

#include <algorithm>

#include "store/postgres/database.hpp"
#include "store/sql/post_filter.hpp"

namespace gapfill::store::postgres {

Result<std::vector<sql::GeoEntry>> Database::posts_in_box(const PostFilter& filter,
                                                          const geo::BoundingBox& box,
                                                          sql::GeoRead /*read*/) {
  // A box across the antimeridian is two: up to 180 and from -180.
  std::vector<geo::BoundingBox> parts;
  if (box.crosses_antimeridian()) {
    parts.push_back({box.min_lat, box.max_lat, box.min_lon, 180});
    parts.push_back({box.min_lat, box.max_lat, -180, box.max_lon});
  } else {
    parts.push_back(box);
  }
  const std::string sql = "SELECT id, lat, lon FROM posts WHERE " + sql::filter_clause(filter) +
                          " AND public_point && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                          " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?";
  std::vector<sql::GeoEntry> found;
  for (const geo::BoundingBox& part : parts) {
    auto statement = TRY(prepare(sql));
    sql::bind_filter(statement, filter);
    // The envelope a little wider than the box, for the index's float boxes.
    constexpr double kMargin = 1e-4;
    statement.add(part.min_lon - kMargin)
        .add(part.min_lat - kMargin)
        .add(part.max_lon + kMargin)
        .add(part.max_lat + kMargin)
        .add(part.min_lat)
        .add(part.max_lat)
        .add(part.min_lon)
        .add(part.max_lon);
    while (TRY(statement.step())) {
      found.push_back({statement.int64(0), {statement.real(1), statement.real(2)}});
    }
  }
  if (parts.size() == 2) {  // a point on the line itself is in both halves
    std::sort(found.begin(), found.end(),
              [](const sql::GeoEntry& a, const sql::GeoEntry& b) { return a.id < b.id; });
    found.erase(
        std::unique(found.begin(), found.end(),
                    [](const sql::GeoEntry& a, const sql::GeoEntry& b) { return a.id == b.id; }),
        found.end());
  }
  return found;
}

}  // namespace gapfill::store::postgres
