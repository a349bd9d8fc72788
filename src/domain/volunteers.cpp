#include "domain/volunteers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/places.hpp"
#include "domain/services.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// The network and the actor's role in it, refused unless decide() allows
// `action`.
Result<Network> authorize(Services& services, store::Transaction& transaction,
                          const std::string& network_slug, const Actor& actor, Action action) {
  Network network = TRY(services.networks().find(network_slug));
  Resource resource;
  resource.role = TRY(role_in(transaction, actor, network.id));
  TRY_STATUS(decide(actor, action, resource));
  return network;
}

std::string checked_line(const std::string& field, const std::string& value, std::size_t min,
                         std::size_t max, FieldErrors& errors) {
  std::string trimmed = trim(value);
  if (!is_clean_text(trimmed, true)) {
    errors[field] = Message{"error.plain_text_one_line", {}};
  } else if (const std::size_t length = utf8_length(trimmed); length < min || length > max) {
    errors[field] = Message{"error.text_length",
                            {{"min", fmt::format("{}", min)}, {"max", fmt::format("{}", max)}}};
  }
  return trimmed;
}

template <typename Number>
void check_range(const std::string& field, Number value, Number min, Number max,
                 FieldErrors& errors) {
  if (!(value >= min && value <= max)) {
    errors[field] =
        Message{"error.range", {{"min", fmt::format("{}", min)}, {"max", fmt::format("{}", max)}}};
  }
}

bool is_language_code(const std::string& code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Each key once, in the order given.
std::vector<std::string> distinct(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const std::string& key : keys) {
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  }
  return out;
}

// Fills `profile` from the draft (everything but ids and times).
void apply_volunteer_draft(const VolunteerDraft& draft, const Network& network,
                           const std::vector<Category>& categories, UnixSeconds now,
                           VolunteerProfile& profile, FieldErrors& errors) {
  if (!draft.name) {
    errors["name"] = Message{"error.required", {}};
  } else {
    profile.name = checked_line("name", *draft.name, 1, limits::kVolunteerNameMaxChars, errors);
  }
  profile.available = draft.available.value_or(true);

  profile.categories = distinct(draft.categories.value_or(std::vector<std::string>{}));
  if (profile.categories.empty()) {
    errors["categories"] = Message{"error.required", {}};
  } else {
    for (const std::string& key : profile.categories) {
      const bool known = std::any_of(categories.begin(), categories.end(),
                                     [&](const Category& c) { return c.key == key; });
      if (!known) errors["categories"] = Message{"error.unknown_category", {}};
    }
  }

  profile.languages = distinct(draft.languages.value_or(std::vector<std::string>{}));
  if (profile.languages.empty() || profile.languages.size() > limits::kVolunteerLanguagesMax ||
      !std::all_of(profile.languages.begin(), profile.languages.end(), is_language_code)) {
    errors["languages"] = Message{"error.language_codes",
                                  {{"max", fmt::format("{}", limits::kVolunteerLanguagesMax)}}};
  }

  // Where: a pin (lat and lon), else the place the text names.
  profile.place_text.clear();
  if (draft.place) {
    profile.place_text =
        checked_line("place", *draft.place, 0, limits::kVolunteerPlaceMaxChars, errors);
  }
  if (draft.lat || draft.lon) {
    const geo::Point point{draft.lat.value_or(1000), draft.lon.value_or(1000)};
    if (!draft.lat || !draft.lon || !geo::is_valid(point)) {
      errors["lat"] = Message{"error.coordinates", {}};
    } else {
      profile.point = geo::snap_to_cell(point, network.public_grid_km);
    }
  } else if (profile.place_text.empty()) {
    if (!errors.contains("place")) errors["place"] = Message{"error.required", {}};
  } else if (!errors.contains("place")) {
    if (const auto named = resolve_place(profile.place_text, network.area)) {
      profile.point = geo::snap_to_cell(named->point, network.public_grid_km);
    } else {
      errors["place"] = Message{"error.place_unknown", {}};
    }
  }

  profile.max_distance_km = draft.max_distance_km.value_or(limits::kVolunteerDistanceDefaultKm);
  check_range("max_distance_km", profile.max_distance_km, limits::kVolunteerDistanceMinKm,
              limits::kVolunteerDistanceMaxKm, errors);
  const std::int64_t max_active = draft.max_active.value_or(limits::kVolunteerMaxActiveDefault);
  check_range<std::int64_t>("max_active", max_active, 1, limits::kVolunteerMaxActiveMax, errors);
  profile.max_active =
      static_cast<int>(std::clamp<std::int64_t>(max_active, 0, limits::kVolunteerMaxActiveMax));
  const std::int64_t max_per_week =
      draft.max_per_week.value_or(limits::kVolunteerMaxPerWeekDefault);
  check_range<std::int64_t>("max_per_week", max_per_week, 1, limits::kVolunteerMaxPerWeekMax,
                            errors);
  profile.max_per_week =
      static_cast<int>(std::clamp<std::int64_t>(max_per_week, 0, limits::kVolunteerMaxPerWeekMax));

  profile.available_from = draft.available_from;
  profile.available_until = draft.available_until;
  const UnixSeconds horizon = now + limits::kVolunteerDatesHorizonSeconds;
  if (profile.available_from && *profile.available_from > horizon) {
    errors["available_from"] = Message{"error.within_two_years", {}};
  }
  if (profile.available_until && *profile.available_until > horizon) {
    errors["available_until"] = Message{"error.within_two_years", {}};
  }
  if (profile.available_from && profile.available_until &&
      *profile.available_until < *profile.available_from) {
    errors["available_until"] = Message{"error.after_field", {{"field", "available_from"}}};
  }
}

std::string matches_phrase(int count) {
  return count == 1 ? "1 match" : fmt::format("{} matches", count);
}

// kConflict with `message` (English, for the API) and the same reason as a
// catalogue message under the field "volunteer_limits" (for pages).
Status refuse(std::string message, std::string key, std::map<std::string, std::string> args = {}) {
  Error error{ErrorCode::kConflict, std::move(message), {}};
  error.fields["volunteer_limits"] = Message{std::move(key), std::move(args)};
  return std::unexpected(std::move(error));
}

}  // namespace

int capacity_left(const VolunteerProfile& profile, const VolunteerLoad& load, UnixSeconds now) {
  if (!profile.available) return 0;
  if (profile.available_from && now < *profile.available_from) return 0;
  if (profile.available_until && now > *profile.available_until) return 0;
  return std::max(
      0, std::min(profile.max_active - load.active, profile.max_per_week - load.this_week));
}

Status check_volunteer_limits(store::Transaction& transaction, NetworkId network_id,
                              AccountId account_id, UnixSeconds now) {
  const auto profile = TRY(transaction.volunteers().find(network_id, account_id));
  if (!profile) return {};
  if (!profile->available) {
    return refuse(
        "You paused your volunteering in this network; switch it back on to take a request.",
        "volunteer.limit_paused");
  }
  if ((profile->available_from && now < *profile->available_from) ||
      (profile->available_until && now > *profile->available_until)) {
    return refuse(
        "Your availability dates in this network do not include today; change them to take a "
        "request.",
        "volunteer.limit_dates");
  }
  const VolunteerLoad load = TRY(transaction.matches().volunteer_load(
      network_id, account_id, now - limits::kVolunteerWeekSeconds));
  if (load.active >= profile->max_active) {
    return refuse("You already have " + matches_phrase(load.active) + " in progress, your limit.",
                  "volunteer.limit_active", {{"count", std::to_string(load.active)}});
  }
  if (load.this_week >= profile->max_per_week) {
    return refuse("You already took " + matches_phrase(load.this_week) + " this week, your limit.",
                  "volunteer.limit_week", {{"count", std::to_string(load.this_week)}});
  }
  return {};
}

Result<VolunteerProfile> VolunteerService::profile(const std::string& network_slug,
                                                   const Actor& actor) {
  std::optional<VolunteerProfile> found;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Network network =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kVolunteer));
    found = TRY(transaction.volunteers().find(network.id, *actor.account));
    return {};
  }));
  if (!found) return not_found("Volunteer profile");
  return *found;
}

Result<VolunteerProfile> VolunteerService::set_profile(const std::string& network_slug,
                                                       const Actor& actor,
                                                       const VolunteerDraft& draft) {
  const Network network = TRY(services_.networks().find(network_slug));
  const std::vector<Category> categories = TRY(services_.networks().categories(network_slug));
  const UnixSeconds now = services_.now();
  VolunteerProfile profile;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    TRY(authorize(services_, transaction, network_slug, actor, Action::kVolunteer));
    FieldErrors errors;
    apply_volunteer_draft(draft, network, categories, now, profile, errors);
    merge_read_errors(draft.read_errors, errors);
    if (!errors.empty()) return Status(invalid(std::move(errors)));
    profile.network_id = network.id;
    profile.account_id = *actor.account;
    const auto existing = TRY(transaction.volunteers().find(network.id, *actor.account));
    profile.created_at = existing ? existing->created_at : now;
    profile.updated_at = now;
    return transaction.volunteers().upsert(profile);
  }));
  return profile;
}

Status VolunteerService::remove_profile(const std::string& network_slug, const Actor& actor) {
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Network network =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kVolunteer));
    return transaction.volunteers().remove(network.id, *actor.account);
  });
}

Result<std::vector<VolunteerProfile>> VolunteerService::list(const std::string& network_slug,
                                                             const Actor& actor) {
  std::vector<VolunteerProfile> profiles;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Network network =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kOrganize));
    profiles = TRY(transaction.volunteers().list(network.id));
    return {};
  }));
  return profiles;
}

Result<std::vector<VolunteerStanding>> VolunteerService::standings(const std::string& network_slug,
                                                                   const Actor& actor) {
  const UnixSeconds now = services_.now();
  std::vector<VolunteerStanding> standings;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Network network =
        TRY(authorize(services_, transaction, network_slug, actor, Action::kOrganize));
    const auto profiles = TRY(transaction.volunteers().list(network.id));
    const auto loads =
        TRY(transaction.matches().volunteer_loads(network.id, now - limits::kVolunteerWeekSeconds));
    for (const VolunteerProfile& profile : profiles) {
      VolunteerStanding standing{profile, {}, 0};
      if (const auto load = loads.find(profile.account_id); load != loads.end()) {
        standing.load = load->second;
      }
      standing.capacity_left = capacity_left(profile, standing.load, now);
      standings.push_back(std::move(standing));
    }
    return {};
  }));
  return standings;
}

Result<std::vector<VolunteerMatch>> VolunteerService::own_matches(const std::string& network_slug,
                                                                  const Actor& actor) {
  if (!actor.account) return fail(ErrorCode::kUnauthorized, "This needs you to be signed in.");
  const Network network = TRY(services_.networks().find(network_slug));
  std::vector<VolunteerMatch> out;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const auto matches = TRY(transaction.matches().list_for_account_in_network(
        *actor.account, network.id, limits::kVolunteerOwnMatchesMax));
    for (const Match& match : matches) {
      const Post request = TRY(transaction.posts().find(match.request_id));
      out.push_back(VolunteerMatch{match, request.title, request.category});
    }
    return {};
  }));
  return out;
}

}  // namespace gapfill::domain
