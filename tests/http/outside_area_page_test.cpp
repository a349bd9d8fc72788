// The ask form's out-of-area notice, over real HTTP: a request whose place
// lies outside the network's area is not sent at once; the form comes back
// with what was typed, says so, links the listed networks that cover the
// place, and sends it here when sent again unchanged.

#include <gtest/gtest.h>

#include <regex>

#include "http/decode.hpp"
#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

class OutsideAreaTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    add_network("rogue", "Rogue Valley Mutual Aid", 42.33, -122.87, 20, true);
    add_network("ashland", "Ashland Neighbours", 42.19, -122.71, 25, true);
    add_network("quiet", "Unlisted Medford Circle", 42.33, -122.87, 20, false);
  }
  void add_network(const std::string& slug, const std::string& name, double lat, double lon,
                   double radius_km, bool listed) {
    nlohmann::json body = network_body(slug);
    body["name"] = name;
    body["area"] = {{"lat", lat}, {"lon", lon}, {"radius_km", radius_km}};
    body["listed"] = listed;
    http::Request request;
    request.body = body.dump();
    const auto draft = http::decode_network(request);
    ASSERT_TRUE(draft) << draft.error().message;
    ASSERT_TRUE(server->app().services().networks().create(*draft));
  }
  FormFields asking_from(const std::string& place) {
    FormFields fields = ask_fields("Groceries this week");
    for (auto& [name, value] : fields) {
      if (name == "place") value = place;
    }
    return fields;
  }
  std::size_t open_posts() {
    return client->get("/api/v1/networks/riverside/posts?limit=100").json()["items"].size();
  }
};

std::string hidden_value(const std::string& html, const std::string& name) {
  const std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch match;
  return std::regex_search(html, match, field) ? match[1].str() : "";
}

TEST_F(OutsideAreaTest, APlaceOutsideTheAreaIsNotSentAtOnceAndOthersAreSuggested) {
  PageClient browser(server->port());
  ASSERT_EQ(browser.get("/n/riverside/ask").status, 200);
  const auto page = browser.post("/n/riverside/ask", asking_from("Medford, OR"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(open_posts(), 0u);
  EXPECT_NE(page.body.find("id=\"outside-area\""), std::string::npos);
  EXPECT_NE(page.body.find("Medford, OR looks outside the area Riverside Mutual Aid covers"),
            std::string::npos);
  // The listed networks covering Medford, the most local (smallest area) first;
  // never an unlisted one.
  const auto rogue = page.body.find("href=\"/n/rogue/ask\">Rogue Valley Mutual Aid");
  const auto ashland = page.body.find("href=\"/n/ashland/ask\">Ashland Neighbours");
  ASSERT_NE(rogue, std::string::npos);
  ASSERT_NE(ashland, std::string::npos);
  EXPECT_LT(rogue, ashland);
  EXPECT_EQ(page.body.find("/n/quiet"), std::string::npos);
  // What was typed is kept, and the button now says where it goes.
  EXPECT_NE(page.body.find("value=\"Medford, OR\""), std::string::npos);
  EXPECT_NE(page.body.find("Groceries this week"), std::string::npos);
  EXPECT_NE(page.body.find(">Send it to Riverside Mutual Aid</button>"), std::string::npos);

  // Sent again unchanged, it goes here.
  FormFields again = asking_from("Medford, OR");
  again.emplace_back("outside_ok", hidden_value(page.body, "outside_ok"));
  const auto sent = browser.post("/n/riverside/ask", again);
  EXPECT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(open_posts(), 1u);
}

TEST_F(OutsideAreaTest, ANetworkWhosePolygonHoldsThePlaceIsSuggested) {
  nlohmann::json body = network_body("josephine");
  body["name"] = "Josephine County Aid";
  body["area"] = {
      {"geojson",
       {{"type", "Polygon"},
        {"coordinates",
         {{{-123.6, 42.3}, {-123.1, 42.3}, {-123.1, 42.6}, {-123.6, 42.6}, {-123.6, 42.3}}}}}}};
  http::Request request;
  request.body = body.dump();
  const auto draft = http::decode_network(request);
  ASSERT_TRUE(draft) << draft.error().message;
  ASSERT_TRUE(server->app().services().networks().create(*draft));

  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  const auto page = browser.post("/n/riverside/ask", asking_from("Grants Pass, OR"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("href=\"/n/josephine/ask\">Josephine County Aid"), std::string::npos);
  // Medford lies outside that polygon (east of it), though near it.
  const auto medford = browser.post("/n/riverside/ask", asking_from("Medford, OR"));
  EXPECT_EQ(medford.body.find("/n/josephine/ask"), std::string::npos);
}

TEST_F(OutsideAreaTest, ChangingThePlaceChecksItAgain) {
  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  const auto page = browser.post("/n/riverside/ask", asking_from("Medford, OR"));
  ASSERT_EQ(page.status, 200);
  FormFields moved = asking_from("Ashland, OR");
  moved.emplace_back("outside_ok", hidden_value(page.body, "outside_ok"));
  const auto again = browser.post("/n/riverside/ask", moved);
  EXPECT_EQ(again.status, 200);
  EXPECT_NE(again.body.find("Ashland, OR looks outside"), std::string::npos);
  EXPECT_EQ(open_posts(), 0u);
  // Moved inside the area: sent at once.
  FormFields inside = asking_from("Lolo, MT");
  inside.emplace_back("outside_ok", hidden_value(again.body, "outside_ok"));
  EXPECT_EQ(browser.post("/n/riverside/ask", inside).status, 303);
  EXPECT_EQ(open_posts(), 1u);
}

TEST_F(OutsideAreaTest, APinOutsideTheAreaAndAPlaceNoNetworkCovers) {
  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  FormFields pinned = asking_from("by the river");
  pinned.emplace_back("lat", "45.52");
  pinned.emplace_back("lon", "-122.68");  // Portland, OR: no network here covers it
  const auto page = browser.post("/n/riverside/ask", pinned);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("The place on the map looks outside"), std::string::npos);
  EXPECT_NE(page.body.find("We know of no other network that covers it"), std::string::npos);
  // Unknown text and no pin: the network's centre, sent at once.
  EXPECT_EQ(browser.post("/n/riverside/ask", asking_from("by the river")).status, 303);
  // Offers are not asked about.
  browser.get("/n/riverside/offer");
  FormFields offer = asking_from("Medford, OR");
  EXPECT_EQ(browser.post("/n/riverside/offer", offer).status, 303);
}

}  // namespace
}  // namespace gapfill::testing
