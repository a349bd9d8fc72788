#include <mutex>

#include "base/limits.hpp"
#include "domain/categories.hpp"
#include "domain/services.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {

Status NetworkService::load() {
  std::map<NetworkId, Network> by_id;
  std::map<std::string, NetworkId> id_by_slug;
  std::map<NetworkId, std::vector<Category>> categories;
  std::map<NetworkId, std::shared_ptr<const area::Shape>> shapes;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    for (Network& network : TRY(transaction.networks().list())) {
      categories[network.id] = TRY(transaction.networks().categories(network.id));
      if (auto shape = shape_of(network.area)) shapes[network.id] = std::move(shape);
      id_by_slug[network.slug] = network.id;
      by_id[network.id] = std::move(network);
    }
    return {};
  }));
  std::unique_lock lock(mutex_);
  by_id_ = std::move(by_id);
  id_by_slug_ = std::move(id_by_slug);
  categories_ = std::move(categories);
  shapes_ = std::move(shapes);
  return {};
}

Result<Network> NetworkService::create(const NetworkDraft& draft) {
  return create_network(draft, nullptr);
}

Result<Network> NetworkService::create(const NetworkDraft& draft, const Actor& actor) {
  return create_network(draft, &actor);
}

Result<Network> NetworkService::create_network(const NetworkDraft& draft, const Actor* creator) {
  Network network;
  FieldErrors errors;
  apply_network_draft(draft, network, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  std::shared_ptr<const area::Shape> shape = shape_of(network.area);
  // Checked after the draft, as every write is: a bad body is 422 for anyone.
  if (creator != nullptr) TRY_STATUS(decide(*creator, Action::kCreateNetwork, {}));
  const std::optional<AccountId> admin = creator ? creator->account : std::nullopt;
  network.created_at = services_.now();
  const std::vector<Category> categories = default_categories(network.languages);
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    network.id = TRY(transaction.networks().insert(network, categories));
    if (!admin) return {};
    return transaction.memberships().put(
        Membership{network.id, *admin, Role::kAdmin, network.created_at, network.created_at});
  }));
  std::unique_lock lock(mutex_);
  by_id_[network.id] = network;
  id_by_slug_[network.slug] = network.id;
  categories_[network.id] = categories;
  if (shape) shapes_[network.id] = std::move(shape);
  return network;
}

Result<Network> NetworkService::find(const std::string& slug) const {
  std::shared_lock lock(mutex_);
  const auto found = id_by_slug_.find(slug);
  if (found == id_by_slug_.end()) return not_found("Network");
  return by_id_.at(found->second);
}

Result<NetworkId> NetworkService::id_of(const std::string& slug) const {
  std::shared_lock lock(mutex_);
  const auto found = id_by_slug_.find(slug);
  if (found == id_by_slug_.end()) return not_found("Network");
  return found->second;
}

Result<Network> NetworkService::find(NetworkId id) const {
  std::shared_lock lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return not_found("Network");
  return found->second;
}

std::vector<Network> NetworkService::list() const {
  std::shared_lock lock(mutex_);
  std::vector<Network> networks;
  for (const auto& [slug, id] : id_by_slug_) networks.push_back(by_id_.at(id));
  return networks;
}

Result<std::vector<Category>> NetworkService::categories(const std::string& slug) const {
  std::shared_lock lock(mutex_);
  const auto found = id_by_slug_.find(slug);
  if (found == id_by_slug_.end()) return not_found("Network");
  return categories_.at(found->second);
}

Result<NetworkSummary> NetworkService::summary(const std::string& slug) const {
  const NetworkId id = TRY(id_of(slug));
  PostIndex::OpenCounts open = services_.index().open_counts(id);
  NetworkSummary summary;
  summary.open_requests_by_category = std::move(open.requests_by_category);
  summary.open_requests = open.requests;
  summary.open_offers = open.offers;
  const UnixSeconds since =
      services_.now() - static_cast<UnixSeconds>(limits::kSummaryFulfilledDays) * kSecondsPerDay;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    summary.fulfilled_last_30_days = TRY(transaction.events().count_reaching_status(
        id, PostKind::kRequest, PostStatus::kFulfilled, since));
    return {};
  }));
  return summary;
}

}  // namespace gapfill::domain
