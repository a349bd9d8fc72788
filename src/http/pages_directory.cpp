// The public directory (/directory): every listed network with its area on
// a map, its languages (by their own names), its categories (in the page's
// language) and how to reach it, filtered by language and category.

#include <algorithm>
#include <set>

#include "base/limits.hpp"
#include "domain/categories.hpp"
#include "domain/language_names.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

std::string radius_text(double km) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", km);
  return text;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool has_category(const std::vector<Category>& categories, const std::string& key) {
  return std::any_of(categories.begin(), categories.end(),
                     [&](const Category& category) { return category.key == key; });
}

void fill_entry(ctemplate::TemplateDictionary& row, const PageRequest& visitor,
                const domain::DirectoryEntry& entry) {
  const Network& network = entry.network;
  row.SetValue("SLUG", network.slug);
  row.SetValue("NAME", network.name);
  row.SetValue("DESCRIPTION", network.description);
  row.SetValue("LAT", std::to_string(network.area.centre.lat));
  row.SetValue("LON", std::to_string(network.area.centre.lon));
  row.SetValue("RADIUS_KM", radius_text(network.area.radius_km));
  if (network.area.is_polygon()) {
    if (network.area.geojson.size() <= limits::kMapGeoJsonMaxBytes) {
      row.SetValue("GEOJSON", network.area.geojson);  // else the covering circle stands in
    }
    row.SetValue("AREA", visitor.text("directory.area_polygon"));
  } else {
    row.SetValue("AREA", visitor.format("directory.area_circle",
                                        {{"radius", radius_text(network.area.radius_km)}}));
  }
  std::string languages;
  for (const std::string& code : network.languages) {
    if (!languages.empty()) languages += ", ";
    languages += domain::language_name(code);
  }
  row.SetValue("LANGUAGES", languages);
  std::string categories;
  for (const Category& category : entry.categories) {
    if (!categories.empty()) categories += ", ";
    categories += visitor.category_label(entry.categories, category.key);
  }
  row.SetValue("CATEGORIES", categories);
  const PublicContact& contact = network.contact;
  if (!contact.email.empty()) row.SetValueAndShowSection("EMAIL", contact.email, "HAS_EMAIL");
  if (!contact.website.empty()) {
    row.SetValueAndShowSection("WEBSITE", contact.website, "HAS_WEBSITE");
  }
  if (!contact.phone.empty()) {
    std::string dial;
    for (char c : contact.phone) {
      if ((c >= '0' && c <= '9') || c == '+') dial += c;
    }
    auto* phone = row.AddSectionDictionary("HAS_PHONE");
    phone->SetValue("PHONE", contact.phone);
    phone->SetValue("DIAL", dial);
  }
}

Response directory_page(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  Page page(visitor, "directory");
  page.set_title(visitor.text("directory.title"));
  page.use_map();
  auto& data = page.data();
  data.SetValue("TILE_URL", web.options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", web.options.tile_attribution);

  std::string language;
  std::string category;
  if (const auto params = parse_query(request.query)) {
    if (const auto found = params->find("language"); found != params->end()) {
      language = found->second;
    }
    if (const auto found = params->find("category"); found != params->end()) {
      category = found->second;
    }
  }
  const auto entries = web.services.networks().directory();
  std::set<std::string> codes;
  for (const auto& entry : entries)
    codes.insert(entry.network.languages.begin(), entry.network.languages.end());
  if (!codes.contains(language)) language.clear();
  const auto& keys = domain::default_category_keys();
  if (!has(keys, category)) category.clear();
  for (const std::string& code : codes) {
    auto* option = data.AddSectionDictionary("LANGUAGE_OPTION");
    option->SetValue("VALUE", code);
    option->SetValue("LABEL", domain::language_name(code));
    option->SetValue("SELECTED", selected(code == language));
  }
  for (const std::string& key : keys) {
    auto* option = data.AddSectionDictionary("CATEGORY_OPTION");
    option->SetValue("VALUE", key);
    option->SetValue("LABEL", visitor.text("category." + key));
    option->SetValue("SELECTED", selected(key == category));
  }
  int shown = 0;
  for (const auto& entry : entries) {
    if (!language.empty() && !has(entry.network.languages, language)) continue;
    if (!category.empty() && !has_category(entry.categories, category)) continue;
    fill_entry(*data.AddSectionDictionary("NETWORK_ITEM"), visitor, entry);
    ++shown;
  }
  if (shown == 0) data.ShowSection(entries.empty() ? "NO_NETWORKS" : "NO_MATCHES");
  return page.finish();
}

}  // namespace

void add_directory_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/directory",
                  [&web](Request& request) { return directory_page(web, request); });
}

}  // namespace gapfill::http
