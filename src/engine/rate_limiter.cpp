#include "engine/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace gapfill::engine {
namespace {

// Enough shards that worker threads seldom wait on one another, and few
// enough that a small limit (as in tests) keeps an exact least-recently-used
// order in one shard.
constexpr std::size_t kMaxShards = 16;
constexpr std::size_t kMinKeysPerShard = 1024;

}  // namespace

struct RateLimiter::Shard {
  struct Bucket {
    std::string key;  // the rule's index, a NUL, then the key
    double tokens = 0;
    std::chrono::steady_clock::time_point updated;
  };
  std::mutex mutex;
  std::size_t capacity = 1;
  std::list<Bucket> recent;  // most recently used first
  std::unordered_map<std::string_view, std::list<Bucket>::iterator> buckets;  // views into `recent`
};

RateLimiter::RateLimiter(std::vector<RateRule> rules, std::size_t max_tracked_keys, Clock clock)
    : clock_(std::move(clock)) {
  for (auto& rule : rules) {
    const double capacity = static_cast<double>(std::max<std::int64_t>(rule.max_requests, 1));
    const double window = static_cast<double>(std::max<std::int64_t>(rule.window_seconds, 1));
    rules_.push_back(CompiledRule{std::move(rule.name), capacity, capacity / window});
  }
  max_tracked_keys = std::max<std::size_t>(max_tracked_keys, 1);
  const std::size_t shard_count =
      std::clamp<std::size_t>(max_tracked_keys / kMinKeysPerShard, 1, kMaxShards);
  for (std::size_t i = 0; i < shard_count; ++i) {
    auto shard = std::make_unique<Shard>();
    shard->capacity = std::max<std::size_t>(max_tracked_keys / shard_count, 1);
    shards_.push_back(std::move(shard));
  }
}

RateLimiter::~RateLimiter() = default;

const RateLimiter::CompiledRule* RateLimiter::find_rule(std::string_view name) const {
  for (const auto& rule : rules_) {
    if (rule.name == name) return &rule;
  }
  return nullptr;
}

bool RateLimiter::has_rule(std::string_view rule) const {
  return find_rule(rule) != nullptr;
}

RateLimiter::Decision RateLimiter::take(std::string_view rule_name, std::string_view key) {
  const CompiledRule* rule = find_rule(rule_name);
  if (rule == nullptr) return {};
  std::string bucket_key;
  bucket_key.reserve(key.size() + 3);
  bucket_key += std::to_string(rule - rules_.data());
  bucket_key += '\0';
  bucket_key += key;
  Shard& shard = *shards_[std::hash<std::string>{}(bucket_key) % shards_.size()];
  const auto now = clock_();

  std::lock_guard lock(shard.mutex);
  auto found = shard.buckets.find(bucket_key);
  Shard::Bucket* bucket = nullptr;
  if (found != shard.buckets.end()) {
    shard.recent.splice(shard.recent.begin(), shard.recent, found->second);
    bucket = &*found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket->updated).count();
    bucket->tokens =
        std::min(rule->capacity, bucket->tokens + std::max(elapsed, 0.0) * rule->tokens_per_second);
  } else {
    if (shard.buckets.size() >= shard.capacity) {
      shard.buckets.erase(std::string_view(shard.recent.back().key));
      shard.recent.pop_back();
    }
    shard.recent.push_front(Shard::Bucket{std::move(bucket_key), rule->capacity, now});
    bucket = &shard.recent.front();
    shard.buckets.emplace(std::string_view(bucket->key), shard.recent.begin());
  }
  bucket->updated = now;
  if (bucket->tokens >= 1.0) {
    bucket->tokens -= 1.0;
    return {};
  }
  const double wait_seconds = (1.0 - bucket->tokens) / rule->tokens_per_second;
  return Decision{false,
                  std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(wait_seconds)))};
}

std::size_t RateLimiter::tracked_keys() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    total += shard->buckets.size();
  }
  return total;
}

}  // namespace gapfill::engine
