#include "http/post_fields_form.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "domain/language_names.hpp"

namespace gapfill::http {
namespace {

// The distances the form offers, in km; a stored distance outside them (set
// through the API) is offered too, so that an edit keeps it.
constexpr std::array<double, 6> kDistanceChoicesKm{2, 5, 10, 25, 50, 100};

std::string km_text(double km) {
  return fmt::format("{}", km);
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Which of the three wordings a form kind uses.
std::string wording(PostFormKind kind) {
  switch (kind) {
    case PostFormKind::kOffer:
      return "offer";
    case PostFormKind::kIntake:
      return "intake";
    case PostFormKind::kAsk:
    case PostFormKind::kRide:
      break;
  }
  return "request";
}

}  // namespace

void read_post_fields(const Form& form, bool editing, domain::PostDraft& draft) {
  std::vector<std::string> languages;
  for (const std::string& code : form.all("languages")) {
    if (!contains(languages, code)) languages.push_back(code);
  }
  // The "another language" select may repeat a ticked one: that is no error.
  if (const auto other = form.text("language_other"); other && !contains(languages, *other)) {
    languages.push_back(*other);
  }
  if (editing || !languages.empty()) draft.languages = std::move(languages);

  const auto distance = form.text("max_distance_km");
  if (!distance) {
    if (editing) draft.cleared.insert("max_distance_km");
    return;
  }
  double km = 0;
  const auto [end, error] =
      std::from_chars(distance->data(), distance->data() + distance->size(), km);
  if (error != std::errc{} || end != distance->data() + distance->size() || !std::isfinite(km)) {
    draft.read_errors["max_distance_km"] = Message{"post_fields.error.distance_number", {}};
    return;
  }
  draft.max_distance_km = km;
}

void add_post_fields(const Post& post, std::vector<std::pair<std::string, std::string>>& fields) {
  for (const std::string& code : post.languages) fields.emplace_back("languages", code);
  if (post.max_distance_km) fields.emplace_back("max_distance_km", km_text(*post.max_distance_km));
}

void fill_post_fields_form(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                           const Network& network, PostFormKind kind, const Form* typed) {
  const std::string prefix = "post_fields." + wording(kind);
  data.SetValue("LANGUAGES_LEGEND", visitor.text(prefix + ".languages"));
  data.SetValue("LANGUAGES_HINT", visitor.text(prefix + ".languages_hint"));
  data.SetValue("DISTANCE_LABEL", visitor.text(prefix + ".distance"));

  const std::vector<std::string> chosen =
      typed ? typed->all("languages") : std::vector<std::string>{};
  // The network's languages, then any other the post already names.
  std::vector<std::string> boxes = network.languages;
  for (const std::string& code : chosen) {
    if (!contains(boxes, code) && domain::is_known_language(code)) boxes.push_back(code);
  }
  for (const std::string& code : boxes) {
    auto* item = data.AddSectionDictionary("LANGUAGE");
    item->SetValue("CODE", code);
    item->SetValue("NAME", domain::language_name(code));
    if (contains(chosen, code)) item->SetValue("CHECKED", "checked");
  }
  const std::string other = typed ? typed->get("language_other").value_or("") : "";
  for (std::string_view code : domain::known_languages()) {
    if (contains(boxes, code)) continue;
    auto* option = data.AddSectionDictionary("OTHER_LANGUAGE");
    option->SetValue("CODE", std::string(code));
    option->SetValue("NAME", domain::language_name(code));
    if (other == code) option->SetValue("SELECTED", "selected");
  }

  const std::string sent = typed ? typed->get("max_distance_km").value_or("") : "";
  std::vector<std::string> choices;
  for (double km : kDistanceChoicesKm) choices.push_back(km_text(km));
  if (!sent.empty() && !contains(choices, sent)) choices.push_back(sent);
  if (sent.empty()) data.SetValue("DISTANCE_UNSET_SELECTED", "selected");
  for (const std::string& km : choices) {
    auto* option = data.AddSectionDictionary("DISTANCE");
    option->SetValue("VALUE", km);
    option->SetValue("LABEL", visitor.format("post_fields.km", {{"km", km}}));
    if (km == sent) option->SetValue("SELECTED", "selected");
  }
}

void fill_post_fields_view(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                           const Post& post) {
  const std::string prefix =
      std::string("post_fields.") + (post.kind == PostKind::kOffer ? "offer" : "request");
  if (!post.languages.empty()) {
    auto* languages = data.AddSectionDictionary("POST_LANGUAGES");
    languages->SetValue("LABEL", visitor.text(prefix + ".languages_shown"));
    for (const std::string& code : post.languages) {
      auto* item = languages->AddSectionDictionary("LANGUAGE");
      item->SetValue("CODE", code);
      item->SetValue("NAME", domain::language_name(code));
    }
  }
  if (post.max_distance_km) {
    auto* distance = data.AddSectionDictionary("POST_DISTANCE");
    distance->SetValue("LABEL", visitor.text(prefix + ".distance_shown"));
    distance->SetValue("VALUE",
                       visitor.format("post_fields.km", {{"km", km_text(*post.max_distance_km)}}));
  }
}

}  // namespace gapfill::http
