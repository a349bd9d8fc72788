#pragma once
// What a spatial query of posts gives the shared post repository, whatever
// index the engine keeps: SQLite's R*Tree (store/sqlite/post_geo.hpp) or
// PostGIS's GiST index on posts.public_point (store/postgres/post_geo.cpp).

#include "engine/geo.hpp"
#include "store/store.hpp"

namespace gapfill::store::sql {

// What a query reads: only the index's own nodes, whose point may be off by
// up to kPostGeoSlackKm (SQLite's float boxes), or the exact point.
enum class GeoRead { kTree, kExact };

// The most an index entry's point (kTree) can be from the exact one, in km,
// with room to spare: the margin SQLite's R*Tree adds for its 32-bit floats,
// 1e-4 degrees of latitude.
inline constexpr double kPostGeoSlackKm = 1e-4 * 111.2;

// One entry the index gave.
struct GeoEntry {
  PostId id = 0;
  geo::Point point;  // kExact: the exact point; kTree: within kPostGeoSlackKm of it
};

}  // namespace gapfill::store::sql
