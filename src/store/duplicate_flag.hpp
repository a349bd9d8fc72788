#pragma once
// A possible duplicate: a new request very like a live one of its network,
// flagged for organizers to merge or dismiss. Plain records; the rules live
// in domain/duplicates.hpp.

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/model.hpp"

namespace gapfill {

using DuplicateFlagId = std::int64_t;

enum class DuplicateResolution { kMerged, kDismissed };
std::string_view to_string(DuplicateResolution value);
std::optional<DuplicateResolution> parse_duplicate_resolution(std::string_view text);

// Why a request was flagged; any of them together.
struct DuplicateReasons {
  bool same_contact = false;
  bool nearby = false;
  bool similar_title = false;
  friend bool operator==(const DuplicateReasons&, const DuplicateReasons&) = default;
};

struct DuplicateFlag {
  DuplicateFlagId id = 0;
  NetworkId network_id = 0;
  PostId post_id = 0;     // the new request
  PostId of_post_id = 0;  // the older live request it looks like
  double score = 0;       // the titles' similarity, 0 to 1
  DuplicateReasons reasons;
  // How far apart their public points are, for "1.2 km apart".
  double distance_km = 0;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> resolved_at;
  std::optional<DuplicateResolution> resolution;
  std::optional<AccountId> resolved_by;  // the organizer's account
};

}  // namespace gapfill
