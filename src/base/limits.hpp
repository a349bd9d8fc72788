#pragma once
// Every bound the program enforces, in one place, with its unit in its name.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gapfill::limits {

// Networks.
constexpr std::size_t kSlugMinChars = 3;
constexpr std::size_t kSlugMaxChars = 40;
constexpr std::size_t kNetworkNameMaxChars = 120;
constexpr std::size_t kNetworkDescriptionMaxChars = 4000;
constexpr double kAreaRadiusMaxKm = 2000.0;
constexpr int kRetentionDaysMin = 1;
constexpr int kRetentionDaysMax = 3650;
constexpr int kRetentionDaysDefault = 30;
constexpr int kPostExpiryDaysMin = 1;
constexpr int kPostExpiryDaysMax = 365;
constexpr int kPostExpiryDaysDefault = 30;
constexpr std::size_t kLanguagesMax = 20;
constexpr std::size_t kTimezoneMaxChars = 64;

// Volunteer profiles (domain/volunteers.hpp).
constexpr std::size_t kVolunteerNameMaxChars = 100;
constexpr std::size_t kVolunteerPlaceMaxChars = 200;
constexpr double kVolunteerDistanceMinKm = 1.0;
constexpr double kVolunteerDistanceMaxKm = 200.0;
constexpr double kVolunteerDistanceDefaultKm = 10.0;
constexpr std::size_t kVolunteerLanguagesMax = 10;
constexpr int kVolunteerMaxActiveMax = 50;  // the most live matches one may allow oneself
constexpr int kVolunteerMaxActiveDefault = 3;
constexpr int kVolunteerMaxPerWeekMax = 100;
constexpr int kVolunteerMaxPerWeekDefault = 5;
constexpr std::int64_t kVolunteerWeekSeconds = 7 * 86'400;
constexpr std::int64_t kVolunteerDatesHorizonSeconds = 2 * 366 * 86'400;  // from/until within
constexpr int kVolunteerOwnMatchesMax = 50;  // matches listed on the volunteer's page

// Posts.
constexpr std::size_t kTitleMaxChars = 120;
constexpr std::size_t kDetailsMaxChars = 4000;
constexpr std::int64_t kQuantityMin = 1;
constexpr std::int64_t kQuantityMax = 100'000;
constexpr std::size_t kLocationTextMaxChars = 200;
constexpr std::size_t kContactNameMaxChars = 100;
constexpr std::size_t kEmailMaxChars = 254;
constexpr std::size_t kPhoneMaxChars = 32;
constexpr std::size_t kWebsiteMaxChars = 300;  // a network's public website
constexpr std::size_t kCategoriesMax = 32;     // keys in a new network's "categories"
constexpr std::size_t kAreaTextMaxChars = 200;
constexpr std::size_t kAccessibilityNeedsMax = 10;
constexpr std::int64_t kPassengersMax = 20;
constexpr std::size_t kNoteMaxChars = 1000;
// What the matcher reads of a post: the languages it names (BCP 47 primary
// tags) and how far its poster can go, travel or deliver.
constexpr std::size_t kPostLanguagesMax = 8;
constexpr double kPostMaxDistanceKmMin = 1.0;
constexpr double kPostMaxDistanceKmMax = 500.0;

// The contact relay: one message's body, a page of a thread, and how long
// after an e-mail notice the same party of the same thread gets no other.
constexpr std::size_t kMessageBodyMaxChars = 2000;
constexpr int kThreadLimitDefault = 50;
constexpr int kThreadLimitMax = 200;
constexpr std::int64_t kRelayNoticeWindowSeconds = 3600;

// A network's public grid: public points are snapped to cells about this many
// km on a side, so that a listing never shows where someone lives.
constexpr double kPublicGridKmDefault = 1.0;
constexpr double kPublicGridKmMin = 0.5;
constexpr double kPublicGridKmMax = 10.0;

// Sealed personal fields: values re-sealed per write transaction when old
// plaintext is sealed or a data key is rotated.
constexpr int kResealBatch = 500;

// How long a server waits, at most, before it looks for what other processes
// on its database wrote (app::Application::refresh_loop). PostgreSQL tells it
// at once; on SQLite this is how stale another process's posts may be.
constexpr int kChangePollMs = 1000;

// Listings.
constexpr int kListLimitDefault = 20;
constexpr int kListLimitMax = 100;
constexpr double kListRadiusDefaultKm = 25.0;
constexpr double kListRadiusMaxKm = 500.0;

// The organizer's queue: one page, and the offers shown to match with.
constexpr int kQueueLimitDefault = 50;
constexpr int kQueueLimitMax = 200;
constexpr int kOpenOffersMax = 500;

// Suggested matches (domain/suggestions.hpp): one listing (API: limit, 1 to
// the max), how many "accept all" takes at once, and the maximum distance
// the matcher assumes for a post that states none.
constexpr int kSuggestionsLimitDefault = 50;
constexpr int kSuggestionsLimitMax = 1000;
constexpr int kSuggestionsAcceptAllMax = 1000;
constexpr double kMatchDistanceDefaultKm = 25.0;

// Moderation: a report's optional note, and pages of reports and of the
// audit log (API: limit, 1 to the max).
constexpr std::size_t kReportNoteMaxChars = 500;
constexpr int kReportsPageItems = 25;
constexpr int kAuditLimitDefault = 50;
constexpr int kAuditLimitMax = 200;

// Referrals between networks: the organizer's optional note, how many
// networks the refer form offers, and how many referrals a listing shows.
constexpr std::size_t kReferralNoteMaxChars = 500;
constexpr std::size_t kReferralTargetsMax = 20;
constexpr int kReferralListMax = 200;

// A network's home page counts requests fulfilled within this many days.
constexpr int kSummaryFulfilledDays = 30;

// The rendered-listing cache holds at most this much body text.
constexpr std::size_t kListingCacheMaxBytes = 32 * 1024 * 1024;

// HTTP.
constexpr std::size_t kMaxBodyBytesDefault = 64 * 1024;
constexpr std::size_t kMaxUrlBytes = 8 * 1024;          // 414 beyond
constexpr std::size_t kMaxHeaderFieldBytes = 8 * 1024;  // 431 beyond
// RESTinio drops a request over its own limits without answering, so its
// limits sit well above ours and we answer ourselves.
constexpr std::size_t kServerMaxUrlBytes = 64 * 1024;
constexpr std::size_t kServerMaxHeaderFieldBytes = 64 * 1024;
constexpr std::size_t kMaxHeaderCount = 100;
constexpr std::size_t kMaxJsonDepth = 8;
constexpr std::size_t kMaxFormFields = 64;
constexpr std::size_t kMaxCookies = 32;

// Rate limits: each rule lets one client address (later also one account)
// make `max_requests` requests at once, then one more every
// window_seconds / max_requests seconds; beyond that, 429 with Retry-After.
// A route names its rule (Router::add(...).rate_limit(rule)).
struct RateLimitDefault {
  std::string_view rule;
  std::int64_t max_requests;
  std::int64_t window_seconds;
};
inline constexpr std::string_view kRatePosting = "posting";      // new posts, API and pages
inline constexpr std::string_view kRateClaiming = "claiming";    // claims, API and pages
inline constexpr std::string_view kRateMatching = "matching";    // POST /api/v1/matches
inline constexpr std::string_view kRateSignIn = "sign_in";       // an organizer key, tried
inline constexpr std::string_view kRateMessaging = "messaging";  // relay messages, API and pages
inline constexpr std::string_view kRateReporting = "reporting";  // reports of posts
// Accounts: sign-up, sign-in and "forgot password", per client address; the
// handlers also take from the same rule keyed by the e-mail address tried.
inline constexpr std::string_view kRateSignUp = "sign_up";
inline constexpr std::string_view kRateAccountSignIn = "account_sign_in";
inline constexpr std::string_view kRatePasswordReset = "password_reset";
inline constexpr RateLimitDefault kRateLimitDefaults[] = {
    {kRatePosting, 30, 10 * 60},      {kRateClaiming, 30, 10 * 60},
    {kRateMatching, 60, 10 * 60},     {kRateSignIn, 10, 15 * 60},
    {kRateMessaging, 60, 10 * 60},    {kRateReporting, 20, 60 * 60},
    {kRateSignUp, 10, 60 * 60},       {kRateAccountSignIn, 10, 15 * 60},
    {kRatePasswordReset, 5, 60 * 60},
};
constexpr std::int64_t kRateLimitMaxRequestsMax = 1'000'000;
constexpr std::int64_t kRateLimitWindowSecondsMax = 7L * 24 * 3600;
// Buckets kept in memory at most; the least recently used is forgotten.
constexpr std::size_t kRateLimitTrackedKeysDefault = 100'000;
constexpr std::size_t kRateLimitTrackedKeysMax = 10'000'000;

// The gazetteer (GET /api/v1/places): what a person types (the engine reads
// at most the bytes of that many characters), and the candidates answered.
// A polygon area larger than this is drawn as its covering circle on pages
// that list many networks (the home page, the directory), to keep them light.
constexpr std::size_t kMapGeoJsonMaxBytes = 32 * 1024;
constexpr std::size_t kPlaceQueryMaxChars = 100;
constexpr std::size_t kPlaceQueryMaxBytes = 4 * kPlaceQueryMaxChars;
constexpr int kPlacesLimitDefault = 8;
constexpr int kPlacesLimitMax = 20;

// Web pages.
constexpr int kBrowsePageItems = 20;
constexpr int kQueuePageItems = 25;
constexpr long kLanguageCookieMaxAgeSeconds = 365L * 24 * 3600;
constexpr long kOrganizerCookieMaxAgeSeconds = 12L * 3600;
// Strict-Transport-Security, when served over TLS: a year.
constexpr long kHstsMaxAgeSeconds = 365L * 24 * 3600;

// Tokens: 32 random bytes, 256 bits.
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenMaxChars = 128;
constexpr std::size_t kOrganizerKeyLabelMaxChars = 100;
// Roles: an invite link lives a week; a network lists at most this many
// invites on its admin page.
constexpr long kInviteLifetimeSeconds = 7L * 24 * 3600;
constexpr std::size_t kInvitesListedMax = 50;

// Accounts. A password of at least 10 bytes resists guessing once rate
// limits and argon2id slow every try; 256 bytes is more than any pass phrase
// or password manager makes, and keeps a sign-in body small.
constexpr std::size_t kPasswordMinBytes = 10;
constexpr std::size_t kPasswordMaxBytes = 256;
// argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13): libsodium's
// "interactive" level, 2 passes over 64 MiB, about 0.1 s on one core. At most
// kPasswordHashesAtOnce hashes run at once (others wait their turn), so
// sign-ins can never take more than 2 x 64 MiB of memory together.
constexpr unsigned long long kPasswordHashOpsLimit = 2;
constexpr std::size_t kPasswordHashMemoryBytes = 64UL * 1024 * 1024;
constexpr int kPasswordHashesAtOnce = 2;
// Sessions end after a week unused, and a month after sign-in whatever happens.
constexpr std::int64_t kSessionIdleSeconds = 7L * 24 * 3600;
constexpr std::int64_t kSessionMaxAgeSeconds = 30L * 24 * 3600;
// last_seen_at is written at most this often per session (not on every request).
constexpr std::int64_t kSessionTouchSeconds = 5L * 60;
// One-time links: a verification link is good for two days, a reset link for an hour.
constexpr std::int64_t kVerifyLinkSeconds = 2L * 24 * 3600;
constexpr std::int64_t kResetLinkSeconds = 3600;
// Session tokens start with this, so that they can never be mistaken for a
// manage or match token, nor those for a session.
inline constexpr std::string_view kSessionTokenPrefix = "gfs_";
constexpr long kSessionCookieMaxAgeSeconds = kSessionMaxAgeSeconds;

// Outgoing mail: messages waiting in memory at most, and delivery tries each.
constexpr std::size_t kMailQueueMax = 1000;
constexpr int kMailAttempts = 5;
constexpr std::int64_t kMailFirstRetrySeconds = 5;

// The site's secret (it keys CSRF tokens).
constexpr std::size_t kSiteSecretBytes = 32;

// Possible duplicates (domain/duplicates.hpp): a new request is compared with
// the network's live requests of its category created in the last
// kDuplicateWindowDays days, at most kDuplicateCandidatesMax of them (newest
// first). "Nearby" is within kDuplicateNearbyKm of each other's public
// points; titles are similar at a Dice coefficient of kDuplicateSimilarTitle
// or more, or of kDuplicateSameContactTitle or more when the contact is the
// same (engine/duplicate_score.hpp). The dashboard and the API list at most
// kDuplicateFlagsMax open flags.
constexpr int kDuplicateWindowDays = 14;
constexpr int kDuplicateCandidatesMax = 200;
constexpr double kDuplicateNearbyKm = 2.0;
constexpr double kDuplicateSimilarTitle = 0.5;
constexpr double kDuplicateSameContactTitle = 0.25;
constexpr int kDuplicateFlagsMax = 100;

}  // namespace gapfill::limits
