#include "engine/matcher/matcher.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <numeric>
#include <thread>
#include <tuple>

#include "engine/matcher/candidates.hpp"
#include "engine/matcher/flow.hpp"

namespace gapfill::engine::matcher {
namespace {

using detail::Arc;
using detail::Component;

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

// The connected components of the candidate graph, in the order of their
// first arc (so of their lowest demand index). Demands and supplies without
// arcs belong to none.
std::vector<Component> components_of(const Problem& problem, const std::vector<Arc>& arcs) {
  const std::size_t demands = problem.demands.size();
  std::vector<std::uint32_t> parent(demands + problem.supplies.size());
  std::iota(parent.begin(), parent.end(), 0U);
  for (const Arc& arc : arcs) {
    const std::uint32_t a = find_root(parent, arc.demand);
    const std::uint32_t b = find_root(parent, static_cast<std::uint32_t>(demands + arc.supply));
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> component_of_root(parent.size(), kNone);
  std::vector<Component> components;
  for (std::uint32_t a = 0; a < arcs.size(); ++a) {
    const std::uint32_t root = find_root(parent, arcs[a].demand);
    if (component_of_root[root] == kNone) {
      component_of_root[root] = static_cast<std::uint32_t>(components.size());
      components.emplace_back();
    }
    Component& component = components[component_of_root[root]];
    component.arcs.push_back(a);
    if (component.demands.empty() || component.demands.back() != arcs[a].demand) {
      component.demands.push_back(arcs[a].demand);
    }
  }
  for (std::uint32_t s = 0; s < problem.supplies.size(); ++s) {
    const std::uint32_t root = find_root(parent, static_cast<std::uint32_t>(demands + s));
    if (component_of_root[root] != kNone) components[component_of_root[root]].supplies.push_back(s);
  }
  return components;
}

// A component with one demand or one supply needs no flow solver: fill the
// one demand from its nearest supplies, or give the one supply to the highest
// priority, then nearest, demands. Both are lexicographically best.
std::vector<std::int64_t> solve_star(const Problem& problem, const std::vector<Arc>& arcs,
                                     const Component& component) {
  std::vector<std::size_t> order(component.arcs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto arc = [&](std::size_t k) -> const Arc& { return arcs[component.arcs[k]]; };
  if (component.demands.size() == 1) {
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(arc(a).distance_km, arc(a).supply) <
             std::tie(arc(b).distance_km, arc(b).supply);
    });
  } else {
    std::vector<std::int64_t> priorities(order.size());
    for (std::size_t k = 0; k < order.size(); ++k)
      priorities[k] = priority(problem.demands[arc(k).demand]);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::make_tuple(-priorities[a], arc(a).distance_km, arc(a).demand) <
             std::make_tuple(-priorities[b], arc(b).distance_km, arc(b).demand);
    });
  }
  std::vector<std::int64_t> flow(order.size(), 0);
  const Demand& first_demand = problem.demands[component.demands.front()];
  const Supply& first_supply = problem.supplies[component.supplies.front()];
  std::int64_t need = first_demand.quantity, capacity = first_supply.capacity;
  for (const std::size_t k : order) {
    const std::int64_t units = component.demands.size() == 1
                                   ? std::min(need, problem.supplies[arc(k).supply].capacity)
                                   : std::min(problem.demands[arc(k).demand].quantity, capacity);
    if (component.demands.size() == 1) {
      need -= units;
    } else {
      capacity -= units;
    }
    flow[k] = units;
  }
  return flow;
}

// Suggestions and summary from the units on each arc.
Result assemble(const Problem& problem, const std::vector<Arc>& arcs,
                const std::vector<std::int64_t>& units) {
  Result result;
  std::vector<bool> served(problem.demands.size(), false);
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    if (units[a] <= 0) continue;
    const Arc& arc = arcs[a];
    const Demand& demand = problem.demands[arc.demand];
    Suggestion suggestion;
    suggestion.demand = arc.demand;
    suggestion.supply = arc.supply;
    suggestion.quantity = units[a];
    suggestion.priority = priority(demand);
    suggestion.reasons = detail::reasons_for(demand, problem.supplies[arc.supply], arc.distance_km);
    result.suggestions.push_back(suggestion);
    result.summary.units_served += units[a];
    result.summary.priority_served += units[a] * suggestion.priority;
    result.summary.total_distance_km += static_cast<double>(units[a]) * arc.distance_km;
    served[arc.demand] = true;
  }
  std::stable_sort(result.suggestions.begin(), result.suggestions.end(),
                   [](const Suggestion& a, const Suggestion& b) {
                     return std::make_tuple(-a.priority, a.demand, a.supply) <
                            std::make_tuple(-b.priority, b.demand, b.supply);
                   });
  for (const Demand& demand : problem.demands) result.summary.units_demanded += demand.quantity;
  result.summary.requests_served = std::count(served.begin(), served.end(), true);
  result.summary.candidate_arcs = static_cast<std::int64_t>(arcs.size());
  return result;
}

}  // namespace

std::int64_t priority(const Demand& demand) {
  std::int64_t points = detail::kFlexiblePoints;
  if (demand.urgency == Urgency::kToday) points = detail::kTodayPoints;
  if (demand.urgency == Urgency::kWeek) points = detail::kWeekPoints;
  return points + std::clamp<std::int64_t>(demand.waited_days, 0, detail::kMaxWaitedDays);
}

Result solve(const Problem& problem, const Options& options) {
  return detail::solve_with(problem, options, detail::Settings{});
}

namespace detail {

Result solve_with(const Problem& problem, const Options& options, const Settings& settings) {
  detail::validate(problem);
  const std::vector<Arc> arcs = detail::candidate_arcs(problem);
  const std::vector<Component> components = components_of(problem, arcs);
  std::vector<std::uint32_t> local(problem.demands.size() + problem.supplies.size(), 0);
  for (const Component& component : components) {
    for (std::uint32_t i = 0; i < component.demands.size(); ++i) local[component.demands[i]] = i;
    for (std::uint32_t j = 0; j < component.supplies.size(); ++j) {
      local[problem.demands.size() + component.supplies[j]] = j;
    }
  }
  std::vector<std::vector<std::int64_t>> flows(components.size());
  std::vector<std::exception_ptr> errors(components.size());
  const auto solve_one = [&](std::size_t c) {
    try {
      const Component& component = components[c];
      flows[c] = component.demands.size() == 1 || component.supplies.size() == 1
                     ? solve_star(problem, arcs, component)
                     : detail::solve_with_lemon(problem, arcs, component, local, settings);
    } catch (...) {
      errors[c] = std::current_exception();
    }
  };
  const std::size_t threads = std::min<std::size_t>(
      static_cast<std::size_t>(std::max(options.threads, 1)), components.size());
  if (threads <= 1) {
    for (std::size_t c = 0; c < components.size(); ++c) solve_one(c);
  } else {
    // The largest components first, so that no thread is left with a big one at the end.
    std::vector<std::size_t> order(components.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return components[a].arcs.size() > components[b].arcs.size();
    });
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < order.size(); i = next++) solve_one(order[i]);
      });
    }
    for (std::thread& worker : workers) worker.join();
  }
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  std::vector<std::int64_t> units(arcs.size(), 0);
  for (std::size_t c = 0; c < components.size(); ++c) {
    for (std::size_t k = 0; k < components[c].arcs.size(); ++k)
      units[components[c].arcs[k]] = flows[c][k];
  }
  Result result = assemble(problem, arcs, units);
  result.summary.components = static_cast<std::int64_t>(components.size());
  return result;
}

}  // namespace detail

Result solve_greedy(const Problem& problem) {
  detail::validate(problem);
  const std::vector<Arc> arcs = detail::candidate_arcs(problem);
  std::vector<std::size_t> order(arcs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(arcs[a].distance_km, arcs[a].demand, arcs[a].supply) <
           std::tie(arcs[b].distance_km, arcs[b].demand, arcs[b].supply);
  });
  std::vector<std::int64_t> need(problem.demands.size()), capacity(problem.supplies.size());
  for (std::size_t d = 0; d < need.size(); ++d) need[d] = problem.demands[d].quantity;
  for (std::size_t s = 0; s < capacity.size(); ++s) capacity[s] = problem.supplies[s].capacity;
  std::vector<std::int64_t> units(arcs.size(), 0);
  for (const std::size_t a : order) {
    const std::int64_t take = std::min(need[arcs[a].demand], capacity[arcs[a].supply]);
    units[a] = take;
    need[arcs[a].demand] -= take;
    capacity[arcs[a].supply] -= take;
  }
  return assemble(problem, arcs, units);
}

}  // namespace gapfill::engine::matcher
