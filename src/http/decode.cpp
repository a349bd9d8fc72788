#include "http/decode.hpp"

#include "base/limits.hpp"
#include "http/json_body.hpp"

namespace gapfill::http {
namespace {

using Errors = std::map<std::string, Message>;

// Reads an enum field by its wire names, recording a type error otherwise.
template <typename Enum>
std::optional<Enum> read_enum(FieldReader& reader, const std::string& name,
                              std::optional<Enum> (*parse)(std::string_view), const char* allowed,
                              Errors& errors) {
  const auto text = reader.string(name);
  if (!text) return std::nullopt;
  auto value = parse(*text);
  if (!value) errors[reader.path(name)] = Message{"error.one_of", {{"allowed", allowed}}};
  return value;
}

void read_contact(FieldReader& parent, domain::PostDraft& draft, Errors& unknown) {
  if (parent.is_null("contact")) {
    draft.cleared.insert("contact");
    return;
  }
  const auto* object = parent.object("contact");
  if (object == nullptr) return;
  FieldReader reader(*object, "contact.", draft.read_errors, unknown);
  domain::ContactDraft contact;
  contact.name = reader.string("name");
  contact.email = reader.string("email");
  contact.phone = reader.string("phone");
  contact.method =
      read_enum(reader, "method", &parse_contact_method, "phone, email, site", draft.read_errors);
  reader.finish();
  draft.contact = std::move(contact);
}

void read_ride(FieldReader& parent, domain::PostDraft& draft, Errors& unknown) {
  if (parent.is_null("ride")) {
    draft.cleared.insert("ride");
    return;
  }
  const auto* object = parent.object("ride");
  if (object == nullptr) return;
  FieldReader reader(*object, "ride.", draft.read_errors, unknown);
  domain::RideDraft ride;
  ride.pickup_area = reader.string("pickup_area");
  ride.dropoff_area = reader.string("dropoff_area");
  ride.appointment_at = reader.timestamp("appointment_at");
  ride.return_trip = reader.boolean("return_trip");
  ride.passengers = reader.integer("passengers");
  ride.accessibility_needs = reader.strings("accessibility_needs", limits::kAccessibilityNeedsMax);
  reader.finish();
  draft.ride = std::move(ride);
}

domain::PublicContactDraft read_public_contact(FieldReader& reader) {
  domain::PublicContactDraft contact;
  contact.email = reader.string("email");
  contact.website = reader.string("website");
  contact.phone = reader.string("phone");
  reader.finish();
  return contact;
}

// An area object: a circle {lat, lon, radius_km} or a polygon {geojson}.
void read_area(FieldReader& reader, domain::AreaDraft& area) {
  area.lat = reader.number("lat");
  area.lon = reader.number("lon");
  area.radius_km = reader.number("radius_km");
  if (const auto* geojson = reader.object("geojson")) area.geojson = geojson->dump();
}

}  // namespace

Result<domain::PublicContactDraft> decode_public_contact(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  Errors read_errors;
  Errors unknown;
  FieldReader reader(body, "", read_errors, unknown);
  domain::PublicContactDraft contact = read_public_contact(reader);
  TRY_STATUS(reject_unknown(unknown));
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return contact;
}

Result<domain::AreaDraft> decode_area(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::AreaDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  read_area(reader, draft);
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

Result<domain::NetworkDraft> decode_network(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::NetworkDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.slug = reader.string("slug");
  draft.name = reader.string("name");
  draft.description = reader.string("description");
  if (const auto* area = reader.object("area")) {
    FieldReader area_reader(*area, "area.", draft.read_errors, unknown);
    domain::AreaDraft area_draft;
    read_area(area_reader, area_draft);
    draft.lat = area_draft.lat;
    draft.lon = area_draft.lon;
    draft.radius_km = area_draft.radius_km;
    draft.area_geojson = std::move(area_draft.geojson);
    area_reader.finish();
  }
  draft.languages = reader.strings("languages", limits::kLanguagesMax);
  draft.timezone = reader.string("timezone");
  draft.retention_days = reader.integer("retention_days");
  draft.post_expiry_days = reader.integer("post_expiry_days");
  draft.listed = reader.boolean("listed");
  draft.public_grid_km = reader.number("public_grid_km");
  if (const auto* contact = reader.object("contact")) {
    FieldReader contact_reader(*contact, "contact.", draft.read_errors, unknown);
    draft.contact = read_public_contact(contact_reader);
  }
  draft.categories = reader.strings("categories", limits::kCategoriesMax);
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

Result<domain::PostDraft> decode_post(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::PostDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.kind = read_enum(reader, "kind", &parse_post_kind, "request, offer", draft.read_errors);
  draft.category = reader.string("category");
  draft.title = reader.string("title");
  if (reader.is_null("details")) draft.cleared.insert("details");
  draft.details = reader.string("details");
  if (reader.is_null("quantity")) draft.cleared.insert("quantity");
  draft.quantity = reader.integer("quantity");
  draft.urgency =
      read_enum(reader, "urgency", &parse_urgency, "today, week, flexible", draft.read_errors);
  if (reader.is_null("window")) draft.cleared.insert("window");
  if (const auto* window = reader.object("window")) {
    FieldReader window_reader(*window, "window.", draft.read_errors, unknown);
    draft.window_from = window_reader.timestamp("from");
    draft.window_to = window_reader.timestamp("to");
    window_reader.finish();
  }
  if (reader.is_null("location")) draft.cleared.insert("location");
  if (const auto* location = reader.object("location")) {
    FieldReader location_reader(*location, "location.", draft.read_errors, unknown);
    const auto lat = location_reader.number("lat");
    const auto lon = location_reader.number("lon");
    if (lat && lon) {
      draft.point = geo::Point{*lat, *lon};
    } else if (lat || lon) {
      draft.read_errors["location"] = Message{"error.needs_lat_and_lon", {}};
    }
    draft.location_text = location_reader.string("text");
    location_reader.finish();
  }
  read_contact(reader, draft, unknown);
  read_ride(reader, draft, unknown);
  // What the matcher reads: null clears either; [] clears the languages too.
  // The list is read up to the networks' own bound, so that a few too many
  // get the domain's "at most" message rather than a type error.
  if (reader.is_null("languages")) draft.cleared.insert("languages");
  draft.languages = reader.strings("languages", limits::kLanguagesMax);
  if (reader.is_null("max_distance_km")) draft.cleared.insert("max_distance_km");
  draft.max_distance_km = reader.number("max_distance_km");
  draft.version = reader.integer("version");  // any other than the post's is stale: 409
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

Result<domain::ClaimDraft> decode_claim(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::ClaimDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  if (const auto* volunteer = reader.object("volunteer")) {
    FieldReader volunteer_reader(*volunteer, "volunteer.", draft.read_errors, unknown);
    draft.volunteer_name = volunteer_reader.string("name");
    draft.volunteer_email = volunteer_reader.string("email");
    draft.volunteer_phone = volunteer_reader.string("phone");
    volunteer_reader.finish();
  } else if (!reader.has("volunteer")) {
    draft.read_errors["volunteer"] =
        Message{"error.required_shape", {{"shape", R"({"name": ..., "email" or "phone": ...})"}}};
  }
  draft.quantity = reader.integer("quantity");
  draft.note = reader.string("note");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

Result<domain::ProposalDraft> decode_proposal(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::ProposalDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.request_id = reader.integer("request_id");
  draft.offer_id = reader.integer("offer_id");
  draft.quantity = reader.integer("quantity");
  draft.note = reader.string("note");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

Result<std::optional<CloseReason>> decode_close(const Request& request) {
  if (request.body.empty()) return std::optional<CloseReason>{};
  const auto body = TRY(parse_json_object(request.body));
  Errors read_errors, unknown;
  FieldReader reader(body, "", read_errors, unknown);
  auto reason =
      read_enum(reader, "reason", &parse_close_reason, "withdrawn, duplicate", read_errors);
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return reason;
}

Status decode_no_fields(const Request& request) {
  if (request.body.empty()) return {};
  const auto body = TRY(parse_json_object(request.body));
  if (!body.empty()) {
    return std::unexpected(Error{ErrorCode::kMalformed,
                                 "This endpoint takes no fields.",
                                 {{body.begin().key(), Message{"error.unknown_field", {}}}}});
  }
  return {};
}

Result<domain::ReportDraft> decode_report(const Request& request) {
  const auto body = TRY(parse_json_object(request.body));
  domain::ReportDraft draft;
  Errors unknown;
  FieldReader reader(body, "", draft.read_errors, unknown);
  draft.reason = read_enum(reader, "reason", &parse_moderation_reason, kModerationReasonNames,
                           draft.read_errors);
  draft.note = reader.string("note");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return draft;
}

namespace {

// One required enum field and nothing else.
template <typename Enum>
Result<Enum> decode_one_enum(const Request& request, const char* name,
                             std::optional<Enum> (*parse)(std::string_view), const char* allowed) {
  const auto body = TRY(parse_json_object(request.body.empty() ? "{}" : request.body));
  Errors read_errors, unknown;
  FieldReader reader(body, "", read_errors, unknown);
  auto value = read_enum(reader, name, parse, allowed, read_errors);
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!value && !read_errors.contains(name)) read_errors[name] = Message{"error.required", {}};
  if (!read_errors.empty()) return invalid(std::move(read_errors));
  return *value;
}

}  // namespace

Result<ModerationReason> decode_moderation_reason(const Request& request) {
  return decode_one_enum(request, "reason", &parse_moderation_reason, kModerationReasonNames);
}

Result<ReportResolution> decode_resolution(const Request& request) {
  return decode_one_enum(request, "resolution", &parse_report_resolution, "dismissed, hidden");
}

}  // namespace gapfill::http
