#include "domain/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/areas.hpp"
#include "domain/places.hpp"
#include "domain/post_fields.hpp"

namespace gapfill::domain {
namespace {

constexpr std::array<std::string_view, 8> kAccessibilityNeeds{
    "wheelchair",   "car_seat",    "booster_seat", "service_animal",
    "mobility_aid", "extra_space", "door_to_door", "oxygen"};

// A number as messages show it (fmt's default: 2000, not 2000.000000).
template <typename Number>
std::string number_arg(Number value) {
  return fmt::format("{}", value);
}

// Checks one text field: trims it, requires clean UTF-8 and a length within
// [min_chars, max_chars] code points. Returns the trimmed value.
std::string checked_text(const std::string& field, const std::string& value, std::size_t min_chars,
                         std::size_t max_chars, bool single_line, FieldErrors& errors) {
  std::string trimmed = trim(value);
  if (!is_clean_text(trimmed, single_line)) {
    errors[field] = Message{single_line ? "error.plain_text_one_line" : "error.plain_text", {}};
    return trimmed;
  }
  const std::size_t length = utf8_length(trimmed);
  if (length < min_chars || length > max_chars) {
    errors[field] = min_chars > 0
                        ? Message{"error.text_length",
                                  {{"min", number_arg(min_chars)}, {"max", number_arg(max_chars)}}}
                        : Message{"error.text_max_length", {{"max", number_arg(max_chars)}}};
  }
  return trimmed;
}

void check_range(const std::string& field, std::int64_t value, std::int64_t min, std::int64_t max,
                 FieldErrors& errors) {
  if (value < min || value > max) {
    errors[field] = Message{"error.range", {{"min", number_arg(min)}, {"max", number_arg(max)}}};
  }
}

bool is_valid_language(const std::string& code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void apply_contact(const ContactDraft& draft, Contact& contact, FieldErrors& errors) {
  if (draft.name) {
    contact.name =
        checked_text("contact.name", *draft.name, 0, limits::kContactNameMaxChars, true, errors);
  }
  if (draft.email) {
    contact.email = trim(*draft.email);
    if (!contact.email.empty() && !is_valid_email(contact.email)) {
      errors["contact.email"] = Message{"error.email", {{"example", "sam@example.org"}}};
    }
  }
  if (draft.phone) {
    contact.phone = trim(*draft.phone);
    if (!contact.phone.empty() && !is_valid_phone(contact.phone)) {
      errors["contact.phone"] = Message{"error.phone", {}};
    }
  }
  if (draft.method) {
    contact.method = *draft.method;
  } else if (!contact.phone.empty()) {
    contact.method = ContactMethod::kPhone;
  } else if (!contact.email.empty()) {
    contact.method = ContactMethod::kEmail;
  } else {
    contact.method = ContactMethod::kSite;
  }
  if (contact.method == ContactMethod::kPhone && contact.phone.empty()) {
    errors["contact.phone"] = Message{"error.needed_for_phone_method", {}};
  }
  if (contact.method == ContactMethod::kEmail && contact.email.empty()) {
    errors["contact.email"] = Message{"error.needed_for_email_method", {}};
  }
}

void apply_ride(const RideDraft& draft, Ride& ride, FieldErrors& errors) {
  if (draft.pickup_area) {
    ride.pickup_area = checked_text("ride.pickup_area", *draft.pickup_area, 0,
                                    limits::kAreaTextMaxChars, true, errors);
  }
  if (draft.dropoff_area) {
    ride.dropoff_area = checked_text("ride.dropoff_area", *draft.dropoff_area, 0,
                                     limits::kAreaTextMaxChars, true, errors);
  }
  if (draft.appointment_at) ride.appointment_at = draft.appointment_at;
  if (draft.return_trip) ride.return_trip = *draft.return_trip;
  if (draft.passengers) {
    check_range("ride.passengers", *draft.passengers, 1, limits::kPassengersMax, errors);
    ride.passengers =
        static_cast<int>(std::clamp<std::int64_t>(*draft.passengers, 1, limits::kPassengersMax));
  }
  if (draft.accessibility_needs) {
    const auto& needs = *draft.accessibility_needs;
    if (needs.size() > limits::kAccessibilityNeedsMax) {
      errors["ride.accessibility_needs"] =
          Message{"error.needs_max", {{"max", number_arg(limits::kAccessibilityNeedsMax)}}};
    } else if (auto unknown =
                   std::find_if_not(needs.begin(), needs.end(), is_known_accessibility_need);
               unknown != needs.end()) {
      errors["ride.accessibility_needs"] =
          Message{"error.each_one_of",
                  {{"allowed", fmt::format("{}", fmt::join(kAccessibilityNeeds, ", "))}}};
    } else {
      ride.accessibility_needs = needs;
      std::sort(ride.accessibility_needs.begin(), ride.accessibility_needs.end());
      ride.accessibility_needs.erase(
          std::unique(ride.accessibility_needs.begin(), ride.accessibility_needs.end()),
          ride.accessibility_needs.end());
    }
  }
}

}  // namespace

void merge_read_errors(const ReadErrors& read_errors, FieldErrors& errors) {
  for (const auto& [field, message] : read_errors) errors[field] = message;
}

bool is_valid_slug(const std::string& slug) {
  return slug.size() >= limits::kSlugMinChars && slug.size() <= limits::kSlugMaxChars &&
         std::all_of(slug.begin(), slug.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool is_valid_email(const std::string& email) {
  if (email.size() > limits::kEmailMaxChars) return false;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at != email.rfind('@')) return false;
  const std::string domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"' || c == ',';
  });
}

bool is_valid_phone(const std::string& phone) {
  if (phone.size() > limits::kPhoneMaxChars) return false;
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-' && c != '.') {
      return false;
    }
  }
  return digits >= 3 && digits <= 20;
}

bool is_known_timezone(const std::string& name) {
  if (name == "UTC") return true;
  if (name.empty() || name.size() > limits::kTimezoneMaxChars || name.front() == '/' ||
      name.find("..") != std::string::npos) {
    return false;
  }
  const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
  std::error_code error;
  return plain && std::filesystem::is_regular_file("/usr/share/zoneinfo/" + name, error);
}

bool is_known_accessibility_need(const std::string& key) {
  return std::find(kAccessibilityNeeds.begin(), kAccessibilityNeeds.end(), key) !=
         kAccessibilityNeeds.end();
}

bool is_valid_website(const std::string& url) {
  if (url.size() > limits::kWebsiteMaxChars) return false;
  const std::size_t scheme = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || url.size() <= scheme) return false;
  const bool printable = std::all_of(url.begin(), url.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '`';
  });
  const char first = url[scheme];
  return printable && first != '/' && first != '.' && first != ':' && first != '@';
}

void apply_public_contact(const PublicContactDraft& draft, PublicContact& contact,
                          FieldErrors& errors) {
  if (draft.email) {
    contact.email = trim(*draft.email);
    if (!contact.email.empty() && !is_valid_email(contact.email)) {
      errors["contact.email"] = Message{"error.email", {{"example", "help@example.org"}}};
    }
  }
  if (draft.website) {
    contact.website = trim(*draft.website);
    if (!contact.website.empty() && !is_valid_website(contact.website)) {
      errors["contact.website"] = Message{
          "error.website",
          {{"example", "https://example.org"}, {"max", number_arg(limits::kWebsiteMaxChars)}}};
    }
  }
  if (draft.phone) {
    contact.phone = trim(*draft.phone);
    if (!contact.phone.empty() && !is_valid_phone(contact.phone)) {
      errors["contact.phone"] = Message{"error.phone", {}};
    }
  }
}

void apply_network_draft(const NetworkDraft& draft, Network& network, FieldErrors& errors) {
  if (!draft.slug) {
    errors["slug"] = Message{"error.required", {}};
  } else if (!is_valid_slug(*draft.slug)) {
    errors["slug"] = Message{
        "error.slug",
        {{"min", number_arg(limits::kSlugMinChars)}, {"max", number_arg(limits::kSlugMaxChars)}}};
  } else if (*draft.slug == "serving") {
    // GET /api/v1/networks/serving answers which networks serve a place.
    errors["slug"] = Message{"error.taken", {}};
  } else {
    network.slug = *draft.slug;
  }
  if (!draft.name) {
    errors["name"] = Message{"error.required", {}};
  } else {
    network.name = checked_text("name", *draft.name, 1, limits::kNetworkNameMaxChars, true, errors);
  }
  if (draft.description) {
    network.description = checked_text("description", *draft.description, 0,
                                       limits::kNetworkDescriptionMaxChars, false, errors);
  }
  AreaDraft area{draft.read_errors, draft.lat, draft.lon, draft.radius_km, draft.area_geojson};
  apply_area_draft(area, network.area, errors);
  network.languages = draft.languages.value_or(std::vector<std::string>{"en"});
  if (network.languages.empty() || network.languages.size() > limits::kLanguagesMax ||
      !std::all_of(network.languages.begin(), network.languages.end(), is_valid_language)) {
    errors["languages"] =
        Message{"error.language_codes", {{"max", number_arg(limits::kLanguagesMax)}}};
  }
  network.timezone = draft.timezone.value_or("UTC");
  if (!is_known_timezone(network.timezone)) {
    errors["timezone"] = Message{"error.timezone", {{"example", "America/Denver"}}};
  }
  network.retention_days =
      static_cast<int>(draft.retention_days.value_or(limits::kRetentionDaysDefault));
  check_range("retention_days", draft.retention_days.value_or(limits::kRetentionDaysDefault),
              limits::kRetentionDaysMin, limits::kRetentionDaysMax, errors);
  network.post_expiry_days =
      static_cast<int>(draft.post_expiry_days.value_or(limits::kPostExpiryDaysDefault));
  check_range("post_expiry_days", draft.post_expiry_days.value_or(limits::kPostExpiryDaysDefault),
              limits::kPostExpiryDaysMin, limits::kPostExpiryDaysMax, errors);
  network.listed = draft.listed.value_or(true);
  network.public_grid_km = draft.public_grid_km.value_or(limits::kPublicGridKmDefault);
  if (!(network.public_grid_km >= limits::kPublicGridKmMin &&
        network.public_grid_km <= limits::kPublicGridKmMax)) {
    errors["public_grid_km"] = Message{"error.range",
                                       {{"min", number_arg(limits::kPublicGridKmMin)},
                                        {"max", number_arg(limits::kPublicGridKmMax)}}};
  }
  apply_public_contact(draft.contact, network.contact, errors);
}

void apply_post_draft(const PostDraft& draft, DraftMode mode,
                      const std::vector<Category>& categories, const Network& network,
                      UnixSeconds now, Post& post, FieldErrors& errors) {
  const bool creating = mode == DraftMode::kCreate;
  if (creating) {
    if (!draft.kind) {
      errors["kind"] =
          Message{"error.required_either", {{"first", "request"}, {"second", "offer"}}};
    }
    post.kind = draft.kind.value_or(PostKind::kRequest);
  } else if (draft.kind && *draft.kind != post.kind) {
    errors["kind"] = Message{"error.kind_unchangeable", {}};
  }

  if (creating && !draft.category) errors["category"] = Message{"error.required", {}};
  if (draft.category) {
    const bool known = std::any_of(categories.begin(), categories.end(),
                                   [&](const Category& c) { return c.key == *draft.category; });
    if (known) {
      post.category = *draft.category;
    } else {
      errors["category"] = Message{"error.unknown_category", {}};
    }
  }

  if (creating && !draft.title) errors["title"] = Message{"error.required", {}};
  if (draft.title) {
    post.title = checked_text("title", *draft.title, 1, limits::kTitleMaxChars, true, errors);
  }
  if (draft.cleared.contains("details")) post.details.clear();
  if (draft.details) {
    post.details =
        checked_text("details", *draft.details, 0, limits::kDetailsMaxChars, false, errors);
  }
  if (draft.cleared.contains("quantity")) post.quantity.reset();
  if (draft.quantity) {
    check_range("quantity", *draft.quantity, limits::kQuantityMin, limits::kQuantityMax, errors);
    post.quantity = draft.quantity;
  }
  if (draft.urgency) post.urgency = *draft.urgency;

  if (draft.cleared.contains("window")) {
    post.window_from.reset();
    post.window_to.reset();
  }
  if (draft.window_from) post.window_from = draft.window_from;
  if (draft.window_to) post.window_to = draft.window_to;
  if (post.window_from && post.window_to && *post.window_from >= *post.window_to) {
    errors["window.to"] = Message{"error.after_field", {{"field", "window.from"}}};
  }
  if (draft.window_to && *draft.window_to <= now) {
    errors["window.to"] = Message{"error.in_the_future", {}};
  }
  constexpr UnixSeconds kWindowHorizon = 366 * kSecondsPerDay;
  if (post.window_from && *post.window_from > now + kWindowHorizon) {
    errors["window.from"] = Message{"error.within_a_year", {}};
  }
  if (post.window_to && *post.window_to > now + 2 * kWindowHorizon) {
    errors["window.to"] = Message{"error.within_two_years", {}};
  }

  // Where the post shows: the point given (a pin on the map), else the place
  // its text names when that is new, else the network's centre.
  std::optional<ResolvedPlace> named;
  if (!draft.point && draft.location_text && !draft.location_text->empty() &&
      (creating || *draft.location_text != post.location_text)) {
    named = resolve_place(*draft.location_text, network.area);
  }
  if (draft.point) {
    if (!geo::is_valid(*draft.point)) {
      errors["location"] = Message{"error.coordinates", {}};
    } else {
      post.point = geo::snap_to_cell(*draft.point, network.public_grid_km);
    }
  } else if (named) {
    post.point = geo::snap_to_cell(named->point, network.public_grid_km);
  } else if (creating || draft.cleared.contains("location")) {
    post.point = geo::snap_to_cell(network.area.centre, network.public_grid_km);
  }
  if (draft.cleared.contains("location")) post.location_text.clear();
  if (draft.location_text) {
    post.location_text = checked_text("location.text", *draft.location_text, 0,
                                      limits::kLocationTextMaxChars, true, errors);
  }

  if (draft.cleared.contains("contact")) post.contact = Contact{};
  if (draft.contact) apply_contact(*draft.contact, post.contact, errors);

  const bool transport = post.category == "transport";
  if (draft.cleared.contains("ride")) post.ride.reset();
  if (draft.ride) {
    if (!transport) {
      errors["ride"] = Message{"error.ride_transport_only", {}};
    } else {
      Ride ride = post.ride.value_or(Ride{});
      apply_ride(*draft.ride, ride, errors);
      post.ride = std::move(ride);
    }
  } else if (!transport && post.ride) {
    post.ride.reset();  // the category moved away from transport
  }
  apply_post_fields(draft, network, post, errors);
}

void check_note(const std::optional<std::string>& note, FieldErrors& errors) {
  if (note) checked_text("note", *note, 0, limits::kNoteMaxChars, false, errors);
}

std::string checked_message_body(const std::optional<std::string>& body, FieldErrors& errors) {
  if (!body || trim(*body).empty()) {
    errors["body"] = Message{"error.required", {}};
    return "";
  }
  return checked_text("body", *body, 1, limits::kMessageBodyMaxChars, false, errors);
}

void check_report(const ReportDraft& draft, Report& report, FieldErrors& errors) {
  if (draft.reason) {
    report.reason = *draft.reason;
  } else {
    errors["reason"] = Message{"error.required", {}};
  }
  if (draft.note) {
    report.note = checked_text("note", *draft.note, 0, limits::kReportNoteMaxChars, false, errors);
  }
}

void check_quantity(const std::optional<std::int64_t>& quantity, const std::string& field,
                    FieldErrors& errors) {
  if (quantity) check_range(field, *quantity, limits::kQuantityMin, limits::kQuantityMax, errors);
}

void check_claim(const ClaimDraft& draft, Volunteer& volunteer, FieldErrors& errors) {
  if (!draft.volunteer_name) {
    errors["volunteer.name"] = Message{"error.required", {}};
  } else {
    volunteer.name = checked_text("volunteer.name", *draft.volunteer_name, 1,
                                  limits::kContactNameMaxChars, true, errors);
  }
  volunteer.email = trim(draft.volunteer_email.value_or(""));
  volunteer.phone = trim(draft.volunteer_phone.value_or(""));
  if (!volunteer.email.empty() && !is_valid_email(volunteer.email)) {
    errors["volunteer.email"] = Message{"error.email", {{"example", "alex@example.org"}}};
  }
  if (!volunteer.phone.empty() && !is_valid_phone(volunteer.phone)) {
    errors["volunteer.phone"] = Message{"error.phone", {}};
  }
  if (volunteer.email.empty() && volunteer.phone.empty() && !errors.contains("volunteer.email")) {
    errors["volunteer.email"] = Message{"error.volunteer_contact_needed", {}};
  }
  check_quantity(draft.quantity, "quantity", errors);
  check_note(draft.note, errors);
}

}  // namespace gapfill::domain
