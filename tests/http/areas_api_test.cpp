// Service areas over real HTTP: networks with a GeoJSON polygon, bad GeoJSON
// answered 422 naming the problem, an admin changing the area, and
// GET /api/v1/networks/serving.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using error_tests::bearer;
using error_tests::error_fields;
using error_tests::expect_error;
using nlohmann::json;

// A box around Missoula (about 46.80..46.95 N, 114.15..113.85 W).
json missoula_box() {
  return {{"type", "Polygon"},
          {"coordinates",
           {{{-114.15, 46.80},
             {-113.85, 46.80},
             {-113.85, 46.95},
             {-114.15, 46.95},
             {-114.15, 46.80}}}}};
}

// Fiji, split at the antimeridian.
json fiji() {
  return {{"type", "MultiPolygon"},
          {"coordinates",
           {{{{177, -20}, {180, -20}, {180, -15}, {177, -15}, {177, -20}}},
            {{{-180, -20}, {-178, -20}, {-178, -15}, {-180, -15}, {-180, -20}}}}}};
}

json polygon_network(const std::string& slug, const json& geojson) {
  json body = network_body(slug);
  body["area"] = {{"geojson", geojson}};
  return body;
}

std::string field_text(const HttpResult& result, const std::string& field) {
  const json body = result.json();
  if (!body.contains("error") || !body["error"].contains("fields")) return "";
  return body["error"]["fields"].value(field, "");
}

using AreaApiTest = ApiTest;

TEST_F(AreaApiTest, CreatesANetworkWithAPolygonArea) {
  const json feature = {
      {"type", "Feature"}, {"properties", json::object()}, {"geometry", missoula_box()}};
  const auto created =
      client->post("/api/v1/networks", polygon_network("missoula", feature), account_session());
  ASSERT_EQ(created.status, 201) << created.body;
  const json area = created.json()["network"]["area"];
  EXPECT_EQ(area["kind"], "polygon");
  EXPECT_EQ(area["geojson"], missoula_box()) << area;  // the canonical geometry, not the Feature
  EXPECT_NEAR(area["lat"].get<double>(), 46.875, 0.001);
  EXPECT_NEAR(area["lon"].get<double>(), -114.0, 0.001);
  EXPECT_GT(area["radius_km"].get<double>(), 13);
  EXPECT_LT(area["radius_km"].get<double>(), 15);
  // Kept across a restart (the store and the cache of shapes).
  server->restart();
  HttpClient again(server->port());
  const auto fetched = again.get("/api/v1/networks/missoula");
  ASSERT_EQ(fetched.status, 200) << fetched.body;
  EXPECT_EQ(fetched.json()["area"], area);
  const auto serving = again.get("/api/v1/networks/serving?lat=46.9&lon=-114.1");
  ASSERT_EQ(serving.status, 200) << serving.body;
  ASSERT_EQ(serving.json()["serving"].size(), 2u) << serving.body;  // missoula and riverside
  EXPECT_EQ(serving.json()["serving"][0]["slug"], "missoula");      // the smaller area first
}

TEST_F(AreaApiTest, BadGeoJsonIs422NamingTheProblem) {
  struct Case {
    json geojson;
    std::string expected;  // in the message for area.geojson
  };
  const std::vector<Case> cases = {
      {{{"type", "Polygon"}, {"coordinates", {{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}}},
       "ring is not closed (its last position must equal its first) (at coordinates[0])"},
      {{{"type", "Polygon"}, {"coordinates", {{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}}}},
       "self-intersection near (0.5, 0.5)"},
      {{{"type", "Polygon"}, {"coordinates", {{{0, 0}, {1, 0}, {0, 0}}}}},
       "a linear ring needs at least 4 positions (at coordinates[0])"},
      {{{"type", "Polygon"}, {"coordinates", {{{0, 0}, {200, 0}, {1, 1}, {0, 0}}}}},
       "longitude must be between -180 and 180 (at coordinates[0][1])"},
      {{{"type", "Polygon"},
        {"coordinates", {{{179, 0}, {-179, 0}, {-179, 1}, {179, 1}, {179, 0}}}}},
       "crosses the antimeridian: split it into a MultiPolygon (RFC 7946 3.1.9)"},
      {{{"type", "Point"}, {"coordinates", {0, 0}}},
       "must be Polygon, MultiPolygon, Feature or FeatureCollection (at type)"},
      {{{"type", "Feature"}, {"geometry", {{"type", "LineString"}}}},
       "must be Polygon or MultiPolygon (at geometry.type)"},
  };
  for (const Case& c : cases) {
    const auto result =
        client->post("/api/v1/networks", polygon_network("bad-area", c.geojson), account_session());
    expect_error(result, 422, "invalid", c.expected);
    EXPECT_EQ(error_fields(result), std::set<std::string>{"area.geojson"}) << result.body;
    EXPECT_NE(field_text(result, "area.geojson").find(c.expected), std::string::npos)
        << c.expected << " in " << result.body;
  }
  // Not an object at all: a type error, as for any field.
  json text_body = network_body("bad-area");
  text_body["area"] = {{"geojson", "POLYGON((0 0, 1 0, 1 1, 0 0))"}};
  const auto text = client->post("/api/v1/networks", text_body, account_session());
  expect_error(text, 422, "invalid", "geojson as text");
  EXPECT_EQ(error_fields(text), std::set<std::string>{"area.geojson"}) << text.body;
  // A circle and a polygon at once.
  json both = network_body("bad-area");
  both["area"]["geojson"] = missoula_box();
  const auto mixed = client->post("/api/v1/networks", both, account_session());
  expect_error(mixed, 422, "invalid", "circle and polygon");
  EXPECT_EQ(error_fields(mixed), std::set<std::string>{"area"}) << mixed.body;
  // "serving" is the route's name, not a slug.
  const auto reserved =
      client->post("/api/v1/networks", network_body("serving"), account_session());
  expect_error(reserved, 422, "invalid", "reserved slug");
}

TEST_F(AreaApiTest, OnlyAnAdminChangesTheAreaAndItIsAudited) {
  const std::string admin = sign_in_new_admin(*server, *client, "riverside", "admin@example.org");
  const json body = {{"geojson", fiji()}};
  // Nobody signed in: 401; a signed-in stranger: 403.
  expect_error(client->request("PUT", "/api/v1/networks/riverside/area", body.dump()), 401,
               "unauthorized", "anonymous");
  const std::string stranger = sign_in_new_account(*client, "stranger@example.org");
  expect_error(
      client->request("PUT", "/api/v1/networks/riverside/area", body.dump(), bearer(stranger)), 403,
      "forbidden", "stranger");
  // A bad body is 422 for anyone, naming the field without the "area." prefix.
  const auto bad = client->request("PUT", "/api/v1/networks/riverside/area",
                                   json{{"geojson", {{"type", "Polygon"}}}}.dump(), bearer(admin));
  expect_error(bad, 422, "invalid", "no coordinates");
  EXPECT_EQ(error_fields(bad), std::set<std::string>{"geojson"});
  expect_error(client->request("PUT", "/api/v1/networks/nowhere/area", body.dump(), bearer(admin)),
               404, "not_found", "unknown network");

  const auto changed =
      client->request("PUT", "/api/v1/networks/riverside/area", body.dump(), bearer(admin));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["network"]["area"]["kind"], "polygon");
  EXPECT_EQ(changed.json()["network"]["area"]["geojson"]["type"], "MultiPolygon");
  // Both sides of the antimeridian are served.
  for (const char* point :
       {"lat=-17.7&lon=178", "lat=-17.7&lon=-179", "lat=-17.7&lon=180", "lat=-17.7&lon=-180"}) {
    const auto serving = client->get(std::string("/api/v1/networks/serving?") + point);
    ASSERT_EQ(serving.status, 200) << serving.body;
    ASSERT_EQ(serving.json()["serving"].size(), 1u) << point << serving.body;
    EXPECT_EQ(serving.json()["serving"][0]["slug"], "riverside");
  }
  // The old circle no longer serves Missoula.
  EXPECT_TRUE(
      client->get("/api/v1/networks/serving?lat=46.87&lon=-113.99").json()["serving"].empty());

  // Back to a circle.
  const auto circle = client->request(
      "PUT", "/api/v1/networks/riverside/area",
      json{{"lat", 46.87}, {"lon", -113.99}, {"radius_km", 30}}.dump(), bearer(admin));
  ASSERT_EQ(circle.status, 200) << circle.body;
  EXPECT_EQ(circle.json()["network"]["area"],
            json({{"kind", "circle"}, {"lat", 46.87}, {"lon", -113.99}, {"radius_km", 30}}));

  const auto audit = client->get("/api/v1/networks/riverside/audit", admin);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("area_changed"), std::string::npos) << audit.body;
  EXPECT_NE(audit.body.find("area=polygon polygons=2 vertices=10"), std::string::npos)
      << audit.body;
}

TEST_F(AreaApiTest, ServingAnswersServingAndNearWithDistances) {
  // riverside: a 40 km circle around Missoula. A polygon network far away, and
  // an unlisted one that must never show.
  ASSERT_EQ(
      client->post("/api/v1/networks", polygon_network("fiji", fiji()), account_session()).status,
      201);
  json unlisted = network_body("hidden");
  unlisted["listed"] = false;
  ASSERT_EQ(client->post("/api/v1/networks", unlisted, account_session()).status, 201);

  const auto inside = client->get("/api/v1/networks/serving?lat=46.87&lon=-113.99");
  ASSERT_EQ(inside.status, 200) << inside.body;
  EXPECT_TRUE(inside.json()["place"].is_null());
  ASSERT_EQ(inside.json()["serving"].size(), 1u) << inside.body;
  EXPECT_EQ(inside.json()["serving"][0]["slug"], "riverside");
  EXPECT_EQ(inside.json()["serving"][0]["distance_km"], 0);
  EXPECT_TRUE(inside.json()["near"].empty());

  // Helena is about 152 km from Missoula: 112 km beyond the circle's edge.
  const auto helena = client->get("/api/v1/networks/serving?lat=46.5891&lon=-112.0391&near_km=200");
  ASSERT_EQ(helena.status, 200) << helena.body;
  EXPECT_TRUE(helena.json()["serving"].empty());
  ASSERT_EQ(helena.json()["near"].size(), 1u) << helena.body;
  EXPECT_NEAR(helena.json()["near"][0]["distance_km"].get<double>(), 112, 3);
  // Beyond the default 100 km: nothing near.
  EXPECT_TRUE(
      client->get("/api/v1/networks/serving?lat=46.5891&lon=-112.0391").json()["near"].empty());

  // By place name or ZIP, resolved on the server; only the gazetteer's name comes back.
  const auto by_zip = client->get("/api/v1/networks/serving?place=59801");
  ASSERT_EQ(by_zip.status, 200) << by_zip.body;
  EXPECT_NE(by_zip.json()["place"]["display"].get<std::string>().find("Missoula"),
            std::string::npos);
  EXPECT_EQ(by_zip.json()["serving"].size(), 1u);
  const auto by_name = client->get("/api/v1/networks/serving?place=Missoula%2C%20MT");
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  EXPECT_EQ(by_name.json()["serving"].size(), 1u);
  const auto ambiguous = client->get("/api/v1/networks/serving?place=Portland");
  ASSERT_EQ(ambiguous.status, 200) << ambiguous.body;
  EXPECT_GE(ambiguous.json()["choices"].size(), 2u) << ambiguous.body;

  // Bad queries: 400 naming the parameter; an unknown place 422.
  expect_error(client->get("/api/v1/networks/serving"), 400, "malformed", "nothing");
  expect_error(client->get("/api/v1/networks/serving?lat=91&lon=0"), 400, "malformed", "lat");
  expect_error(client->get("/api/v1/networks/serving?lat=1"), 400, "malformed", "lat alone");
  expect_error(client->get("/api/v1/networks/serving?lat=1&lon=1&place=x"), 400, "malformed",
               "both");
  expect_error(client->get("/api/v1/networks/serving?lat=1&lon=1&near_km=9999"), 400, "malformed",
               "near_km");
  expect_error(client->get("/api/v1/networks/serving?lat=1&lon=1&x=1"), 400, "malformed",
               "unknown");
  const auto unknown = client->get("/api/v1/networks/serving?place=Qqqqqzzzx");
  expect_error(unknown, 422, "invalid", "unknown place");
  EXPECT_EQ(error_fields(unknown), std::set<std::string>{"place"});
  EXPECT_EQ(unknown.body.find("Qqqqqzzzx"), std::string::npos) << "the typed place is not echoed";
}

}  // namespace
}  // namespace gapfill::testing
