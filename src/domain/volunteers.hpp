#pragma once
// Volunteers' availability per network: what they help with, where and how
// far they go, the languages they speak, and their limits (at most N live
// matches, at most M new ones a week). The matcher's suggestions read the
// profiles; claims by a signed-in volunteer are refused past their limits
// (check_volunteer_limits, called inside MatchService::claim's write). An
// anonymous claim has no identity and so no limits.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "store/model.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

class Services;

// A volunteer's whole profile as sent (PUT replaces it). Absent optional
// parts take the defaults of VolunteerProfile. The place is `place` text
// (resolved by the gazetteer) or `lat`/`lon` (a pin; `place` then is kept as
// typed, if given).
struct VolunteerDraft {
  ReadErrors read_errors;
  std::optional<std::string> name;
  std::optional<bool> available;
  std::optional<std::vector<std::string>> categories;
  std::optional<std::string> place;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<double> max_distance_km;
  std::optional<std::vector<std::string>> languages;
  std::optional<std::int64_t> max_active;
  std::optional<std::int64_t> max_per_week;
  std::optional<UnixSeconds> available_from;
  std::optional<UnixSeconds> available_until;
};

// A profile with how much its volunteer does now, for organizers.
struct VolunteerStanding {
  VolunteerProfile profile;
  VolunteerLoad load;
  int capacity_left = 0;
};

// One of the volunteer's own matches, with what its request asks.
struct VolunteerMatch {
  Match match;
  std::string request_title;
  std::string request_category;
};

// How many more matches the volunteer may take now: min(max_active - active,
// max_per_week - this_week), at least 0; 0 when not available or outside
// their dates (before available_from or after available_until).
int capacity_left(const VolunteerProfile& profile, const VolunteerLoad& load, UnixSeconds now);

// kConflict with a clear message when the account's profile in the network
// says no more (paused, away, max_active live matches, or max_per_week new
// ones in the last 7 days). OK when the account has no profile (no limits
// set). Call it inside the write that makes the match: writes are
// serialized, so two racing claims cannot both pass.
Status check_volunteer_limits(store::Transaction& transaction, NetworkId network_id,
                              AccountId account_id, UnixSeconds now);

class VolunteerService {
 public:
  explicit VolunteerService(Services& services) : services_(services) {}
  // The actor's own profile in the network (kVolunteer); kNotFound when none yet.
  Result<VolunteerProfile> profile(const std::string& network_slug, const Actor& actor);
  // Creates or replaces the actor's own profile (kVolunteer). kInvalid with
  // field errors: name, categories (the network's), languages, place,
  // max_distance_km, max_active, max_per_week, available_from, available_until.
  Result<VolunteerProfile> set_profile(const std::string& network_slug, const Actor& actor,
                                       const VolunteerDraft& draft);
  // Deletes the actor's own profile (kVolunteer); kNotFound when none.
  Status remove_profile(const std::string& network_slug, const Actor& actor);
  // Every profile of the network, by account id: organizers (kOrganize).
  Result<std::vector<VolunteerProfile>> list(const std::string& network_slug, const Actor& actor);
  // As list, with each volunteer's load and capacity left now.
  Result<std::vector<VolunteerStanding>> standings(const std::string& network_slug,
                                                   const Actor& actor);
  // The actor's own matches in the network (claimed signed in), newest
  // first, at most limits::kVolunteerOwnMatchesMax; any signed-in account.
  Result<std::vector<VolunteerMatch>> own_matches(const std::string& network_slug,
                                                  const Actor& actor);

 private:
  Services& services_;
};

}  // namespace gapfill::domain
