// A network's home page (who it is, its two big actions, what is open and
// what it did together) and its printable flyer.

#include <fmt/format.h>

#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/qr_svg.hpp"

namespace gapfill::http {
namespace {

// "{count} things" in the right plural form (one / other).
std::string counted(const PageRequest& visitor, const std::string& key, int count) {
  return visitor.format(key + (count == 1 ? ".one" : ".other"), {{"count", std::to_string(count)}});
}

std::string language_names(const PageRequest& visitor, const Network& network) {
  std::vector<std::string> names;
  for (const std::string& language : network.languages) {
    const auto name = visitor.web().catalogue.exact(language, "language.name");
    names.push_back(name.value_or(language));
  }
  return visitor.format("network.languages",
                        {{"languages", fmt::format("{}", fmt::join(names, ", "))}});
}

Response network_home(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto loaded = load_network(visitor, slug);
  if (!loaded) return loaded.error();
  const Network* network = &loaded->network;
  const std::vector<Category>* categories = &loaded->categories;
  const auto summary = web.services.networks().summary(slug);
  if (!summary) return error_page(visitor, 500);
  Page page(visitor, "network");
  page.set_title(network->name);
  page.set_network(*network);
  page.use_map();
  auto& data = page.data();
  data.SetValue("SLUG", network->slug);
  data.SetValue("NAME", network->name);
  data.SetValue("DESCRIPTION", network->description);
  data.SetValue("AREA", visitor.format("home.area",
                                       {{"radius", fmt::format("{:g}", network->area.radius_km)}}));
  data.SetValue("LANGUAGES", language_names(visitor, *network));
  data.SetValue("LAT", fmt::format("{:.4f}", network->area.centre.lat));
  data.SetValue("LON", fmt::format("{:.4f}", network->area.centre.lon));
  data.SetValue("RADIUS_KM", fmt::format("{:g}", network->area.radius_km));
  data.SetValue("GEOJSON", network->area.geojson);
  data.SetValue("TILE_URL", web.options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", web.options.tile_attribution);
  // In the network's own order of categories.
  for (const Category& category : *categories) {
    const auto count = summary->open_requests_by_category.find(category.key);
    if (count == summary->open_requests_by_category.end() || count->second == 0) continue;
    auto* item = data.AddSectionDictionary("COUNT");
    item->SetValue("SLUG", network->slug);
    item->SetValue("KEY", category.key);
    item->SetIntValue("N", count->second);
    item->SetValue("LABEL", visitor.category_label(*categories, category.key));
  }
  if (summary->open_requests == 0) data.ShowSection("NO_OPEN");
  data.SetValue("OFFERS", counted(visitor, "network.offers", summary->open_offers));
  data.SetValue("FULFILLED",
                counted(visitor, "network.fulfilled", summary->fulfilled_last_30_days));
  return page.finish();
}

Response flyer(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  Page page(visitor, "flyer");
  page.set_title(visitor.text("flyer.title") + ": " + network->name);
  page.set_network(*network);
  auto& data = page.data();
  const std::string ask_url = visitor.absolute_url("/n/" + slug + "/ask");
  data.SetValue("NAME", network->name);
  data.SetValue("DESCRIPTION", network->description);
  data.SetValue("ASK_URL", ask_url);
  data.SetValue("OFFER_URL", visitor.absolute_url("/n/" + slug + "/offer"));
  const auto svg = qr_svg(ask_url, visitor.text("flyer.qr_label"));
  if (!svg) return error_page(visitor, 500);
  data.SetValue("QR", *svg);
  return page.finish();
}

}  // namespace

void add_network_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/n/{slug}",
                  [&web](Request& request) { return network_home(web, request); });
  router.add_page(Method::kGet, "/n/{slug}/flyer",
                  [&web](Request& request) { return flyer(web, request); });
}

}  // namespace gapfill::http
