#include "domain/audit.hpp"

namespace gapfill::domain {

Status record_audit(store::Transaction& transaction, NetworkId network_id, const AuditActor& actor,
                    const char* action, AuditTarget target, std::string detail, UnixSeconds at) {
  AuditEvent event;
  event.network_id = network_id;
  event.actor_kind = actor.kind;
  event.actor_id = actor.id;
  event.actor_label = actor.label;
  event.action = action;
  event.target_kind = target.kind;
  event.target_id = target.id;
  event.detail = std::move(detail);
  event.at = at;
  TRY(transaction.audit().append(event));
  return {};
}

}  // namespace gapfill::domain
