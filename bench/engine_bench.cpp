// gapfill_bench_engine: the in-memory read path on its own (DESIGN.md 3,
// "engine/ is where speed matters most and is benchmarked on its own").
//
// One read model (domain::PostIndex) holding a million live posts in 1,000
// networks centred on real towns, built once and shared by every case:
//   - a "near" listing (25 km, 50 items) in the busiest and in a typical network
//   - a newest-first listing, first page and a later page
//   - geo::distance_km against geo::separation on unit vectors
//   - SpatialGrid over all the points: a full scan and a nearest-first search
//
//   gapfill_bench_engine [--benchmark_filter=Near] [google-benchmark flags]
//   BENCH_ENGINE_POSTS=200000 gapfill_bench_engine   (a smaller index)

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>

#include "dataset.hpp"
#include "domain/post_index.hpp"
#include "engine/geo.hpp"
#include "engine/spatial_grid.hpp"

namespace gapfill::bench {
namespace {

constexpr double kNearRadiusKm = 25.0;
constexpr int kPageLimit = 50;
constexpr std::int64_t kDefaultPosts = 1'000'000;
constexpr UnixSeconds kFixedNow = 1'767'225'600;  // 2026-01-01, so every run builds the same index
// The cell size of the stand-alone grid cases: that of PostIndex's own grids.
constexpr double kGridCellDegrees = 0.05;

struct NetworkStats {
  NetworkId id = 0;
  geo::Point centre;
  std::int64_t posts = 0;
};

// Everything the cases share, built on first use.
struct World {
  domain::PostIndex index;
  // Every post in one grid, as one index for all networks would hold them.
  geo::SpatialGrid<PostId> all_points{kGridCellDegrees};
  std::vector<NetworkStats> networks;
  NetworkStats busiest;
  NetworkStats typical;  // the median network by post count
  std::int64_t posts = 0;
  double build_seconds = 0;
};

std::int64_t posts_wanted() {
  if (const char* text = std::getenv("BENCH_ENGINE_POSTS")) {
    const long long value = std::atoll(text);
    if (value > 0) return value;
  }
  return kDefaultPosts;
}

World& world() {
  static World* const built = [] {
    const auto started = std::chrono::steady_clock::now();
    auto* w = new World();
    DatasetOptions options;
    options.posts = posts_wanted();
    options.now = kFixedNow;
    options.live_only = true;
    Dataset dataset(options);
    for (std::size_t i = 0; i < dataset.networks().size(); ++i) {
      w->networks.push_back(NetworkStats{static_cast<NetworkId>(i + 1),
                                         dataset.networks()[i].network.area.centre, 0});
    }
    Post post;
    for (std::int64_t i = 0; i < options.posts; ++i) {
      const std::size_t network = dataset.next_post(post);
      post.id = i + 1;
      post.network_id = w->networks[network].id;
      w->index.apply(post);
      w->all_points.insert(post.point, post.id);
      ++w->networks[network].posts;
    }
    w->posts = options.posts;
    std::vector<NetworkStats> by_size = w->networks;
    std::sort(by_size.begin(), by_size.end(),
              [](const NetworkStats& a, const NetworkStats& b) { return a.posts > b.posts; });
    w->busiest = by_size.front();
    w->typical = by_size[by_size.size() / 2];
    w->build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format(
        "index: {} live posts in {} networks, built in {:.1f} s; busiest network {} posts, "
        "median {}\n",
        w->index.size(), w->networks.size(), w->build_seconds, w->busiest.posts, w->typical.posts);
    return w;
  }();
  return *built;
}

domain::ListQuery near_query(const NetworkStats& network) {
  domain::ListQuery query;
  query.network_id = network.id;
  query.status = PostStatus::kOpen;
  query.near = network.centre;
  query.radius_km = kNearRadiusKm;
  query.limit = kPageLimit;
  return query;
}

domain::ListQuery newest_query(const NetworkStats& network) {
  domain::ListQuery query;
  query.network_id = network.id;
  query.status = PostStatus::kOpen;
  query.limit = kPageLimit;
  return query;
}

void report_items(benchmark::State& state, const NetworkStats& network, std::size_t items) {
  state.counters["network_posts"] = static_cast<double>(network.posts);
  state.counters["items"] = static_cast<double>(items);
}

void BM_PostIndexNear(benchmark::State& state, bool busiest) {
  const World& w = world();
  const NetworkStats& network = busiest ? w.busiest : w.typical;
  const domain::ListQuery query = near_query(network);
  std::size_t items = 0;
  for (auto _ : state) {
    const domain::ListPage page = w.index.list(query);
    items = page.items.size();
    benchmark::DoNotOptimize(page.items.data());
  }
  report_items(state, network, items);
}
BENCHMARK_CAPTURE(BM_PostIndexNear, busiest, true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PostIndexNear, typical, false)->Unit(benchmark::kMicrosecond);

// The same listing narrowed to one category: fewer matches per cell visited.
void BM_PostIndexNearCategory(benchmark::State& state) {
  const World& w = world();
  domain::ListQuery query = near_query(w.busiest);
  query.category = "childcare";
  std::size_t items = 0;
  for (auto _ : state) {
    const domain::ListPage page = w.index.list(query);
    items = page.items.size();
    benchmark::DoNotOptimize(page.items.data());
  }
  report_items(state, w.busiest, items);
}
BENCHMARK(BM_PostIndexNearCategory)->Unit(benchmark::kMicrosecond);

// The second page of the near listing, through the cursor of the first.
void BM_PostIndexNearPage2(benchmark::State& state) {
  const World& w = world();
  domain::ListQuery query = near_query(w.busiest);
  query.after = w.index.list(query).next;
  std::size_t items = 0;
  for (auto _ : state) {
    const domain::ListPage page = w.index.list(query);
    items = page.items.size();
    benchmark::DoNotOptimize(page.items.data());
  }
  report_items(state, w.busiest, items);
}
BENCHMARK(BM_PostIndexNearPage2)->Unit(benchmark::kMicrosecond);

void BM_PostIndexNewest(benchmark::State& state, bool busiest) {
  const World& w = world();
  const NetworkStats& network = busiest ? w.busiest : w.typical;
  const domain::ListQuery query = newest_query(network);
  std::size_t items = 0;
  for (auto _ : state) {
    const domain::ListPage page = w.index.list(query);
    items = page.items.size();
    benchmark::DoNotOptimize(page.items.data());
  }
  report_items(state, network, items);
}
BENCHMARK_CAPTURE(BM_PostIndexNewest, busiest, true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PostIndexNewest, typical, false)->Unit(benchmark::kMicrosecond);

// Newest first, ten pages in: the cursor's upper_bound, then a page.
void BM_PostIndexNewestPage10(benchmark::State& state) {
  const World& w = world();
  domain::ListQuery query = newest_query(w.busiest);
  for (int page = 0; page < 9 && (page == 0 || query.after); ++page) {
    query.after = w.index.list(query).next;
  }
  std::size_t items = 0;
  for (auto _ : state) {
    const domain::ListPage page = w.index.list(query);
    items = page.items.size();
    benchmark::DoNotOptimize(page.items.data());
  }
  report_items(state, w.busiest, items);
}
BENCHMARK(BM_PostIndexNewestPage10)->Unit(benchmark::kMicrosecond);

// The cost of one committed write reaching the read model: a post of the
// busiest network taken out and put back.
void BM_PostIndexApply(benchmark::State& state) {
  World& w = world();
  const domain::ListPage page = w.index.list(near_query(w.busiest));
  if (page.items.empty()) {
    state.SkipWithError("the busiest network has no post near its centre");
    return;
  }
  const domain::ListedPost& listed = page.items.front().post;
  Post post;
  post.id = listed.id;
  post.network_id = w.busiest.id;
  post.kind = listed.kind;
  post.category = listed.category;
  post.title = listed.title;
  post.urgency = listed.urgency;
  post.point = listed.point;
  post.status = listed.status;
  post.created_at = listed.created_at;
  post.updated_at = listed.created_at;
  post.waiting_since = listed.waiting_since;
  for (auto _ : state) w.index.apply(post);
}
BENCHMARK(BM_PostIndexApply)->Unit(benchmark::kNanosecond);

std::vector<geo::Point> random_points() {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> lat(40.0, 41.0), lon(-75.0, -73.0);
  std::vector<geo::Point> points(4096);
  for (auto& point : points) point = {lat(random), lon(random)};
  return points;
}

// Haversine with its trigonometry: what ranking by kilometres costs per point.
void BM_DistanceKm(benchmark::State& state) {
  const std::vector<geo::Point> points = random_points();
  const geo::Point centre{40.7128, -74.0060};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(geo::distance_km(centre, points[i]));
    i = (i + 1) & (points.size() - 1);
  }
}
BENCHMARK(BM_DistanceKm);

// The same ranking on precomputed unit vectors, as the grid does it.
void BM_SeparationUnitVector(benchmark::State& state) {
  std::vector<geo::UnitVector> vectors;
  for (const geo::Point& point : random_points()) vectors.push_back(geo::to_unit_vector(point));
  const geo::UnitVector centre = geo::to_unit_vector({40.7128, -74.0060});
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(geo::separation(centre, vectors[i]));
    i = (i + 1) & (vectors.size() - 1);
  }
}
BENCHMARK(BM_SeparationUnitVector);

// Every point within the radius, all networks in one grid: the full scan a
// "near" query pays when it cannot stop early (a filter that matches little,
// or a late page). Argument: radius in km.
void BM_SpatialGridForEachWithin(benchmark::State& state) {
  const World& w = world();
  const double radius_km = static_cast<double>(state.range(0));
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    w.all_points.for_each_within(w.busiest.centre, radius_km, [&](PostId, double) { ++found; });
    benchmark::DoNotOptimize(found);
  }
  state.counters["points_within"] = static_cast<double>(found);
  state.counters["points_per_s"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SpatialGridForEachWithin)->Arg(5)->Arg(25)->Arg(100)->Unit(benchmark::kMicrosecond);

// The 51 nearest points (a page of 50 and one to know there is more) of all
// networks, cells visited in rings, stopping once nothing unvisited can be
// nearer. Argument: radius in km.
void BM_SpatialGridNearestFirst(benchmark::State& state) {
  const World& w = world();
  const double radius_km = static_cast<double>(state.range(0));
  constexpr std::size_t kWanted = kPageLimit + 1;
  std::vector<double> heap;  // max-heap of separations
  heap.reserve(kWanted + 1);
  for (auto _ : state) {
    heap.clear();
    w.all_points.for_each_nearest_first(
        w.busiest.centre, radius_km,
        [&](PostId, double separation) {
          if (heap.size() == kWanted) {
            if (separation >= heap.front()) return;
            std::pop_heap(heap.begin(), heap.end());
            heap.pop_back();
          }
          heap.push_back(separation);
          std::push_heap(heap.begin(), heap.end());
        },
        [&](double unvisited_at_least) {
          return heap.size() == kWanted && heap.front() < unvisited_at_least;
        });
    benchmark::DoNotOptimize(heap.data());
  }
  state.counters["found"] = static_cast<double>(heap.size());
}
BENCHMARK(BM_SpatialGridNearestFirst)->Arg(5)->Arg(25)->Arg(100)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace gapfill::bench

// Builds the shared index before any case, so that its one-off cost and
// size are reported apart from the timings.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const auto& w = gapfill::bench::world();
  benchmark::AddCustomContext("index_live_posts", std::to_string(w.index.size()));
  benchmark::AddCustomContext("index_build_seconds", fmt::format("{:.1f}", w.build_seconds));
  benchmark::AddCustomContext("busiest_network_posts", std::to_string(w.busiest.posts));
  benchmark::AddCustomContext("median_network_posts", std::to_string(w.typical.posts));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
