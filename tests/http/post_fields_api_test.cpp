// A post's languages and maximum distance (what the matcher reads) over real
// HTTP: accepted on create and PATCH, returned to everybody, cleared with
// null, and every bad value a 422 naming the field.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::private_request;
using nlohmann::json;

using PostFieldsApiTest = ApiTest;

json request_with(const json& extra) {
  json body = private_request();
  for (const auto& [key, value] : extra.items()) body[key] = value;
  return body;
}

// The message the 422 gives for `field`, or "" when it names no such field.
std::string field_error(const HttpResult& result, const std::string& field) {
  const json body = result.json();
  if (!body.contains("error") || !body["error"].contains("fields")) return "";
  return body["error"]["fields"].value(field, "");
}

TEST_F(PostFieldsApiTest, CreateStoresThemAndEverybodySeesThem) {
  const auto created =
      client->post("/api/v1/networks/riverside/posts",
                   request_with({{"languages", {"ES", " en"}}, {"max_distance_km", 12.5}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const json post = created.json()["post"];
  // Tags are trimmed and lower-cased, and keep the order given.
  EXPECT_EQ(post["languages"], json({"es", "en"}));
  EXPECT_EQ(post["max_distance_km"], 12.5);
  // Public: an anonymous reader gets both.
  const auto read = client->get(post_path(post["id"]));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["languages"], json({"es", "en"}));
  EXPECT_EQ(read.json()["max_distance_km"], 12.5);
  EXPECT_FALSE(read.json().contains("contact"));
}

TEST_F(PostFieldsApiTest, LeftOutTheyAreEmptyAndNull) {
  const auto created = client->post("/api/v1/networks/riverside/posts", private_request());
  ASSERT_EQ(created.status, 201) << created.body;
  const json post = created.json()["post"];
  EXPECT_EQ(post["languages"], json::array());
  EXPECT_TRUE(post["max_distance_km"].is_null());
}

TEST_F(PostFieldsApiTest, ALanguageTheNetworkDoesNotListIsAcceptedWhenKnown) {
  // riverside lists en and es; Tigrinya and Hmong are known by name.
  const auto created = client->post("/api/v1/networks/riverside/posts",
                                    request_with({{"languages", {"ti", "hmn"}}}));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["post"]["languages"], json({"ti", "hmn"}));
}

TEST_F(PostFieldsApiTest, PatchChangesAndNullClears) {
  const auto [id, token] =
      create_post(request_with({{"languages", {"es"}}, {"max_distance_km", 10}}));
  auto patched =
      client->patch(post_path(id), {{"languages", {"en", "vi"}}, {"max_distance_km", 500}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["languages"], json({"en", "vi"}));
  EXPECT_EQ(patched.json()["max_distance_km"], 500.0);
  // A patch that names neither keeps both.
  patched = client->patch(post_path(id), {{"title", "Still need coats"}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["languages"], json({"en", "vi"}));
  EXPECT_EQ(patched.json()["max_distance_km"], 500.0);
  // null clears either; [] clears the languages too.
  patched =
      client->patch(post_path(id), {{"languages", nullptr}, {"max_distance_km", nullptr}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["languages"], json::array());
  EXPECT_TRUE(patched.json()["max_distance_km"].is_null());
  patched = client->patch(post_path(id), {{"languages", {"es"}}}, token);
  ASSERT_EQ(patched.json()["languages"], json({"es"}));
  patched = client->patch(post_path(id), {{"languages", json::array()}}, token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["languages"], json::array());
  // What the store holds is what was answered.
  EXPECT_EQ(client->get(post_path(id)).json()["languages"], json::array());
}

struct BadValue {
  const char* name;
  json fields;
  const char* field;
  const char* message;
};

TEST_F(PostFieldsApiTest, BadValuesAre422NamingTheField) {
  const BadValue cases[] = {
      {"unknown tag", {{"languages", {"en", "xx"}}}, "languages", "that we know"},
      {"not a tag", {{"languages", {"english"}}}, "languages", "that we know"},
      {"empty tag", {{"languages", {""}}}, "languages", "that we know"},
      {"too many",
       {{"languages", {"en", "es", "fr", "de", "it", "pt", "vi", "zh", "ko"}}},
       "languages",
       "at most 8 languages"},
      {"too many for the reader",
       {{"languages", json(std::vector<std::string>(21, "en"))}},
       "languages",
       "at most 20 strings"},
      {"repeated", {{"languages", {"es", "ES"}}}, "languages", "same language twice"},
      {"not a list", {{"languages", "en"}}, "languages", "list"},
      {"not strings", {{"languages", {1, 2}}}, "languages", "list of strings"},
      {"too far", {{"max_distance_km", 501}}, "max_distance_km", "must be 1 to 500"},
      {"too near", {{"max_distance_km", 0.5}}, "max_distance_km", "must be 1 to 500"},
      {"negative", {{"max_distance_km", -3}}, "max_distance_km", "must be 1 to 500"},
      {"not a number", {{"max_distance_km", "10"}}, "max_distance_km", "must be a number"},
  };
  for (const BadValue& bad : cases) {
    SCOPED_TRACE(bad.name);
    const auto result = client->post("/api/v1/networks/riverside/posts", request_with(bad.fields));
    EXPECT_EQ(result.status, 422) << result.body;
    EXPECT_NE(field_error(result, bad.field).find(bad.message), std::string::npos) << result.body;
  }
  // Nothing was stored.
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts").json()["items"].size(), 0u);
}

TEST_F(PostFieldsApiTest, ABadPatchChangesNothing) {
  const auto [id, token] =
      create_post(request_with({{"languages", {"es"}}, {"max_distance_km", 10}}));
  const auto result =
      client->patch(post_path(id), {{"languages", {"zz"}}, {"max_distance_km", 1000}}, token);
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_FALSE(field_error(result, "languages").empty());
  EXPECT_FALSE(field_error(result, "max_distance_km").empty());
  const json stored = client->get(post_path(id)).json();
  EXPECT_EQ(stored["languages"], json({"es"}));
  EXPECT_EQ(stored["max_distance_km"], 10.0);
}

}  // namespace
}  // namespace gapfill::testing
