#include "domain/referral_targets.hpp"

#include <algorithm>
#include <set>

namespace gapfill::domain {

std::vector<ReferralTarget> referral_targets(const std::vector<NetworkNearby>& serving,
                                             const std::vector<Network>& networks,
                                             const Network& from, geo::Point point,
                                             std::size_t limit) {
  std::vector<ReferralTarget> targets;
  std::set<NetworkId> seen{from.id};
  for (const NetworkNearby& nearby : serving) {
    if (!nearby.network.listed || !seen.insert(nearby.network.id).second) continue;
    targets.push_back(ReferralTarget{nearby.network, nearby.serves, nearby.distance_km});
  }
  std::vector<ReferralTarget> far;
  for (const Network& network : networks) {
    if (!network.listed || seen.contains(network.id)) continue;
    far.push_back(ReferralTarget{
        network, false,
        std::max(0.0, geo::distance_km(point, network.area.centre) - network.area.radius_km)});
  }
  std::sort(far.begin(), far.end(), [](const ReferralTarget& a, const ReferralTarget& b) {
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    return a.network.slug < b.network.slug;
  });
  targets.insert(targets.end(), far.begin(), far.end());
  if (targets.size() > limit) targets.resize(limit);
  return targets;
}

}  // namespace gapfill::domain
