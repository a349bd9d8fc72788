#pragma once
// Domain records to JSON. Public shapes never carry contact details or the
// private location; private shapes are only built for a token that allows
// them.

#include <nlohmann/json.hpp>

#include "domain/services.hpp"

namespace gapfill::http {

// {kind: circle|polygon, lat, lon, radius_km, geojson (polygons only)}.
nlohmann::json area_json(const ServiceArea& area);
nlohmann::json network_json(const Network& network);
// A network's public contact: {"email", "website", "phone"} ("" when not given).
nlohmann::json public_contact_json(const PublicContact& contact);
nlohmann::json category_json(const Category& category);

// The post as its viewer may see it: private fields for the owner, for a
// volunteer helping with it and for the network's organizers; the owner and
// the organizers also see the matches.
nlohmann::json post_json(const domain::PostView& view);

// One listing item (public by construction). The listing endpoint writes
// items with listing_json.hpp's faster writer; this is the reference it is
// tested against.
nlohmann::json listed_json(const domain::ListItem& item, const std::string& network_slug);

// A match as its parties see it: the volunteer's contact to the others.
nlohmann::json match_json(const Match& match);

// A match with both posts: their private parts once the match is accepted.
nlohmann::json match_view_json(const domain::MatchView& view, const std::string& network_slug);

nlohmann::json event_json(const PostEvent& event);

// Compact JSON that never throws on odd bytes.
std::string dump(const nlohmann::json& value);

}  // namespace gapfill::http
