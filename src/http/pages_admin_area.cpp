// The admin's service-area page (/n/SLUG/admin/area): the area on the map and
// a form to change it, by a place name or ZIP code (the offline gazetteer)
// and a radius, or by pasting GeoJSON. The rules are the domain's
// (NetworkService::set_area); this page only shows and asks. What was typed
// as a place is never logged.

#include <fmt/format.h>

#include "base/text.hpp"
#include "http/actor.hpp"
#include "http/error_response.hpp"
#include "http/form.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/place_lookup.hpp"
#include "http/post_form.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr std::size_t kPlaceChoices = 5;

struct AreaForm {
  std::string place;
  std::string radius_km;
  std::string geojson;
  std::vector<ResolvedPlace> choices;  // an ambiguous place: the person picks one
  FieldMessages errors;
};

Response area_page(const WebContext& web, Request& request, const AreaForm& form,
                   int status = 200) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  if (const Status allowed = web.services.networks().may_set_area(slug, page_actor(visitor));
      !allowed) {
    return error_page(visitor, status_for(allowed.error().code));
  }
  Page page(visitor, "admin_area");
  page.set_title(visitor.text("areas.heading"));
  page.set_network(*network);
  page.use_map();
  auto& data = page.data();
  const std::string csrf = visitor.csrf_token();
  data.SetValue("SLUG", slug);
  data.SetValue("CSRF", csrf);
  data.SetValue("NAME", network->name);
  data.SetValue("TILE_URL", web.options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", web.options.tile_attribution);
  const ServiceArea& area = network->area;
  data.SetValue("LAT", fmt::format("{:.5f}", area.centre.lat));
  data.SetValue("LON", fmt::format("{:.5f}", area.centre.lon));
  data.SetValue("RADIUS_KM", fmt::format("{:g}", area.radius_km));
  data.SetValue("GEOJSON", area.geojson);
  data.SetValue("CURRENT",
                visitor.format(area.is_polygon() ? "areas.current_polygon" : "areas.current_circle",
                               {{"radius", fmt::format("{:g}", area.radius_km)}}));
  if (request.query.find("done=area") != std::string::npos) data.ShowSection("DONE");
  data.SetValue("PLACE_VALUE", form.place);
  data.SetValue("RADIUS_VALUE", form.radius_km.empty() && !area.is_polygon()
                                    ? fmt::format("{:g}", area.radius_km)
                                    : form.radius_km);
  data.SetValue("GEOJSON_VALUE", form.geojson);
  if (!form.choices.empty()) {
    auto* choices = data.AddSectionDictionary("CHOICES");
    choices->SetValue("CSRF", csrf);
    choices->SetValue("SLUG", slug);
    choices->SetValue("RADIUS_VALUE", form.radius_km);
    for (const ResolvedPlace& place : form.choices) {
      auto* choice = choices->AddSectionDictionary("CHOICE");
      choice->SetValue("POINT", fmt::format("{:.5f},{:.5f}", place.point.lat, place.point.lon));
      choice->SetValue("DISPLAY", place.display);
    }
  }
  show_field_errors(data, visitor, form.errors);
  return page.finish(status);
}

// "46.87,-113.99" from a choice button.
std::optional<geo::Point> parse_point(const std::string& text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos) return std::nullopt;
  const auto lat = parse_number(text.substr(0, comma));
  const auto lon = parse_number(text.substr(comma + 1));
  if (!lat || !lon || !geo::is_valid({*lat, *lon})) return std::nullopt;
  return geo::Point{*lat, *lon};
}

Response change_area(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto fields = Form::parse(request.body);
  if (!fields) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*fields)) return error_page(visitor, 403);
  AreaForm form;
  form.place = trim(fields->get("place").value_or(""));
  form.radius_km = trim(fields->get("radius_km").value_or(""));
  form.geojson = trim(fields->get("geojson").value_or(""));

  domain::AreaDraft draft;
  if (!form.geojson.empty()) {
    draft.geojson = form.geojson;
  } else {
    std::optional<geo::Point> point;
    if (const auto chosen = fields->get("point")) {
      point = parse_point(*chosen);
      if (!point) return error_page(visitor, 400);
    } else if (form.place.empty()) {
      form.errors["place"] = Message{"error.required", {}};
    } else if (!is_clean_text(form.place, true) || utf8_length(form.place) > 100) {
      form.errors["place"] = Message{"error.plain_text_one_line", {}};
    } else {
      PlaceLookup found = resolve_place(form.place, kPlaceChoices);
      if (found.places.empty()) {
        form.errors["place"] = Message{"error.place_unknown", {}};
      } else if (found.ambiguous) {
        form.choices = std::move(found.places);
      } else {
        point = found.places.front().point;
      }
    }
    if (point) {
      draft.lat = point->lat;
      draft.lon = point->lon;
    }
    draft.radius_km = parse_number(form.radius_km);
    if (!draft.radius_km) form.errors["radius_km"] = Message{"error.type_number", {}};
    if (!form.errors.empty() || !form.choices.empty()) {
      return area_page(web, request, form, form.errors.empty() ? 200 : 422);
    }
  }
  const auto changed = web.services.networks().set_area(slug, draft, page_actor(visitor));
  if (changed) return visitor.redirect("/n/" + slug + "/admin/area?done=area");
  if (changed.error().code != ErrorCode::kInvalid) {
    return error_page(visitor, status_for(changed.error().code));
  }
  for (const auto& [field, message] : changed.error().fields) {
    form.errors[field == "lat" || field == "lon" ? "place" : field] = message;
  }
  return area_page(web, request, form, 422);
}

}  // namespace

void add_admin_area_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/n/{slug}/admin/area",
                  [&web](Request& request) { return area_page(web, request, {}); });
  router.add_page(Method::kPost, "/n/{slug}/admin/area",
                  [&web](Request& request) { return change_area(web, request); });
}

}  // namespace gapfill::http
