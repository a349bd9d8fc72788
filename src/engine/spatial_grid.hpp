#pragma once
// A uniform latitude/longitude grid of points, each with a small payload, for
// "what is within R km of here" over many points without a database scan.
// Each cell keeps its points' unit vectors and payloads side by side, so a
// query walks contiguous memory and does no trigonometry per point. Not
// thread-safe: the owner guards it.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/geo.hpp"

namespace gapfill::geo {

template <typename Payload>
class SpatialGrid {
 public:
  // `cell_degrees` trades memory for query work: cells much smaller than a
  // typical query radius mean more cells to visit, much larger ones more
  // points to test. 0.1 degree is about 11 km.
  explicit SpatialGrid(double cell_degrees = 0.1)
      : cell_degrees_(cell_degrees),
        rows_(static_cast<int>(std::ceil(180.0 / cell_degrees))),
        columns_(static_cast<int>(std::ceil(360.0 / cell_degrees))) {}

  void insert(Point p, Payload payload) {
    cells_[cell_key(row_of(p.lat), column_of(p.lon))].push_back(
        Entry{to_unit_vector(p), std::move(payload)});
    ++size_;
  }

  // Removes the first payload at `p` for which is_it(payload) holds.
  // Returns false when there is none.
  template <typename Predicate>
  bool erase(Point p, Predicate&& is_it) {
    const auto found = cells_.find(cell_key(row_of(p.lat), column_of(p.lon)));
    if (found == cells_.end()) return false;
    auto& entries = found->second;
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry& entry) { return is_it(entry.payload); });
    if (it == entries.end()) return false;
    *it = std::move(entries.back());
    entries.pop_back();
    if (entries.empty()) cells_.erase(found);
    --size_;
    return true;
  }

  std::size_t size() const { return size_; }

  // Calls visit(payload, separation) for every point within `radius_km` of
  // `centre`, in no particular order; see geo::separation.
  template <typename Visit>
  void for_each_within(Point centre, double radius_km, Visit&& visit) const {
    const UnitVector from = to_unit_vector(centre);
    const double limit = separation_for_km(radius_km);
    const BoundingBox box = box_around(centre, radius_km);
    const int first_row = row_of(box.min_lat), last_row = row_of(box.max_lat);
    auto scan_columns = [&](int first_column, int last_column) {
      for (int row = first_row; row <= last_row; ++row) {
        for (int column = first_column; column <= last_column; ++column) {
          const auto found = cells_.find(cell_key(row, column));
          if (found == cells_.end()) continue;
          for (const Entry& entry : found->second) {
            const double s = separation(from, entry.vector);
            if (s <= limit) visit(entry.payload, s);
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

  // Like for_each_within, but visits cells in rings outward from the centre's
  // cell. After each ring it calls done(bound): every point not yet visited
  // has a separation of at least `bound`, so a k-nearest search can stop
  // once its k-th best is nearer. Returns early when done() says so.
  template <typename Visit, typename Done>
  void for_each_nearest_first(Point centre, double radius_km, Visit&& visit, Done&& done) const {
    const BoundingBox box = box_around(centre, radius_km);
    if (box.crosses_antimeridian() || box.min_lon <= -180 || box.max_lon >= 180) {
      for_each_within(centre, radius_km, visit);  // near a pole or the antimeridian
      return;
    }
    const UnitVector from = to_unit_vector(centre);
    const double limit = separation_for_km(radius_km);
    const int first_row = row_of(box.min_lat), last_row = row_of(box.max_lat);
    const int first_column = column_of(box.min_lon), last_column = column_of(box.max_lon);
    const int row0 = row_of(centre.lat), column0 = column_of(centre.lon);
    const double widest = std::max(std::abs(box.min_lat), std::abs(box.max_lat)) * kRadians;
    const double cos_widest = std::cos(widest);
    const int rings = std::max(
        {row0 - first_row, last_row - row0, column0 - first_column, last_column - column0});
    auto scan_cell = [&](int row, int column) {
      if (row < first_row || row > last_row || column < first_column || column > last_column) {
        return;
      }
      const auto found = cells_.find(cell_key(row, column));
      if (found == cells_.end()) return;
      for (const Entry& entry : found->second) {
        const double s = separation(from, entry.vector);
        if (s <= limit) visit(entry.payload, s);
      }
    };
    for (int ring = 0; ring <= rings; ++ring) {
      if (ring == 0) {
        scan_cell(row0, column0);
      } else {
        for (int column = column0 - ring; column <= column0 + ring; ++column) {
          scan_cell(row0 - ring, column);
          scan_cell(row0 + ring, column);
        }
        for (int row = row0 - ring + 1; row <= row0 + ring - 1; ++row) {
          scan_cell(row, column0 - ring);
          scan_cell(row, column0 + ring);
        }
      }
      // The square of cells done so far, in degrees; anything else is outside it.
      const double south = -90.0 + (row0 - ring) * cell_degrees_;
      const double north = -90.0 + (row0 + ring + 1) * cell_degrees_;
      const double west = -180.0 + (column0 - ring) * cell_degrees_;
      const double east = -180.0 + (column0 + ring + 1) * cell_degrees_;
      const auto half_sine_squared = [](double degrees) {
        const double s = std::sin(std::max(0.0, degrees) * kRadians / 2);
        return s * s;
      };
      // sin^2(dlat/2) and cos^2(lat_max) sin^2(dlon/2) bound the separation from below.
      const double bound =
          std::min({half_sine_squared(centre.lat - south), half_sine_squared(north - centre.lat),
                    cos_widest * cos_widest * half_sine_squared(centre.lon - west),
                    cos_widest * cos_widest * half_sine_squared(east - centre.lon)});
      if (done(bound)) return;
    }
  }

 private:
  static constexpr double kRadians = 3.14159265358979323846 / 180.0;
  struct Entry {
    UnitVector vector;
    Payload payload;
  };
  std::int64_t cell_key(int row, int column) const {
    return static_cast<std::int64_t>(row) * columns_ + column;
  }
  int row_of(double lat) const {
    return std::clamp(static_cast<int>(std::floor((lat + 90.0) / cell_degrees_)), 0, rows_ - 1);
  }
  int column_of(double lon) const {
    return std::clamp(static_cast<int>(std::floor((lon + 180.0) / cell_degrees_)), 0, columns_ - 1);
  }

  double cell_degrees_;
  int rows_, columns_;
  std::size_t size_ = 0;
  std::unordered_map<std::int64_t, std::vector<Entry>> cells_;
};

}  // namespace gapfill::geo
