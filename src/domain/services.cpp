#include "domain/services.hpp"

#include "base/limits.hpp"
#include "domain/lifecycle.hpp"
#include "domain/tokens.hpp"

namespace gapfill::domain {

Services::Services(store::Store& store, const Clock& clock)
    : store_(store),
      clock_(clock),
      networks_(*this),
      posts_(*this),
      matches_(*this),
      organizer_(*this),
      relay_(*this),
      moderation_(*this),
      memberships_(*this),
      accounts_(*this),
      referrals_(*this),
      volunteers_(*this),
      duplicates_(*this),
      suggestions_(*this) {}

Status Services::load() {
  std::lock_guard lock(write_order_);
  // Read before the networks: a change made while they load is seen again
  // by the next refresh, never missed.
  TRY_STATUS(store_.read([&](store::Transaction& transaction) -> Status {
    seen_network_mark_ = TRY(transaction.networks().change_mark());
    return {};
  }));
  TRY_STATUS(networks_.load());
  return store_.read([&](store::Transaction& transaction) -> Status {
    // The mark and the posts from one snapshot.
    seen_post_change_ = TRY(transaction.posts().last_change());
    store::PostFilter live;
    live.statuses = {PostStatus::kOpen, PostStatus::kMatched};
    return transaction.posts().for_each(live, [&](const Post& post) { index_.apply(post); });
  });
}

Status Services::refresh() {
  // Under the write order: a post this process writes meanwhile is applied
  // after the older state this reads, not before it.
  std::lock_guard lock(write_order_);
  std::int64_t network_mark = 0;
  std::int64_t post_change = seen_post_change_;
  std::vector<Post> changed;
  TRY_STATUS(store_.read([&](store::Transaction& transaction) -> Status {
    network_mark = TRY(transaction.networks().change_mark());
    return transaction.posts().for_each_changed(seen_post_change_,
                                                [&](const Post& post, std::int64_t change) {
                                                  changed.push_back(post);
                                                  post_change = change;
                                                });
  }));
  // Networks first: a new network's first posts need it.
  if (network_mark != seen_network_mark_) {
    TRY_STATUS(networks_.load());
    seen_network_mark_ = network_mark;
  }
  for (const Post& post : changed) index_.apply(post);
  seen_post_change_ = post_change;
  return {};
}

Status Services::write(
    const std::function<Status(store::Transaction&, std::vector<Post>& changed)>& work) {
  std::lock_guard lock(write_order_);
  std::vector<Post> changed;
  TRY_STATUS(store_.write([&](store::Transaction& transaction) -> Status {
    changed.clear();
    return work(transaction, changed);
  }));
  for (const Post& post : changed) index_.apply(post);
  return {};
}

Result<std::string> Services::site_secret() {
  constexpr const char* kName = "site_secret";
  std::lock_guard lock(site_secret_mutex_);
  if (site_secret_) return *site_secret_;
  std::string secret;
  TRY_STATUS(write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    if (auto stored = TRY(transaction.settings().get(kName))) {
      secret = std::move(*stored);
      return {};
    }
    secret = tokens::random_bytes(limits::kSiteSecretBytes);
    return transaction.settings().put(kName, secret);
  }));
  site_secret_ = secret;
  return secret;
}

}  // namespace gapfill::domain
