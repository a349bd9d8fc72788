#pragma once
// The spatial index of posts in SQLite: the R*Tree `post_geo` (migration
// kMigrationPostGeo), one entry per post of any status, kept in step with
// `posts` by triggers in the same transaction. Every query by place goes
// through it, never through a scan of `posts`.
//
// The tree's five dimensions are the point (lat, lon), the network, the
// status and the kind. A discrete value v is stored as [v, v + 0.5] (an
// R*Tree needs volume to choose well), so "holds v" is min <= v AND max >= v.
// The status dimension is the status's code (open 0, matched 1, fulfilled 2,
// closed 3) plus 4 when organizers hid the post, so public queries leave
// hidden posts out in the tree itself.
//
// R*Tree coordinates are 32-bit floats, rounded outwards when stored: the
// tree is asked for a box widened by kPostGeoMargin, and an entry's box holds
// its exact point, which is kept beside it as an auxiliary column (with the
// network, status, kind, category, urgency and hidden flag, exactly).

#include <string>
#include <vector>

#include "base/error.hpp"
#include "engine/geo.hpp"
#include "store/sql/post_geo.hpp"
#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sqlite {

// Degrees added around a query box for the float rounding of the tree
// (a float's step is under 2e-5 degrees at 180; this is about 11 m).
inline constexpr double kPostGeoMargin = 1e-4;
// The most an entry's float box (its centre) can be from its exact point is
// sql::kPostGeoSlackKm, kPostGeoMargin in km.
static_assert(sql::kPostGeoSlackKm >= kPostGeoMargin * 111.2);

// What a query reads (sql::GeoRead): kTree, only the tree's own nodes (the
// float box; no auxiliary column unless a category or urgency filter needs
// one), each entry's point the centre of its float box; or kExact, the exact
// point from the auxiliary columns (one more read per entry).
using sql::GeoEntry;
using sql::GeoRead;

// The SELECT that asks the tree for one box that does not cross the
// antimeridian, with the filter; bind_post_geo_box binds it. Public so that
// a test can EXPLAIN the very query the store runs.
std::string post_geo_box_sql(const PostFilter& filter, GeoRead read);
void bind_post_geo_box(Statement& statement, const PostFilter& filter, const geo::BoundingBox& box,
                       GeoRead read);

// Every post matching the filter whose point lies in the box (which may
// cross the antimeridian), in no promised order. kExact: exactly those.
// kTree: also those whose float box meets the box widened by kPostGeoMargin,
// so the caller decides on the exact point; every filter is exact either way.
Result<std::vector<GeoEntry>> posts_in_box(Database& db, const PostFilter& filter,
                                           const geo::BoundingBox& box, GeoRead read);

}  // namespace gapfill::store::sqlite
