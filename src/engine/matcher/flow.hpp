#pragma once
// One connected component of the candidate graph as a min-cost flow (LEMON's
// NetworkSimplex). Plain C++17 here; only flow.cpp includes LEMON.

#include <cstdint>
#include <vector>

#include "engine/matcher/candidates.hpp"

namespace gapfill::engine::matcher::detail {

// A connected component: its demands and supplies (global indices, ascending)
// and its arcs (indices into the candidate arcs, ascending).
struct Component {
  std::vector<std::uint32_t> demands;
  std::vector<std::uint32_t> supplies;
  std::vector<std::uint32_t> arcs;
};

// Which LEMON solver runs a component with more than one demand and supply.
enum class Algorithm { kNetworkSimplex, kCostScaling };

struct Settings {
  Algorithm algorithm = Algorithm::kNetworkSimplex;
  // Each demand's and each supply's nearest arcs that the first solve uses
  // (0: all arcs); priced-out arcs join until the solution is optimal.
  std::size_t initial_arcs_per_node = 8;
};

// The per-unit cost weights of one component (docs/matching.md): an arc from
// demand d costs -(serve + priority_weight * priority(d)) + distance units.
struct Weights {
  std::int64_t serve = 0;
  std::int64_t priority = 0;
};

// The weights that make the single cost exactly lexicographic for this
// component. Throws std::overflow_error when the costs, or the total cost,
// could leave 64 bits.
Weights weights_for(const Problem& problem, const std::vector<Arc>& arcs,
                    const Component& component);

// The units on each of the component's arcs (in component.arcs order) in a
// lexicographically best assignment. `local` maps a global demand index to its
// position in component.demands, and a global supply index to its position in
// component.supplies (demands first: local[d], then local[demands + s]).
std::vector<std::int64_t> solve_with_lemon(const Problem& problem, const std::vector<Arc>& arcs,
                                           const Component& component,
                                           const std::vector<std::uint32_t>& local,
                                           const Settings& settings);

// solve() with chosen settings, for the tests and the benchmark.
Result solve_with(const Problem& problem, const Options& options, const Settings& settings);

}  // namespace gapfill::engine::matcher::detail
