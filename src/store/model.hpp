#pragma once
// What is stored: plain records shared by the store and the domain. The rules
// that govern them live in domain/.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"
#include "engine/geo.hpp"

namespace gapfill {

using NetworkId = std::int64_t;
using PostId = std::int64_t;
using MatchId = std::int64_t;
using AccountId = std::int64_t;

enum class PostKind { kRequest, kOffer };
enum class PostStatus { kOpen, kMatched, kFulfilled, kClosed };
// kReferred: another network accepted the request (domain/referrals.hpp).
enum class CloseReason { kWithdrawn, kExpired, kModerated, kDuplicate, kReferred };
enum class Urgency { kToday, kWeek, kFlexible };
enum class ContactMethod { kPhone, kEmail, kSite };
enum class MatchStatus { kProposed, kAccepted, kCompleted, kCancelled };
// Who wrote a message in a match's thread.
enum class MessageSide { kRequester, kVolunteer, kOfferer, kOrganizer };
// Why a post was reported, hidden or its poster blocked: a fixed list, so
// that nothing a reporter types reaches the reason.
enum class ModerationReason { kSpam, kScam, kUnsafe, kPersonalInformation, kOther };
enum class ReportResolution { kDismissed, kHidden };
// Who or what a block stops: a post's manage token today, an account later.
enum class BlockSubject { kManageToken, kAccount };
// Who did an audited action.
enum class ActorKind { kOrganizerKey, kOperator, kAccount };
// A person's role in one network, from least to most trusted: each role may
// do what the ones before it may.
enum class Role { kMember, kVolunteer, kOrganizer, kAdmin };

std::string_view to_string(PostKind value);
std::string_view to_string(PostStatus value);
std::string_view to_string(CloseReason value);
std::string_view to_string(Urgency value);
std::string_view to_string(ContactMethod value);
std::string_view to_string(MatchStatus value);
std::string_view to_string(MessageSide value);
std::string_view to_string(ModerationReason value);
std::string_view to_string(ReportResolution value);
std::string_view to_string(BlockSubject value);
std::string_view to_string(ActorKind value);
std::string_view to_string(Role value);

// Each parse_* returns nullopt for anything but the exact wire name.
std::optional<PostKind> parse_post_kind(std::string_view text);
std::optional<PostStatus> parse_post_status(std::string_view text);
std::optional<CloseReason> parse_close_reason(std::string_view text);
std::optional<Urgency> parse_urgency(std::string_view text);
std::optional<ContactMethod> parse_contact_method(std::string_view text);
std::optional<MatchStatus> parse_match_status(std::string_view text);
std::optional<MessageSide> parse_message_side(std::string_view text);
std::optional<ModerationReason> parse_moderation_reason(std::string_view text);
std::optional<ReportResolution> parse_report_resolution(std::string_view text);
std::optional<BlockSubject> parse_block_subject(std::string_view text);
std::optional<ActorKind> parse_actor_kind(std::string_view text);
std::optional<Role> parse_role(std::string_view text);

// Where a network serves: a circle, or a GeoJSON Polygon/MultiPolygon
// (engine/area.hpp). centre and radius_km are always meaningful: for a polygon
// they are its centre (area::centre) and the radius covering it from there,
// so code that needs only "roughly where and how big" reads them alone.
struct ServiceArea {
  geo::Point centre;
  double radius_km = 0;
  // The polygon as canonical GeoJSON (area::to_geojson); empty for a circle.
  std::string geojson = {};

  bool is_polygon() const { return !geojson.empty(); }
};

// How the public reaches a network: the network's own public contact (an
// address, site or line its organizers publish), never a requester's data.
// Each is optional (empty when not given).
struct PublicContact {
  std::string email;
  std::string website;  // an http(s) URL
  std::string phone;
  bool empty() const { return email.empty() && website.empty() && phone.empty(); }
  friend bool operator==(const PublicContact&, const PublicContact&) = default;
};

struct Network {
  NetworkId id = 0;
  std::string slug;
  std::string name;
  std::string description;
  ServiceArea area;
  std::vector<std::string> languages;  // BCP 47 primary tags, the first is the default
  std::string timezone;                // IANA name, e.g. "America/Denver"
  int retention_days = 0;
  // Public points snap to cells about this many km on a side (geo::snap_to_cell).
  double public_grid_km = 1.0;
  int post_expiry_days = 0;
  bool listed = true;
  UnixSeconds created_at = 0;
  // A random UUID (RFC 4122 version 4, lower-case text), the network's
  // stable id in exports (HSDS); set at creation, never changed.
  std::string public_uuid;
  PublicContact contact;
};

struct Category {
  std::string key;  // "food", stable, used in the API
  int position = 0;
  std::map<std::string, std::string> labels;  // language -> label
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
  ContactMethod method = ContactMethod::kSite;
  bool empty() const { return name.empty() && email.empty() && phone.empty(); }
};

// Extra facts of a ride request or offer (category "transport").
struct Ride {
  std::string pickup_area;
  std::string dropoff_area;
  std::optional<UnixSeconds> appointment_at;
  bool return_trip = false;
  int passengers = 1;
  std::vector<std::string> accessibility_needs;  // keys such as "wheelchair"
};

// Organizers took a post out of public view (it stays in the database and
// its poster's private link still works).
struct Hidden {
  UnixSeconds at = 0;
  ModerationReason reason = ModerationReason::kOther;
  friend bool operator==(const Hidden&, const Hidden&) = default;
};

struct Post {
  PostId id = 0;
  NetworkId network_id = 0;
  PostKind kind = PostKind::kRequest;
  std::string category;
  std::string title;
  std::string details;
  std::optional<std::int64_t> quantity;
  Urgency urgency = Urgency::kFlexible;
  std::optional<UnixSeconds> window_from;
  std::optional<UnixSeconds> window_to;
  geo::Point point;           // public, approximate (snapped to a grid)
  std::string location_text;  // private
  Contact contact;            // private
  std::optional<Ride> ride;
  PostStatus status = PostStatus::kOpen;
  std::optional<CloseReason> close_reason;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  // Counts the post's updates, from 1: PostRepository::update writes only
  // over the version it read, so two edits made from one reading cannot
  // both land (the second gets kConflict).
  std::int64_t version = 1;
  UnixSeconds waiting_since = 0;
  std::string manage_token_hash;       // hex; the token itself is never stored
  std::optional<PostId> duplicate_of;  // the live post this one repeats (closed as duplicate)
  bool entered_by_organizer = false;   // an organizer entered it for someone (intake)
  // When the retention sweep erased its personal data (details, location,
  // contact, ride areas and needs); set by the store alone.
  std::optional<UnixSeconds> personal_data_erased_at;
  // Set when organizers hid it; written by PostRepository::set_hidden alone.
  std::optional<Hidden> hidden;
  // The poster's account, when they were signed in; written by
  // PostRepository::set_account alone, unset when the account is deleted.
  std::optional<AccountId> account_id;
  // Requests: the languages the person would like help in (any one will do;
  // empty: any). Offers: the languages the person offering speaks (empty:
  // not stated). BCP 47 primary tags, at most limits::kPostLanguagesMax; public.
  std::vector<std::string> languages;
  // Requests: how far the person can go or be reached; offers: how far the
  // person will travel or deliver. Empty: the matcher's default. 1 to
  // limits::kPostMaxDistanceKmMax; public (it holds no location).
  std::optional<double> max_distance_km;
};

// The person who claimed a request without posting an offer.
struct Volunteer {
  std::string name;
  std::string email;
  std::string phone;
};

struct Match {
  MatchId id = 0;
  NetworkId network_id = 0;
  PostId request_id = 0;
  std::optional<PostId> offer_id;
  std::optional<Volunteer> volunteer;
  std::int64_t quantity = 1;
  std::string note;
  MatchStatus status = MatchStatus::kProposed;
  std::string token_hash;  // the volunteer's match token, hashed; empty for offer matches
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  // The volunteer's account, when they claimed signed in; written by
  // MatchRepository::set_account alone, unset when the account is deleted.
  std::optional<AccountId> account_id;
};

// A suggested pair an organizer dismissed: the matcher suggests it no more.
// Exactly one of offer_id and volunteer_id is set.
struct DismissedSuggestion {
  NetworkId network_id = 0;
  PostId request_id = 0;
  std::optional<PostId> offer_id;
  std::optional<AccountId> volunteer_id;
  std::optional<AccountId> dismissed_by;
  UnixSeconds dismissed_at = 0;
};

using MessageId = std::int64_t;

// One message of the contact relay: the thread of a match, between its two
// parties (and the network's organizers). The body is personal data.
struct RelayMessage {
  MessageId id = 0;
  MatchId match_id = 0;
  NetworkId network_id = 0;
  MessageSide side = MessageSide::kRequester;
  std::string body;
  UnixSeconds created_at = 0;
};

// A secret that lets its holder organize one network (until accounts exist).
struct OrganizerKey {
  std::int64_t id = 0;
  NetworkId network_id = 0;
  std::string key_hash;  // hex; the key itself is never stored
  std::string label;     // who holds it, for the operator ("Dana's laptop")
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> revoked_at;
};

// One line of a post's history.
struct PostEvent {
  std::int64_t id = 0;
  PostId post_id = 0;
  NetworkId network_id = 0;
  std::optional<MatchId> match_id;
  std::string type;  // "created", "edited", "status", "match"
  std::string from_status;
  std::string to_status;
  std::string reason;
  UnixSeconds at = 0;
};

// Someone's report that a post breaks the network's rules. Anyone may make
// one; only the network's organizers read it.
struct Report {
  std::int64_t id = 0;
  NetworkId network_id = 0;
  PostId post_id = 0;
  ModerationReason reason = ModerationReason::kOther;
  std::string note;  // optional, bounded; may hold personal data: organizers only
  UnixSeconds created_at = 0;
  std::optional<ReportResolution> resolution;
  std::optional<UnixSeconds> resolved_at;
};

// Organizers stopped a subject (a post's manage token, or an account) from
// acting in their network until the block is lifted.
struct Block {
  std::int64_t id = 0;
  NetworkId network_id = 0;
  BlockSubject subject_kind = BlockSubject::kManageToken;
  std::string subject;            // the manage token's hash, or the account id as text
  std::optional<PostId> post_id;  // the post whose token it is, for a manage token
  ModerationReason reason = ModerationReason::kOther;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> lifted_at;
};

// One organizer or admin action, for the network's audit log. `detail` is a
// short machine-written text ("reason=spam") that never holds personal data.
struct AuditEvent {
  std::int64_t id = 0;
  NetworkId network_id = 0;
  ActorKind actor_kind = ActorKind::kOrganizerKey;
  std::optional<std::int64_t> actor_id;  // the organizer key's id (later the account's)
  std::string actor_label;               // the key's label when the action was taken
  std::string action;                    // "hide", "block", "match", "key_issued", ...
  std::string target_kind;               // "post", "match", "report", "block", "organizer_key"
  std::int64_t target_id = 0;
  std::string detail;
  UnixSeconds at = 0;
};

// An account's role in a network (one row per account and network).
struct Membership {
  NetworkId network_id = 0;
  AccountId account_id = 0;
  Role role = Role::kMember;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A one-time link that gives its redeemer a role in a network. Only the
// token's hash is stored; the link is shown once, to the admin who made it.
struct Invite {
  std::int64_t id = 0;
  NetworkId network_id = 0;
  Role role = Role::kVolunteer;
  std::string token_hash;  // hex; the token itself is never stored
  AccountId created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds expires_at = 0;
  std::optional<UnixSeconds> used_at;  // set once, when redeemed
  std::optional<AccountId> used_by;
  std::optional<UnixSeconds> revoked_at;
};

// What a network's admins decide about who may do what.
struct NetworkPolicy {
  NetworkId network_id = 0;
  // Claiming a request needs a signed-in volunteer (or organizer, admin) of
  // the network; off by default, so anyone can claim with a name and contact.
  bool claim_needs_volunteer = false;
};

// A volunteer's availability in one network, set by the volunteer (an account
// with the role volunteer, organizer or admin there). Personal: name and
// place_text (sealed at rest). Removed with the account, and when the
// membership is removed or demoted below volunteer.
struct VolunteerProfile {
  NetworkId network_id = 0;
  AccountId account_id = 0;
  std::string name;                     // private: shown to organizers and the people they help
  bool available = true;                // "pause me" switch
  std::vector<std::string> categories;  // category keys of the network they help with, >= 1
  geo::Point point;                     // approximate (snapped like posts' public points)
  std::string place_text;               // private: what they typed (a place, a ZIP)
  double max_distance_km = 10;          // how far they will go, 1..limits max
  std::vector<std::string> languages;   // BCP 47 primary tags they speak, >= 1
  int max_active = 3;                   // at most this many live (proposed/accepted) matches
  int max_per_week = 5;                 // at most this many new matches in 7 days
  std::optional<UnixSeconds> available_from;  // away until / available from (optional)
  std::optional<UnixSeconds> available_until;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// How much a volunteer is doing now in a network.
struct VolunteerLoad {
  int active = 0;     // matches with status proposed or accepted
  int this_week = 0;  // matches created in the last 7 days, not cancelled
  friend bool operator==(const VolunteerLoad&, const VolunteerLoad&) = default;
};

// A person who signs in with an e-mail address and a password.
struct Account {
  AccountId id = 0;
  std::string email;                       // normalized: trimmed, lower case
  std::string password_hash;               // argon2id, libsodium's encoded string
  std::optional<UnixSeconds> verified_at;  // when the owner followed the e-mail's link
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// A signed-in browser or API client. The session token is never stored.
struct Session {
  std::int64_t id = 0;
  AccountId account_id = 0;
  std::string token_hash;  // hex
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;  // idle expiry counts from here
  UnixSeconds expires_at = 0;    // absolute expiry
};

// What a one-time link sent by e-mail is for.
enum class AccountTokenPurpose { kVerify, kReset };
std::string_view to_string(AccountTokenPurpose value);
std::optional<AccountTokenPurpose> parse_account_token_purpose(std::string_view text);

// A one-time link's secret, hashed: single use, with an expiry.
struct AccountToken {
  std::int64_t id = 0;
  AccountId account_id = 0;
  AccountTokenPurpose purpose = AccountTokenPurpose::kVerify;
  std::string token_hash;  // hex
  UnixSeconds created_at = 0;
  UnixSeconds expires_at = 0;
  std::optional<UnixSeconds> used_at;
};

}  // namespace gapfill
