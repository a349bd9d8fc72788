#pragma once
// What a client asks for, already typed but not yet validated. http/ fills
// these from a body; the domain validates and applies them.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

// Problems found while reading a draft (a number sent as text, a malformed
// time): field -> catalogue message. The domain reports them with its own
// findings.
using ReadErrors = std::map<std::string, Message>;

// A network's public contact, as sent (each part optional; "" clears it).
struct PublicContactDraft {
  std::optional<std::string> email;
  std::optional<std::string> website;
  std::optional<std::string> phone;
};

struct NetworkDraft {
  ReadErrors read_errors;
  std::optional<std::string> slug;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<double> radius_km;
  // A polygon area instead of a circle: the GeoJSON text (domain/areas.hpp).
  std::optional<std::string> area_geojson;
  std::optional<std::vector<std::string>> languages;
  std::optional<std::string> timezone;
  std::optional<std::int64_t> retention_days;
  std::optional<std::int64_t> post_expiry_days;
  std::optional<bool> listed;
  std::optional<double> public_grid_km;
  PublicContactDraft contact;
  // Which of the default categories the network starts with (all when
  // absent); at least one, each a default key.
  std::optional<std::vector<std::string>> categories;
};

// Someone's report of a post: why (from a fixed list) and an optional note.
struct ReportDraft {
  ReadErrors read_errors;
  std::optional<ModerationReason> reason;
  std::optional<std::string> note;
};

struct RideDraft {
  std::optional<std::string> pickup_area;
  std::optional<std::string> dropoff_area;
  std::optional<UnixSeconds> appointment_at;
  std::optional<bool> return_trip;
  std::optional<std::int64_t> passengers;
  std::optional<std::vector<std::string>> accessibility_needs;
};

struct ContactDraft {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<ContactMethod> method;
};

// A new post, or the changes to one (PATCH): a field left empty is not
// changed, a field named in `cleared` (the client sent null) is removed.
struct PostDraft {
  ReadErrors read_errors;
  std::optional<PostKind> kind;
  std::optional<std::string> category;
  std::optional<std::string> title;
  std::optional<std::string> details;
  std::optional<std::int64_t> quantity;
  std::optional<Urgency> urgency;
  std::optional<UnixSeconds> window_from;
  std::optional<UnixSeconds> window_to;
  std::optional<geo::Point> point;
  std::optional<std::string> location_text;
  std::optional<ContactDraft> contact;
  std::optional<RideDraft> ride;
  // Replaces the post's languages ([] or a cleared "languages" removes them).
  std::optional<std::vector<std::string>> languages;
  std::optional<double> max_distance_km;
  // An edit's optimistic check: the post's version as the editor read it
  // (a stale one is a conflict). Absent: the edit applies over any version.
  std::optional<std::int64_t> version;
  // "details", "quantity", "window", "location", "contact", "ride",
  // "languages", "max_distance_km"
  std::set<std::string> cleared;
};

struct ClaimDraft {
  ReadErrors read_errors;
  std::optional<std::string> volunteer_name;
  std::optional<std::string> volunteer_email;
  std::optional<std::string> volunteer_phone;
  std::optional<std::int64_t> quantity;
  std::optional<std::string> note;
};

struct ProposalDraft {
  ReadErrors read_errors;
  std::optional<PostId> request_id;
  std::optional<PostId> offer_id;
  std::optional<std::int64_t> quantity;
  std::optional<std::string> note;
};

}  // namespace gapfill::domain
