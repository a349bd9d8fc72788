#include "engine/spatial_grid.hpp"

#include <algorithm>
#include <cmath>

namespace gapfill::geo {

SpatialGrid::SpatialGrid(double cell_degrees)
    : cell_degrees_(cell_degrees),
      rows_(static_cast<int>(std::ceil(180.0 / cell_degrees))),
      columns_(static_cast<int>(std::ceil(360.0 / cell_degrees))) {}

int SpatialGrid::row_of(double lat) const {
  return std::clamp(static_cast<int>(std::floor((lat + 90.0) / cell_degrees_)), 0, rows_ - 1);
}

int SpatialGrid::column_of(double lon) const {
  return std::clamp(static_cast<int>(std::floor((lon + 180.0) / cell_degrees_)), 0, columns_ - 1);
}

void SpatialGrid::insert(std::int64_t id, Point p) {
  cells_[cell_key(row_of(p.lat), column_of(p.lon))].push_back(Entry{id, p.lat, p.lon});
  ++size_;
}

bool SpatialGrid::erase(std::int64_t id, Point p) {
  const auto found = cells_.find(cell_key(row_of(p.lat), column_of(p.lon)));
  if (found == cells_.end()) return false;
  auto& entries = found->second;
  const auto it = std::find_if(entries.begin(), entries.end(),
                               [id](const Entry& entry) { return entry.id == id; });
  if (it == entries.end()) return false;
  *it = entries.back();
  entries.pop_back();
  if (entries.empty()) cells_.erase(found);
  --size_;
  return true;
}

}  // namespace gapfill::geo
