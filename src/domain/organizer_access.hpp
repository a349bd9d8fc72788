#pragma once
// May this actor do this organizer or admin action in this network? The
// network-level face of domain/authorization.hpp's decide(): organizers and
// admins work the queue and moderate; admins alone read the audit log.

#include <cstdint>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

class Services;

// What an organizer or admin wants to do in a network.
enum class OrganizerAction {
  kWorkQueue,  // read the queue with private details, match, close, mark duplicates, intake
  kModerate,   // read reports, resolve them, hide and unhide posts, block and unblock
  kReadAudit,  // read the network's audit log
};

// Who acts, as the audit log names them.
struct AuditActor {
  ActorKind kind = ActorKind::kOrganizerKey;
  std::optional<std::int64_t> id;  // the account's id (an organizer key's, in old rows)
  std::string label;               // "account 12", "operator", or an old key's label
};

// The operator at the command line (issuing and revoking organizer keys).
inline AuditActor operator_actor() {
  return AuditActor{ActorKind::kOperator, std::nullopt, "operator"};
}

// An authorized actor and the network they act in.
struct Organizing {
  Network network;
  AuditActor actor;
};

// The network and the actor as the audit log names them, when `actor` may do
// `action` in the network named `network_slug`: kNotFound for an unknown
// network, kUnauthorized when not signed in, kForbidden without the role.
Result<Organizing> authorize_organizer(Services& services, store::Transaction& transaction,
                                       const std::string& network_slug, const Actor& actor,
                                       OrganizerAction action);

}  // namespace gapfill::domain
