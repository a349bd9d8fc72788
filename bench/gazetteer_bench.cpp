// gapfill_bench_gazetteer: look-ups in the offline gazetteer (engine/gazetteer.hpp).
//
// Google Benchmark reports means; the budget is a p99 (at most 1 ms) and the
// index's memory (at most 50 MB), so each iteration runs a fixed, seeded mix of
// queries, times every call and reports counters:
//   p50_us, p99_us, max_us   per look-up, over every call of the run
//   index_mb                 the index's bytes (all of it resident, the worst case)
//
//   gapfill_bench_gazetteer [--benchmark_filter=Lookup] [google-benchmark flags]

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "engine/gazetteer.hpp"

namespace gapfill::bench {
namespace {

using gazetteer::Gazetteer;

// Real names with and without qualifiers, ZIPs, accents, misses and typeahead prefixes.
std::vector<std::string> query_mix() {
  const std::vector<std::string> fixed = {"Missoula",
                                          "missoula mt",
                                          "Missoula, MT",
                                          "59801",
                                          "Medford, Oregon",
                                          "Astoria",
                                          "sao paulo",
                                          "São Paulo",
                                          "Portland, Maine",
                                          "Springfield",
                                          "London",
                                          "london ontario",
                                          "Paris, France",
                                          "Montréal",
                                          "lodz",
                                          "Zürich",
                                          "mexico city",
                                          "Nairobi",
                                          "Tokyo",
                                          "Victoria, British Columbia",
                                          "10001",
                                          "99501-1234",
                                          "Zzyzxqq",
                                          "san",
                                          "sa",
                                          "s",
                                          "new york",
                                          "albany new york",
                                          "Saint-Jérôme",
                                          "paulo",
                                          "springfield, il",
                                          "97501"};
  std::vector<std::string> queries = fixed;
  const auto& g = Gazetteer::embedded();
  std::mt19937 random(20261123);
  std::uniform_int_distribution<std::size_t> place(0, g.place_count() - 1);
  std::uniform_int_distribution<int> cut(2, 8);
  std::uniform_int_distribution<int> zip(501, 99950);
  while (queries.size() < 2000) {
    const std::string name(g.place_name(place(random)));
    switch (queries.size() % 4) {
      case 0:
        queries.push_back(name);  // a whole name
        break;
      case 1:
        queries.push_back(name.substr(0, static_cast<std::size_t>(cut(random))));  // typing
        break;
      case 2:
        queries.push_back(name + ", " +
                          std::string(g.lookup(name, 1).candidates.empty()
                                          ? "US"
                                          : g.lookup(name, 1).candidates[0].country));
        break;
      default:
        queries.push_back(std::to_string(zip(random)));
        break;
    }
  }
  return queries;
}

void BM_GazetteerLookup(benchmark::State& state) {
  const auto& g = Gazetteer::embedded();
  const auto queries = query_mix();
  std::vector<double> micros;
  micros.reserve(queries.size() * 64);
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& query : queries) {
      const auto start = std::chrono::steady_clock::now();
      const auto result = g.lookup(query, 8);
      const auto end = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(result);
      found += result.candidates.size();
      micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
  }
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) {
    return micros[std::min(micros.size() - 1, static_cast<std::size_t>(q * micros.size()))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = micros.back();
  state.counters["index_mb"] = static_cast<double>(g.memory_bytes()) / 1e6;
  state.counters["lookups"] = static_cast<double>(micros.size());
  state.counters["found_per_lookup"] =
      static_cast<double>(found) / static_cast<double>(micros.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(micros.size()));
}
BENCHMARK(BM_GazetteerLookup)->Unit(benchmark::kMillisecond);

// Opening the compiled-in index: a header check and the small qualifier tables.
void BM_GazetteerOpen(benchmark::State& state) {
  const auto& g = Gazetteer::embedded();
  (void)g;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Gazetteer::embedded().place_count());
  }
}
BENCHMARK(BM_GazetteerOpen);

}  // namespace
}  // namespace gapfill::bench

BENCHMARK_MAIN();
