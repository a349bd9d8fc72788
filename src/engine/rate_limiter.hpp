#pragma once
// Token buckets under named rules, one bucket per (rule, key): a rule lets a
// key (a client address today, an account later) make `max_requests` requests
// at once and then one more every `window_seconds / max_requests` seconds.
// No I/O; the clock is injected so that tests need not sleep.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gapfill::engine {

struct RateRule {
  std::string name;             // "posting", "sign_in", ...
  std::int64_t max_requests;    // the bucket's size: a burst of this many
  std::int64_t window_seconds;  // the bucket fills from empty in this time
};

class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  struct Decision {
    bool allowed = true;
    std::int64_t retry_after_seconds = 0;  // when refused: until one request is allowed
  };

  // Tracks at most `max_tracked_keys` buckets over all rules; beyond that the
  // one used least recently is forgotten (it starts full again if it comes
  // back). Rules need max_requests >= 1 and window_seconds >= 1.
  RateLimiter(std::vector<RateRule> rules, std::size_t max_tracked_keys,
              Clock clock = std::chrono::steady_clock::now);
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Takes one request from the bucket of (rule, key). A rule it does not
  // know allows everything. Thread-safe.
  Decision take(std::string_view rule, std::string_view key);

  bool has_rule(std::string_view rule) const;
  // How many buckets are held now.
  std::size_t tracked_keys() const;

 private:
  struct Shard;
  struct CompiledRule {
    std::string name;
    double capacity;
    double tokens_per_second;
  };
  const CompiledRule* find_rule(std::string_view name) const;

  std::vector<CompiledRule> rules_;
  std::vector<std::unique_ptr<Shard>> shards_;
  Clock clock_;
};

}  // namespace gapfill::engine
