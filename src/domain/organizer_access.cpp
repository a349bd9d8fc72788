#include "domain/organizer_access.hpp"

#include "domain/services.hpp"

namespace gapfill::domain {

Result<Organizing> authorize_organizer(Services& services, store::Transaction& transaction,
                                       const std::string& network_slug, const Actor& actor,
                                       OrganizerAction action) {
  Network network = TRY(services.networks().find(network_slug));
  Resource resource;
  resource.role = TRY(role_in(transaction, actor, network.id));
  // The queue and moderation are for organizers and admins; the audit log,
  // which names who did what, for admins.
  TRY_STATUS(decide(
      actor, action == OrganizerAction::kReadAudit ? Action::kManageNetwork : Action::kOrganize,
      resource));
  AuditActor who{ActorKind::kAccount, actor.account, ""};
  if (actor.account) who.label = "account " + std::to_string(*actor.account);
  return Organizing{std::move(network), std::move(who)};
}

}  // namespace gapfill::domain
