#include "http/serialize.hpp"

#include "base/time.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

json optional_time(const std::optional<UnixSeconds>& t) {
  return t ? json(format_rfc3339(*t)) : json(nullptr);
}

json optional_number(const std::optional<std::int64_t>& n) {
  return n ? json(*n) : json(nullptr);
}

json window_json(const std::optional<UnixSeconds>& from, const std::optional<UnixSeconds>& to) {
  if (!from && !to) return nullptr;
  return {{"from", optional_time(from)}, {"to", optional_time(to)}};
}

json ride_json(const Ride& ride) {
  return {{"pickup_area", ride.pickup_area},
          {"dropoff_area", ride.dropoff_area},
          {"appointment_at", optional_time(ride.appointment_at)},
          {"return_trip", ride.return_trip},
          {"passengers", ride.passengers},
          {"accessibility_needs", ride.accessibility_needs}};
}

// The fields every viewer sees.
json public_post(const Post& post, const std::string& network_slug) {
  json out = {
      {"id", post.id},
      {"network", network_slug},
      {"kind", to_string(post.kind)},
      {"category", post.category},
      {"title", post.title},
      {"quantity", optional_number(post.quantity)},
      {"urgency", to_string(post.urgency)},
      {"window", window_json(post.window_from, post.window_to)},
      {"location", {{"lat", post.point.lat}, {"lon", post.point.lon}}},
      {"status", to_string(post.status)},
      {"closed_reason", post.close_reason ? json(to_string(*post.close_reason)) : json(nullptr)},
      {"created_at", format_rfc3339(post.created_at)},
      {"updated_at", format_rfc3339(post.updated_at)},
      {"waiting_since", format_rfc3339(post.waiting_since)},
      {"ride", post.ride ? ride_json(*post.ride) : json(nullptr)},
      {"languages", post.languages},
      {"max_distance_km", post.max_distance_km ? json(*post.max_distance_km) : json(nullptr)}};
  return out;
}

void add_private_parts(const Post& post, json& out) {
  out["version"] = post.version;  // what an edit sends back to be sure nothing changed meanwhile
  out["details"] = post.details;
  out["location"]["text"] = post.location_text;
  out["contact"] = {{"name", post.contact.name},
                    {"email", post.contact.email},
                    {"phone", post.contact.phone},
                    {"method", to_string(post.contact.method)}};
}

}  // namespace

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json area_json(const ServiceArea& area) {
  json out = {{"kind", area.is_polygon() ? "polygon" : "circle"},
              {"lat", area.centre.lat},
              {"lon", area.centre.lon},
              {"radius_km", area.radius_km}};
  if (area.is_polygon()) out["geojson"] = json::parse(area.geojson, nullptr, false);
  return out;
}

json network_json(const Network& network) {
  return {{"slug", network.slug},
          {"name", network.name},
          {"description", network.description},
          {"area", area_json(network.area)},
          {"languages", network.languages},
          {"timezone", network.timezone},
          {"retention_days", network.retention_days},
          {"post_expiry_days", network.post_expiry_days},
          {"listed", network.listed},
          {"public_grid_km", network.public_grid_km},
          {"created_at", format_rfc3339(network.created_at)},
          {"public_uuid", network.public_uuid},
          {"contact", public_contact_json(network.contact)}};
}

json public_contact_json(const PublicContact& contact) {
  return {{"email", contact.email}, {"website", contact.website}, {"phone", contact.phone}};
}

json category_json(const Category& category) {
  return {{"key", category.key}, {"labels", category.labels}};
}

json post_json(const domain::PostView& view) {
  json out = public_post(view.post, view.network_slug);
  if (view.access == domain::Access::kPublic) return out;
  add_private_parts(view.post, out);
  out["access"] = view.access == domain::Access::kOwner       ? "owner"
                  : view.access == domain::Access::kOrganizer ? "organizer"
                                                              : "volunteer";
  // Whether organizers hid the post, and (for its poster and organizers)
  // whether they blocked its manage token.
  out["hidden"] = nullptr;
  if (view.post.hidden) {
    out["hidden"] = {{"at", format_rfc3339(view.post.hidden->at)},
                     {"reason", to_string(view.post.hidden->reason)}};
  }
  if (view.access != domain::Access::kVolunteer) out["blocked"] = view.token_blocked;
  if (view.access == domain::Access::kOwner || view.access == domain::Access::kOrganizer) {
    json matches = json::array();
    for (const Match& match : view.matches) matches.push_back(match_json(match));
    out["matches"] = std::move(matches);
  }
  return out;
}

json listed_json(const domain::ListItem& item, const std::string& network_slug) {
  const domain::ListedPost& post = item.post;
  json out = {{"id", post.id},
              {"network", network_slug},
              {"kind", to_string(post.kind)},
              {"category", post.category},
              {"title", post.title},
              {"quantity", optional_number(post.quantity)},
              {"urgency", to_string(post.urgency)},
              {"window", window_json(post.window_from, post.window_to)},
              {"location", {{"lat", post.point.lat}, {"lon", post.point.lon}}},
              {"status", to_string(post.status)},
              {"created_at", format_rfc3339(post.created_at)},
              {"waiting_since", format_rfc3339(post.waiting_since)}};
  if (item.distance_km) out["distance_km"] = std::round(*item.distance_km * 100) / 100;
  return out;
}

json match_json(const Match& match) {
  json out = {{"id", match.id},
              {"request_id", match.request_id},
              {"offer_id", match.offer_id ? json(*match.offer_id) : json(nullptr)},
              {"quantity", match.quantity},
              {"note", match.note},
              {"status", to_string(match.status)},
              {"created_at", format_rfc3339(match.created_at)},
              {"updated_at", format_rfc3339(match.updated_at)},
              {"volunteer", nullptr}};
  if (match.volunteer) {
    out["volunteer"] = {{"name", match.volunteer->name},
                        {"email", match.volunteer->email},
                        {"phone", match.volunteer->phone}};
  }
  return out;
}

json match_view_json(const domain::MatchView& view, const std::string& network_slug) {
  const bool agreed =
      view.match.status == MatchStatus::kAccepted || view.match.status == MatchStatus::kCompleted;
  auto side = [&](const Post& post) {
    json out = public_post(post, network_slug);
    if (agreed) add_private_parts(post, out);
    return out;
  };
  return {{"match", match_json(view.match)},
          {"request", side(view.request)},
          {"offer", view.offer ? side(*view.offer) : json(nullptr)}};
}

json event_json(const PostEvent& event) {
  return {{"post_id", event.post_id},
          {"type", event.type},
          {"from_status", event.from_status},
          {"to_status", event.to_status},
          {"reason", event.reason},
          {"match_id", event.match_id ? json(*event.match_id) : json(nullptr)},
          {"at", format_rfc3339(event.at)}};
}

}  // namespace gapfill::http
