#pragma once
// The matcher's inside, shared by its own files and its tests: input rules,
// distances, and the candidate arcs. Plain C++17, no LEMON.

#include <cstdint>
#include <vector>

#include "engine/matcher/matcher.hpp"

namespace gapfill::engine::matcher::detail {

// Priority: the urgency's points plus the days waited, capped so that one
// request cannot outweigh everything else and the weights stay small.
constexpr std::int64_t kTodayPoints = 14;
constexpr std::int64_t kWeekPoints = 7;
constexpr std::int64_t kFlexiblePoints = 0;
constexpr std::int64_t kMaxWaitedDays = 3650;
constexpr std::int64_t kMaxPriority = kTodayPoints + kMaxWaitedDays;

// Distances enter the cost in whole units of 100 m, rounded to the nearest.
constexpr double kDistanceUnitKm = 0.1;

constexpr double kEarthRadiusKm = 6371.0088;

// The great-circle distance in kilometres; the one distance the matcher uses.
double distance_km(double lat1, double lon1, double lat2, double lon2);
std::int64_t distance_units(double km);

// Throws std::invalid_argument naming the first broken field rule, and
// std::overflow_error when the units demanded or offered do not fit in 64 bits.
void validate(const Problem& problem);

// A demand that may meet a supply, with how far apart they are.
struct Arc {
  std::uint32_t demand = 0;
  std::uint32_t supply = 0;
  std::int64_t distance_units = 0;
  double distance_km = 0;
};

// Every candidate arc of a valid Problem, ordered by demand index and then by
// supply index. Found through a latitude/longitude grid per category, not by
// testing all pairs.
std::vector<Arc> candidate_arcs(const Problem& problem);

// The reasons shown for a suggested pair.
Reasons reasons_for(const Demand& demand, const Supply& supply, double distance_km);

}  // namespace gapfill::engine::matcher::detail
