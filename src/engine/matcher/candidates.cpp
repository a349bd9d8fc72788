#include "engine/matcher/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_set>

namespace gapfill::engine::matcher::detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadiansPerDegree = kPi / 180;
// A grid cell is about as wide as the largest reach in its category, within
// these bounds (in degrees of latitude).
constexpr double kMinCellDegrees = 0.02;
constexpr double kMaxCellDegrees = 30;
constexpr double kKmPerDegree = kEarthRadiusKm * kRadiansPerDegree;

struct UnitVector {
  double x = 0, y = 0, z = 0;
};

UnitVector unit_vector(double lat, double lon) {
  const double phi = lat * kRadiansPerDegree, lambda = lon * kRadiansPerDegree;
  return {std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
}

// sin^2(angle / 2) of the angle between two unit vectors.
double separation(const UnitVector& a, const UnitVector& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return (dx * dx + dy * dy + dz * dz) / 4;
}

double km_for_separation(double s) {
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::clamp(s, 0.0, 1.0)));
}

bool valid_point(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 &&
         lon <= 180;
}

[[noreturn]] void reject(const std::string& what, std::size_t index) {
  throw std::invalid_argument("matcher: " + what + " (index " + std::to_string(index) + ")");
}

bool windows_overlap(const Window& a, const Window& b) {
  return a.from <= b.to && b.from <= a.to;
}

// The first language of the request that the supply speaks; -1 for none.
std::int64_t shared_language(const Demand& demand, const Supply& supply) {
  for (const std::uint32_t wanted : demand.languages) {
    for (const std::uint32_t spoken : supply.languages) {
      if (wanted == spoken) return wanted;
    }
  }
  return -1;
}

// Supplies of one category on a latitude/longitude grid: entries sorted by
// cell key (row * columns + column) and then by supply index, so the supplies
// of a run of cells in one row are one contiguous range.
struct CategoryGrid {
  std::uint32_t category = 0;
  double cell_degrees = 1;
  std::int64_t rows = 0, columns = 0;
  double max_km = 0;
  struct Entry {
    std::int64_t key;
    std::uint32_t supply;
    UnitVector vector;
  };
  std::vector<Entry> entries;

  std::int64_t row_of(double lat) const {
    return std::clamp<std::int64_t>(
        static_cast<std::int64_t>(std::floor((lat + 90) / cell_degrees)), 0, rows - 1);
  }
  std::int64_t column_of(double lon) const {
    return std::clamp<std::int64_t>(
        static_cast<std::int64_t>(std::floor((lon + 180) / cell_degrees)), 0, columns - 1);
  }
};

std::vector<CategoryGrid> build_grids(const Problem& problem) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // category, supply
  for (std::size_t s = 0; s < problem.supplies.size(); ++s) {
    const Supply& supply = problem.supplies[s];
    if (supply.capacity <= 0) continue;
    std::vector<std::uint32_t> categories = supply.categories;
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    for (const std::uint32_t category : categories) {
      pairs.emplace_back(category, static_cast<std::uint32_t>(s));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<CategoryGrid> grids;
  for (std::size_t first = 0; first < pairs.size();) {
    std::size_t last = first;
    CategoryGrid grid;
    grid.category = pairs[first].first;
    while (last < pairs.size() && pairs[last].first == grid.category) {
      grid.max_km = std::max(grid.max_km, problem.supplies[pairs[last].second].max_km);
      ++last;
    }
    grid.cell_degrees = std::clamp(grid.max_km / kKmPerDegree, kMinCellDegrees, kMaxCellDegrees);
    grid.rows = static_cast<std::int64_t>(std::ceil(180 / grid.cell_degrees));
    grid.columns = static_cast<std::int64_t>(std::ceil(360 / grid.cell_degrees));
    grid.entries.reserve(last - first);
    for (std::size_t i = first; i < last; ++i) {
      const Supply& supply = problem.supplies[pairs[i].second];
      grid.entries.push_back({grid.row_of(supply.lat) * grid.columns + grid.column_of(supply.lon),
                              pairs[i].second, unit_vector(supply.lat, supply.lon)});
    }
    std::sort(grid.entries.begin(), grid.entries.end(), [](const auto& a, const auto& b) {
      return std::tie(a.key, a.supply) < std::tie(b.key, b.supply);
    });
    grids.push_back(std::move(grid));
    first = last;
  }
  return grids;
}

using ExcludedKey = std::tuple<std::int64_t, std::int64_t, bool>;

struct ExcludedHash {
  std::size_t operator()(const ExcludedKey& key) const {
    const auto a = static_cast<std::uint64_t>(std::get<0>(key));
    const auto b = static_cast<std::uint64_t>(std::get<1>(key));
    std::uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x7F4A7C159E3779B9ULL + (a << 6) + (a >> 2));
    h ^= std::get<2>(key) ? 0xC2B2AE3D27D4EB4FULL : 0;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  return km_for_separation(separation(unit_vector(lat1, lon1), unit_vector(lat2, lon2)));
}

std::int64_t distance_units(double km) {
  return std::llround(km / kDistanceUnitKm);
}

void validate(const Problem& problem) {
  std::int64_t units = 0;
  std::unordered_set<std::int64_t> demand_ids;
  for (std::size_t i = 0; i < problem.demands.size(); ++i) {
    const Demand& demand = problem.demands[i];
    if (!demand_ids.insert(demand.id).second) reject("a demand id appears twice", i);
    if (demand.quantity < 1) reject("a demand's quantity is below 1", i);
    if (!valid_point(demand.lat, demand.lon)) reject("a demand's place is not a valid point", i);
    if (!(std::isfinite(demand.max_km) && demand.max_km > 0)) {
      reject("a demand's max_km is not a positive number", i);
    }
    if (demand.window.from > demand.window.to) reject("a demand's window ends before it starts", i);
    if (demand.urgency != Urgency::kToday && demand.urgency != Urgency::kWeek &&
        demand.urgency != Urgency::kFlexible) {
      reject("a demand's urgency is unknown", i);
    }
    if (demand.waited_days < 0) reject("a demand's waited_days is negative", i);
    if (__builtin_add_overflow(units, demand.quantity, &units)) {
      throw std::overflow_error("matcher: the units demanded do not fit in 64 bits");
    }
  }
  if (problem.supplies.size() > UINT32_MAX || problem.demands.size() > UINT32_MAX) {
    throw std::invalid_argument("matcher: too many demands or supplies");
  }
  units = 0;
  for (std::size_t i = 0; i < problem.supplies.size(); ++i) {
    const Supply& supply = problem.supplies[i];
    if (supply.volunteer ? supply.categories.empty() : supply.categories.size() != 1) {
      reject(supply.volunteer ? "a volunteer has no category"
                              : "an offer has not exactly one category",
             i);
    }
    if (supply.capacity < 0) reject("a supply's capacity is negative", i);
    if (!valid_point(supply.lat, supply.lon)) reject("a supply's place is not a valid point", i);
    if (!(std::isfinite(supply.max_km) && supply.max_km > 0)) {
      reject("a supply's max_km is not a positive number", i);
    }
    if (supply.window.from > supply.window.to) reject("a supply's window ends before it starts", i);
    if (__builtin_add_overflow(units, supply.capacity, &units)) {
      throw std::overflow_error("matcher: the units offered do not fit in 64 bits");
    }
  }
}

std::vector<Arc> candidate_arcs(const Problem& problem) {
  const std::vector<CategoryGrid> grids = build_grids(problem);
  std::unordered_set<ExcludedKey, ExcludedHash> excluded;
  for (const Excluded& pair : problem.excluded) {
    excluded.emplace(pair.demand_id, pair.supply_id, pair.volunteer);
  }
  std::vector<Arc> arcs;
  std::vector<Arc> found;
  for (std::size_t d = 0; d < problem.demands.size(); ++d) {
    const Demand& demand = problem.demands[d];
    const auto grid_it = std::lower_bound(
        grids.begin(), grids.end(), demand.category,
        [](const CategoryGrid& grid, std::uint32_t category) { return grid.category < category; });
    if (grid_it == grids.end() || grid_it->category != demand.category) continue;
    const CategoryGrid& grid = *grid_it;
    const double reach_km = std::min(demand.max_km, grid.max_km);
    // The angle the reach spans, widened a hair so rounding never drops a pair
    // that the exact test below would keep.
    const double angle = reach_km / kEarthRadiusKm * (1 + 1e-9) + 1e-12;
    const double limit = std::pow(std::sin(std::min(angle, kPi) / 2), 2) * (1 + 1e-9) + 1e-18;
    const UnitVector from = unit_vector(demand.lat, demand.lon);
    const double angle_degrees = angle / kRadiansPerDegree;
    const std::int64_t first_row = grid.row_of(demand.lat - angle_degrees);
    const std::int64_t last_row = grid.row_of(demand.lat + angle_degrees);
    // Column ranges: the longitudes a cap of this angle spans, or all of them
    // near a pole or for a reach of a quarter of the globe or more.
    std::vector<std::pair<std::int64_t, std::int64_t>> columns;
    const double cos_lat = std::cos(demand.lat * kRadiansPerDegree);
    const bool all_columns = angle >= kPi / 2 || demand.lat - angle_degrees <= -90 ||
                             demand.lat + angle_degrees >= 90 || std::sin(angle) >= cos_lat;
    if (all_columns) {
      columns.emplace_back(0, grid.columns - 1);
    } else {
      const double half = std::asin(std::sin(angle) / cos_lat) / kRadiansPerDegree + 1e-9;
      const double west = demand.lon - half, east = demand.lon + half;
      if (half >= 180) {
        columns.emplace_back(0, grid.columns - 1);
      } else if (west < -180) {
        columns.emplace_back(grid.column_of(west + 360), grid.columns - 1);
        columns.emplace_back(0, grid.column_of(east));
      } else if (east > 180) {
        columns.emplace_back(grid.column_of(west), grid.columns - 1);
        columns.emplace_back(0, grid.column_of(east - 360));
      } else {
        columns.emplace_back(grid.column_of(west), grid.column_of(east));
      }
    }
    found.clear();
    for (std::int64_t row = first_row; row <= last_row; ++row) {
      for (const auto& [first_column, last_column] : columns) {
        auto it = std::lower_bound(
            grid.entries.begin(), grid.entries.end(), row * grid.columns + first_column,
            [](const CategoryGrid::Entry& entry, std::int64_t key) { return entry.key < key; });
        const std::int64_t end_key = row * grid.columns + last_column;
        for (; it != grid.entries.end() && it->key <= end_key; ++it) {
          const double s = separation(from, it->vector);
          if (s > limit) continue;
          const Supply& supply = problem.supplies[it->supply];
          const double km = km_for_separation(s);
          if (km > demand.max_km || km > supply.max_km) continue;
          if (supply.volunteer && demand.quantity != 1) continue;
          if (!windows_overlap(demand.window, supply.window)) continue;
          if (!demand.languages.empty() && shared_language(demand, supply) < 0) continue;
          if (!excluded.empty() &&
              excluded.count(ExcludedKey{demand.id, supply.id, supply.volunteer}) != 0) {
            continue;
          }
          found.push_back({static_cast<std::uint32_t>(d), it->supply, distance_units(km), km});
        }
      }
    }
    std::sort(found.begin(), found.end(),
              [](const Arc& a, const Arc& b) { return a.supply < b.supply; });
    // Near the antimeridian two column ranges may share a cell.
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Arc& a, const Arc& b) { return a.supply == b.supply; }),
                found.end());
    arcs.insert(arcs.end(), found.begin(), found.end());
  }
  return arcs;
}

Reasons reasons_for(const Demand& demand, const Supply& supply, double km) {
  Reasons reasons;
  reasons.distance_km = km;
  reasons.waited_days = demand.waited_days;
  reasons.urgency = demand.urgency;
  reasons.overlap.from = std::max(demand.window.from, supply.window.from);
  reasons.overlap.to = std::min(demand.window.to, supply.window.to);
  const std::int64_t language = shared_language(demand, supply);
  if (!demand.languages.empty() && language >= 0) {
    reasons.language = static_cast<std::uint32_t>(language);
    reasons.language_matched = true;
  }
  return reasons;
}

}  // namespace gapfill::engine::matcher::detail
