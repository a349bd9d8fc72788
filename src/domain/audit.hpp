#pragma once
// Writing the audit log: every organizer and admin action appends one event
// inside the write transaction of the action itself, so an action and its
// audit line commit together or not at all. The detail is written here and
// by the actions, never copied from what a client typed: no personal data.

#include <cstdint>
#include <string>

#include "domain/organizer_access.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

// What an audit event acts on.
struct AuditTarget {
  const char* kind;  // "post", "match", "report", "block", "organizer_key"
  std::int64_t id = 0;
};

// Appends one event: `actor` did `action` to `target` in `network_id` at `at`.
Status record_audit(store::Transaction& transaction, NetworkId network_id, const AuditActor& actor,
                    const char* action, AuditTarget target, std::string detail, UnixSeconds at);

}  // namespace gapfill::domain
