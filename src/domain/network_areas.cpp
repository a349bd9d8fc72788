// A network's service area: changing it (admins) and asking which networks
// serve a point (anyone; listed networks only).
#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "domain/audit.hpp"
#include "domain/services.hpp"

namespace gapfill::domain {
namespace {

AuditActor audit_actor(const Actor& actor) {
  AuditActor who{ActorKind::kAccount, actor.account, ""};
  if (actor.account) who.label = "account " + std::to_string(*actor.account);
  return who;
}

// What the audit log says of an area: its kind and size, never more.
std::string audit_detail(const ServiceArea& area, const area::Shape* shape) {
  if (shape == nullptr) return fmt::format("area=circle radius_km={:g}", area.radius_km);
  return fmt::format("area=polygon polygons={} vertices={} radius_km={:g}", shape->polygons.size(),
                     shape->vertices, area.radius_km);
}

}  // namespace

Result<Network> NetworkService::set_area(const std::string& slug, const AreaDraft& draft,
                                         const Actor& actor) {
  Network network = TRY(find(slug));
  FieldErrors errors;
  ServiceArea area = network.area;
  std::shared_ptr<const area::Shape> shape = apply_area_draft(draft, area, errors, "");
  if (!errors.empty()) return invalid(std::move(errors));
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    Resource resource;
    resource.role = TRY(role_in(transaction, actor, network.id));
    TRY_STATUS(decide(actor, Action::kManageNetwork, resource));
    TRY_STATUS(transaction.networks().update_area(network.id, area));
    return record_audit(transaction, network.id, audit_actor(actor), "area_changed",
                        {"network", network.id}, audit_detail(area, shape.get()), services_.now());
  }));
  network.area = area;
  std::unique_lock lock(mutex_);
  by_id_[network.id].area = area;
  if (shape) {
    shapes_[network.id] = std::move(shape);
  } else {
    shapes_.erase(network.id);
  }
  return network;
}

Status NetworkService::may_set_area(const std::string& slug, const Actor& actor) const {
  const NetworkId id = TRY(id_of(slug));
  return services_.store().read([&](store::Transaction& transaction) -> Status {
    Resource resource;
    resource.role = TRY(role_in(transaction, actor, id));
    return decide(actor, Action::kManageNetwork, resource);
  });
}

std::vector<NetworkNearby> NetworkService::serving(geo::Point point, double near_km) const {
  std::vector<NetworkNearby> found;
  if (!geo::is_valid(point)) return found;
  std::shared_lock lock(mutex_);
  for (const auto& [id, network] : by_id_) {
    if (!network.listed) continue;
    // The covering circle first: most networks are far away.
    if (geo::distance_km(network.area.centre, point) > network.area.radius_km + near_km) continue;
    const auto shape = shapes_.find(id);
    const area::Shape* exact = shape == shapes_.end() ? nullptr : shape->second.get();
    NetworkNearby nearby{network, area_contains(network.area, exact, point), 0};
    if (!nearby.serves) {
      nearby.distance_km = area_distance_km(network.area, exact, point);
      if (nearby.distance_km > near_km) continue;
    }
    found.push_back(std::move(nearby));
  }
  // Serving first (the smaller area first: the more local network), then by distance.
  std::sort(found.begin(), found.end(), [](const NetworkNearby& a, const NetworkNearby& b) {
    if (a.serves != b.serves) return a.serves;
    if (a.serves && a.network.area.radius_km != b.network.area.radius_km) {
      return a.network.area.radius_km < b.network.area.radius_km;
    }
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    return a.network.slug < b.network.slug;
  });
  return found;
}

Result<bool> NetworkService::serves(NetworkId id, geo::Point point) const {
  std::shared_lock lock(mutex_);
  const auto network = by_id_.find(id);
  if (network == by_id_.end()) return not_found("Network");
  const auto shape = shapes_.find(id);
  return area_contains(network->second.area, shape == shapes_.end() ? nullptr : shape->second.get(),
                       point);
}

}  // namespace gapfill::domain
