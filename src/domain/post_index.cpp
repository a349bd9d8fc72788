#include "domain/post_index.hpp"

#include <algorithm>
#include <mutex>

#include "domain/lifecycle.hpp"

namespace gapfill::domain {

void PostIndex::apply(const Post& post) {
  std::unique_lock lock(mutex_);
  NetworkPosts& network = networks_[post.network_id];
  ++network.version;
  erase_locked(post.network_id, post.id);              // a post never moves to another network
  if (!is_active(post.status) || post.hidden) return;  // hidden: out of every public answer
  const ListedPost& listed = network.posts.emplace(post.id, to_listed(post)).first->second;
  network.grid.insert(post.point, GridEntry{&listed, category_id(post.category), post.kind,
                                            post.status, post.urgency});
  network.newest.emplace(post.created_at, post.id);
  count_open(network, listed, 1);
  ++size_;
}

void PostIndex::count_open(NetworkPosts& network, const ListedPost& post, int delta) {
  if (post.status != PostStatus::kOpen) return;
  OpenCounts& open = network.open;
  if (post.kind == PostKind::kOffer) {
    open.offers += delta;
    return;
  }
  open.requests += delta;
  const auto found = open.requests_by_category.try_emplace(post.category, 0).first;
  found->second += delta;
  if (found->second == 0) open.requests_by_category.erase(found);
}

PostIndex::OpenCounts PostIndex::open_counts(NetworkId network_id) const {
  std::shared_lock lock(mutex_);
  const auto found = networks_.find(network_id);
  return found == networks_.end() ? OpenCounts{} : found->second.open;
}

void PostIndex::erase_locked(NetworkId network_id, PostId id) {
  const auto network_found = networks_.find(network_id);
  if (network_found == networks_.end()) return;
  NetworkPosts& network = network_found->second;
  const auto found = network.posts.find(id);
  if (found == network.posts.end()) return;
  network.grid.erase(found->second.point,
                     [&](const GridEntry& entry) { return entry.post->id == id; });
  network.newest.erase({found->second.created_at, id});
  count_open(network, found->second, -1);
  network.posts.erase(found);
  --size_;
}

std::uint16_t PostIndex::category_id(const std::string& key) {
  return category_ids_.try_emplace(key, static_cast<std::uint16_t>(category_ids_.size()))
      .first->second;
}

bool PostIndex::answers(const ListQuery& query) {
  return is_active(query.status);
}

bool PostIndex::wanted(const ListQuery& query, const ListedPost& post) {
  return post.status == query.status && (!query.kind || *query.kind == post.kind) &&
         (!query.category || *query.category == post.category) &&
         (!query.urgency || *query.urgency == post.urgency);
}

ListPage PostIndex::list(const ListQuery& query) const {
  std::shared_lock lock(mutex_);
  ListPage page;
  const auto network_found = networks_.find(query.network_id);
  if (network_found == networks_.end()) return page;
  const NetworkPosts& network = network_found->second;
  const std::size_t wanted_count = static_cast<std::size_t>(query.limit) + 1;

  if (query.near) {
    std::optional<std::uint16_t> category;
    if (query.category) {
      const auto known = category_ids_.find(*query.category);
      if (known == category_ids_.end()) return page;
      category = known->second;
    }
    // Keep the `wanted_count` nearest after the cursor in a max-heap.
    std::vector<std::pair<ListCursor, const ListedPost*>> heap;
    heap.reserve(wanted_count + 1);
    const auto later = [](const auto& a, const auto& b) { return comes_before(a.first, b.first); };
    const auto done = [&](double unvisited_at_least) {
      return heap.size() == wanted_count && heap.front().first.separation < unvisited_at_least;
    };
    network.grid.for_each_nearest_first(
        *query.near, query.radius_km,
        [&](const GridEntry& entry, double separation) {
          if (entry.status != query.status || (query.kind && entry.kind != *query.kind) ||
              (category && entry.category != *category) ||
              (query.urgency && entry.urgency != *query.urgency)) {
            return;
          }
          if (heap.size() == wanted_count && !(separation <= heap.front().first.separation)) return;
          const ListCursor position{true, separation, 0, entry.post->id};
          if (query.after && !comes_before(*query.after, position)) return;
          if (heap.size() == wanted_count) {
            if (!comes_before(position, heap.front().first)) return;
            std::pop_heap(heap.begin(), heap.end(), later);
            heap.pop_back();
          }
          heap.emplace_back(position, entry.post);
          std::push_heap(heap.begin(), heap.end(), later);
        },
        done);
    std::sort_heap(heap.begin(), heap.end(), later);
    for (const auto& [position, post] : heap) {
      page.items.push_back(near_item(*post, position.separation));
    }
  } else {
    auto it = network.newest.begin();
    if (query.after) it = network.newest.upper_bound({query.after->created_at, query.after->id});
    for (; it != network.newest.end() && page.items.size() < wanted_count; ++it) {
      const ListedPost& post = network.posts.at(it->second);
      if (wanted(query, post)) page.items.push_back(ListItem{post, std::nullopt});
    }
  }
  if (page.items.size() > static_cast<std::size_t>(query.limit)) {
    page.items.pop_back();
    page.next = cursor_of(page.items.back());
  }
  return page;
}

std::uint64_t PostIndex::version(NetworkId network_id) const {
  std::shared_lock lock(mutex_);
  const auto found = networks_.find(network_id);
  return found == networks_.end() ? 0 : found->second.version;
}

std::size_t PostIndex::size() const {
  std::shared_lock lock(mutex_);
  return size_;
}

}  // namespace gapfill::domain
