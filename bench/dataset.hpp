#pragma once
// A synthetic but realistic data set for the benchmarks: networks centred on
// real towns (bigger places get more networks and more posts), posts
// clustered around their network's centre, every category, both kinds, the
// status mix of a network that has been running for a couple of months, and
// short titles of the kind people write. Deterministic for a given seed and
// `now`, so two runs measure the same data.

#include <cstdint>
#include <random>
#include <vector>

#include "store/model.hpp"
#include "towns.hpp"

namespace gapfill::bench {

struct DatasetOptions {
  int networks = 1000;
  std::int64_t posts = 1'000'000;
  std::uint64_t seed = 1;
  UnixSeconds now = 0;     // when the data set is "taken"; 0: the clock
  int history_days = 60;   // created_at spreads over this many days before `now`
  double spread_km = 8.0;  // standard deviation of a post around its network's centre
  bool live_only = false;  // every post open or matched: what the read model holds
};

// Post expiry days of every generated network. Longer than `history_days`
// so that a freshly generated data set holds no open post that the server's
// expiry sweep would close (and write to the database) during a benchmark.
inline constexpr int kNetworkPostExpiryDays = 90;

struct PlannedNetwork {
  Network network;  // id 0: the store assigns it
  const Town* town = nullptr;
  double weight = 0;  // its share of the posts, relative to the others
};

class Dataset {
 public:
  explicit Dataset(const DatasetOptions& options);

  const DatasetOptions& options() const { return options_; }
  const std::vector<PlannedNetwork>& networks() const { return networks_; }

  // Fills `post` with the next post, in created_at order (the order the
  // posts would have been written), and returns the index in networks() of
  // the network it belongs to. Sets every field but `id` and `network_id`.
  std::size_t next_post(Post& post);

  // How many posts next_post() has made.
  std::int64_t made() const { return made_; }

 private:
  void plan_networks();
  void fill_status(Post& post, double age_fraction);
  void fill_window(Post& post);

  DatasetOptions options_;
  std::mt19937_64 random_;
  std::vector<PlannedNetwork> networks_;
  std::discrete_distribution<std::size_t> pick_network_;
  std::discrete_distribution<std::size_t> pick_category_;
  std::int64_t made_ = 0;
};

}  // namespace gapfill::bench
