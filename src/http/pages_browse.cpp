// Browsing a network's open requests and offers: filters, a list that works
// without JavaScript, a map of the same items when it runs, and paging.
// Every visitor asking the same filters in the same language gets the same
// page, so a rendered page is kept until the network's posts change.

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/limits.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr std::array<int, 5> kRadiiKm{2, 5, 10, 25, 50};

struct BrowseQuery {
  domain::ListQuery list;
  std::string lat_text, lon_text;  // as sent, to show again
  std::optional<int> radius_km;
  bool near_visitor = false;  // measured from the visitor, not the network's centre
};

// What the page's filters ask for. A person's browser sends what the form
// offers; anything else (a hand-edited address) is ignored, not refused.
BrowseQuery read_query(const std::map<std::string, std::string>& params, const Network& network,
                       const std::vector<Category>& categories) {
  BrowseQuery query;
  query.list.limit = limits::kBrowsePageItems;
  const auto get = [&](const char* name) {
    const auto found = params.find(name);
    return found == params.end() ? std::string() : found->second;
  };
  query.list.kind = parse_post_kind(get("kind"));
  const std::string category = get("category");
  if (std::any_of(categories.begin(), categories.end(),
                  [&](const Category& c) { return c.key == category; })) {
    query.list.category = category;
  }
  query.list.urgency = parse_urgency(get("urgency"));
  const auto radius = parse_number(get("radius_km"));
  if (radius &&
      std::find(kRadiiKm.begin(), kRadiiKm.end(), static_cast<int>(*radius)) != kRadiiKm.end()) {
    query.radius_km = static_cast<int>(*radius);
  }
  const auto lat = parse_number(get("lat")), lon = parse_number(get("lon"));
  geo::Point from = network.area.centre;
  if (lat && lon && geo::is_valid({*lat, *lon})) {
    from = {*lat, *lon};
    query.lat_text = get("lat");
    query.lon_text = get("lon");
    query.near_visitor = true;
  }
  if (query.radius_km || query.near_visitor) {
    query.list.near = from;
    query.list.radius_km = query.radius_km
                               ? *query.radius_km
                               : std::min(limits::kListRadiusMaxKm, 4 * network.area.radius_km);
  }
  if (const std::string cursor = get("cursor"); !cursor.empty()) {
    query.list.after = domain::decode_cursor(cursor);
    if (query.list.after && query.list.after->by_distance != query.list.near.has_value()) {
      query.list.after.reset();
    }
  }
  return query;
}

// The address of this listing from another cursor (none: the first page).
std::string page_href(const std::string& slug, std::map<std::string, std::string> params,
                      const std::optional<std::string>& cursor) {
  params.erase("cursor");
  if (cursor) params["cursor"] = *cursor;
  std::string href = "/n/" + slug + "/browse";
  char separator = '?';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    href += separator + percent_encode(name) + "=" + percent_encode(value);
    separator = '&';
  }
  return href;
}

Response render(const WebContext& web, PageRequest& visitor, const Network& network,
                const std::vector<Category>& categories,
                const std::map<std::string, std::string>& params) {
  const BrowseQuery query = read_query(params, network, categories);
  const auto page_result = web.services.posts().list(network.slug, query.list);
  if (!page_result) return error_page(visitor, status_for(page_result.error().code));
  const domain::ListPage& listing = *page_result;
  Page page(visitor, "browse");
  page.set_title(visitor.text("browse.title"));
  page.set_network(network);
  page.use_map();
  auto& data = page.data();
  data.SetValue("SLUG", network.slug);
  data.SetValue("LAT", query.lat_text);
  data.SetValue("LON", query.lon_text);
  data.SetValue("CENTRE_LAT", fmt::format("{:.4f}", network.area.centre.lat));
  data.SetValue("CENTRE_LON", fmt::format("{:.4f}", network.area.centre.lon));
  data.SetValue("TILE_URL", web.options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", web.options.tile_attribution);
  fill_filter_options(data, visitor, categories, query.list.category, query.list.urgency,
                      query.list.kind);
  data.SetValue("DISTANCE_HINT", visitor.text(query.near_visitor ? "browse.distance_from_you"
                                                                 : "browse.distance_from_centre"));
  for (int km : kRadiiKm) {
    auto* option = data.AddSectionDictionary("RADIUS_OPTION");
    option->SetIntValue("KM", km);
    option->SetValue("LABEL", visitor.format("browse.within", {{"km", std::to_string(km)}}));
    option->SetValue("SELECTED", selected(query.radius_km == km));
  }
  data.SetValue("RESULTS", visitor.format("browse.results",
                                          {{"count", std::to_string(listing.items.size())}}));
  if (listing.items.empty()) data.ShowSection("EMPTY");
  for (const domain::ListItem& item : listing.items) {
    const domain::ListedPost& post = item.post;
    auto* entry = data.AddSectionDictionary("ITEM");
    entry->SetIntValue("ID", post.id);
    entry->SetValue("TITLE", post.title);
    entry->SetValue("KIND", visitor.text("kind." + std::string(to_string(post.kind))));
    entry->SetValue("CATEGORY", visitor.category_label(categories, post.category));
    entry->SetValueAndShowSection("URGENCY",
                                  visitor.text("urgency." + std::string(to_string(post.urgency))),
                                  post.urgency == Urgency::kToday ? "URGENT" : "NOT_URGENT");
    entry->SetValue("POSTED", visitor.local_time(post.created_at, network.timezone));
    entry->SetValue("LAT", fmt::format("{:.4f}", post.point.lat));
    entry->SetValue("LON", fmt::format("{:.4f}", post.point.lon));
    if (post.quantity) {
      entry->SetValueAndShowSection(
          "TEXT",
          visitor.format("browse.quantity_" + std::string(to_string(post.kind)),
                         {{"count", std::to_string(*post.quantity)}}),
          "QUANTITY");
    }
    if (item.distance_km) {
      entry->SetValueAndShowSection(
          "TEXT", visitor.format("browse.away", {{"km", fmt::format("{:.1f}", *item.distance_km)}}),
          "DISTANCE");
    }
  }
  if (query.list.after) {
    data.SetValueAndShowSection("HREF", page_href(network.slug, params, std::nullopt), "FIRST");
  }
  if (listing.next) {
    data.SetValueAndShowSection(
        "HREF", page_href(network.slug, params, domain::encode_cursor(*listing.next)), "NEXT");
  }
  return page.finish();
}

Response browse(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto loaded = load_network(visitor, slug);
  if (!loaded) return loaded.error();
  auto params = parse_query(request.query);
  if (!params) params = std::map<std::string, std::string>{};
  // The version is read before the page, so a page is never kept under a
  // version newer than what it shows.
  const auto version = web.services.posts().listing_version(slug);
  if (!version) return error_page(visitor, status_for(version.error().code));
  const std::string key = "browse|" + visitor.language() + "|" + slug + "?" + request.query;
  if (const auto cached = web.page_cache.find(key, *version)) {
    Response response;
    response.content_type = "text/html; charset=utf-8";
    response.body = *cached;
    return visitor.finish(std::move(response));
  }
  Response response = render(web, visitor, loaded->network, loaded->categories, *params);
  if (response.status == 200) web.page_cache.store(key, *version, response.body);
  return response;
}

}  // namespace

void add_browse_pages(Router& router, const WebContext& web) {
  // Open posts come from memory: answered on the I/O thread, as the API's listing is.
  router.add_page(
      Method::kGet, "/n/{slug}/browse", [&web](Request& request) { return browse(web, request); },
      [](const Request&) { return true; });
}

}  // namespace gapfill::http
