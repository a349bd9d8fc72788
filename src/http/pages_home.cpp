// The start page (networks, finding one near you) and the language switch.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "engine/geo.hpp"
#include "http/actor.hpp"
#include "http/cookies.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr std::size_t kSearchMaxChars = 100;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Response home(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  Page page(visitor, "home");
  page.set_title(visitor.text("home.title"));
  page.use_map();
  auto& data = page.data();
  data.SetValue("TILE_URL", web.options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", web.options.tile_attribution);

  const auto params = parse_query(request.query);
  std::optional<std::string> search;
  std::optional<geo::Point> here;
  if (params) {
    if (auto q = params->find("q"); q != params->end()) {
      const std::string text = trim(q->second);
      if (!text.empty() && is_clean_text(text, true) && utf8_length(text) <= kSearchMaxChars) {
        search = text;
        data.SetValue("Q", text);
      }
    }
    const auto lat = params->find("lat"), lon = params->find("lon");
    if (lat != params->end() && lon != params->end() && !lat->second.empty()) {
      const auto a = parse_number(lat->second), b = parse_number(lon->second);
      if (a && b && geo::is_valid({*a, *b})) {
        here = geo::Point{*a, *b};
        data.SetValue("LAT", lat->second);
        data.SetValue("LON", lon->second);
      } else {
        set_error(data, "QUERY_ERROR", visitor.text("home.bad_location"));
      }
    }
  }

  struct Listed {
    const Network* network;
    double distance_km;
  };
  const std::vector<Network> networks = web.services.networks().list();
  std::vector<Listed> shown;
  const std::string needle = search ? lower(*search) : "";
  for (const Network& network : networks) {
    if (!network.listed) continue;
    if (!here && search) {
      const std::string haystack =
          lower(network.name + " " + network.slug + " " + network.description);
      if (haystack.find(needle) == std::string::npos) continue;
    }
    shown.push_back({&network, here ? geo::distance_km(*here, network.area.centre) : 0});
  }
  if (here) {
    std::sort(shown.begin(), shown.end(),
              [](const Listed& a, const Listed& b) { return a.distance_km < b.distance_km; });
  }
  data.SetValue("NETWORKS_HEADING", visitor.text(here     ? "home.networks_near"
                                                 : search ? "home.networks_matching"
                                                          : "home.networks"));
  if (shown.empty()) data.ShowSection("NO_NETWORKS");
  for (const Listed& listed : shown) {
    const Network& network = *listed.network;
    auto* item = data.AddSectionDictionary("NETWORK_ITEM");
    item->SetValue("SLUG", network.slug);
    item->SetValue("NAME", network.name);
    item->SetValue("DESCRIPTION", network.description);
    item->SetValue("LAT", fmt::format("{:.4f}", network.area.centre.lat));
    item->SetValue("LON", fmt::format("{:.4f}", network.area.centre.lon));
    item->SetValue("RADIUS_KM", fmt::format("{:g}", network.area.radius_km));
    item->SetValue(
        "AREA",
        visitor.format("home.area", {{"radius", fmt::format("{:g}", network.area.radius_km)}}));
    if (here) {
      std::string distance = visitor.format(
          "home.distance", {{"distance", fmt::format("{:.0f}", listed.distance_km)}});
      if (listed.distance_km <= network.area.radius_km) {
        distance += " · " + visitor.text("home.covers_you");
      }
      item->SetValueAndShowSection("TEXT", distance, "DISTANCE");
    }
  }
  return page.finish();
}

// GET /lang/{code}?next=/path: remembers the choice for a year and goes back.
Response switch_language(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& code = request.params.at("code");
  const auto languages = web.catalogue.languages();
  if (std::find(languages.begin(), languages.end(), code) == languages.end()) {
    return error_page(visitor, 404);
  }
  std::string next;
  if (const auto params = parse_query(request.query); params && params->contains("next")) {
    next = local_path_or_empty(params->at("next"));
  }
  CookieOptions options;
  options.max_age_seconds = limits::kLanguageCookieMaxAgeSeconds;
  options.secure = web.options.secure_cookies;
  visitor.set_cookie(set_cookie("gf_lang", code, options));
  return visitor.redirect(next.empty() ? "/" : next);
}

}  // namespace

void add_home_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/", [&web](Request& request) { return home(web, request); });
  router.add_page(Method::kGet, "/lang/{code}",
                  [&web](Request& request) { return switch_language(web, request); });
}

}  // namespace gapfill::http
