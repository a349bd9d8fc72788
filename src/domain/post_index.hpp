#pragma once
// The in-memory read model of live posts (open and matched): what public
// listings show, per network, with a spatial grid for "near" and an ordered
// set for "newest". Loaded at start, then updated after every committed
// write; the database stays the source of truth. Thread-safe: many readers,
// one writer.

#include <map>
#include <set>
#include <shared_mutex>
#include <unordered_map>

#include "domain/listing.hpp"
#include "engine/spatial_grid.hpp"

namespace gapfill::domain {

class PostIndex {
 public:
  // How many posts of a network are open (live and not yet matched).
  struct OpenCounts {
    std::map<std::string, int> requests_by_category;  // categories with none left out
    int requests = 0;
    int offers = 0;
  };

  // Puts the post's public view in the index if it is live and not hidden
  // by organizers, removes it otherwise. Call after the write that changed it has committed.
  void apply(const Post& post);

  // True when this index can answer the query (live statuses only).
  static bool answers(const ListQuery& query);

  // One page of the listing; `query` must be one that answers() accepts.
  ListPage list(const ListQuery& query) const;

  std::size_t size() const;

  // A number that changes whenever any post of the network changes (live or
  // not), so that a rendered listing can be reused until then. 0 before the
  // network's first post.
  std::uint64_t version(NetworkId network_id) const;

  // The network's open counts, kept in step by apply().
  OpenCounts open_counts(NetworkId network_id) const;

 private:
  // What the grid keeps beside each point: enough to filter without
  // touching the post itself.
  struct GridEntry {
    const ListedPost* post;
    std::uint16_t category;
    PostKind kind;
    PostStatus status;
    Urgency urgency;
  };
  struct NetworkPosts {
    std::unordered_map<PostId, ListedPost> posts;  // nodes: addresses stay put
    // Cells of ~5 km: a nearest-first search visits few points in a dense town.
    geo::SpatialGrid<GridEntry> grid{0.05};
    // (created_at, id), newest first.
    std::set<std::pair<UnixSeconds, PostId>, std::greater<>> newest;
    std::uint64_t version = 0;
    OpenCounts open;
  };
  void erase_locked(NetworkId network_id, PostId id);
  // Adds `delta` to the open counts when `post` is open.
  static void count_open(NetworkPosts& network, const ListedPost& post, int delta);
  static bool wanted(const ListQuery& query, const ListedPost& post);
  std::uint16_t category_id(const std::string& key);  // interns

  std::map<std::string, std::uint16_t> category_ids_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<NetworkId, NetworkPosts> networks_;
  std::size_t size_ = 0;
};

}  // namespace gapfill::domain
