#pragma once
// Rendered listing responses, reused while the network's posts are
// unchanged. A busy network's browse page is asked for the same way by many
// people between two writes; each write to the network makes its entries
// stale (checked by version, so a stale body is never served). Bounded in
// entries and in bytes, least recently used first out. Thread-safe; a hit
// holds the lock only to share the stored body, never to copy it.

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gapfill::http {

class ListingCache {
 public:
  // `max_entries` 0 turns the cache off.
  ListingCache(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // The body stored for `key` at exactly `version`, or null.
  std::shared_ptr<const std::string> find(const std::string& key, std::uint64_t version);
  void store(const std::string& key, std::uint64_t version, std::string body);

 private:
  struct Entry {
    std::string key;
    std::uint64_t version;
    std::shared_ptr<const std::string> body;
  };
  void evict_locked();

  std::size_t max_entries_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace gapfill::http
