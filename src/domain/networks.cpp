#include <mutex>

#include "base/limits.hpp"
#include "domain/audit.hpp"
#include "domain/authorization.hpp"
#include "domain/categories.hpp"
#include "domain/organizer_access.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// A random (version 4) UUID from libsodium's secure source, lower-case text.
std::string random_uuid() {
  std::string bytes = tokens::random_bytes(16);
  bytes[6] = static_cast<char>((static_cast<unsigned char>(bytes[6]) & 0x0f) | 0x40);
  bytes[8] = static_cast<char>((static_cast<unsigned char>(bytes[8]) & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    const auto byte = static_cast<unsigned char>(bytes[i]);
    text += kHex[byte >> 4];
    text += kHex[byte & 0x0f];
  }
  return text;
}

// The default categories the draft chose (all of them when it chose none);
// an unknown key or an empty choice is a field error naming the keys.
std::vector<Category> chosen_categories(const NetworkDraft& draft,
                                        const std::vector<std::string>& languages,
                                        FieldErrors& errors) {
  std::vector<Category> categories = default_categories(languages);
  if (!draft.categories) return categories;
  const auto& known = default_category_keys();
  std::string unknown;
  for (const std::string& key : *draft.categories) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (!unknown.empty()) unknown += ", ";
    unknown += key.substr(0, limits::kSlugMaxChars);
  }
  if (!unknown.empty()) {
    errors["categories"] = Message{"error.unknown_category_keys", {{"keys", unknown}}};
  } else if (draft.categories->empty()) {
    errors["categories"] = Message{"error.categories_none", {}};
  }
  std::erase_if(categories, [&](const Category& category) {
    return std::find(draft.categories->begin(), draft.categories->end(), category.key) ==
           draft.categories->end();
  });
  int position = 0;
  for (Category& category : categories) category.position = position++;
  return categories;
}

}  // namespace

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
  const std::vector<Category> categories = chosen_categories(draft, network.languages, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  std::shared_ptr<const area::Shape> shape = shape_of(network.area);
  // Checked after the draft, as every write is: a bad body is 422 for anyone.
  if (creator != nullptr) TRY_STATUS(decide(*creator, Action::kCreateNetwork, {}));
  const std::optional<AccountId> admin = creator ? creator->account : std::nullopt;
  network.created_at = services_.now();
  network.public_uuid = random_uuid();
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

Result<Network> NetworkService::set_contact(const std::string& slug, const Actor& actor,
                                            const PublicContactDraft& draft) {
  Network network = TRY(find(slug));
  FieldErrors errors;
  apply_public_contact(draft, network.contact, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    Resource resource;
    resource.role = TRY(role_in(transaction, actor, network.id));
    TRY_STATUS(decide(actor, Action::kManageNetwork, resource));
    TRY_STATUS(transaction.networks().set_contact(network.id, network.contact));
    AuditActor who{ActorKind::kAccount, actor.account, ""};
    if (actor.account) who.label = "account " + std::to_string(*actor.account);
    return record_audit(transaction, network.id, who, "contact_changed", {"network", network.id},
                        "", services_.now());
  }));
  std::unique_lock lock(mutex_);
  by_id_[network.id].contact = network.contact;
  return network;
}

std::vector<DirectoryEntry> NetworkService::directory() const {
  std::shared_lock lock(mutex_);
  std::vector<DirectoryEntry> entries;
  for (const auto& [slug, id] : id_by_slug_) {
    const Network& network = by_id_.at(id);
    if (network.listed) entries.push_back({network, categories_.at(id)});
  }
  return entries;
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
