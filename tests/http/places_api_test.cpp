// GET /api/v1/places over real HTTP: the gazetteer's typeahead.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;
using PlacesApiTest = ApiTest;

TEST_F(PlacesApiTest, FindsAPlaceByNameAndState) {
  const auto result = client->get("/api/v1/places?q=Missoula%2C%20MT");
  ASSERT_EQ(result.status, 200) << result.body;
  const json body = result.json();
  ASSERT_FALSE(body["items"].empty());
  const json& first = body["items"][0];
  EXPECT_EQ(first["name"], "Missoula");
  EXPECT_EQ(first["display"], "Missoula, MT");
  EXPECT_EQ(first["kind"], "place");
  EXPECT_EQ(first["admin"], "MT");
  EXPECT_EQ(first["country"], "US");
  EXPECT_NEAR(first["lat"].get<double>(), 46.87, 0.05);
  EXPECT_NEAR(first["lon"].get<double>(), -113.99, 0.05);
  EXPECT_FALSE(body["ambiguous"].get<bool>());
  EXPECT_NE(body["attribution"].get<std::string>().find("GeoNames"), std::string::npos);
  EXPECT_EQ(result.headers.at("cache-control"), "public, max-age=86400");
}

TEST_F(PlacesApiTest, ZipCodesAccentsAndAmbiguousNames) {
  const json zip = client->get("/api/v1/places?q=59801").json();
  ASSERT_FALSE(zip["items"].empty());
  EXPECT_EQ(zip["items"][0]["kind"], "postcode");
  EXPECT_EQ(zip["items"][0]["display"], "59801 Missoula, MT");
  EXPECT_EQ(zip["items"][0]["near"], "Missoula");

  const json sao = client->get("/api/v1/places?q=sao+paulo&limit=1").json();
  ASSERT_EQ(sao["items"].size(), 1u);
  EXPECT_EQ(sao["items"][0]["display"], "São Paulo, Brazil");

  const json astoria = client->get("/api/v1/places?q=Astoria&limit=3").json();
  EXPECT_TRUE(astoria["ambiguous"].get<bool>());
  ASSERT_EQ(astoria["items"].size(), 3u);
  EXPECT_EQ(astoria["items"][0]["display"], "Astoria, NY");
  EXPECT_EQ(astoria["items"][1]["display"], "Astoria, OR");

  const json none = client->get("/api/v1/places?q=Zzyzxqq").json();
  EXPECT_TRUE(none["items"].empty());
}

TEST_F(PlacesApiTest, BadInputIsA400NamingTheField) {
  const auto expect_field = [&](const std::string& target, const char* field) {
    const auto result = client->get(target);
    EXPECT_EQ(result.status, 400) << target;
    EXPECT_TRUE(error_tests::error_fields(result).contains(field)) << target << " " << result.body;
  };
  expect_field("/api/v1/places", "q");
  expect_field("/api/v1/places?q=", "q");
  expect_field("/api/v1/places?q=%20%20", "q");
  expect_field("/api/v1/places?q=" + std::string(101, 'a'), "q");
  expect_field("/api/v1/places?q=a%0Ab", "q");
  expect_field("/api/v1/places?q=%FF", "q");
  expect_field("/api/v1/places?q=Missoula&limit=0", "limit");
  expect_field("/api/v1/places?q=Missoula&limit=21", "limit");
  expect_field("/api/v1/places?q=Missoula&limit=x", "limit");
  expect_field("/api/v1/places?q=Missoula&near=1,2", "near");
  EXPECT_EQ(client->get("/api/v1/places?q=%zz").status, 400);
  // 100 characters of accented letters (200 bytes) are within the limit.
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "%C3%A9";
  EXPECT_EQ(client->get("/api/v1/places?q=" + accented).status, 200);
}

}  // namespace
}  // namespace gapfill::testing
