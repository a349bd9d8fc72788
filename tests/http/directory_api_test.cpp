// The directory over real HTTP: GET /api/v1/directory, the HSDS 3.1 export
// (datapackage.json and its CSV files, parsed back per RFC 4180), a
// network's public contact (at creation and PATCH .../contact by its admin),
// and a new network's chosen categories.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using error_tests::error_fields;
using nlohmann::json;
using DirectoryApiTest = ApiTest;
using Rows = std::vector<std::map<std::string, std::string>>;

// RFC 4180: quoted fields may hold commas, CRLF and doubled quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field";
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "an unterminated quoted field";
  EXPECT_TRUE(record.empty() && field.empty()) << "the last record lacks its CRLF";
  return records;
}

Rows csv_rows(HttpClient& client, const std::string& file) {
  const auto result = client.get("/api/v1/directory/hsds/" + file);
  EXPECT_EQ(result.status, 200) << file << " " << result.body;
  EXPECT_EQ(result.headers.at("content-type").rfind("text/csv", 0), 0u) << file;
  const auto records = parse_csv(result.body);
  Rows rows;
  if (records.empty()) return rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), records[0].size()) << file << " record " << r;
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < records[0].size() && c < records[r].size(); ++c) {
      row[records[0][c]] = records[r][c];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (text[i] == '-')) return false;
    if (!dash && std::string("0123456789abcdef").find(text[i]) == std::string::npos) return false;
  }
  return true;
}

// A network whose text has every CSV hazard: commas, quotes, newlines and
// non-ASCII.
json tricky_network(const std::string& slug, bool listed) {
  json body = network_body(slug);
  body["name"] = "Ayuda \"Mutua\", Señora Ñ";
  body["description"] = "Línea uno, con coma\r\nLínea \"dos\"\nLínea tres — 中文";
  body["languages"] = {"es", "en", "vi"};
  body["listed"] = listed;
  body["categories"] = {"food", "housing"};
  body["contact"] = {{"email", "hola@ayuda.example"},
                     {"website", "https://ayuda.example/red?x=1,2"},
                     {"phone", "+1 (406) 555-0100"}};
  return body;
}

TEST_F(DirectoryApiTest, ListsListedNetworksWithLanguagesCategoriesAndContact) {
  ASSERT_EQ(
      client->post("/api/v1/networks", tricky_network("ayuda", true), account_session()).status,
      201);
  ASSERT_EQ(
      client->post("/api/v1/networks", tricky_network("hidden", false), account_session()).status,
      201);
  const auto result = client->get("/api/v1/directory");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.headers.at("cache-control"), "public, max-age=300");
  const json items = result.json()["items"];
  ASSERT_EQ(items.size(), 2u) << items;  // ayuda and riverside; not hidden
  const json& ayuda = items[0];
  EXPECT_EQ(ayuda["slug"], "ayuda");
  EXPECT_TRUE(is_uuid(ayuda["id"].get<std::string>())) << ayuda["id"];
  EXPECT_EQ(ayuda["name"], "Ayuda \"Mutua\", Señora Ñ");
  EXPECT_EQ(ayuda["area"]["kind"], "circle");
  EXPECT_EQ(ayuda["languages"][0], json({{"code", "es"}, {"name", "Español"}}));
  EXPECT_EQ(ayuda["languages"][2]["name"], "Tiếng Việt");
  ASSERT_EQ(ayuda["categories"].size(), 2u);
  EXPECT_EQ(ayuda["categories"][0]["key"], "food");
  EXPECT_EQ(ayuda["categories"][1]["key"], "housing");
  EXPECT_EQ(ayuda["contact"]["website"], "https://ayuda.example/red?x=1,2");
  EXPECT_EQ(ayuda["path"], "/n/ayuda");
  EXPECT_EQ(items[1]["slug"], "riverside");
  EXPECT_EQ(items[1]["categories"].size(), 11u);
  EXPECT_EQ(items[1]["contact"], json({{"email", ""}, {"website", ""}, {"phone", ""}}));
  EXPECT_EQ(result.body.find("hidden"), std::string::npos);
}

TEST_F(DirectoryApiTest, HsdsExportParsesBackWithRequiredFieldsAndNoUnlistedNetwork) {
  ASSERT_EQ(
      client->post("/api/v1/networks", tricky_network("ayuda", true), account_session()).status,
      201);
  ASSERT_EQ(
      client->post("/api/v1/networks", tricky_network("hidden", false), account_session()).status,
      201);
  // Personal data in a post must never reach the export.
  create_post(endpoint_tests::private_request());

  const auto package = client->get("/api/v1/directory/hsds/datapackage.json");
  ASSERT_EQ(package.status, 200) << package.body;
  const json descriptor = package.json();
  EXPECT_EQ(descriptor["profile"], "tabular-data-package");
  EXPECT_EQ(descriptor["hsds_version"], "3.1");
  std::vector<std::string> paths;
  for (const json& resource : descriptor["resources"]) paths.push_back(resource["path"]);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"organizations.csv", "services.csv", "service_areas.csv",
                                      "locations.csv", "languages.csv"}));

  const Rows organizations = csv_rows(*client, "organizations.csv");
  ASSERT_EQ(organizations.size(), 2u);
  const auto& ayuda = organizations[0];
  EXPECT_TRUE(is_uuid(ayuda.at("id")));
  EXPECT_EQ(ayuda.at("name"), "Ayuda \"Mutua\", Señora Ñ");
  EXPECT_EQ(ayuda.at("alternate_name"), "ayuda");
  EXPECT_EQ(ayuda.at("description"), "Línea uno, con coma\r\nLínea \"dos\"\nLínea tres — 中文");
  EXPECT_EQ(ayuda.at("email"), "hola@ayuda.example");
  EXPECT_EQ(ayuda.at("website"), "https://ayuda.example/red?x=1,2");
  EXPECT_FALSE(organizations[1].at("description").empty());  // required by HSDS

  const Rows services = csv_rows(*client, "services.csv");
  ASSERT_EQ(services.size(), 2u);
  EXPECT_TRUE(is_uuid(services[0].at("id")));
  EXPECT_EQ(services[0].at("organization_id"), ayuda.at("id"));
  EXPECT_EQ(services[0].at("status"), "active");
  EXPECT_FALSE(services[0].at("name").empty());

  const Rows areas = csv_rows(*client, "service_areas.csv");
  ASSERT_EQ(areas.size(), 2u);
  EXPECT_EQ(areas[0].at("service_id"), services[0].at("id"));
  EXPECT_EQ(areas[0].at("extent_type"), "geojson");
  const json extent = json::parse(areas[0].at("extent"));
  EXPECT_EQ(extent["type"], "Polygon");
  ASSERT_EQ(extent["coordinates"][0].size(), 65u);  // 64 vertices, closed
  EXPECT_EQ(extent["coordinates"][0][0], extent["coordinates"][0][64]);
  EXPECT_NE(areas[0].at("description").find("40 km"), std::string::npos);

  const Rows locations = csv_rows(*client, "locations.csv");
  ASSERT_EQ(locations.size(), 2u);
  EXPECT_EQ(locations[0].at("location_type"), "virtual");
  EXPECT_EQ(locations[0].at("organization_id"), ayuda.at("id"));

  const Rows languages = csv_rows(*client, "languages.csv");
  ASSERT_EQ(languages.size(), 5u);  // es, en, vi + en, es
  EXPECT_EQ(languages[0].at("code"), "es");
  EXPECT_EQ(languages[0].at("name"), "Español");
  EXPECT_EQ(languages[0].at("service_id"), services[0].at("id"));

  // Ids are stable from one export to the next, and every one is distinct.
  EXPECT_EQ(csv_rows(*client, "services.csv")[0].at("id"), services[0].at("id"));
  std::set<std::string> ids;
  for (const Rows& table : {organizations, services, areas, locations, languages}) {
    for (const auto& row : table) {
      EXPECT_TRUE(is_uuid(row.at("id"))) << row.at("id");
      ids.insert(row.at("id"));
    }
  }
  EXPECT_EQ(ids.size(), 2u + 2u + 2u + 2u + 5u);

  for (const char* file : {"organizations.csv", "services.csv", "service_areas.csv",
                           "locations.csv", "languages.csv", "datapackage.json"}) {
    const std::string body = client->get(std::string("/api/v1/directory/hsds/") + file).body;
    EXPECT_EQ(body.find("hidden"), std::string::npos) << file;
    for (const char* personal :
         {"secret-details-marker", "Zebulon", "zq.private", "blue house", "Warm coats"}) {
      EXPECT_EQ(body.find(personal), std::string::npos) << personal << " in " << file;
    }
  }
  EXPECT_EQ(client->get("/api/v1/directory/hsds/secrets.csv").status, 404);
  EXPECT_EQ(client->get("/api/v1/directory/hsds/..%2Fgapfill.db").status, 404);
}

TEST_F(DirectoryApiTest, ADrawnAreaIsListedAndExportedAsItsPolygon) {
  json body = network_body("drawn");
  const json square = {
      {"type", "Polygon"},
      {"coordinates",
       {{{-114.2, 46.8}, {-113.8, 46.8}, {-113.8, 47.0}, {-114.2, 47.0}, {-114.2, 46.8}}}}};
  body["area"] = {{"geojson", square}};
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);

  const json items = client->get("/api/v1/directory").json()["items"];
  const json* drawn = nullptr;
  for (const json& item : items) {
    if (item["slug"] == "drawn") drawn = &item;
  }
  ASSERT_NE(drawn, nullptr) << items;
  EXPECT_EQ((*drawn)["area"]["kind"], "polygon");
  EXPECT_EQ((*drawn)["area"]["geojson"]["type"], "Polygon");

  for (const auto& area : csv_rows(*client, "service_areas.csv")) {
    const json extent = json::parse(area.at("extent"));
    if (extent["coordinates"][0].size() != 5u) continue;  // the circles
    EXPECT_EQ(extent["type"], "Polygon");
    EXPECT_EQ(extent["coordinates"][0][0], json::array({-114.2, 46.8}));
    EXPECT_NE(area.at("description").find("GeoJSON"), std::string::npos);
    return;
  }
  ADD_FAILURE() << "the drawn area is not in service_areas.csv";
}

TEST_F(DirectoryApiTest, CreationValidatesContactAndCategories) {
  json body = network_body("checked");
  body["contact"] = {
      {"email", "not an address"}, {"website", "javascript:alert(1)"}, {"phone", "call me"}};
  body["categories"] = {"food", "weapons", "spaceships"};
  const auto refused = client->post("/api/v1/networks", body, account_session());
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_fields(refused), (std::set<std::string>{"contact.email", "contact.website",
                                                          "contact.phone", "categories"}));
  const json fields = refused.json()["error"]["fields"];
  EXPECT_NE(fields["categories"].dump().find("weapons, spaceships"), std::string::npos) << fields;

  body = network_body("checked");
  body["categories"] = json::array();
  EXPECT_EQ(error_fields(client->post("/api/v1/networks", body, account_session())),
            (std::set<std::string>{"categories"}));
  body["categories"] = "food";
  EXPECT_EQ(client->post("/api/v1/networks", body, account_session()).status, 422);
  body = network_body("checked");
  body["contact"] = {{"fax", "1"}};
  EXPECT_EQ(error_fields(client->post("/api/v1/networks", body, account_session())),
            (std::set<std::string>{"contact.fax"}));

  body = network_body("checked");
  body["categories"] = {"transport", "food"};
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);
  const json categories = client->get("/api/v1/networks/checked/categories").json()["items"];
  ASSERT_EQ(categories.size(), 2u);
  EXPECT_EQ(categories[0]["key"], "food");  // in the default order
  EXPECT_EQ(categories[1]["key"], "transport");
}

TEST_F(DirectoryApiTest, OnlyTheNetworksAdminChangesItsContact) {
  ASSERT_EQ(client->post("/api/v1/networks", network_body("mine"), account_session()).status, 201);
  const json contact = {{"email", "aid@mine.example"}, {"website", "https://mine.example"}};
  EXPECT_EQ(client->patch("/api/v1/networks/mine/contact", contact).status, 401);
  const std::string stranger = sign_in_new_account(*client, "stranger@example.org");
  EXPECT_EQ(client->patch("/api/v1/networks/mine/contact", contact, stranger).status, 403);
  EXPECT_EQ(client->patch("/api/v1/networks/nowhere/contact", contact, account_session()).status,
            404);
  const auto bad = client->patch("/api/v1/networks/mine/contact",
                                 {{"website", "ftp://x"}, {"email", "@"}}, account_session());
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(error_fields(bad), (std::set<std::string>{"website", "email"}));
  const auto typed =
      client->patch("/api/v1/networks/mine/contact", {{"phone", 5}}, account_session());
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_EQ(error_fields(typed), (std::set<std::string>{"phone"}));

  const auto changed = client->patch("/api/v1/networks/mine/contact", contact, account_session());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(
      changed.json()["contact"],
      json({{"email", "aid@mine.example"}, {"website", "https://mine.example"}, {"phone", ""}}));
  EXPECT_EQ(client->get("/api/v1/networks/mine").json()["contact"]["email"], "aid@mine.example");
  // A part left out stays; "" clears it.
  ASSERT_EQ(
      client->patch("/api/v1/networks/mine/contact", {{"email", ""}}, account_session()).status,
      200);
  EXPECT_EQ(client->get("/api/v1/networks/mine").json()["contact"],
            json({{"email", ""}, {"website", "https://mine.example"}, {"phone", ""}}));
}

}  // namespace
}  // namespace gapfill::testing
