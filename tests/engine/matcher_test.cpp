// The matcher against brute force on small random instances, its invariants
// on larger ones, determinism, and its edges (engine/matcher/matcher.hpp).

#include "engine/matcher/matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

#include "engine/matcher/candidates.hpp"
#include "engine/matcher/flow.hpp"

namespace gapfill::engine::matcher {
namespace {

// An independent, all-pairs reading of the candidate-arc rules.
bool may_meet(const Problem& problem, std::size_t d, std::size_t s, double* km_out = nullptr) {
  const Demand& demand = problem.demands[d];
  const Supply& supply = problem.supplies[s];
  if (supply.capacity <= 0) return false;
  if (std::find(supply.categories.begin(), supply.categories.end(), demand.category) ==
      supply.categories.end()) {
    return false;
  }
  const double km = detail::distance_km(demand.lat, demand.lon, supply.lat, supply.lon);
  if (km > demand.max_km || km > supply.max_km) return false;
  if (demand.window.from > supply.window.to || supply.window.from > demand.window.to) return false;
  if (!demand.languages.empty()) {
    bool shared = false;
    for (auto language : demand.languages) {
      shared = shared || std::find(supply.languages.begin(), supply.languages.end(), language) !=
                             supply.languages.end();
    }
    if (!shared) return false;
  }
  for (const Excluded& pair : problem.excluded) {
    if (pair.demand_id == demand.id && pair.supply_id == supply.id &&
        pair.volunteer == supply.volunteer) {
      return false;
    }
  }
  if (supply.volunteer && demand.quantity != 1) return false;
  if (km_out != nullptr) *km_out = km;
  return true;
}

struct BruteArc {
  std::size_t demand, supply;
  std::int64_t distance_units;
};

std::vector<BruteArc> all_pairs_arcs(const Problem& problem) {
  std::vector<BruteArc> arcs;
  for (std::size_t d = 0; d < problem.demands.size(); ++d) {
    for (std::size_t s = 0; s < problem.supplies.size(); ++s) {
      double km = 0;
      if (may_meet(problem, d, s, &km)) arcs.push_back({d, s, detail::distance_units(km)});
    }
  }
  return arcs;
}

// (units served, priority served, minus distance units): larger is better.
using Objective = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

Objective objective_of(const Problem& problem, const Result& result) {
  Objective objective{0, 0, 0};
  for (const Suggestion& suggestion : result.suggestions) {
    const Demand& demand = problem.demands[suggestion.demand];
    const Supply& supply = problem.supplies[suggestion.supply];
    const std::int64_t units =
        detail::distance_units(detail::distance_km(demand.lat, demand.lon, supply.lat, supply.lon));
    std::get<0>(objective) += suggestion.quantity;
    std::get<1>(objective) += suggestion.quantity * priority(demand);
    std::get<2>(objective) -= suggestion.quantity * units;
  }
  return objective;
}

// The best objective over every feasible integer assignment.
Objective brute_force_best(const Problem& problem, const std::vector<BruteArc>& arcs) {
  std::vector<std::int64_t> need, capacity;
  for (const Demand& demand : problem.demands) need.push_back(demand.quantity);
  for (const Supply& supply : problem.supplies) capacity.push_back(supply.capacity);
  Objective best{0, 0, 0};
  Objective current{0, 0, 0};
  std::function<void(std::size_t)> walk = [&](std::size_t a) {
    if (a == arcs.size()) {
      best = std::max(best, current);
      return;
    }
    const BruteArc& arc = arcs[a];
    const std::int64_t most = std::min(need[arc.demand], capacity[arc.supply]);
    const std::int64_t p = priority(problem.demands[arc.demand]);
    for (std::int64_t units = 0; units <= most; ++units) {
      need[arc.demand] -= units;
      capacity[arc.supply] -= units;
      std::get<0>(current) += units;
      std::get<1>(current) += units * p;
      std::get<2>(current) -= units * arc.distance_units;
      walk(a + 1);
      std::get<0>(current) -= units;
      std::get<1>(current) -= units * p;
      std::get<2>(current) += units * arc.distance_units;
      need[arc.demand] += units;
      capacity[arc.supply] += units;
    }
  };
  walk(0);
  return best;
}

struct Shape {
  int max_demands, max_supplies;
  std::int64_t max_quantity, max_capacity;
  double spread_degrees;
  std::int64_t categories = 2;
};

Problem random_problem(std::mt19937_64& random, const Shape& shape) {
  auto uniform = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random);
  };
  auto real = [&](double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
  };
  auto languages = [&] {
    std::vector<std::uint32_t> spoken;
    for (std::uint32_t language = 1; language <= 3; ++language) {
      if (uniform(0, 2) == 0) spoken.push_back(language);
    }
    return spoken;
  };
  auto window = [&] {
    Window w;
    if (uniform(0, 3) == 0) {
      w.from = uniform(0, 10);
      w.to = w.from + uniform(0, 6);
    }
    return w;
  };
  Problem problem;
  const int demands = static_cast<int>(uniform(std::min(2, shape.max_demands), shape.max_demands));
  const int supplies =
      static_cast<int>(uniform(std::min(2, shape.max_supplies), shape.max_supplies));
  for (int i = 0; i < demands; ++i) {
    Demand demand;
    demand.id = 100 + i;
    demand.category = static_cast<std::uint32_t>(uniform(0, shape.categories - 1));
    demand.quantity = uniform(1, shape.max_quantity);
    demand.lat = 40 + real(-shape.spread_degrees, shape.spread_degrees);
    demand.lon = -3 + real(-shape.spread_degrees, shape.spread_degrees);
    demand.max_km = real(5, 60);
    demand.window = window();
    demand.urgency = static_cast<Urgency>(uniform(0, 2));
    demand.waited_days = uniform(0, 20);
    if (uniform(0, 3) == 0) demand.languages = languages();
    problem.demands.push_back(demand);
  }
  for (int j = 0; j < supplies; ++j) {
    Supply supply;
    supply.volunteer = uniform(0, 3) == 0;
    supply.id = supply.volunteer ? 7 + j : 100 + j;  // ids may repeat across kinds
    supply.categories = {static_cast<std::uint32_t>(uniform(0, shape.categories - 1))};
    if (supply.volunteer && uniform(0, 1) == 0) {
      supply.categories.push_back(static_cast<std::uint32_t>(uniform(0, shape.categories)));
    }
    supply.capacity = uniform(0, 7) == 0 ? 0 : uniform(1, shape.max_capacity);
    supply.lat = 40 + real(-shape.spread_degrees, shape.spread_degrees);
    supply.lon = -3 + real(-shape.spread_degrees, shape.spread_degrees);
    supply.max_km = real(5, 60);
    supply.window = window();
    supply.languages = languages();
    problem.supplies.push_back(supply);
  }
  const int excluded = static_cast<int>(uniform(0, 3));
  for (int k = 0; k < excluded; ++k) {
    const Demand& demand = problem.demands[static_cast<std::size_t>(uniform(0, demands - 1))];
    const Supply& supply = problem.supplies[static_cast<std::size_t>(uniform(0, supplies - 1))];
    problem.excluded.push_back({demand.id, supply.id, supply.volunteer});
  }
  return problem;
}

std::set<std::pair<std::size_t, std::size_t>> pairs_of(const std::vector<BruteArc>& arcs) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const BruteArc& arc : arcs) pairs.emplace(arc.demand, arc.supply);
  return pairs;
}

std::set<std::pair<std::size_t, std::size_t>> pairs_of(const std::vector<detail::Arc>& arcs) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const detail::Arc& arc : arcs) pairs.emplace(arc.demand, arc.supply);
  return pairs;
}

// Capacities and needs hold, every suggestion is a candidate pair, the order
// and the summary are as the header says.
void expect_invariants(const Problem& problem, const Result& result) {
  std::vector<std::int64_t> served(problem.demands.size(), 0), used(problem.supplies.size(), 0);
  std::int64_t units = 0, priority_sum = 0;
  double distance = 0;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
    const Suggestion& suggestion = result.suggestions[i];
    ASSERT_LT(suggestion.demand, problem.demands.size());
    ASSERT_LT(suggestion.supply, problem.supplies.size());
    EXPECT_GT(suggestion.quantity, 0);
    EXPECT_TRUE(seen.emplace(suggestion.demand, suggestion.supply).second);
    double km = 0;
    EXPECT_TRUE(may_meet(problem, suggestion.demand, suggestion.supply, &km));
    const Demand& demand = problem.demands[suggestion.demand];
    const Supply& supply = problem.supplies[suggestion.supply];
    if (supply.volunteer) {
      EXPECT_EQ(demand.quantity, 1);
    }
    EXPECT_EQ(suggestion.priority, priority(demand));
    EXPECT_DOUBLE_EQ(suggestion.reasons.distance_km, km);
    EXPECT_EQ(suggestion.reasons.waited_days, demand.waited_days);
    EXPECT_EQ(suggestion.reasons.urgency, demand.urgency);
    EXPECT_EQ(suggestion.reasons.overlap.from, std::max(demand.window.from, supply.window.from));
    EXPECT_EQ(suggestion.reasons.overlap.to, std::min(demand.window.to, supply.window.to));
    EXPECT_EQ(suggestion.reasons.language_matched, !demand.languages.empty());
    if (suggestion.reasons.language_matched) {
      EXPECT_NE(
          std::find(supply.languages.begin(), supply.languages.end(), suggestion.reasons.language),
          supply.languages.end());
    }
    served[suggestion.demand] += suggestion.quantity;
    used[suggestion.supply] += suggestion.quantity;
    units += suggestion.quantity;
    priority_sum += suggestion.quantity * suggestion.priority;
    distance += static_cast<double>(suggestion.quantity) * km;
    if (i > 0) {
      const Suggestion& before = result.suggestions[i - 1];
      EXPECT_LT(std::make_tuple(-before.priority, before.demand, before.supply),
                std::make_tuple(-suggestion.priority, suggestion.demand, suggestion.supply));
    }
  }
  std::int64_t demanded = 0, requests = 0;
  for (std::size_t d = 0; d < problem.demands.size(); ++d) {
    EXPECT_LE(served[d], problem.demands[d].quantity);
    demanded += problem.demands[d].quantity;
    requests += served[d] > 0 ? 1 : 0;
  }
  for (std::size_t s = 0; s < problem.supplies.size(); ++s) {
    EXPECT_LE(used[s], problem.supplies[s].capacity);
  }
  EXPECT_EQ(result.summary.units_served, units);
  EXPECT_EQ(result.summary.units_demanded, demanded);
  EXPECT_EQ(result.summary.requests_served, requests);
  EXPECT_EQ(result.summary.priority_served, priority_sum);
  EXPECT_NEAR(result.summary.total_distance_km, distance, 1e-6 * (1 + distance));
}

TEST(MatcherTest, MatchesBruteForceOnSmallRandomInstances) {
  int with_flow_solver = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = random_problem(random, {5, 4, 3, 3, 0.1, seed % 3 == 0 ? 2 : 1});
    const std::vector<BruteArc> arcs = all_pairs_arcs(problem);
    ASSERT_EQ(pairs_of(arcs), pairs_of(detail::candidate_arcs(problem))) << "seed " << seed;
    const Result result = solve(problem);
    expect_invariants(problem, result);
    const Objective best = brute_force_best(problem, arcs);
    EXPECT_EQ(objective_of(problem, result), best) << "seed " << seed;
    // Pricing from one arc per node, and all arcs from the start, agree.
    for (const std::size_t initial : {std::size_t{1}, std::size_t{0}}) {
      const Result priced = detail::solve_with(problem, {}, {.initial_arcs_per_node = initial});
      expect_invariants(problem, priced);
      EXPECT_EQ(objective_of(problem, priced), best) << "seed " << seed << " initial " << initial;
    }
    const Result greedy = solve_greedy(problem);
    expect_invariants(problem, greedy);
    EXPECT_LE(objective_of(problem, greedy), best) << "seed " << seed;
    EXPECT_EQ(result.summary.candidate_arcs, static_cast<std::int64_t>(arcs.size()));
    std::set<std::size_t> demands, supplies;
    for (const BruteArc& arc : arcs) {
      demands.insert(arc.demand);
      supplies.insert(arc.supply);
    }
    with_flow_solver += demands.size() >= 2 && supplies.size() >= 2 ? 1 : 0;
  }
  EXPECT_GT(with_flow_solver, 150);  // most instances are not trivial
}

TEST(MatcherTest, MatchesBruteForceWhenEveryonePrefersTheSameFewSupplies) {
  // Tight, dense instances: many demands compete for few units.
  for (std::uint64_t seed = 1000; seed < 1200; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = random_problem(random, {5, 3, 2, 2, 0.05});
    const std::vector<BruteArc> arcs = all_pairs_arcs(problem);
    const Objective best = brute_force_best(problem, arcs);
    for (const std::size_t initial : {std::size_t{8}, std::size_t{1}, std::size_t{0}}) {
      const Result result = detail::solve_with(problem, {}, {.initial_arcs_per_node = initial});
      expect_invariants(problem, result);
      EXPECT_EQ(objective_of(problem, result), best) << "seed " << seed << " initial " << initial;
    }
  }
}

TEST(MatcherTest, HoldsItsInvariantsOnLargerInstances) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = random_problem(random, {400, 400, 4, 5, 1.5});
    const std::vector<BruteArc> arcs = all_pairs_arcs(problem);
    ASSERT_EQ(pairs_of(arcs), pairs_of(detail::candidate_arcs(problem)));
    const Result result = solve(problem);
    expect_invariants(problem, result);
    const Result greedy = solve_greedy(problem);
    expect_invariants(problem, greedy);
    EXPECT_GE(result.summary.units_served, greedy.summary.units_served);
    // Pricing from few arcs finds the same optimum as all arcs at once.
    const Objective all =
        objective_of(problem, detail::solve_with(problem, {}, {.initial_arcs_per_node = 0}));
    EXPECT_EQ(objective_of(problem, result), all);
    EXPECT_EQ(objective_of(problem, detail::solve_with(problem, {}, {.initial_arcs_per_node = 1})),
              all);
    EXPECT_EQ(
        objective_of(problem, detail::solve_with(problem, {},
                                                 {.algorithm = detail::Algorithm::kCostScaling})),
        all);
    EXPECT_LE(objective_of(problem, greedy), objective_of(problem, result));
  }
}

void expect_same(const Result& a, const Result& b) {
  ASSERT_EQ(a.suggestions.size(), b.suggestions.size());
  for (std::size_t i = 0; i < a.suggestions.size(); ++i) {
    EXPECT_EQ(a.suggestions[i].demand, b.suggestions[i].demand);
    EXPECT_EQ(a.suggestions[i].supply, b.suggestions[i].supply);
    EXPECT_EQ(a.suggestions[i].quantity, b.suggestions[i].quantity);
    EXPECT_EQ(a.suggestions[i].priority, b.suggestions[i].priority);
    EXPECT_EQ(a.suggestions[i].reasons.distance_km, b.suggestions[i].reasons.distance_km);
  }
  EXPECT_EQ(a.summary.units_served, b.summary.units_served);
  EXPECT_EQ(a.summary.priority_served, b.summary.priority_served);
  EXPECT_EQ(a.summary.total_distance_km, b.summary.total_distance_km);
  EXPECT_EQ(a.summary.candidate_arcs, b.summary.candidate_arcs);
  EXPECT_EQ(a.summary.components, b.summary.components);
}

TEST(MatcherTest, TheSameProblemGivesTheSameResultOnAnyNumberOfThreads) {
  std::mt19937_64 random(42);
  const Problem problem = random_problem(random, {300, 300, 3, 4, 2});
  const Result once = solve(problem);
  EXPECT_GT(once.summary.components, 1);
  expect_same(once, solve(problem));
  expect_same(once, solve(problem, {.threads = 2}));
  expect_same(once, solve(problem, {.threads = 8}));
  expect_same(solve_greedy(problem), solve_greedy(problem));
}

Demand demand_at(std::int64_t id, double lat, double lon) {
  Demand demand;
  demand.id = id;
  demand.lat = lat;
  demand.lon = lon;
  return demand;
}

Supply offer_at(std::int64_t id, double lat, double lon, std::int64_t capacity = 1) {
  Supply supply;
  supply.id = id;
  supply.categories = {0};
  supply.capacity = capacity;
  supply.lat = lat;
  supply.lon = lon;
  return supply;
}

TEST(MatcherTest, AnEmptyProblemOrOneWithoutArcsSuggestsNothing) {
  const Result empty = solve(Problem{});
  EXPECT_TRUE(empty.suggestions.empty());
  EXPECT_EQ(empty.summary.components, 0);
  Problem far;
  far.demands.push_back(demand_at(1, 40, -3));
  far.supplies.push_back(offer_at(1, 41, -3));  // 111 km away, reach 25 km
  const Result none = solve(far);
  EXPECT_TRUE(none.suggestions.empty());
  EXPECT_EQ(none.summary.units_demanded, 1);
  EXPECT_EQ(none.summary.candidate_arcs, 0);
  EXPECT_TRUE(solve_greedy(far).suggestions.empty());
}

TEST(MatcherTest, ASinglePairIsSuggestedWithItsReasons) {
  Problem problem;
  Demand demand = demand_at(7, 40, -3);
  demand.quantity = 3;
  demand.urgency = Urgency::kToday;
  demand.waited_days = 4;
  demand.window = {100, 200};
  demand.languages = {5, 9};
  problem.demands.push_back(demand);
  Supply supply = offer_at(8, 40.05, -3, 2);
  supply.window = {150, 300};
  supply.languages = {9, 5};
  problem.supplies.push_back(supply);
  const Result result = solve(problem);
  ASSERT_EQ(result.suggestions.size(), 1U);
  const Suggestion& suggestion = result.suggestions[0];
  EXPECT_EQ(suggestion.quantity, 2);
  EXPECT_EQ(suggestion.priority, 14 + 4);
  EXPECT_NEAR(suggestion.reasons.distance_km, 5.56, 0.01);
  EXPECT_EQ(suggestion.reasons.overlap.from, 150);
  EXPECT_EQ(suggestion.reasons.overlap.to, 200);
  EXPECT_TRUE(suggestion.reasons.language_matched);
  EXPECT_EQ(suggestion.reasons.language, 5U);  // the request's first that is spoken
  EXPECT_EQ(result.summary.units_demanded, 3);
  EXPECT_EQ(result.summary.units_served, 2);
  EXPECT_EQ(result.summary.requests_served, 1);
  EXPECT_EQ(result.summary.components, 1);
}

TEST(MatcherTest, PairsAcrossTheAntimeridianAndNearAPole) {
  Problem problem;
  problem.demands.push_back(demand_at(1, -17, 179.95));
  problem.supplies.push_back(offer_at(1, -17, -179.95));  // about 10.6 km east
  problem.demands.push_back(demand_at(2, 89.95, 10));
  problem.supplies.push_back(offer_at(2, 89.95, -170));  // across the pole, about 11 km
  const Result result = solve(problem);
  ASSERT_EQ(result.suggestions.size(), 2U);
  EXPECT_EQ(result.suggestions[0].supply, 0U);
  EXPECT_NEAR(result.suggestions[0].reasons.distance_km, 10.6, 0.1);
  EXPECT_EQ(result.suggestions[1].supply, 1U);
  EXPECT_NEAR(result.suggestions[1].reasons.distance_km, 11.1, 0.1);
}

TEST(MatcherTest, VolunteersTakeOnlyWholeRequestsOfOne) {
  Problem problem;
  Demand two = demand_at(1, 40, -3);
  two.quantity = 2;
  problem.demands.push_back(two);
  problem.demands.push_back(demand_at(2, 40, -3));
  Supply volunteer = offer_at(1, 40, -3, 5);
  volunteer.volunteer = true;
  volunteer.categories = {3, 0};
  problem.supplies.push_back(volunteer);
  const Result result = solve(problem);
  ASSERT_EQ(result.suggestions.size(), 1U);
  EXPECT_EQ(result.suggestions[0].demand, 1U);
  EXPECT_EQ(result.suggestions[0].quantity, 1);
}

TEST(MatcherTest, ExcludedPairsAreNeverSuggested) {
  Problem problem;
  problem.demands.push_back(demand_at(1, 40, -3));
  problem.supplies.push_back(offer_at(5, 40, -3));
  Supply volunteer = offer_at(5, 40, -3.01);
  volunteer.volunteer = true;
  problem.supplies.push_back(volunteer);
  problem.excluded.push_back({1, 5, false});  // the offer 5, not the volunteer 5
  const Result result = solve(problem);
  ASSERT_EQ(result.suggestions.size(), 1U);
  EXPECT_EQ(result.suggestions[0].supply, 1U);
}

TEST(MatcherTest, AFlexibleRequestThatWaitedTwoWeeksRanksWithANewUrgentOne) {
  Demand urgent;
  urgent.urgency = Urgency::kToday;
  Demand waited;
  waited.urgency = Urgency::kFlexible;
  waited.waited_days = 14;
  EXPECT_EQ(priority(urgent), priority(waited));
  Demand week;
  week.urgency = Urgency::kWeek;
  week.waited_days = 100000;
  EXPECT_EQ(priority(week), 7 + detail::kMaxWaitedDays);
}

TEST(MatcherTest, TheHigherPriorityRequestIsServedFirstEvenIfFarther) {
  Problem problem;
  Demand near = demand_at(1, 40, -3);
  Demand far = demand_at(2, 40.1, -3);
  far.urgency = Urgency::kToday;
  problem.demands = {near, far};
  problem.supplies.push_back(offer_at(1, 40, -3));
  const Result result = solve(problem);
  ASSERT_EQ(result.suggestions.size(), 1U);
  EXPECT_EQ(result.suggestions[0].demand, 1U);
  ASSERT_EQ(solve_greedy(problem).suggestions.size(), 1U);
  EXPECT_EQ(solve_greedy(problem).suggestions[0].demand, 0U);
}

TEST(MatcherTest, InvalidInputThrows) {
  const std::vector<std::pair<const char*, std::function<void(Problem&)>>> cases = {
      {"quantity 0", [](Problem& p) { p.demands[0].quantity = 0; }},
      {"latitude 91", [](Problem& p) { p.demands[0].lat = 91; }},
      {"longitude NaN", [](Problem& p) { p.supplies[0].lon = std::nan(""); }},
      {"max_km 0", [](Problem& p) { p.demands[0].max_km = 0; }},
      {"supply max_km infinite", [](Problem& p) { p.supplies[0].max_km = INFINITY; }},
      {"window backwards",
       [](Problem& p) {
         p.demands[0].window = {5, 4};
       }},
      {"supply window backwards",
       [](Problem& p) {
         p.supplies[0].window = {5, 4};
       }},
      {"negative wait", [](Problem& p) { p.demands[0].waited_days = -1; }},
      {"unknown urgency", [](Problem& p) { p.demands[0].urgency = static_cast<Urgency>(9); }},
      {"duplicate demand id", [](Problem& p) { p.demands.push_back(p.demands[0]); }},
      {"offer with two categories",
       [](Problem& p) {
         p.supplies[0].categories = {0, 1};
       }},
      {"volunteer without category",
       [](Problem& p) {
         p.supplies[0].volunteer = true;
         p.supplies[0].categories.clear();
       }},
      {"negative capacity", [](Problem& p) { p.supplies[0].capacity = -1; }},
  };
  for (const auto& [name, breaks] : cases) {
    Problem problem;
    problem.demands.push_back(demand_at(1, 40, -3));
    problem.supplies.push_back(offer_at(1, 40, -3));
    breaks(problem);
    EXPECT_THROW(solve(problem), std::invalid_argument) << name;
    EXPECT_THROW(solve_greedy(problem), std::invalid_argument) << name;
  }
}

TEST(MatcherTest, CostsThatWouldOverflowThrow) {
  Problem problem;
  for (int i = 0; i < 2; ++i) {
    Demand demand = demand_at(i, 40, -3 + 0.01 * i);
    demand.quantity = std::int64_t{1} << 61;
    demand.urgency = Urgency::kToday;
    problem.demands.push_back(demand);
    problem.supplies.push_back(offer_at(i, 40.01, -3 + 0.01 * i, std::int64_t{1} << 61));
  }
  EXPECT_THROW(solve(problem), std::overflow_error);
  problem.demands[1].quantity = std::numeric_limits<std::int64_t>::max();
  EXPECT_THROW(solve(problem), std::overflow_error);  // the units demanded overflow
}

TEST(MatcherTest, ZeroCapacityGetsNoArcs) {
  Problem problem;
  problem.demands.push_back(demand_at(1, 40, -3));
  problem.supplies.push_back(offer_at(1, 40, -3, 0));
  EXPECT_EQ(solve(problem).summary.candidate_arcs, 0);
}

}  // namespace
}  // namespace gapfill::engine::matcher
