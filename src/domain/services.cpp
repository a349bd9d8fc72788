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
  TRY_STATUS(networks_.load());
  std::lock_guard lock(write_order_);
  return store_.read([&](store::Transaction& transaction) -> Status {
    store::PostFilter live;
    live.statuses = {PostStatus::kOpen, PostStatus::kMatched};
    return transaction.posts().for_each(live, [&](const Post& post) { index_.apply(post); });
  });
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
