// The volunteer's page (/n/SLUG/volunteer): "Your availability" in the
// network (what they help with, where and how far, languages, limits, dates,
// and a pause switch), and "Your matches in this network" below it. The rules
// are the domain's (domain/volunteers.cpp); this page only shows and asks.
// What was typed as a place is never logged.

#include <fmt/format.h>

#include <algorithm>

#include "base/local_time.hpp"
#include "base/text.hpp"
#include "domain/language_names.hpp"
#include "http/actor.hpp"
#include "http/error_response.hpp"
#include "http/form.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

// What the form shows: the stored profile, or what was typed.
struct VolunteerForm {
  std::string name;
  bool available = true;
  std::vector<std::string> categories;
  std::string place;
  std::string max_distance_km = fmt::format("{:g}", limits::kVolunteerDistanceDefaultKm);
  std::vector<std::string> languages;
  std::string max_active = std::to_string(limits::kVolunteerMaxActiveDefault);
  std::string max_per_week = std::to_string(limits::kVolunteerMaxPerWeekDefault);
  std::string available_from;  // "2026-12-01"
  std::string available_until;
  FieldMessages errors;
};

std::string date_input(const std::optional<UnixSeconds>& at, const std::string& timezone) {
  if (!at) return "";
  return format_local_input(*at, timezone).substr(0, 10);
}

VolunteerForm form_of(const VolunteerProfile& profile, const Network& network) {
  VolunteerForm form;
  form.name = profile.name;
  form.available = profile.available;
  form.categories = profile.categories;
  form.place = profile.place_text;
  form.max_distance_km = fmt::format("{:g}", profile.max_distance_km);
  form.languages = profile.languages;
  form.max_active = std::to_string(profile.max_active);
  form.max_per_week = std::to_string(profile.max_per_week);
  form.available_from = date_input(profile.available_from, network.timezone);
  form.available_until = date_input(profile.available_until, network.timezone);
  return form;
}

bool contains(const std::vector<std::string>& list, const std::string& key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

void fill_matches(ctemplate::TemplateDictionary& data, PageRequest& visitor,
                  const std::vector<Category>& categories,
                  const std::vector<domain::VolunteerMatch>& matches) {
  if (matches.empty()) {
    data.ShowSection("NO_MATCHES");
    return;
  }
  for (const domain::VolunteerMatch& each : matches) {
    auto* row = data.AddSectionDictionary("MATCH");
    row->SetValue("TITLE", each.request_title);
    row->SetValue("CATEGORY", visitor.category_label(categories, each.request_category));
    row->SetValue("STATUS",
                  visitor.text("volunteer.status_" + std::string(to_string(each.match.status))));
    row->SetValue("WHEN", format_local_input(each.match.created_at, "UTC").substr(0, 10));
  }
}

Response volunteer_page(const WebContext& web, Request& request,
                        const std::optional<VolunteerForm>& typed, int status = 200) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  auto loaded = load_network(visitor, slug);
  if (!loaded) return loaded.error();
  const Network& network = loaded->network;
  const domain::Actor actor = page_actor(visitor);
  if (!actor.account) return visitor.redirect(sign_in_path("/n/" + slug + "/volunteer"));
  Page page(visitor, "volunteer");
  page.set_title(visitor.text("volunteer.heading"));
  page.set_network(network);
  auto& data = page.data();
  data.SetValue("SLUG", slug);
  data.SetValue("NETWORK", network.name);
  const auto stored = web.services.volunteers().profile(slug, actor);
  if (!stored && stored.error().code != ErrorCode::kNotFound) {
    if (stored.error().code != ErrorCode::kForbidden) {
      return error_page(visitor, status_for(stored.error().code));
    }
    data.ShowSection("JOIN_FIRST");
    return page.finish(403);
  }
  VolunteerForm form = typed ? *typed : stored ? form_of(*stored, network) : VolunteerForm{};
  auto* editor = data.AddSectionDictionary("EDITOR");
  editor->SetValue("SLUG", slug);
  editor->SetValue("CSRF", visitor.csrf_token());
  if (!stored) editor->ShowSection("NEW_PROFILE");
  if (const auto done = done_notice(visitor, request.query, "volunteer.done_", {"saved"})) {
    data.SetValueAndShowSection("MESSAGE", *done, "DONE");
  }
  editor->SetValue("NAME", form.name);
  if (form.available) editor->ShowSection("AVAILABLE_CHECKED");
  for (const Category& category : loaded->categories) {
    auto* option = editor->AddSectionDictionary("CATEGORY");
    option->SetValue("KEY", category.key);
    option->SetValue("LABEL", visitor.category_label(loaded->categories, category.key));
    if (contains(form.categories, category.key)) option->ShowSection("CHECKED");
  }
  // The network's languages, and any other the volunteer gave (by the API).
  std::vector<std::string> languages = network.languages;
  for (const std::string& code : form.languages) {
    if (!contains(languages, code)) languages.push_back(code);
  }
  for (const std::string& code : languages) {
    auto* option = editor->AddSectionDictionary("LANGUAGE");
    option->SetValue("CODE", code);
    option->SetValue("LABEL", domain::language_name(code));
    if (contains(form.languages, code)) option->ShowSection("CHECKED");
  }
  editor->SetValue("PLACE", form.place);
  editor->SetValue("MAX_DISTANCE_KM", form.max_distance_km);
  editor->SetValue("DISTANCE_MAX", fmt::format("{:g}", limits::kVolunteerDistanceMaxKm));
  editor->SetValue("MAX_ACTIVE", form.max_active);
  editor->SetIntValue("ACTIVE_MAX", limits::kVolunteerMaxActiveMax);
  editor->SetValue("MAX_PER_WEEK", form.max_per_week);
  editor->SetIntValue("WEEK_MAX", limits::kVolunteerMaxPerWeekMax);
  editor->SetValue("AVAILABLE_FROM", form.available_from);
  editor->SetValue("AVAILABLE_UNTIL", form.available_until);
  show_field_errors(*editor, visitor, form.errors);

  const auto matches = web.services.volunteers().own_matches(slug, actor);
  if (!matches) return error_page(visitor, status_for(matches.error().code));
  fill_matches(data, visitor, loaded->categories, *matches);
  return page.finish(status);
}

Response save_volunteer(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto fields = Form::parse(request.body);
  if (!fields) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*fields)) return error_page(visitor, 403);
  const domain::Actor actor = page_actor(visitor);
  if (!actor.account) return visitor.redirect(sign_in_path("/n/" + slug + "/volunteer"));

  VolunteerForm form;
  form.name = fields->get("name").value_or("");
  form.available = fields->has("available");
  form.categories = fields->all("categories");
  form.place = trim(fields->get("place").value_or(""));
  form.max_distance_km = trim(fields->get("max_distance_km").value_or(""));
  form.languages = fields->all("languages");
  form.max_active = trim(fields->get("max_active").value_or(""));
  form.max_per_week = trim(fields->get("max_per_week").value_or(""));
  form.available_from = trim(fields->get("available_from").value_or(""));
  form.available_until = trim(fields->get("available_until").value_or(""));

  domain::VolunteerDraft draft;
  draft.name = form.name;
  draft.available = form.available;
  draft.categories = form.categories;
  draft.languages = form.languages;
  if (!form.place.empty()) draft.place = form.place;
  const auto number = [&](const char* field, const std::string& text) -> std::optional<double> {
    const auto value = parse_number(text);
    if (!value) draft.read_errors[field] = Message{"error.type_number", {}};
    return value;
  };
  draft.max_distance_km = number("max_distance_km", form.max_distance_km);
  if (const auto value = number("max_active", form.max_active)) {
    draft.max_active = static_cast<std::int64_t>(std::clamp(*value, -1.0, 1e6));
  }
  if (const auto value = number("max_per_week", form.max_per_week)) {
    draft.max_per_week = static_cast<std::int64_t>(std::clamp(*value, -1.0, 1e6));
  }
  const auto date = [&](const char* field, const std::string& text,
                        const char* time) -> std::optional<UnixSeconds> {
    if (text.empty()) return std::nullopt;
    const auto at =
        text.size() == 10 ? parse_local_input(text + time, network->timezone) : std::nullopt;
    if (!at) draft.read_errors[field] = Message{"volunteer.error_date", {}};
    return at;
  };
  draft.available_from = date("available_from", form.available_from, "T00:00");
  draft.available_until = date("available_until", form.available_until, "T23:59");

  const auto saved = web.services.volunteers().set_profile(slug, actor, draft);
  if (saved) return visitor.redirect("/n/" + slug + "/volunteer?done=saved");
  if (saved.error().code != ErrorCode::kInvalid) {
    return volunteer_page(web, request, std::nullopt, status_for(saved.error().code));
  }
  form.errors = saved.error().fields;
  if (const auto lat = form.errors.find("lat"); lat != form.errors.end()) {
    form.errors["place"] = lat->second;
    form.errors.erase(lat);
  }
  return volunteer_page(web, request, form, 422);
}

}  // namespace

void add_volunteer_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/n/{slug}/volunteer",
                  [&web](Request& request) { return volunteer_page(web, request, std::nullopt); });
  router.add_page(Method::kPost, "/n/{slug}/volunteer",
                  [&web](Request& request) { return save_volunteer(web, request); });
}

}  // namespace gapfill::http
