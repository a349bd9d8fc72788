// A place typed instead of a pin on the map, over real HTTP: the API's
// location.text and the ask form's "place" field put the post at the town or
// ZIP code they name (the offline gazetteer), never further off than its
// public grid cell, and leave it at the network's centre when they name none.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::kCentreLat;
using endpoint_tests::kCentreLon;
using nlohmann::json;

class TypedPlaceTest : public ApiTest {
 protected:
  json request_at(const std::string& text) {
    return {{"kind", "request"},
            {"category", "food"},
            {"title", "Groceries this week"},
            {"location", {{"text", text}}}};
  }
  // The public point of a new request whose location is `text` alone.
  json point_for(const std::string& text) {
    const auto [id, token] = create_post(request_at(text));
    return client->get(post_path(id)).json()["location"];
  }
};

// Within a kilometre grid cell of where the place is.
void expect_at(const json& location, double lat, double lon) {
  EXPECT_NEAR(location["lat"].get<double>(), lat, 0.02) << location;
  EXPECT_NEAR(location["lon"].get<double>(), lon, 0.02) << location;
}

TEST_F(TypedPlaceTest, ANameOrZipCodeInTheTextPlacesThePost) {
  expect_at(point_for("Medford, OR"), 42.33, -122.87);
  expect_at(point_for("59801"), 46.86, -114.01);
  expect_at(point_for("12 Elm St, Missoula, MT"), 46.87, -113.99);
  // Of the towns called Portland, the one nearest riverside (Missoula).
  expect_at(point_for("Portland"), 45.52, -122.68);
  // Nothing known: the network's centre, as before.
  expect_at(point_for("behind the blue house on Elm"), kCentreLat, kCentreLon);
}

TEST_F(TypedPlaceTest, APinOnTheMapWinsOverTheText) {
  json body = request_at("Medford, OR");
  body["location"]["lat"] = 46.90;
  body["location"]["lon"] = -114.05;
  const auto [id, token] = create_post(body);
  expect_at(client->get(post_path(id)).json()["location"], 46.90, -114.05);
}

TEST_F(TypedPlaceTest, EditingTheTextMovesThePostAndKeepingItDoesNot) {
  json body = request_at("behind the school");
  body["location"]["lat"] = 46.90;
  body["location"]["lon"] = -114.05;
  const auto [id, token] = create_post(body);
  // The same text again (the edit form always sends it): the pin stays.
  auto patched =
      client->patch(post_path(id), {{"location", {{"text", "behind the school"}}}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  expect_at(patched.json()["location"], 46.90, -114.05);
  // A new text that names a place moves it there.
  patched = client->patch(post_path(id), {{"location", {{"text", "Lolo, MT"}}}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  expect_at(patched.json()["location"], 46.76, -114.08);
  // A new text that names none leaves it where it was.
  patched = client->patch(post_path(id), {{"location", {{"text", "by the river"}}}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  expect_at(patched.json()["location"], 46.76, -114.08);
}

TEST_F(TypedPlaceTest, TheAskFormsPlaceFieldPlacesThePost) {
  PageClient browser(server->port());
  ASSERT_EQ(browser.get("/n/riverside/ask").status, 200);
  FormFields fields = ask_fields("Rides to the clinic");
  for (auto& [name, value] : fields) {
    if (name == "place") value = "Lolo, MT";
  }
  const auto created = browser.post("/n/riverside/ask", fields);
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string manage = location_of(created);
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  expect_at(client->get("/api/v1/posts/" + id).json()["location"], 46.76, -114.08);
  // What was typed stays private.
  EXPECT_EQ(client->get("/api/v1/posts/" + id).body.find("Lolo"), std::string::npos);
}

}  // namespace
}  // namespace gapfill::testing
