#include "http/listing_cache.hpp"

namespace gapfill::http {

std::optional<std::string> ListingCache::find(const std::string& key, std::uint64_t version) {
  if (max_entries_ == 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto found = by_key_.find(key);
  if (found == by_key_.end() || found->second->version != version) return std::nullopt;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->body;
}

void ListingCache::store(const std::string& key, std::uint64_t version, std::string body) {
  if (max_entries_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    found->second->version = version;
    found->second->body = std::move(body);
    recent_.splice(recent_.begin(), recent_, found->second);
    return;
  }
  recent_.push_front(Entry{key, version, std::move(body)});
  by_key_[key] = recent_.begin();
  if (recent_.size() > max_entries_) {
    by_key_.erase(recent_.back().key);
    recent_.pop_back();
  }
}

}  // namespace gapfill::http
