#include "http/listing_cache.hpp"

namespace gapfill::http {

std::shared_ptr<const std::string> ListingCache::find(const std::string& key,
                                                      std::uint64_t version) {
  if (max_entries_ == 0) return nullptr;
  std::lock_guard lock(mutex_);
  const auto found = by_key_.find(key);
  if (found == by_key_.end() || found->second->version != version) return nullptr;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->body;
}

void ListingCache::store(const std::string& key, std::uint64_t version, std::string body) {
  if (max_entries_ == 0 || body.size() > max_bytes_) return;
  auto shared = std::make_shared<const std::string>(std::move(body));
  std::lock_guard lock(mutex_);
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    bytes_ -= found->second->body->size();
    recent_.erase(found->second);
    by_key_.erase(found);
  }
  bytes_ += shared->size();
  recent_.push_front(Entry{key, version, std::move(shared)});
  by_key_[key] = recent_.begin();
  evict_locked();
}

void ListingCache::evict_locked() {
  while (!recent_.empty() && (recent_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= recent_.back().body->size();
    by_key_.erase(recent_.back().key);
    recent_.pop_back();
  }
}

}  // namespace gapfill::http
