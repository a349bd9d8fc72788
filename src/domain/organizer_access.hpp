#pragma once
// May this actor do this to this network? The one place organizer and admin
// actions are authorized. Today an actor proves it with an organizer key of
// the network (`gapfill organizer-key`), which allows every action; when
// accounts and roles land, authorize_organizer is the function to point at
// memberships (for example kReadAudit for admins only).

#include <cstdint>
#include <optional>
#include <string>

#include "base/error.hpp"
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
struct Actor {
  ActorKind kind = ActorKind::kOrganizerKey;
  std::optional<std::int64_t> id;  // the organizer key's id (later the account's)
  std::string label;               // the key's label
};

// The operator at the command line (issuing and revoking organizer keys).
inline Actor operator_actor() {
  return Actor{ActorKind::kOperator, std::nullopt, "operator"};
}

// An authorized actor and the network they act in.
struct Organizing {
  Network network;
  Actor actor;
};

// The network and the actor when `key` allows `action` in the network named
// `network_slug`: kNotFound for an unknown network, kUnauthorized without a
// key, kForbidden with one that does not open this network (unknown,
// revoked, or another network's).
Result<Organizing> authorize_organizer(Services& services, store::Transaction& transaction,
                                       const std::string& network_slug, const std::string& key,
                                       OrganizerAction action);

}  // namespace gapfill::domain
