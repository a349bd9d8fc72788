#pragma once
// Rendered listing responses, reused while the network's posts are
// unchanged. A busy network's browse page is asked for the same way by many
// people between two writes; each write to the network makes its entries
// stale (checked by version, so a stale body is never served). Bounded in
// entries, least recently used first out. Thread-safe.

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace gapfill::http {

class ListingCache {
 public:
  // `max_entries` 0 turns the cache off.
  explicit ListingCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The body stored for `key` at exactly `version`, if any.
  std::optional<std::string> find(const std::string& key, std::uint64_t version);
  void store(const std::string& key, std::uint64_t version, std::string body);

 private:
  struct Entry {
    std::string key;
    std::uint64_t version;
    std::string body;
  };
  std::size_t max_entries_;
  std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace gapfill::http
