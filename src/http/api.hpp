#pragma once
// The JSON API under /api/v1.

#include <nlohmann/json.hpp>

#include "domain/services.hpp"
#include "http/listing_cache.hpp"
#include "http/router.hpp"

namespace gapfill::http {

// Adds every API route. `cache` keeps rendered listings; it must outlive the router.
void add_api_routes(Router& router, domain::Services& services, ListingCache& cache);
// Adds the moderation routes (reports, hiding, blocking, the audit log);
// add_api_routes calls it.
void add_moderation_routes(Router& router, domain::Services& services);

// The routes of roles per network (http/api_roles.cpp): members, invites,
// joining and the network's policy.
void add_role_routes(Router& router, domain::Services& services);
// Adds the accounts routes (sign-up, sessions, the account); add_api_routes calls it.
void add_account_api_routes(Router& router, domain::Services& services);

// Adds the referrals routes (http/api_referrals.cpp); add_api_routes calls it.
void add_referral_routes(Router& router, domain::Services& services);
void add_suggestion_routes(Router& router, domain::Services& services);

// Possible duplicates of requests (http/api_duplicates.cpp); add_api_routes calls it.
void add_duplicate_routes(Router& router, domain::Services& services);

// Adds GET /api/v1/places, the gazetteer's typeahead (http/api_places.cpp).
void add_place_routes(Router& router);
// Service areas: which networks serve a place, an admin changing an area (api_areas.cpp).
void add_area_routes(Router& router, domain::Services& services);

// Adds the directory (GET /api/v1/directory, its HSDS export) and a network's
// public contact (PATCH /api/v1/networks/{slug}/contact); http/api_directory.cpp.
void add_directory_routes(Router& router, domain::Services& services);

// Volunteer profiles: the volunteer's own (GET/PUT/DELETE
// /api/v1/networks/{slug}/volunteer-profile) and the organizers' list
// (GET /api/v1/networks/{slug}/volunteers); http/api_volunteers.cpp.
void add_volunteer_routes(Router& router, domain::Services& services);
nlohmann::json volunteer_profile_json(const VolunteerProfile& profile);
Result<domain::VolunteerDraft> decode_volunteer(const Request& request);

}  // namespace gapfill::http
