// gapfill_bench_matcher: the matcher (engine/matcher/matcher.hpp) on realistic
// networks, against the greedy nearest-first baseline on the same instances.
//
// The instance for N: N requests and N offers or volunteers in towns
// clustered over a region around a real town (bench/towns.hpp), the region's
// area growing with N so that every request sees about as many candidates at
// any size (about 100: 1,000,000 arcs at 10,000, 10,000,000 at 100,000).
// Eight categories, urgencies and waits mixed, a fifth of the supplies are
// volunteers, some windows and languages. Seeded: every run is the same.
//
//   gapfill_bench_matcher [--benchmark_filter=Matcher/10000]
//
// Counters: arcs, components, units served, served_ratio (flow units served /
// greedy units served), distance_ratio (flow total km / greedy total km),
// km_per_unit_ratio, and peak_rss_mb (getrusage, the whole process so far).

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <random>

#include "engine/matcher/candidates.hpp"
#include "engine/matcher/flow.hpp"
#include "engine/matcher/matcher.hpp"
#include "towns.hpp"

namespace gapfill::bench {
namespace {

namespace m = engine::matcher;

constexpr std::uint64_t kSeed = 20261123;
constexpr std::uint32_t kCategories = 8;
constexpr std::int64_t kPeoplePerTown = 250;  // requests per cluster, on average
constexpr double kRegionSideKmAt10k = 100;    // the region's side for 10,000 requests
constexpr double kTownSigmaKm = 6;            // how far people live from their town's centre
constexpr double kKmPerDegree = 111.195;
constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kNow = 1'767'225'600;  // 2026-01-01

m::Problem make_problem(std::int64_t n) {
  std::mt19937_64 random(kSeed + static_cast<std::uint64_t>(n));
  auto uniform = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random);
  };
  auto real = [&](double low, double high) {
    return std::uniform_real_distribution<double>(low, high)(random);
  };
  std::normal_distribution<double> around(0, kTownSigmaKm);
  // The region: a square around Chicago, its side growing about with sqrt(N)
  // (a little faster, as fewer people sit near its edges at larger N).
  const Town* anchor = &towns()[0];
  for (const Town& town : towns()) {
    if (std::strcmp(town.name, "Chicago") == 0) anchor = &town;
  }
  const double side_km = kRegionSideKmAt10k * std::pow(static_cast<double>(n) / 10'000, 0.53);
  const double km_per_lon_degree = kKmPerDegree * std::cos(anchor->lat * M_PI / 180);
  struct Centre {
    double lat, lon;
  };
  const std::int64_t clusters = std::max<std::int64_t>(1, n / kPeoplePerTown);
  std::vector<Centre> centres;
  std::vector<double> weights;
  for (std::int64_t c = 0; c < clusters; ++c) {
    centres.push_back({anchor->lat + real(-side_km / 2, side_km / 2) / kKmPerDegree,
                       anchor->lon + real(-side_km / 2, side_km / 2) / km_per_lon_degree});
    weights.push_back(1.0 / static_cast<double>(1 + c % 20));  // a few big towns, many small
  }
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  auto place = [&](double& lat, double& lon) {
    const Centre& centre = centres[pick(random)];
    lat = centre.lat + around(random) / kKmPerDegree;
    lon = centre.lon + around(random) / km_per_lon_degree;
  };
  auto window = [&] {
    m::Window w;
    if (uniform(0, 9) < 3) {  // three in ten name some days in the next two weeks
      w.from = kNow + uniform(0, 10) * kDay;
      w.to = w.from + uniform(1, 5) * kDay;
    }
    return w;
  };
  const double demand_reach[] = {9, 13.5, 18, 27};
  const double supply_reach[] = {9, 18, 22.5, 36};
  m::Problem problem;
  problem.demands.reserve(static_cast<std::size_t>(n));
  problem.supplies.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    m::Demand demand;
    demand.id = i + 1;
    demand.category = static_cast<std::uint32_t>(uniform(0, kCategories - 1));
    demand.quantity = uniform(0, 9) < 7 ? 1 : uniform(2, 4);
    place(demand.lat, demand.lon);
    demand.max_km = demand_reach[uniform(0, 3)];
    demand.window = window();
    const std::int64_t u = uniform(0, 9);
    demand.urgency = u < 2 ? m::Urgency::kToday : u < 5 ? m::Urgency::kWeek : m::Urgency::kFlexible;
    demand.waited_days =
        static_cast<std::int64_t>(std::exponential_distribution<double>(0.1)(random));
    if (uniform(0, 4) == 0) demand.languages = {static_cast<std::uint32_t>(uniform(1, 3))};
    problem.demands.push_back(std::move(demand));
  }
  for (std::int64_t j = 0; j < n; ++j) {
    m::Supply supply;
    supply.volunteer = uniform(0, 4) == 0;
    supply.id = j + 1;
    supply.categories = {static_cast<std::uint32_t>(uniform(0, kCategories - 1))};
    if (supply.volunteer) {
      for (std::int64_t extra = uniform(0, 2); extra > 0; --extra) {
        supply.categories.push_back(static_cast<std::uint32_t>(uniform(0, kCategories - 1)));
      }
    }
    supply.capacity = supply.volunteer ? uniform(1, 3) : uniform(1, 5);
    place(supply.lat, supply.lon);
    supply.max_km = supply_reach[uniform(0, 3)];
    supply.window = window();
    supply.languages = {1};
    if (uniform(0, 2) == 0) supply.languages.push_back(static_cast<std::uint32_t>(uniform(2, 3)));
    problem.supplies.push_back(std::move(supply));
  }
  return problem;
}

// One instance and its greedy result per size, built once.
struct Instance {
  m::Problem problem;
  m::Result greedy;
};

const Instance& instance(std::int64_t n) {
  static std::map<std::int64_t, std::unique_ptr<Instance>> cache;
  auto& slot = cache[n];
  if (!slot) {
    slot = std::make_unique<Instance>();
    slot->problem = make_problem(n);
    slot->greedy = m::solve_greedy(slot->problem);
  }
  return *slot;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;  // kilobytes on Linux
}

void report(benchmark::State& state, const Instance& data, const m::Result& result) {
  const m::Summary& flow = result.summary;
  const m::Summary& greedy = data.greedy.summary;
  state.counters["arcs"] = static_cast<double>(flow.candidate_arcs);
  state.counters["components"] = static_cast<double>(flow.components);
  state.counters["units_served"] = static_cast<double>(flow.units_served);
  state.counters["units_demanded"] = static_cast<double>(flow.units_demanded);
  state.counters["served_ratio"] =
      static_cast<double>(flow.units_served) / static_cast<double>(greedy.units_served);
  state.counters["priority_ratio"] =
      static_cast<double>(flow.priority_served) / static_cast<double>(greedy.priority_served);
  state.counters["distance_ratio"] = flow.total_distance_km / greedy.total_distance_km;
  state.counters["km_per_unit_ratio"] =
      (flow.total_distance_km / static_cast<double>(flow.units_served)) /
      (greedy.total_distance_km / static_cast<double>(greedy.units_served));
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

void BM_Matcher(benchmark::State& state, int threads) {
  const Instance& data = instance(state.range(0));
  m::Result result;
  for (auto _ : state) {
    result = m::solve(data.problem, {.threads = threads});
    benchmark::DoNotOptimize(result.suggestions.data());
  }
  report(state, data, result);
}

void BM_MatcherCostScaling(benchmark::State& state) {
  const Instance& data = instance(state.range(0));
  m::Result result;
  for (auto _ : state) {
    result =
        m::detail::solve_with(data.problem, {}, {.algorithm = m::detail::Algorithm::kCostScaling});
    benchmark::DoNotOptimize(result.suggestions.data());
  }
  report(state, data, result);
}

void BM_CandidateArcs(benchmark::State& state) {
  const Instance& data = instance(state.range(0));
  std::size_t arcs = 0;
  for (auto _ : state) {
    arcs = m::detail::candidate_arcs(data.problem).size();
    benchmark::DoNotOptimize(arcs);
  }
  state.counters["arcs"] = static_cast<double>(arcs);
}

void BM_Greedy(benchmark::State& state) {
  const Instance& data = instance(state.range(0));
  m::Result result;
  for (auto _ : state) {
    result = m::solve_greedy(data.problem);
    benchmark::DoNotOptimize(result.suggestions.data());
  }
  report(state, data, result);
}

// Budgets (issue 6): 10,000 at most 1 s; 100,000 at most 20 s and 4 GB.
BENCHMARK_CAPTURE(BM_Matcher, threads1, 1)
    ->Arg(10'000)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Matcher, threads2, 2)
    ->Arg(10'000)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CandidateArcs)
    ->Arg(10'000)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_MatcherCostScaling)
    ->Arg(10'000)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Greedy)->Arg(10'000)->Repetitions(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Matcher, threads1, 1)
    ->Arg(100'000)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Matcher, threads2, 2)
    ->Arg(100'000)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Greedy)
    ->Arg(100'000)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace gapfill::bench

BENCHMARK_MAIN();
