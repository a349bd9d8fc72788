// Service areas on the pages: the admin's area form (a place or ZIP code and
// a radius, or pasted GeoJSON; admins only) and the home page's search by
// place name or ZIP code.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

class AreaPagesTest : public ApiTest {
 protected:
  std::unique_ptr<PageClient> admin() {
    auto browser = std::make_unique<PageClient>(server->port());
    browser->set_cookie("gf_session",
                        sign_in_new_admin(*server, *client, "riverside", "dana@example.org"));
    return browser;
  }
  static bool has(const HttpResult& result, const std::string& text) {
    return result.body.find(text) != std::string::npos;
  }
  nlohmann::json area() { return client->get("/api/v1/networks/riverside").json()["area"]; }
};

TEST_F(AreaPagesTest, OnlyAdminsSeeAndUseTheAreaForm) {
  PageClient anonymous(server->port());
  EXPECT_EQ(anonymous.get("/n/riverside/admin/area").status, 401);
  PageClient stranger(server->port());
  stranger.set_cookie("gf_session", sign_in_new_account(*client, "stranger@example.org"));
  EXPECT_EQ(stranger.get("/n/riverside/admin/area").status, 403);
  stranger.get("/n/riverside/ask");  // a CSRF cookie and token of its own
  EXPECT_EQ(
      stranger.post("/n/riverside/admin/area", {{"place", "59801"}, {"radius_km", "10"}}).status,
      403);
  EXPECT_EQ(area()["radius_km"], 40);

  auto browser = admin();
  const auto admin_page = browser->get("/n/riverside/admin");
  EXPECT_TRUE(has(admin_page, "/n/riverside/admin/area")) << "the admin page links to the form";
  const auto page = browser->get("/n/riverside/admin/area");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "name=\"geojson\""));
  EXPECT_TRUE(has(page, "data-map"));
  EXPECT_EQ(
      browser->post("/n/riverside/admin/area", {{"place", "59801"}, {"radius_km", "10"}}, false)
          .status,
      403)
      << "no CSRF token";
}

TEST_F(AreaPagesTest, AnAdminSetsTheAreaByZipOrPlaceOrGeoJson) {
  auto browser = admin();
  browser->get("/n/riverside/admin/area");
  const auto by_zip =
      browser->post("/n/riverside/admin/area", {{"place", "59801"}, {"radius_km", "12"}});
  ASSERT_EQ(by_zip.status, 303) << by_zip.body;
  EXPECT_EQ(location_of(by_zip), "/n/riverside/admin/area?done=area");
  EXPECT_EQ(area()["kind"], "circle");
  EXPECT_EQ(area()["radius_km"], 12);
  EXPECT_NEAR(area()["lat"].get<double>(), 46.87, 0.1);

  // An ambiguous name asks which place is meant; choosing one saves it.
  const auto ambiguous =
      browser->post("/n/riverside/admin/area", {{"place", "Portland"}, {"radius_km", "20"}});
  ASSERT_EQ(ambiguous.status, 200) << ambiguous.body;
  EXPECT_TRUE(has(ambiguous, "name=\"point\"")) << ambiguous.body;
  EXPECT_TRUE(has(ambiguous, "Portland, OR"));
  const auto chosen = browser->post("/n/riverside/admin/area",
                                    {{"point", "43.66147,-70.25533"}, {"radius_km", "20"}});
  ASSERT_EQ(chosen.status, 303) << chosen.body;
  EXPECT_NEAR(area()["lon"].get<double>(), -70.255, 0.01);

  // GeoJSON: the problem is named beside the field, and nothing changes.
  const auto bad = browser->post(
      "/n/riverside/admin/area",
      {{"geojson", R"({"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]})"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(has(bad, "self-intersection near (0.5, 0.5)")) << bad.body;
  EXPECT_TRUE(has(bad, "id=\"geojson-error\""));
  EXPECT_EQ(area()["kind"], "circle");
  const auto good = browser->post(
      "/n/riverside/admin/area",
      {{"geojson",
        R"({"type":"Polygon","coordinates":[[[-114.15,46.8],[-113.85,46.8],[-113.85,46.95],[-114.15,46.95],[-114.15,46.8]]]})"}});
  ASSERT_EQ(good.status, 303) << good.body;
  EXPECT_EQ(area()["kind"], "polygon");
  const auto shown = browser->get("/n/riverside/admin/area?done=area");
  EXPECT_TRUE(has(shown, "data-geojson=\"{")) << "the polygon is drawn on the map";

  // Unknown places and missing radii are named.
  const auto unknown =
      browser->post("/n/riverside/admin/area", {{"place", "Qqqqqzzzx"}, {"radius_km", ""}});
  ASSERT_EQ(unknown.status, 422);
  EXPECT_TRUE(has(unknown, "id=\"place-error\""));
  EXPECT_TRUE(has(unknown, "id=\"radius_km-error\""));
}

TEST_F(AreaPagesTest, TheHomeSearchTakesAPlaceOrZipCode) {
  PageClient browser(server->port());
  // riverside is a 40 km circle around Missoula.
  const auto zip = browser.get("/?q=59801");
  ASSERT_EQ(zip.status, 200);
  EXPECT_TRUE(has(zip, "Serves 59801 Missoula, MT")) << zip.body;
  const auto helena = browser.get("/?q=Helena%2C%20MT");
  ASSERT_EQ(helena.status, 200);
  EXPECT_TRUE(has(helena, "No listed network serves Helena, MT yet.")) << helena.body;
  EXPECT_TRUE(has(helena, "km away"));
  const auto ambiguous = browser.get("/?q=Portland");
  EXPECT_TRUE(has(ambiguous, "Which place do you mean?")) << ambiguous.body;
  EXPECT_TRUE(has(ambiguous, "/?lat="));
  // A network's own name still finds the network by name.
  const auto by_name = browser.get("/?q=Riverside");
  EXPECT_TRUE(has(by_name, "Networks matching your search")) << by_name.body;
}

}  // namespace
}  // namespace gapfill::testing
