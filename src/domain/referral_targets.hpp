#pragma once
// Which networks a request can be referred to.

#include <vector>

#include "domain/areas.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

struct ReferralTarget {
  Network network;
  bool covers = false;     // the point lies in the network's area (or on its edge)
  double distance_km = 0;  // from the point to the area's edge; 0 when it covers it
};

// The listed networks other than `from`: first `serving` (NetworkService::
// serving: those whose area holds the point, then those near it, nearest
// first), then every other listed network, nearest to its area's centre
// first, so a request can follow a person who moved far away. At most `limit`.
std::vector<ReferralTarget> referral_targets(const std::vector<NetworkNearby>& serving,
                                             const std::vector<Network>& networks,
                                             const Network& from, geo::Point point,
                                             std::size_t limit);

}  // namespace gapfill::domain
