#include "engine/matcher/flow.hpp"

#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gapfill::engine::matcher::detail {
namespace {

using Int128 = __int128;
constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();

[[noreturn]] void too_large() {
  throw std::overflow_error("matcher: the costs of a component do not fit in 64 bits");
}

}  // namespace

Weights weights_for(const Problem& problem, const std::vector<Arc>& arcs,
                    const Component& component) {
  std::int64_t max_distance = 0;
  for (const std::uint32_t a : component.arcs) {
    max_distance = std::max(max_distance, arcs[a].distance_units);
  }
  std::int64_t max_priority = 0;
  Int128 demanded = 0, offered = 0;
  for (const std::uint32_t d : component.demands) {
    max_priority = std::max(max_priority, priority(problem.demands[d]));
    demanded += problem.demands[d].quantity;
  }
  for (const std::uint32_t s : component.supplies) offered += problem.supplies[s].capacity;
  // N: one more than the most demand-to-supply arcs a simple path or cycle can use.
  const Int128 n =
      static_cast<Int128>(std::min(component.demands.size(), component.supplies.size())) + 1;
  const Int128 distance_bound = n * max_distance;
  const Int128 priority_weight = distance_bound + 1;
  const Int128 serve_weight = priority_weight * max_priority + distance_bound + 1;
  const Int128 max_cost = serve_weight + priority_weight * max_priority;
  const Int128 nodes =
      static_cast<Int128>(component.demands.size() + component.supplies.size()) + 2;
  // LEMON's artificial arcs cost (max cost + 1) * nodes, and potentials sum
  // costs along tree paths; the total cost is at most units * max cost.
  if (max_cost >= kInt64Max / 4 || (max_cost + 1) * nodes * 4 >= kInt64Max ||
      std::min(demanded, offered) * max_cost >= kInt64Max / 2) {
    too_large();
  }
  return {static_cast<std::int64_t>(serve_weight), static_cast<std::int64_t>(priority_weight)};
}

namespace {

// One LEMON run over the active arcs: the flow on each graph arc and the
// potential of each node.
template <typename Solver>
void run_solver(const lemon::StaticDigraph& graph,
                const lemon::StaticDigraph::ArcMap<std::int64_t>& upper,
                const lemon::StaticDigraph::ArcMap<std::int64_t>& cost,
                const lemon::StaticDigraph::NodeMap<std::int64_t>& supply,
                std::vector<std::int64_t>& flow, std::vector<std::int64_t>& potential) {
  Solver solver(graph);
  solver.upperMap(upper).costMap(cost).supplyMap(supply);
  if (solver.run() != Solver::OPTIMAL) {
    throw std::logic_error("matcher: the flow problem has no optimum");
  }
  flow.resize(static_cast<std::size_t>(graph.arcNum()));
  for (int a = 0; a < graph.arcNum(); ++a)
    flow[static_cast<std::size_t>(a)] = solver.flow(graph.arc(a));
  potential.resize(static_cast<std::size_t>(graph.nodeNum()));
  for (int n = 0; n < graph.nodeNum(); ++n) {
    potential[static_cast<std::size_t>(n)] = solver.potential(graph.node(n));
  }
}

// Marks the `count` nearest of the arcs `members` (by distance, then position).
void mark_nearest(std::vector<std::uint32_t>& members, const std::vector<std::int64_t>& distance,
                  std::size_t count, std::vector<char>& active) {
  const auto nearer = [&](std::uint32_t a, std::uint32_t b) {
    return distance[a] != distance[b] ? distance[a] < distance[b] : a < b;
  };
  if (members.size() > count) {
    std::nth_element(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(count),
                     members.end(), nearer);
    members.resize(count);
  }
  for (const std::uint32_t a : members) active[a] = 1;
}

}  // namespace

std::vector<std::int64_t> solve_with_lemon(const Problem& problem, const std::vector<Arc>& arcs,
                                           const Component& component,
                                           const std::vector<std::uint32_t>& local,
                                           const Settings& settings) {
  const Weights weights = weights_for(problem, arcs, component);
  const std::size_t demands = component.demands.size(), supplies = component.supplies.size();
  const std::size_t global_demands = problem.demands.size();
  const std::size_t count = component.arcs.size();
  const int sink = static_cast<int>(demands + supplies);
  // The component's arcs, in its order (grouped by demand, ascending).
  std::vector<int> tail(count), head(count);
  std::vector<std::int64_t> arc_upper(count), arc_cost(count), distance(count);
  std::vector<std::size_t> first_of_demand(demands + 1, count);
  for (std::size_t k = count; k-- > 0;) {
    const Arc& arc = arcs[component.arcs[k]];
    const Demand& demand = problem.demands[arc.demand];
    tail[k] = static_cast<int>(local[arc.demand]);
    head[k] = static_cast<int>(demands + local[global_demands + arc.supply]);
    arc_upper[k] = std::min(demand.quantity, problem.supplies[arc.supply].capacity);
    arc_cost[k] = -(weights.serve + weights.priority * priority(demand)) + arc.distance_units;
    distance[k] = arc.distance_units;
    first_of_demand[static_cast<std::size_t>(tail[k])] = k;
  }
  // Pricing: solve over a few arcs per node (each demand's and each supply's
  // nearest), then add every arc the solution's potentials price below zero
  // and solve again, until none is left. The last solution is optimal over
  // all arcs: its flow is feasible there and its potentials price every arc
  // at zero or more (linear programming duality).
  std::vector<char> active(count, settings.initial_arcs_per_node == 0 ? 1 : 0);
  if (settings.initial_arcs_per_node > 0) {
    std::vector<std::uint32_t> members;
    for (std::size_t i = 0; i < demands; ++i) {
      members.clear();
      for (std::size_t k = first_of_demand[i]; k < first_of_demand[i + 1]; ++k) {
        members.push_back(static_cast<std::uint32_t>(k));
      }
      mark_nearest(members, distance, settings.initial_arcs_per_node, active);
    }
    std::vector<std::size_t> first_of_supply(supplies + 1, 0);
    for (std::size_t k = 0; k < count; ++k) {
      ++first_of_supply[static_cast<std::size_t>(head[k]) - demands + 1];
    }
    for (std::size_t j = 0; j < supplies; ++j) first_of_supply[j + 1] += first_of_supply[j];
    std::vector<std::uint32_t> by_supply(count);
    std::vector<std::size_t> next = first_of_supply;
    for (std::size_t k = 0; k < count; ++k) {
      by_supply[next[static_cast<std::size_t>(head[k]) - demands]++] =
          static_cast<std::uint32_t>(k);
    }
    for (std::size_t j = 0; j < supplies; ++j) {
      members.assign(by_supply.begin() + static_cast<std::ptrdiff_t>(first_of_supply[j]),
                     by_supply.begin() + static_cast<std::ptrdiff_t>(first_of_supply[j + 1]));
      mark_nearest(members, distance, settings.initial_arcs_per_node, active);
    }
  }
  std::int64_t total = 0;
  for (const std::uint32_t d : component.demands) total += problem.demands[d].quantity;

  std::vector<std::pair<int, int>> ends;
  std::vector<std::int64_t> upper_list, cost_list, graph_flow, potential;
  std::vector<int> arc_id(count, -1);
  for (;;) {
    // Arcs in order of their source, as StaticDigraph wants them: each
    // demand's active arcs to supplies, then its arc to the sink at no cost
    // (the units left unserved); then each supply's arc to the sink.
    ends.clear();
    upper_list.clear();
    cost_list.clear();
    std::fill(arc_id.begin(), arc_id.end(), -1);
    for (std::size_t i = 0; i < demands; ++i) {
      for (std::size_t k = first_of_demand[i]; k < first_of_demand[i + 1]; ++k) {
        if (!active[k]) continue;
        arc_id[k] = static_cast<int>(ends.size());
        ends.emplace_back(tail[k], head[k]);
        upper_list.push_back(arc_upper[k]);
        cost_list.push_back(arc_cost[k]);
      }
      ends.emplace_back(static_cast<int>(i), sink);
      upper_list.push_back(problem.demands[component.demands[i]].quantity);
      cost_list.push_back(0);
    }
    for (std::size_t j = 0; j < supplies; ++j) {
      ends.emplace_back(static_cast<int>(demands + j), sink);
      upper_list.push_back(problem.supplies[component.supplies[j]].capacity);
      cost_list.push_back(0);
    }
    lemon::StaticDigraph graph;
    graph.build(sink + 1, ends.begin(), ends.end());
    lemon::StaticDigraph::ArcMap<std::int64_t> upper(graph), cost(graph);
    for (std::size_t a = 0; a < ends.size(); ++a) {
      upper[graph.arc(static_cast<int>(a))] = upper_list[a];
      cost[graph.arc(static_cast<int>(a))] = cost_list[a];
    }
    lemon::StaticDigraph::NodeMap<std::int64_t> supply(graph, 0);
    for (std::size_t i = 0; i < demands; ++i) {
      supply[graph.node(static_cast<int>(i))] = problem.demands[component.demands[i]].quantity;
    }
    supply[graph.node(sink)] = -total;
    if (settings.algorithm == Algorithm::kNetworkSimplex) {
      run_solver<lemon::NetworkSimplex<lemon::StaticDigraph, std::int64_t, std::int64_t>>(
          graph, upper, cost, supply, graph_flow, potential);
    } else {
      run_solver<lemon::CostScaling<lemon::StaticDigraph, std::int64_t, std::int64_t>>(
          graph, upper, cost, supply, graph_flow, potential);
    }
    std::size_t added = 0;
    for (std::size_t k = 0; k < count; ++k) {
      if (active[k]) continue;
      const Int128 reduced = static_cast<Int128>(arc_cost[k]) +
                             potential[static_cast<std::size_t>(tail[k])] -
                             potential[static_cast<std::size_t>(head[k])];
      if (reduced < 0) {
        active[k] = 1;
        ++added;
      }
    }
    if (added == 0) break;
  }
  std::vector<std::int64_t> flow(count, 0);
  for (std::size_t k = 0; k < count; ++k) {
    if (arc_id[k] >= 0) flow[k] = graph_flow[static_cast<std::size_t>(arc_id[k])];
  }
  return flow;
}

}  // namespace gapfill::engine::matcher::detail
