#pragma once
// Which networks a request can be referred to. One small function, so that
// the service-area work ("which networks serve this point", polygons) can
// replace how it decides without touching the referral flow.

#include <vector>

#include "store/model.hpp"

namespace gapfill::domain {

struct ReferralTarget {
  Network network;
  bool covers = false;     // the point lies in the network's area
  double distance_km = 0;  // from the point to the area's centre
};

// The listed networks other than `from`, those whose area holds `point`
// first, then the rest; each group nearest (to its area's centre) first, at
// most `limit`.
std::vector<ReferralTarget> referral_targets(const std::vector<Network>& networks,
                                             const Network& from, geo::Point point,
                                             std::size_t limit);

}  // namespace gapfill::domain
