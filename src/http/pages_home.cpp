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
#include "http/place_lookup.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr std::size_t kSearchMaxChars = 100;
constexpr std::size_t kPlaceChoices = 5;
// A drawn area larger than this is shown on the home page's map as its circle.

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
    bool serves;
  };
  const std::vector<Network> networks = web.services.networks().list();
  std::vector<Listed> shown;
  const std::string needle = search ? lower(*search) : "";
  const auto matches = [&needle](const Network& network) {
    return lower(network.name + " " + network.slug + " " + network.description).find(needle) !=
           std::string::npos;
  };
  // A search no network's name matches may be a place or a ZIP code: resolved
  // here with the offline gazetteer (the typed text goes nowhere else).
  std::optional<std::string> place;
  if (!here && search && std::none_of(networks.begin(), networks.end(), [&](const Network& n) {
        return n.listed && matches(n);
      })) {
    const PlaceLookup found = resolve_place(*search, kPlaceChoices);
    if (!found.places.empty()) {
      here = found.places.front().point;
      place = found.places.front().display;
      if (found.ambiguous) {
        for (const ResolvedPlace& choice : found.places) {
          auto* item = data.AddSectionDictionary("PLACE_CHOICE");
          item->SetValue("LAT", fmt::format("{:.4f}", choice.point.lat));
          item->SetValue("LON", fmt::format("{:.4f}", choice.point.lon));
          item->SetValue("DISPLAY", choice.display);
        }
        data.ShowSection("PLACE_CHOICES");
      }
    }
  }
  for (const Network& network : networks) {
    if (!network.listed) continue;
    if (!here && search && !matches(network)) continue;
    const bool serves = here && web.services.networks().serves(network.id, *here).value_or(false);
    shown.push_back({&network, here ? geo::distance_km(*here, network.area.centre) : 0, serves});
  }
  if (here) {
    std::sort(shown.begin(), shown.end(), [](const Listed& a, const Listed& b) {
      if (a.serves != b.serves) return a.serves;
      return a.distance_km < b.distance_km;
    });
  }
  if (place) {
    data.SetValue("NETWORKS_HEADING",
                  visitor.format("areas.networks_near_place", {{"place", *place}}));
    if (shown.empty() || !shown.front().serves) {
      data.SetValueAndShowSection(
          "MESSAGE", visitor.format("areas.no_network_serves", {{"place", *place}}), "NONE_SERVES");
    }
  } else {
    data.SetValue("NETWORKS_HEADING", visitor.text(here     ? "home.networks_near"
                                                   : search ? "home.networks_matching"
                                                            : "home.networks"));
  }
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
    if (network.area.geojson.size() <= limits::kMapGeoJsonMaxBytes) {
      item->SetValue("GEOJSON", network.area.geojson);  // else the covering circle stands in
    }
    item->SetValue(
        "AREA",
        visitor.format("home.area", {{"radius", fmt::format("{:g}", network.area.radius_km)}}));
    if (here && place && listed.serves) {
      item->SetValueAndShowSection("TEXT", visitor.format("areas.serves", {{"place", *place}}),
                                   "DISTANCE");
    } else if (here) {
      std::string distance = visitor.format(
          "home.distance", {{"distance", fmt::format("{:.0f}", listed.distance_km)}});
      if (listed.serves) distance += " · " + visitor.text("home.covers_you");
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
