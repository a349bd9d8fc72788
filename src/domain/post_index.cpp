#include "domain/post_index.hpp"

#include <algorithm>
#include <mutex>

#include "domain/lifecycle.hpp"

namespace gapfill::domain {

void PostIndex::apply(const Post& post) {
  std::unique_lock lock(mutex_);
  erase_locked(post.network_id, post.id);  // a post never moves to another network
  if (!is_active(post.status)) return;
  NetworkPosts& network = networks_[post.network_id];
  network.posts.emplace(post.id, to_listed(post));
  network.grid.insert(post.id, post.point);
  network.newest.emplace(post.created_at, post.id);
  ++size_;
}

void PostIndex::erase_locked(NetworkId network_id, PostId id) {
  const auto network_found = networks_.find(network_id);
  if (network_found == networks_.end()) return;
  NetworkPosts& network = network_found->second;
  const auto found = network.posts.find(id);
  if (found == network.posts.end()) return;
  network.grid.erase(id, found->second.point);
  network.newest.erase({found->second.created_at, id});
  network.posts.erase(found);
  --size_;
}

bool PostIndex::answers(const ListQuery& query) {
  return is_active(query.status);
}

bool PostIndex::wanted(const ListQuery& query, const ListedPost& post) {
  return post.status == query.status && (!query.kind || *query.kind == post.kind) &&
         (!query.category || *query.category == post.category);
}

ListPage PostIndex::list(const ListQuery& query) const {
  std::shared_lock lock(mutex_);
  ListPage page;
  const auto network_found = networks_.find(query.network_id);
  if (network_found == networks_.end()) return page;
  const NetworkPosts& network = network_found->second;
  const std::size_t wanted_count = static_cast<std::size_t>(query.limit) + 1;

  if (query.near) {
    // Keep the `wanted_count` nearest after the cursor in a max-heap.
    std::vector<std::pair<ListCursor, const ListedPost*>> heap;
    const auto later = [](const auto& a, const auto& b) { return comes_before(a.first, b.first); };
    network.grid.for_each_within(*query.near, query.radius_km, [&](PostId id, double distance) {
      const ListedPost& post = network.posts.at(id);
      if (!wanted(query, post)) return;
      ListCursor position{true, distance, post.created_at, id};
      if (query.after && !comes_before(*query.after, position)) return;
      if (heap.size() == wanted_count) {
        if (!comes_before(position, heap.front().first)) return;
        std::pop_heap(heap.begin(), heap.end(), later);
        heap.pop_back();
      }
      heap.emplace_back(position, &post);
      std::push_heap(heap.begin(), heap.end(), later);
    });
    std::sort_heap(heap.begin(), heap.end(), later);
    for (const auto& [position, post] : heap) {
      page.items.push_back(ListItem{*post, position.distance_km});
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

std::size_t PostIndex::size() const {
  std::shared_lock lock(mutex_);
  return size_;
}

}  // namespace gapfill::domain
