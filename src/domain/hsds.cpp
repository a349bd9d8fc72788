#include "domain/hsds.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

#include "base/csv.hpp"
#include "domain/language_names.hpp"
#include "domain/tokens.hpp"

namespace gapfill::domain::hsds {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;

double degrees(double radians) {
  return radians * 180.0 / std::numbers::pi;
}
double radians(double degrees_value) {
  return degrees_value * std::numbers::pi / 180.0;
}

// Six decimals (about 0.1 m): enough for an area's outline.
double rounded(double value) {
  return std::round(value * 1e6) / 1e6;
}

std::string km_text(double km) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", km);
  return text;
}

std::string network_url(const std::string& base_url, const Network& network) {
  return base_url.empty() ? std::string() : base_url + "/n/" + network.slug;
}

struct Column {
  const char* name;
  const char* type;
  const char* format;  // "" when none
  bool required;
  const char* description;
};

struct Schema {
  const char* name;
  const char* path;
  const char* description;
  std::vector<Column> columns;
  const char* foreign_key;  // column referring to `reference`, "" when none
  const char* reference;    // the resource it refers to
};

const std::vector<Schema>& schemas() {
  static const std::vector<Schema> kSchemas{
      {"organization",
       "organizations.csv",
       "One mutual aid network.",
       {{"id", "string", "uuid", true, "The network's stable public UUID."},
        {"name", "string", "", true, "The network's name."},
        {"alternate_name", "string", "", false, "The network's short name (its slug)."},
        {"description", "string", "", true, "The network's own description."},
        {"email", "string", "email", false, "The network's public contact address."},
        {"website", "string", "uri", false, "The network's public website."}},
       "",
       ""},
      {"service",
       "services.csv",
       "The network's mutual aid: asking for and offering help.",
       {{"id", "string", "uuid", true, "Derived from the network's public UUID."},
        {"organization_id", "string", "uuid", true, "The network (organization) providing it."},
        {"name", "string", "", true, "The network's name and \"mutual aid\"."},
        {"description", "string", "", false, "The network's own description."},
        {"url", "string", "uri", false, "The network's page, where anyone can ask or offer."},
        {"email", "string", "email", false, "The network's public contact address."},
        {"status", "string", "", true, "Always \"active\"."}},
       "organization_id",
       "organization"},
      {"service_area",
       "service_areas.csv",
       "Where the network helps.",
       {{"id", "string", "uuid", true, "Derived from the network's public UUID."},
        {"service_id", "string", "uuid", false, "The service it bounds."},
        {"name", "string", "", false, "A short description of the area."},
        {"description", "string", "", false, "The circle's exact centre and radius."},
        {"extent", "string", "", false, "The area as a GeoJSON Polygon or MultiPolygon (WGS 84)."},
        {"extent_type", "string", "", false, "Always \"geojson\"."},
        {"uri", "string", "uri", false, "The network's page."}},
       "service_id",
       "service"},
      {"location",
       "locations.csv",
       "Where the network is reached: its web page (no street address).",
       {{"id", "string", "uuid", true, "Derived from the network's public UUID."},
        {"location_type", "string", "", true, "Always \"virtual\"."},
        {"url", "string", "uri", false, "The network's page."},
        {"organization_id", "string", "uuid", false, "The network (organization)."},
        {"name", "string", "", false, "The network's name."}},
       "organization_id",
       "organization"},
      {"language",
       "languages.csv",
       "The languages the network works in.",
       {{"id", "string", "uuid", true, "Derived from the network's public UUID and the code."},
        {"service_id", "string", "uuid", false, "The service offered in this language."},
        {"name", "string", "", false, "The language's own name."},
        {"code", "string", "", false, "Its ISO 639-1 (or BCP 47 primary) code."}},
       "service_id",
       "service"},
  };
  return kSchemas;
}

}  // namespace

std::vector<geo::Point> circle_ring(geo::Point centre, double radius_km, int vertices) {
  const double lat1 = radians(centre.lat);
  const double lon1 = radians(centre.lon);
  const double angular = radius_km / kEarthRadiusKm;
  std::vector<geo::Point> ring;
  ring.reserve(static_cast<std::size_t>(vertices) + 1);
  for (int i = 0; i < vertices; ++i) {
    // Bearings go clockwise from north; walking them backwards makes the
    // ring counter-clockwise (RFC 7946 exterior rings).
    const double bearing = 2 * std::numbers::pi * (vertices - i) / vertices;
    const double lat2 = std::asin(std::sin(lat1) * std::cos(angular) +
                                  std::cos(lat1) * std::sin(angular) * std::cos(bearing));
    const double lon2 = lon1 + std::atan2(std::sin(bearing) * std::sin(angular) * std::cos(lat1),
                                          std::cos(angular) - std::sin(lat1) * std::sin(lat2));
    double lon = std::remainder(degrees(lon2), 360.0);
    if (lon == -180.0) lon = 180.0;
    ring.push_back({rounded(degrees(lat2)), rounded(lon)});
  }
  ring.push_back(ring.front());
  return ring;
}

std::string circle_geojson(geo::Point centre, double radius_km) {
  nlohmann::json ring = nlohmann::json::array();
  for (const geo::Point& point : circle_ring(centre, radius_km)) {
    ring.push_back({point.lon, point.lat});
  }
  return nlohmann::json{{"type", "Polygon"}, {"coordinates", {ring}}}.dump();
}

std::string derived_uuid(const std::string& public_uuid, const std::string& part) {
  // BLAKE2b of the two, shaped as an RFC 9562 version 8 (custom) UUID.
  std::string hex = tokens::hash("gapfill-hsds:" + public_uuid + ":" + part).substr(0, 32);
  hex[12] = '8';
  hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::vector<Table> tables(const std::vector<DirectoryEntry>& entries, const std::string& base_url) {
  std::vector<Table> out;
  for (const Schema& schema : schemas()) {
    Table table{schema.name, schema.path, {}, {}};
    for (const Column& column : schema.columns) table.columns.emplace_back(column.name);
    out.push_back(std::move(table));
  }
  for (const DirectoryEntry& entry : entries) {
    const Network& network = entry.network;
    const std::string& id = network.public_uuid;
    const std::string service = derived_uuid(id, "service");
    const std::string url = network_url(base_url, network);
    const std::string radius = km_text(network.area.radius_km);
    char centre[64];
    std::snprintf(centre, sizeof centre, "%.6f, %.6f", network.area.centre.lat,
                  network.area.centre.lon);
    out[0].rows.push_back({id, network.name, network.slug, network.description,
                           network.contact.email, network.contact.website});
    out[1].rows.push_back({service, id, network.name + " mutual aid", network.description, url,
                           network.contact.email, "active"});
    if (network.area.is_polygon()) {
      out[2].rows.push_back({derived_uuid(id, "service_area"), service,
                             std::string("A drawn area around ") + centre,
                             "The area the network drew, as a GeoJSON (Multi)Polygon (WGS 84).",
                             network.area.geojson, "geojson", url});
    } else {
      out[2].rows.push_back(
          {derived_uuid(id, "service_area"), service, "Within " + radius + " km of " + centre,
           "A circle of radius " + radius + " km around latitude, longitude " + centre +
               " (WGS 84); the extent approximates it with 64 vertices.",
           circle_geojson(network.area.centre, network.area.radius_km), "geojson", url});
    }
    out[3].rows.push_back({derived_uuid(id, "location"), "virtual", url, id, network.name});
    for (const std::string& code : network.languages) {
      out[4].rows.push_back(
          {derived_uuid(id, "language:" + code), service, language_name(code), code});
    }
  }
  return out;
}

std::string to_csv(const Table& table) {
  std::string text = csv::record(table.columns);
  for (const auto& row : table.rows) text += csv::record(row);
  return text;
}

std::vector<std::string> file_names() {
  std::vector<std::string> names{"datapackage.json"};
  for (const Schema& schema : schemas()) names.emplace_back(schema.path);
  return names;
}

std::string datapackage(const std::vector<Table>& tables) {
  nlohmann::json resources = nlohmann::json::array();
  for (const Schema& schema : schemas()) {
    nlohmann::json fields = nlohmann::json::array();
    for (const Column& column : schema.columns) {
      nlohmann::json field{{"name", column.name},
                           {"type", column.type},
                           {"description", column.description},
                           {"constraints", {{"required", column.required}}}};
      if (*column.format != '\0') field["format"] = column.format;
      fields.push_back(std::move(field));
    }
    nlohmann::json table_schema{{"fields", std::move(fields)}, {"primaryKey", "id"}};
    if (*schema.foreign_key != '\0') {
      table_schema["foreignKeys"] = nlohmann::json::array(
          {{{"fields", schema.foreign_key},
            {"reference", {{"resource", schema.reference}, {"fields", "id"}}}}});
    }
    std::size_t rows = 0;
    for (const Table& table : tables) {
      if (table.path == schema.path) rows = table.rows.size();
    }
    resources.push_back({{"name", schema.name},
                         {"path", schema.path},
                         {"description", schema.description},
                         {"format", "csv"},
                         {"mediatype", "text/csv"},
                         {"encoding", "utf-8"},
                         {"profile", "tabular-data-resource"},
                         {"rows", rows},
                         {"schema", std::move(table_schema)}});
  }
  const nlohmann::json package{
      {"name", "gapfill_directory"},
      {"title", "Mutual aid networks (Gapfill directory)"},
      {"description",
       "The listed networks of this Gapfill server in the tabular form of the Open Referral "
       "Human Services Data Specification (HSDS) 3.1: one network is one organization with one "
       "service."},
      {"profile", "tabular-data-package"},
      {"hsds_version", kVersion},
      {"homepage", "https://docs.openreferral.org/en/latest/"},
      {"resources", std::move(resources)}};
  return package.dump(2) + "\n";
}

}  // namespace gapfill::domain::hsds
