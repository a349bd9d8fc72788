#pragma once
// The spatial index of posts in SQLite: the R*Tree `post_geo` (migration
// kMigrationPostGeo), one entry per post of any status, kept in step with
// `posts` by triggers in the same transaction. Every query by place goes
// through it, never through a scan of `posts`.
//
// R*Tree coordinates are 32-bit floats, rounded outwards when stored; the
// tree is asked for a box widened by kPostGeoMargin, and the exact point,
// kept beside it as auxiliary columns, decides.

#include <string>
#include <vector>

#include "base/error.hpp"
#include "engine/geo.hpp"
#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sqlite {

// Degrees added around a query box for the float rounding of the tree
// (a float's step is under 2e-5 degrees at 180; this is about 11 m).
inline constexpr double kPostGeoMargin = 1e-4;

// A post the index found: its id and its exact public point.
struct GeoCandidate {
  PostId id = 0;
  geo::Point point;
};

// The SELECT that asks the tree for one box that does not cross the
// antimeridian, with the filter; bind_post_geo_box binds it. Public so that
// a test can EXPLAIN the very query the store runs.
std::string post_geo_box_sql(const PostFilter& filter);
void bind_post_geo_box(Statement& statement, const PostFilter& filter, const geo::BoundingBox& box);

// Every post matching the filter whose exact point lies in the box (which
// may cross the antimeridian), in no promised order.
Result<std::vector<GeoCandidate>> posts_in_box(Database& db, const PostFilter& filter,
                                               const geo::BoundingBox& box);

}  // namespace gapfill::store::sqlite
