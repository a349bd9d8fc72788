// The directory and starting a network, as pages over real HTTP: the
// directory's filters and contact links, the admin page's public contact
// form, and the /start flow step by step (every step's field errors, the
// gazetteer's short list, the happy path to the starter page).

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;
using DirectoryPagesTest = ApiTest;

bool contains(const HttpResult& result, const std::string& text) {
  return result.body.find(text) != std::string::npos;
}

FormFields details_fields() {
  return {{"step", "details"},       {"name", "Missoula Aid"}, {"slug", "missoula-aid"},
          {"place", "Missoula, MT"}, {"lat", "46.87"},         {"lon", "-113.99"},
          {"radius_km", "25"},       {"category", "food"},     {"category", "housing"},
          {"language", "en"},        {"language", "es"},       {"contact_email", ""},
          {"contact_website", ""},   {"contact_phone", ""},    {"listed", "yes"}};
}

FormFields with(FormFields fields, const std::string& name, const std::string& value) {
  for (auto& [key, old] : fields) {
    if (key == name) old = value;
  }
  return fields;
}

TEST_F(DirectoryPagesTest, TheDirectoryListsListedNetworksWithFiltersAndContact) {
  json body = network_body("ayuda");
  body["name"] = "Ayuda <Mutua>";
  body["languages"] = {"es", "vi"};
  body["categories"] = {"housing"};
  body["contact"] = {{"email", "hola@ayuda.example"}, {"phone", "+1 (406) 555-0100"}};
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);
  body = network_body("unlisted");
  body["name"] = "Secret Unlisted";
  body["listed"] = false;
  ASSERT_EQ(client->post("/api/v1/networks", body, account_session()).status, 201);

  PageClient browser(server->port());
  const auto page = browser.get("/directory");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page, "Ayuda &lt;Mutua&gt;"));
  EXPECT_FALSE(contains(page, "Ayuda <Mutua>"));
  EXPECT_TRUE(contains(page, "Riverside Mutual Aid"));
  EXPECT_FALSE(contains(page, "Secret Unlisted"));
  EXPECT_TRUE(contains(page, "Español, Tiếng Việt"));
  EXPECT_TRUE(contains(page, "mailto:hola@ayuda.example"));
  EXPECT_TRUE(contains(page, "tel:+14065550100"));
  EXPECT_TRUE(contains(page, "data-radius-km=\"40\""));
  EXPECT_TRUE(contains(page, "href=\"/n/ayuda\""));

  const auto spanish = browser.get("/directory?language=vi");
  EXPECT_TRUE(contains(spanish, "Ayuda &lt;Mutua&gt;"));
  EXPECT_FALSE(contains(spanish, "Riverside Mutual Aid"));
  const auto food = browser.get("/directory?category=food");
  EXPECT_FALSE(contains(food, "Ayuda &lt;Mutua&gt;"));
  EXPECT_TRUE(contains(food, "Riverside Mutual Aid"));
  const auto none = browser.get("/directory?language=vi&category=food");
  EXPECT_TRUE(contains(none, "No listed network matches these filters."));
  // Unknown filter values are ignored, not errors.
  EXPECT_EQ(browser.get("/directory?language=%3Cx%3E&category=nope").status, 200);

  // The Spanish page labels categories in Spanish.
  browser.set_cookie("gf_lang", "es");
  const auto es = browser.get("/directory?language=es");
  EXPECT_TRUE(contains(es, "Vivienda")) << es.body.substr(0, 400);

  // Linked from the home page.
  EXPECT_TRUE(contains(browser.get("/"), "href=\"/directory\""));
}

TEST_F(DirectoryPagesTest, TheAdminSetsThePublicContactOnTheAdminPage) {
  ASSERT_EQ(client->post("/api/v1/networks", network_body("mine"), account_session()).status, 201);
  PageClient admin(server->port());
  admin.set_cookie("gf_session", account_session());
  ASSERT_EQ(admin.get("/n/mine/admin").status, 200);
  const auto bad = admin.post(
      "/n/mine/admin/contact",
      {{"contact_email", "nope"}, {"contact_website", "javascript:x"}, {"contact_phone", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad, "id=\"contact_email-error\""));
  EXPECT_TRUE(contains(bad, "id=\"contact_website-error\""));
  EXPECT_TRUE(contains(bad, "value=\"javascript:x\""));  // kept to correct
  const auto saved = admin.post("/n/mine/admin/contact", {{"contact_email", "aid@mine.example"},
                                                          {"contact_website", ""},
                                                          {"contact_phone", "406 555 0199"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(location_of(saved), "/n/mine/admin?done=contact");
  EXPECT_EQ(client->get("/api/v1/networks/mine").json()["contact"]["phone"], "406 555 0199");

  PageClient stranger(server->port());
  stranger.set_cookie("gf_session", sign_in_new_account(*client, "stranger@example.org"));
  stranger.get("/directory");
  EXPECT_EQ(stranger.post("/n/mine/admin/contact", {{"contact_email", "x@y.example"}}).status, 403);
}

TEST_F(DirectoryPagesTest, StartingNeedsAnAccount) {
  PageClient visitor(server->port());
  const auto page = visitor.get("/start");
  EXPECT_EQ(page.status, 303);
  EXPECT_NE(location_of(page).find("next=%2Fstart"), std::string::npos) << location_of(page);
  EXPECT_EQ(visitor.post("/start", {{"step", "name"}, {"name", "X"}}).status, 303);
}

TEST_F(DirectoryPagesTest, EveryStepShowsItsFieldErrors) {
  PageClient browser(server->port());
  browser.set_cookie("gf_session", account_session());
  ASSERT_EQ(browser.get("/start").status, 200);
  EXPECT_EQ(browser.post("/start", {{"step", "name"}, {"name", "X"}}, false).status, 403);

  // 1. Name and address.
  auto result = browser.post("/start", {{"step", "name"}, {"name", ""}, {"slug", ""}});
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "id=\"name-error\""));
  result = browser.post("/start", {{"step", "name"}, {"name", "Missoula Aid!"}, {"slug", ""}});
  EXPECT_EQ(result.status, 200);
  EXPECT_TRUE(contains(result, "value=\"missoula-aid\""));  // suggested
  EXPECT_TRUE(contains(result, "We suggested an address"));
  result = browser.post("/start", {{"step", "name"}, {"name", "Aid"}, {"slug", "Bad Slug"}});
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "id=\"slug-error\""));
  result = browser.post("/start", {{"step", "name"}, {"name", "Aid"}, {"slug", "riverside"}});
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "is already taken"));

  // 2. Where.
  const FormFields named{{"name", "Missoula Aid"}, {"slug", "missoula-aid"}};
  auto place = [&](const std::string& text, const std::string& radius,
                   const std::string& choice = "") {
    FormFields fields = named;
    fields.emplace_back("step", "place");
    fields.emplace_back("place", text);
    fields.emplace_back("radius_km", radius);
    if (!choice.empty()) fields.emplace_back("choice", choice);
    return browser.post("/start", fields);
  };
  result = place("", "0");
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "id=\"place-error\""));
  EXPECT_TRUE(contains(result, "id=\"radius_km-error\""));
  result = place("Zzyzxqq", "25");
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "is not a place we know"));
  result = place("Astoria", "25");
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "has several matches"));
  EXPECT_TRUE(contains(result, "Astoria, OR"));
  EXPECT_TRUE(contains(result, "name=\"choice\""));
  result = place("Astoria", "25", "1");
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(contains(result, "value=\"Astoria, OR\""));  // carried to the next step
  EXPECT_TRUE(contains(result, "name=\"category\""));

  // 3. Categories, languages, contact.
  FormFields details = details_fields();
  std::erase_if(details, [](const auto& field) { return field.first == "category"; });
  details = with(details, "contact_email", "not-an-address");
  result = browser.post("/start", details);
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "id=\"categories-error\""));
  EXPECT_TRUE(contains(result, "id=\"contact_email-error\""));
  std::erase_if(details, [](const auto& field) { return field.first == "language"; });
  details.emplace_back("category", "food");
  details = with(details, "contact_email", "");
  result = browser.post("/start", details);
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "id=\"languages-error\""));

  // Earlier answers that come back changed are checked again.
  result = browser.post("/start", with(details_fields(), "radius_km", "-4"));
  EXPECT_EQ(result.status, 422);
}

TEST_F(DirectoryPagesTest, TheHappyPathEndsOnTheStarterPage) {
  PageClient browser(server->port());
  browser.set_cookie("gf_session", account_session());
  browser.get("/start");
  auto result = browser.post(
      "/start", {{"step", "name"}, {"name", "Missoula Aid"}, {"slug", "missoula-aid"}});
  ASSERT_EQ(result.status, 200) << result.body;
  result = browser.post("/start", {{"step", "place"},
                                   {"name", "Missoula Aid"},
                                   {"slug", "missoula-aid"},
                                   {"place", "59801"},
                                   {"radius_km", "30"}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(contains(result, "value=\"59801 Missoula, MT\""));
  FormFields details = with(details_fields(), "contact_website", "https://aid.example/m");
  result = browser.post("/start", details);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(contains(result, "Create the network"));
  EXPECT_TRUE(contains(result, "https://aid.example/m"));
  details = with(details, "step", "create");
  result = browser.post("/start", details);
  ASSERT_EQ(result.status, 303) << result.body;
  EXPECT_EQ(location_of(result), "/n/missoula-aid/welcome");

  const auto welcome = browser.get("/n/missoula-aid/welcome");
  ASSERT_EQ(welcome.status, 200) << welcome.body;
  EXPECT_TRUE(contains(welcome, "/n/missoula-aid/flyer"));
  EXPECT_TRUE(contains(welcome, "/n/missoula-aid/admin"));
  const json network = client->get("/api/v1/networks/missoula-aid").json();
  EXPECT_EQ(network["languages"], json({"en", "es"}));
  EXPECT_EQ(network["contact"]["website"], "https://aid.example/m");
  EXPECT_NEAR(network["area"]["lat"].get<double>(), 46.87, 0.1);
  EXPECT_EQ(client->get("/api/v1/networks/missoula-aid/categories").json()["items"].size(), 2u);
  // The creator is its admin.
  EXPECT_EQ(browser.get("/n/missoula-aid/admin").status, 200);
  EXPECT_TRUE(contains(browser.get("/directory"), "Missoula Aid"));

  // Creating again with the same address is refused on the first step.
  result = browser.post("/start", details);
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(contains(result, "is already taken"));

  PageClient stranger(server->port());
  stranger.set_cookie("gf_session", sign_in_new_account(*client, "stranger@example.org"));
  EXPECT_EQ(stranger.get("/n/missoula-aid/welcome").status, 403);
  PageClient anonymous(server->port());
  EXPECT_EQ(anonymous.get("/n/missoula-aid/welcome").status, 303);
}

}  // namespace
}  // namespace gapfill::testing
