#pragma once
// The directory in the tabular form of the Open Referral Human Services Data
// Specification (HSDS) 3.1: one CSV per object and a datapackage.json that
// describes them. One listed network is one organization with one service;
// its area is a service_area whose extent is GeoJSON; its page a virtual
// location; its languages, languages. Only public facts of the network go
// here (its own public contact, never anyone's personal data).

#include <string>
#include <vector>

#include "domain/services.hpp"
#include "engine/geo.hpp"

namespace gapfill::domain::hsds {

inline constexpr const char* kVersion = "3.1";

struct Table {
  std::string name;  // the HSDS object: "organization"
  std::string path;  // its file: "organizations.csv"
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// The five tables, in order: organizations, services, service_areas,
// locations, languages. `base_url` ("https://aid.example", no trailing
// slash) makes the network page URLs; when empty, URL fields stay empty.
std::vector<Table> tables(const std::vector<DirectoryEntry>& entries, const std::string& base_url);

// The table as RFC 4180 CSV: a header record, then one record per row.
std::string to_csv(const Table& table);

// The Tabular Data Package descriptor of `tables`, as JSON text.
std::string datapackage(const std::vector<Table>& tables);

// The file names the export writes: datapackage.json and each table's path.
std::vector<std::string> file_names();

// A closed ring of `vertices` points (plus the first repeated) at
// `radius_km` around `centre` on the sphere, counter-clockwise as GeoJSON
// wants; longitudes wrap into -180..180.
std::vector<geo::Point> circle_ring(geo::Point centre, double radius_km, int vertices = 64);

// The circle as a GeoJSON Polygon (text).
std::string circle_geojson(geo::Point centre, double radius_km);

// A UUID derived from the network's public UUID and `part` ("service",
// "language:es"): stable across exports, unique per network and part.
std::string derived_uuid(const std::string& public_uuid, const std::string& part);

}  // namespace gapfill::domain::hsds
