#pragma once
// A uniform latitude/longitude grid of points, for "what is within R km of
// here" over many points without a database scan. Not thread-safe: the owner
// guards it.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/geo.hpp"

namespace gapfill::geo {

class SpatialGrid {
 public:
  // `cell_degrees` trades memory for query work: cells much smaller than a
  // typical query radius mean more cells to visit, much larger ones more
  // points to test. 0.1 degree is about 11 km.
  explicit SpatialGrid(double cell_degrees = 0.1);

  // Adds `id` at `p`. An id may be added once; add it again only after erase.
  void insert(std::int64_t id, Point p);

  // Removes `id`, which must have been inserted at `p`. Returns false if absent.
  bool erase(std::int64_t id, Point p);

  std::size_t size() const { return size_; }

  // Calls visit(id, distance_km) for every point within `radius_km` of
  // `centre`, in no particular order.
  template <typename Visit>
  void for_each_within(Point centre, double radius_km, Visit&& visit) const;

 private:
  struct Entry {
    std::int64_t id;
    double lat, lon;
  };
  std::int64_t cell_key(int row, int column) const {
    return static_cast<std::int64_t>(row) * columns_ + column;
  }
  int row_of(double lat) const;
  int column_of(double lon) const;

  double cell_degrees_;
  int rows_, columns_;
  std::size_t size_ = 0;
  std::unordered_map<std::int64_t, std::vector<Entry>> cells_;
};

template <typename Visit>
void SpatialGrid::for_each_within(Point centre, double radius_km, Visit&& visit) const {
  const BoundingBox box = box_around(centre, radius_km);
  const int first_row = row_of(box.min_lat), last_row = row_of(box.max_lat);
  auto scan_columns = [&](int first_column, int last_column) {
    for (int row = first_row; row <= last_row; ++row) {
      for (int column = first_column; column <= last_column; ++column) {
        const auto found = cells_.find(cell_key(row, column));
        if (found == cells_.end()) continue;
        for (const Entry& entry : found->second) {
          const double d = distance_km(centre, Point{entry.lat, entry.lon});
          if (d <= radius_km) visit(entry.id, d);
        }
      }
    }
  };
  if (box.crosses_antimeridian()) {
    scan_columns(column_of(box.min_lon), columns_ - 1);
    scan_columns(0, column_of(box.max_lon));
  } else {
    scan_columns(column_of(box.min_lon), column_of(box.max_lon));
  }
}

}  // namespace gapfill::geo
