#include "domain/referral_targets.hpp"

#include <algorithm>

namespace gapfill::domain {

std::vector<ReferralTarget> referral_targets(const std::vector<Network>& networks,
                                             const Network& from, geo::Point point,
                                             std::size_t limit) {
  std::vector<ReferralTarget> targets;
  for (const Network& network : networks) {
    if (!network.listed || network.id == from.id) continue;
    const double distance = geo::distance_km(point, network.area.centre);
    targets.push_back(ReferralTarget{network, distance <= network.area.radius_km, distance});
  }
  std::sort(targets.begin(), targets.end(), [](const ReferralTarget& a, const ReferralTarget& b) {
    if (a.covers != b.covers) return a.covers;
    if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
    return a.network.slug < b.network.slug;
  });
  if (targets.size() > limit) targets.resize(limit);
  return targets;
}

}  // namespace gapfill::domain
