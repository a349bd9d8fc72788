#pragma once
// The SQLite repositories, each working on the connection of the current
// transaction.

#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sqlite {

class SqliteNetworkRepository final : public NetworkRepository {
 public:
  explicit SqliteNetworkRepository(Database& db) : db_(db) {}
  Result<NetworkId> insert(const Network& network,
                           const std::vector<Category>& categories) override;
  Result<Network> find_by_slug(const std::string& slug) override;
  Result<Network> find_by_id(NetworkId id) override;
  Result<std::vector<Network>> list() override;
  Result<std::vector<Category>> categories(NetworkId id) override;

 private:
  Database& db_;
};

class SqlitePostRepository final : public PostRepository {
 public:
  explicit SqlitePostRepository(Database& db) : db_(db) {}
  Result<PostId> insert(const Post& post) override;
  Result<Post> find(PostId id) override;
  Result<Post> find_for_update(PostId id) override { return find(id); }  // writers are serialized
  Status update(const Post& post) override;
  Result<std::vector<Post>> list_newest(const PostFilter& filter, std::optional<NewestCursor> after,
                                        int limit) override;
  Result<std::vector<Post>> list_in_box(const PostFilter& filter,
                                        const geo::BoundingBox& box) override;
  Status for_each(const PostFilter& filter, const std::function<void(const Post&)>& visit) override;
  Result<std::vector<PostId>> expired_open_posts(UnixSeconds now, int limit) override;

 private:
  Database& db_;
};

class SqliteMatchRepository final : public MatchRepository {
 public:
  explicit SqliteMatchRepository(Database& db) : db_(db) {}
  Result<MatchId> insert(const Match& match) override;
  Result<Match> find(MatchId id) override;
  Result<Match> find_for_update(MatchId id) override { return find(id); }
  Status update(const Match& match) override;
  Result<std::vector<Match>> list_for_post(PostId post_id) override;

 private:
  Database& db_;
};

class SqliteEventRepository final : public EventRepository {
 public:
  explicit SqliteEventRepository(Database& db) : db_(db) {}
  Status append(const PostEvent& event) override;
  Result<std::vector<PostEvent>> list_for_post(PostId post_id) override;

 private:
  Database& db_;
};

}  // namespace gapfill::store::sqlite
