// Starting a network (/start): a guided flow for a signed-in account, in
// four steps without JavaScript. Each step posts every earlier answer back in
// hidden fields and is checked before the next is shown: 1. the name and
// the address (slug, suggested from the name, checked for availability);
// 2. where (a place name or postcode resolved by the offline gazetteer, a
// choice among several, and a radius); 3. categories, languages, the public
// contact and whether it is listed; 4. review and create. The creator
// becomes the network's admin and lands on its starter page
// (/n/{slug}/welcome). What is typed as a place never leaves the server and
// is never logged.

#include <charconv>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/categories.hpp"
#include "domain/language_names.hpp"
#include "domain/validation.hpp"
#include "engine/gazetteer.hpp"
#include "http/actor.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"

namespace gapfill::http {
namespace {

// The languages a network may choose here; their own names label them.
constexpr const char* kLanguages[] = {"en", "es", "fr", "pt", "vi", "zh", "ar",  "ru",
                                      "uk", "ht", "so", "tl", "ko", "fa", "hmn", "sw"};
constexpr std::size_t kPlaceChoices = 5;

// Every answer so far, as the forms carry them.
struct Answers {
  std::string name, slug, place, lat, lon, radius_km;
  std::vector<std::string> categories, languages;
  std::string contact_email, contact_website, contact_phone;
  bool listed = true;
};

Answers read_answers(const Form& form) {
  Answers answers;
  answers.name = form.get("name").value_or("");
  answers.slug = trim(form.get("slug").value_or(""));
  answers.place = form.get("place").value_or("");
  answers.lat = form.get("lat").value_or("");
  answers.lon = form.get("lon").value_or("");
  answers.radius_km = trim(form.get("radius_km").value_or(""));
  answers.categories = form.all("category");
  answers.languages = form.all("language");
  answers.contact_email = form.get("contact_email").value_or("");
  answers.contact_website = form.get("contact_website").value_or("");
  answers.contact_phone = form.get("contact_phone").value_or("");
  answers.listed = form.get("listed").value_or("yes") != "no";
  return answers;
}

std::optional<double> number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// "Missoula Mutual Aid!" -> "missoula-mutual-aid".
std::string suggest_slug(const std::string& name) {
  std::string slug;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) && byte < 0x80) {
      slug += static_cast<char>(std::tolower(byte));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > limits::kSlugMaxChars) slug.resize(limits::kSlugMaxChars);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// The draft the answers make (timezone UTC; the admin's settings later).
domain::NetworkDraft draft_of(const Answers& answers) {
  domain::NetworkDraft draft;
  draft.name = answers.name;
  draft.slug = answers.slug;
  draft.description = std::string();
  draft.lat = number(answers.lat);
  draft.lon = number(answers.lon);
  draft.radius_km = number(answers.radius_km);
  draft.languages = answers.languages;
  draft.categories = answers.categories;
  draft.contact = {answers.contact_email, answers.contact_website, answers.contact_phone};
  draft.listed = answers.listed;
  return draft;
}

class StartPage {
 public:
  StartPage(const WebContext& web, PageRequest& visitor) : web_(web), visitor_(visitor) {}
  bool suggested = false;  // the slug was just suggested from the name

  // Shows `step` ("name", "place", "details", "review") with the answers so far.
  Response show(const std::string& step, const Answers& answers, const FieldMessages& errors,
                int status = 200, const gazetteer::Lookup* choices = nullptr) {
    Page page(visitor_, "start");
    page.set_title(visitor_.text("start.title"));
    auto& data = page.data();
    data.SetValue("CSRF", visitor_.csrf_token());
    data.SetValue("STEP", step);
    data.SetIntValue("STEP_NUMBER", step == "name"      ? 1
                                    : step == "place"   ? 2
                                    : step == "details" ? 3
                                                        : 4);
    show_field_errors(data, visitor_, errors);
    if (suggested) data.ShowSection("SLUG_SUGGESTED");
    data.SetValue("NAME", answers.name);
    data.SetValue("SLUG", answers.slug);
    data.SetValue("PLACE", answers.place);
    data.SetValue("RADIUS_KM", answers.radius_km.empty() ? "25" : answers.radius_km);
    data.SetValue("CONTACT_EMAIL", answers.contact_email);
    data.SetValue("CONTACT_WEBSITE", answers.contact_website);
    data.SetValue("CONTACT_PHONE", answers.contact_phone);
    if (step == "name") {
      data.ShowSection("STEP_NAME");
    } else if (step == "place") {
      carry(data, answers, {"name", "slug"});
      data.ShowSection("STEP_PLACE");
      if (choices != nullptr) {
        for (std::size_t i = 0; i < choices->candidates.size(); ++i) {
          auto* choice = data.AddSectionDictionary("CHOICE");
          choice->SetIntValue("INDEX", static_cast<long>(i));
          choice->SetValue("LABEL", gazetteer::display_name(choices->candidates[i]));
        }
      }
    } else if (step == "details") {
      carry(data, answers, {"name", "slug", "place", "lat", "lon", "radius_km"});
      data.ShowSection("STEP_DETAILS");
      fill_choices(data, answers);
    } else {
      carry(data, answers, {"all"});
      data.ShowSection("STEP_REVIEW");
      fill_review(data, answers);
    }
    return page.finish(status);
  }

 private:
  void hidden(ctemplate::TemplateDictionary& data, const char* name, const std::string& value) {
    auto* field = data.AddSectionDictionary("HIDDEN");
    field->SetValue("FIELD", name);
    field->SetValue("VALUE", value);
  }

  void carry(ctemplate::TemplateDictionary& data, const Answers& answers,
             std::initializer_list<std::string> which) {
    const bool all = *which.begin() == "all";
    const auto wanted = [&](const char* name) {
      return all || std::find(which.begin(), which.end(), name) != which.end();
    };
    if (wanted("name")) hidden(data, "name", answers.name);
    if (wanted("slug")) hidden(data, "slug", answers.slug);
    if (wanted("place")) hidden(data, "place", answers.place);
    if (wanted("lat")) hidden(data, "lat", answers.lat);
    if (wanted("lon")) hidden(data, "lon", answers.lon);
    if (wanted("radius_km")) hidden(data, "radius_km", answers.radius_km);
    if (!all) return;
    for (const auto& key : answers.categories) hidden(data, "category", key);
    for (const auto& code : answers.languages) hidden(data, "language", code);
    hidden(data, "contact_email", answers.contact_email);
    hidden(data, "contact_website", answers.contact_website);
    hidden(data, "contact_phone", answers.contact_phone);
    hidden(data, "listed", answers.listed ? "yes" : "no");
  }

  static bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
  }

  void fill_choices(ctemplate::TemplateDictionary& data, const Answers& answers) {
    for (const std::string& key : domain::default_category_keys()) {
      auto* option = data.AddSectionDictionary("CATEGORY_OPTION");
      option->SetValue("VALUE", key);
      option->SetValue("LABEL", visitor_.text("category." + key));
      if (has(answers.categories, key)) option->SetValue("CHECKED", "checked");
    }
    for (const char* code : kLanguages) {
      auto* option = data.AddSectionDictionary("LANGUAGE_OPTION");
      option->SetValue("VALUE", code);
      option->SetValue("LABEL", domain::language_name(code));
      if (has(answers.languages, code)) option->SetValue("CHECKED", "checked");
    }
    if (answers.listed) data.SetValue("LISTED_CHECKED", "checked");
  }

  void fill_review(ctemplate::TemplateDictionary& data, const Answers& answers) {
    data.SetValue("AREA", visitor_.format("start.review_area", {{"radius", answers.radius_km},
                                                                {"place", answers.place}}));
    std::string categories, languages;
    for (const auto& key : answers.categories) {
      if (!categories.empty()) categories.append(", ");
      categories.append(visitor_.text("category." + key));
    }
    for (const auto& code : answers.languages) {
      if (!languages.empty()) languages.append(", ");
      languages.append(domain::language_name(code));
    }
    data.SetValue("CATEGORIES", categories);
    data.SetValue("LANGUAGES", languages);
    data.SetValue("LISTED", visitor_.text(answers.listed ? "start.listed_yes" : "start.listed_no"));
  }

  const WebContext& web_;
  PageRequest& visitor_;
};

// Only the given fields' errors of a full validation.
FieldMessages errors_of(const FieldMessages& all, std::initializer_list<const char*> fields) {
  FieldMessages some;
  for (const char* field : fields) {
    if (const auto found = all.find(field); found != all.end()) some.insert(*found);
  }
  return some;
}

FieldMessages validate(const Answers& answers) {
  domain::NetworkDraft draft = draft_of(answers);
  Network network;
  FieldMessages errors;
  domain::apply_network_draft(draft, network, errors);
  return errors;
}

Response step_name(const WebContext& web, StartPage& page, Answers& answers) {
  if (answers.slug.empty() && !trim(answers.name).empty()) {
    answers.slug = suggest_slug(answers.name);
    const FieldMessages errors = errors_of(validate(answers), {"name"});
    if (!errors.empty()) return page.show("name", answers, errors, 422);
    if (!answers.slug.empty()) {
      page.suggested = true;
      return page.show("name", answers, {});
    }
  }
  FieldMessages errors = errors_of(validate(answers), {"name", "slug"});
  if (!errors.contains("slug") && web.services.networks().find(answers.slug)) {
    errors["slug"] = Message{"error.taken", {}};
  }
  if (!errors.empty()) return page.show("name", answers, errors, 422);
  return page.show("place", answers, {});
}

Response step_place(const Form& form, StartPage& page, Answers& answers) {
  FieldMessages errors;
  const std::string place = trim(answers.place);
  std::optional<gazetteer::Lookup> found;
  if (place.empty()) {
    errors["place"] = Message{"error.required", {}};
  } else if (!is_clean_text(place, true) || utf8_length(place) > limits::kPlaceQueryMaxChars) {
    errors["place"] = Message{"error.plain_text_one_line", {}};
  } else {
    found = gazetteer::Gazetteer::embedded().lookup(place, kPlaceChoices);
    if (found->candidates.empty()) errors["place"] = Message{"start.place_unknown", {}};
  }
  const auto radius = number(answers.radius_km);
  if (!radius || !(*radius > 0 && *radius <= limits::kAreaRadiusMaxKm)) {
    errors["radius_km"] = Message{"error.positive_max", {{"max", "2000"}}};
  }
  std::optional<std::size_t> chosen;
  if (found && !found->candidates.empty()) {
    const auto choice = form.get("choice");
    if (choice) {
      const auto index = number(*choice);
      if (index && *index >= 0 && *index < static_cast<double>(found->candidates.size())) {
        chosen = static_cast<std::size_t>(*index);
      }
    }
    if (!chosen && !found->ambiguous) chosen = 0;
    if (!chosen) errors["place"] = Message{"start.place_choose", {}};
  }
  if (!errors.empty()) {
    const bool choose = chosen == std::nullopt && found && !found->candidates.empty();
    return page.show("place", answers, errors, 422, choose ? &*found : nullptr);
  }
  const gazetteer::Candidate& candidate = found->candidates[*chosen];
  answers.place = gazetteer::display_name(candidate);
  answers.lat = std::to_string(candidate.point.lat);
  answers.lon = std::to_string(candidate.point.lon);
  if (answers.languages.empty()) answers.languages = {"en"};
  return page.show("details", answers, {});
}

FieldMessages check_details(const Answers& answers) {
  FieldMessages errors =
      errors_of(validate(answers), {"contact.email", "contact.website", "contact.phone"});
  const auto& keys = domain::default_category_keys();
  if (answers.categories.empty()) errors["categories"] = Message{"error.categories_none", {}};
  for (const auto& key : answers.categories) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      errors["categories"] = Message{"error.categories_none", {}};
    }
  }
  bool known = !answers.languages.empty();
  for (const auto& code : answers.languages) {
    known = known && std::find_if(std::begin(kLanguages), std::end(kLanguages),
                                  [&](const char* k) { return code == k; }) != std::end(kLanguages);
  }
  if (!known) errors["languages"] = Message{"start.languages_none", {}};
  return errors;
}

Response start_post(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const domain::Actor actor = page_actor(visitor);
  if (!actor.account) return visitor.redirect(sign_in_path("/start"));
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  StartPage page(web, visitor);
  Answers answers = read_answers(*form);
  const std::string step = form->get("step").value_or("");
  if (step == "name") return step_name(web, page, answers);
  if (step == "place") return step_place(*form, page, answers);
  // Later steps: the earlier answers must still hold (they came back from
  // the browser).
  const FieldMessages earlier =
      errors_of(validate(answers), {"name", "slug", "area.lat", "area.lon", "area.radius_km"});
  if (!earlier.empty()) return page.show("name", answers, earlier, 422);
  if (step == "details") {
    if (!form->has("listed")) answers.listed = false;
    const FieldMessages errors = check_details(answers);
    if (!errors.empty()) return page.show("details", answers, errors, 422);
    return page.show("review", answers, {});
  }
  if (step != "create") return error_page(visitor, 400);
  const FieldMessages errors = check_details(answers);
  if (!errors.empty()) return page.show("details", answers, errors, 422);
  const auto created = web.services.networks().create(draft_of(answers), actor);
  if (created) return visitor.redirect("/n/" + created->slug + "/welcome");
  if (created.error().code == ErrorCode::kConflict || created.error().code == ErrorCode::kInvalid) {
    return page.show("name", answers, created.error().fields, 422);
  }
  return error_page(visitor, status_for(created.error().code));
}

Response start_get(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  if (!page_actor(visitor).account) return visitor.redirect(sign_in_path("/start"));
  StartPage page(web, visitor);
  return page.show("name", Answers{}, {});
}

// The new network's starter page, for its admins.
Response welcome(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const domain::Actor actor = page_actor(visitor);
  if (!actor.account) return visitor.redirect(sign_in_path("/n/" + slug + "/welcome"));
  const auto role = web.services.memberships().role(slug, actor);
  if (!role) return error_page(visitor, status_for(role.error().code));
  if (*role != Role::kAdmin) return error_page(visitor, 403);
  Page page(visitor, "welcome");
  page.set_title(visitor.text("start.welcome_title"));
  page.set_network(*network);
  auto& data = page.data();
  data.SetValue("SLUG", slug);
  data.SetValue("NAME", network->name);
  data.SetValue("PUBLIC_URL", visitor.absolute_url("/n/" + slug));
  if (network->listed) data.ShowSection("LISTED");
  return page.finish();
}

}  // namespace

void add_start_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/start",
                  [&web](Request& request) { return start_get(web, request); });
  router.add_page(Method::kPost, "/start",
                  [&web](Request& request) { return start_post(web, request); });
  router.add_page(Method::kGet, "/n/{slug}/welcome",
                  [&web](Request& request) { return welcome(web, request); });
}

}  // namespace gapfill::http
