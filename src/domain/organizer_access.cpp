#include "domain/organizer_access.hpp"

#include "base/limits.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"

namespace gapfill::domain {
namespace {

std::unexpected<Error> refuse(const std::string& key) {
  if (key.empty()) {
    return fail(ErrorCode::kUnauthorized, "This needs an organizer key of the network.");
  }
  return fail(ErrorCode::kForbidden, "This organizer key does not open this network.");
}

}  // namespace

Result<Organizing> authorize_organizer(Services& services, store::Transaction& transaction,
                                       const std::string& network_slug, const std::string& key,
                                       OrganizerAction action) {
  // Every action is allowed to a live organizer key of the network, until
  // roles tell organizers and admins apart.
  (void)action;
  if (key.empty()) return refuse(key);
  Network network = TRY(services.networks().find(network_slug));
  if (key.size() > limits::kTokenMaxChars) return refuse(key);
  auto found = transaction.organizer_keys().find_by_hash(tokens::hash(key));
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) return refuse(key);
    return std::unexpected(std::move(found.error()));
  }
  if (!tokens::matches(key, found->key_hash) || found->revoked_at ||
      found->network_id != network.id) {
    return refuse(key);
  }
  return Organizing{std::move(network), Actor{ActorKind::kOrganizerKey, found->id, found->label}};
}

}  // namespace gapfill::domain
