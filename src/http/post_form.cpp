#include "http/post_form.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/limits.hpp"
#include "base/local_time.hpp"
#include "domain/validation.hpp"
#include "http/post_fields_form.hpp"

namespace gapfill::http {
namespace {

constexpr std::array<std::string_view, 8> kNeeds{"wheelchair",     "car_seat",     "booster_seat",
                                                 "service_animal", "mobility_aid", "extra_space",
                                                 "door_to_door",   "oxygen"};
constexpr std::array<std::string_view, 11> kIcons{
    "food",   "clothing",        "transport", "housing",     "childcare", "money",
    "labour", "hygiene_medical", "household", "information", "other"};

std::optional<std::int64_t> read_integer(const Form& form, std::string_view name,
                                         const std::string& field, domain::ReadErrors& errors) {
  const auto text = form.text(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size()) {
    errors[field] = Message{"form.bad_number", {}};
    return std::nullopt;
  }
  return value;
}

std::optional<UnixSeconds> read_time(const Form& form, std::string_view name,
                                     const std::string& field, const Network& network,
                                     domain::ReadErrors& errors) {
  const auto text = form.text(name);
  if (!text) return std::nullopt;
  const auto value = parse_local_input(*text, network.timezone);
  if (!value) errors[field] = Message{"form.bad_time", {}};
  return value;
}

std::optional<double> read_coordinate(const Form& form, std::string_view name) {
  const auto text = form.text(name);
  if (!text) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// The HTML id of the control that shows a domain field.
std::string anchor_of(const std::string& field) {
  static const std::map<std::string, std::string> kAnchors{
      {"window.from", "window_from"},
      {"window.to", "window_to"},
      {"window", "window_from"},
      {"location", "place"},
      {"location.text", "place"},
      {"contact.name", "contact_name"},
      {"contact.email", "contact_email"},
      {"contact.phone", "contact_phone"},
      {"contact.website", "contact_website"},
      {"contact", "contact"},
      {"ride", "pickup_area"},
      {"ride.pickup_area", "pickup_area"},
      {"ride.dropoff_area", "dropoff_area"},
      {"ride.appointment_at", "appointment_at"},
      {"ride.passengers", "passengers"},
      {"ride.accessibility_needs", "needs"}};
  const auto found = kAnchors.find(field);
  return found == kAnchors.end() ? field : found->second;
}

const char* checked(bool on) {
  return on ? "checked" : "";
}

}  // namespace

std::string error_section(const std::string& field) {
  std::string section = "ERROR_";
  for (char c : field) {
    section += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return section;
}

void show_field_errors(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                       const FieldMessages& errors) {
  if (errors.empty()) return;
  data.ShowSection("HAS_ERRORS");
  for (const auto& [field, message] : errors) {
    const std::string text = i18n::render(message, visitor.language());
    set_error(data, error_section(field), text);
    auto* item = data.AddSectionDictionary("ERROR_ITEM");
    item->SetValue("FIELD", anchor_of(field));
    item->SetValue("MESSAGE", text);
  }
}

namespace {

void show_outside_area(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                       const Network& network, const OutsideArea& outside) {
  auto* notice = data.AddSectionDictionary("OUTSIDE_AREA");
  notice->SetValue("TEXT",
                   outside.place.empty()
                       ? visitor.format("places.outside_pin", {{"network", network.name}})
                       : visitor.format("places.outside_place",
                                        {{"place", outside.place}, {"network", network.name}}));
  if (outside.networks.empty()) {
    notice->SetValueAndShowSection("TEXT", visitor.text("places.outside_none"), "NO_OTHERS");
  } else {
    auto* others = notice->AddSectionDictionary("OTHERS");
    others->SetValue("TEXT", visitor.text("places.outside_others"));
    for (const auto& suggestion : outside.networks) {
      auto* item = others->AddSectionDictionary("OTHER");
      item->SetValue("SLUG", suggestion.slug);
      item->SetValue("NAME", suggestion.name);
    }
  }
  notice->SetValue("SEND_ANYWAY",
                   visitor.format("places.send_anyway", {{"network", network.name}}));
  notice->SetValue("ACK", outside.acknowledged);
  data.SetValue("SUBMIT", visitor.format("places.send_here", {{"network", network.name}}));
}

}  // namespace

std::string place_fingerprint(const Form& form) {
  return fmt::format("{}|{}|{}", form.get("place").value_or(""), form.get("lat").value_or(""),
                     form.get("lon").value_or(""));
}

domain::PostDraft read_post_form(const Form& form, PostFormKind kind, const Network& network) {
  domain::PostDraft draft;
  switch (kind) {
    case PostFormKind::kAsk:
    case PostFormKind::kRide:
      draft.kind = PostKind::kRequest;
      break;
    case PostFormKind::kOffer:
      draft.kind = PostKind::kOffer;
      break;
    case PostFormKind::kIntake:
      if (const auto sent = form.get("kind")) {
        draft.kind = parse_post_kind(*sent);
        if (!draft.kind) draft.read_errors["kind"] = Message{"error.required", {}};
      }
      break;
  }
  draft.category =
      kind == PostFormKind::kRide ? std::optional<std::string>("transport") : form.text("category");
  draft.title = form.get("title");
  if (!draft.title) draft.title = "";  // "is required" comes from the domain
  if (const auto details = form.text("details")) draft.details = details;
  draft.quantity = read_integer(form, "quantity", "quantity", draft.read_errors);
  if (const auto urgency = form.get("urgency")) draft.urgency = parse_urgency(*urgency);
  draft.window_from = read_time(form, "window_from", "window.from", network, draft.read_errors);
  draft.window_to = read_time(form, "window_to", "window.to", network, draft.read_errors);

  const auto lat = read_coordinate(form, "lat"), lon = read_coordinate(form, "lon");
  if (lat && lon) draft.point = geo::Point{*lat, *lon};  // else the network's centre
  if (const auto place = form.text("place")) draft.location_text = place;

  domain::ContactDraft contact;
  contact.name = form.text("contact_name");
  contact.email = form.text("contact_email");
  contact.phone = form.text("contact_phone");
  if (const auto method = form.get("contact_method"))
    contact.method = parse_contact_method(*method);
  draft.contact = contact;

  if (kind == PostFormKind::kRide) {
    domain::RideDraft ride;
    ride.pickup_area = form.text("pickup_area");
    ride.dropoff_area = form.text("dropoff_area");
    ride.appointment_at =
        read_time(form, "appointment_at", "ride.appointment_at", network, draft.read_errors);
    ride.return_trip = form.has("return_trip");
    ride.passengers = read_integer(form, "passengers", "ride.passengers", draft.read_errors);
    ride.accessibility_needs = form.all("needs");
    draft.ride = ride;
  }
  read_post_fields(form, /*editing=*/false, draft);
  return draft;
}

PostFormKind form_kind_of(const Post& post) {
  if (post.kind == PostKind::kOffer) return PostFormKind::kOffer;
  return post.ride ? PostFormKind::kRide : PostFormKind::kAsk;
}

Form form_of(const Post& post, const Network& network) {
  std::vector<std::pair<std::string, std::string>> fields{
      {"title", post.title},
      {"category", post.category},
      {"details", post.details},
      {"urgency", std::string(to_string(post.urgency))},
      {"place", post.location_text},
      {"contact_method", std::string(to_string(post.contact.method))},
      {"contact_name", post.contact.name},
      {"contact_phone", post.contact.phone},
      {"contact_email", post.contact.email}};
  if (post.quantity) fields.emplace_back("quantity", std::to_string(*post.quantity));
  if (post.window_from) {
    fields.emplace_back("window_from", format_local_input(*post.window_from, network.timezone));
  }
  if (post.window_to) {
    fields.emplace_back("window_to", format_local_input(*post.window_to, network.timezone));
  }
  if (post.ride) {
    fields.emplace_back("pickup_area", post.ride->pickup_area);
    fields.emplace_back("dropoff_area", post.ride->dropoff_area);
    fields.emplace_back("passengers", std::to_string(post.ride->passengers));
    if (post.ride->return_trip) fields.emplace_back("return_trip", "1");
    if (post.ride->appointment_at) {
      fields.emplace_back("appointment_at",
                          format_local_input(*post.ride->appointment_at, network.timezone));
    }
    for (const std::string& need : post.ride->accessibility_needs)
      fields.emplace_back("needs", need);
  }
  add_post_fields(post, fields);
  return Form::of(std::move(fields));
}

domain::PostDraft read_edit_form(const Form& form, const Post& post, const Network& network) {
  const PostFormKind kind = form_kind_of(post);
  domain::PostDraft draft = read_post_form(form, kind, network);
  draft.kind.reset();  // a post keeps its kind
  draft.details = form.text("details").value_or("");
  draft.location_text = form.text("place").value_or("");
  // Emptied fields go: a cleared field is removed, then what was sent applies.
  draft.cleared = {"quantity", "window", "contact"};
  if (kind == PostFormKind::kRide) draft.cleared.insert("ride");
  draft.languages.reset();
  draft.max_distance_km.reset();
  read_post_fields(form, /*editing=*/true, draft);
  return draft;
}

void fill_post_form(Page& page, PageRequest& visitor, const Network& network,
                    const std::vector<Category>& categories, PostFormKind kind,
                    const std::string& action, const PostFormState& state) {
  const char* area = kind == PostFormKind::kOffer  ? "offer"
                     : kind == PostFormKind::kRide ? "ride"
                                                   : "ask";
  const std::string prefix(area);
  page.set_title(visitor.text(prefix + ".title"));
  page.set_network(network);
  page.use_map();
  auto& data = page.data();
  const auto value = [&](std::string_view name) {
    return state.typed ? state.typed->get(name).value_or("") : std::string();
  };
  data.SetValue("HEADING", visitor.text(prefix + ".heading"));
  data.SetValue("INTRO", visitor.text(prefix + ".intro"));
  data.SetValue("TITLE_LABEL", visitor.text(prefix + ".title_label"));
  data.SetValue("SUBMIT", visitor.text(prefix + ".submit"));
  data.SetValue("WHEN_LEGEND", visitor.text(prefix + ".when"));
  data.SetValue("ACTION", action);
  data.SetValue("CSRF", visitor.csrf_token());
  data.SetValue("TILE_URL", visitor.web().options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", visitor.web().options.tile_attribution);
  data.SetValue("CENTRE_LAT", fmt::format("{:.4f}", network.area.centre.lat));
  data.SetValue("CENTRE_LON", fmt::format("{:.4f}", network.area.centre.lon));
  for (const char* name : {"title", "details", "quantity", "window_from", "window_to", "place",
                           "lat", "lon", "contact_name", "contact_phone", "contact_email",
                           "pickup_area", "dropoff_area", "appointment_at", "passengers"}) {
    std::string key(name);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    data.SetValue(key, value(name));
  }
  if (kind == PostFormKind::kIntake) {
    data.ShowSection("ORGANIZER_ENTRY");
    auto* choice = data.AddSectionDictionary("KIND_CHOICE");
    choice->SetValue("REQUEST_CHECKED", checked(value("kind") != "offer"));
    choice->SetValue("OFFER_CHECKED", checked(value("kind") == "offer"));
  }
  if (kind == PostFormKind::kRide) {
    data.ShowSection("RIDE_CATEGORY");
    auto* ride = data.AddSectionDictionary("RIDE_FIELDS");
    ride->SetValue("RETURN_TRIP_CHECKED", checked(!value("return_trip").empty()));
    if (value("passengers").empty()) data.SetValue("PASSENGERS", "1");
    const auto chosen = state.typed ? state.typed->all("needs") : std::vector<std::string>{};
    for (std::string_view need : kNeeds) {
      auto* item = ride->AddSectionDictionary("NEED");
      item->SetValue("KEY", std::string(need));
      item->SetValue("LABEL", visitor.text("need." + std::string(need)));
      item->SetValue("CHECKED",
                     checked(std::find(chosen.begin(), chosen.end(), need) != chosen.end()));
    }
  } else {
    auto* choice = data.AddSectionDictionary("CATEGORY_CHOICE");
    for (const Category& category : categories) {
      auto* item = choice->AddSectionDictionary("CATEGORY");
      item->SetValue("KEY", category.key);
      item->SetValue("LABEL", visitor.category_label(categories, category.key));
      const bool known_icon = std::find(kIcons.begin(), kIcons.end(), category.key) != kIcons.end();
      item->SetValue("ICON", known_icon ? category.key : "other");
      item->SetValue("CHECKED", checked(value("category") == category.key));
    }
  }
  if (kind == PostFormKind::kOffer || kind == PostFormKind::kIntake) {
    data.ShowSection("QUANTITY_FIELD");
  }
  if (kind != PostFormKind::kOffer) {
    const std::string urgency = value("urgency").empty() ? "week" : value("urgency");
    auto* field = data.AddSectionDictionary("URGENCY_FIELD");
    field->SetValue("TODAY_CHECKED", checked(urgency == "today"));
    field->SetValue("WEEK_CHECKED", checked(urgency == "week"));
    field->SetValue("FLEXIBLE_CHECKED", checked(urgency == "flexible"));
  }
  const std::string method = value("contact_method").empty() ? "site" : value("contact_method");
  data.SetValue("SITE_CHECKED", checked(method == "site"));
  data.SetValue("PHONE_CHECKED", checked(method == "phone"));
  data.SetValue("EMAIL_CHECKED", checked(method == "email"));
  if (!state.heading.empty()) data.SetValue("HEADING", state.heading);
  if (!state.submit.empty()) data.SetValue("SUBMIT", state.submit);
  fill_post_fields_form(data, visitor, network, kind, state.typed);
  if (state.errors) show_field_errors(data, visitor, *state.errors);
  if (!state.form_error.empty()) set_error(data, "FORM_ERROR", state.form_error);
  if (state.outside) show_outside_area(data, visitor, network, *state.outside);
}

}  // namespace gapfill::http
