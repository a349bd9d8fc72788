// The post forms' "Languages" and "How far" fields over real HTTP: their
// wording for a request and an offer, what a sent form stores and the post's
// page shows, a form sent back with the field's error and what was chosen,
// and the edit form keeping and changing them.

#include <gtest/gtest.h>

#include <string>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

bool has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

FormFields with(FormFields fields, const FormFields& extra) {
  fields.insert(fields.end(), extra.begin(), extra.end());
  return fields;
}

// The id and token in a post's private link ("/p/7/k/abc?new=1").
std::pair<std::string, std::string> post_of(const HttpResult& result) {
  const std::string location = location_of(result);
  const auto k = location.find("/k/");
  const auto query = location.find('?');
  return {location.substr(3, k - 3),
          location.substr(k + 3, query == std::string::npos ? query : query - k - 3)};
}

using PostFieldsPageTest = ApiTest;

TEST_F(PostFieldsPageTest, TheFormsAskInTheirOwnWords) {
  PageClient browser(server->port());
  const auto ask = browser.get("/n/riverside/ask");
  ASSERT_EQ(ask.status, 200);
  EXPECT_TRUE(has(ask.body, "How far can you go, or be reached?"));
  EXPECT_TRUE(has(ask.body, "Languages you would like help in"));
  // The network's languages by their own names, and another from the known list.
  EXPECT_TRUE(has(ask.body, R"(name="languages" value="en" > <span lang="en">English</span>)"));
  EXPECT_TRUE(has(ask.body, R"(name="languages" value="es" > <span lang="es">Español</span>)"));
  EXPECT_TRUE(has(ask.body, R"(<option value="ti" lang="ti" >)"));
  EXPECT_FALSE(has(ask.body, R"(<option value="es" lang="es")"));
  EXPECT_TRUE(has(ask.body, R"(<option value="25" >Up to 25 km</option>)"));

  const auto offer = browser.get("/n/riverside/offer");
  ASSERT_EQ(offer.status, 200);
  EXPECT_TRUE(has(offer.body, "How far will you travel or deliver?"));
  EXPECT_TRUE(has(offer.body, "Languages you speak"));

  // The ride form is the request form.
  const auto ride = browser.get("/n/riverside/ride");
  ASSERT_EQ(ride.status, 200);
  EXPECT_TRUE(has(ride.body, "How far can you go, or be reached?"));

  PageClient spanish(server->port(), "es");
  const auto pregunta = spanish.get("/n/riverside/ask");
  EXPECT_TRUE(has(pregunta.body, "¿Hasta qué distancia puedes ir o pueden llegar a ti?"));
}

TEST_F(PostFieldsPageTest, ASentFormStoresThemAndThePostShowsThem) {
  PageClient browser(server->port());
  ASSERT_EQ(browser.get("/n/riverside/ask").status, 200);
  const auto sent = browser.post(
      "/n/riverside/ask",
      with(ask_fields(),
           {{"languages", "es"}, {"language_other", "ti"}, {"max_distance_km", "10"}}));
  ASSERT_EQ(sent.status, 303) << sent.body;
  const auto [id, token] = post_of(sent);
  const json stored = client->get("/api/v1/posts/" + id).json();
  EXPECT_EQ(stored["languages"], json({"es", "ti"}));
  EXPECT_EQ(stored["max_distance_km"], 10.0);

  // The public page shows both.
  const auto page = browser.get("/p/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body,
                  "<dt>Help in</dt><dd><span lang=\"es\">Español</span>, "
                  "<span lang=\"ti\">ትግርኛ</span></dd>"))
      << page.body;
  EXPECT_TRUE(has(page.body, "<dt>Can go or be reached within</dt><dd>Up to 10 km</dd>"));

  // The edit form has them chosen: Tigrinya as its own ticked box now.
  const auto edit = browser.get("/p/" + id + "/k/" + token + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(has(edit.body, R"(value="es" checked>)"));
  EXPECT_TRUE(has(edit.body, R"(value="ti" checked>)"));
  EXPECT_TRUE(has(edit.body, R"(<option value="10" selected>)"));

  // Sent with one box and no distance, the edit replaces both.
  FormFields changed = with(ask_fields(), {{"languages", "en"}, {"max_distance_km", ""}});
  const auto saved = browser.post("/p/" + id + "/k/" + token + "/edit", changed);
  ASSERT_EQ(saved.status, 303) << saved.body;
  const json after = client->get("/api/v1/posts/" + id).json();
  EXPECT_EQ(after["languages"], json({"en"}));
  EXPECT_TRUE(after["max_distance_km"].is_null());
  const auto shown = browser.get("/p/" + id);
  EXPECT_FALSE(has(shown.body, "Can go or be reached within"));
}

TEST_F(PostFieldsPageTest, AnOfferShowsItsOwnWords) {
  PageClient browser(server->port());
  ASSERT_EQ(browser.get("/n/riverside/offer").status, 200);
  const FormFields offer{{"title", "Rides to the clinic"},
                         {"category", "transport"},
                         {"contact_method", "site"},
                         {"languages", "en"},
                         {"languages", "es"},
                         {"max_distance_km", "25"}};
  const auto sent = browser.post("/n/riverside/offer", offer);
  ASSERT_EQ(sent.status, 303) << sent.body;
  const auto page = browser.get("/p/" + post_of(sent).first);
  EXPECT_TRUE(has(page.body, "<dt>Speaks</dt>"));
  EXPECT_TRUE(has(page.body, "<dt>Will travel or deliver within</dt><dd>Up to 25 km</dd>"));
}

TEST_F(PostFieldsPageTest, BadValuesComeBackWithTheFieldsErrorAndWhatWasChosen) {
  PageClient browser(server->port());
  ASSERT_EQ(browser.get("/n/riverside/ask").status, 200);
  auto page = browser.post("/n/riverside/ask",
                           with(ask_fields(), {{"languages", "es"}, {"max_distance_km", "far"}}));
  ASSERT_EQ(page.status, 422) << page.body;
  EXPECT_TRUE(has(page.body, R"(<a href="#max_distance_km">must be a number of kilometres</a>)"));
  EXPECT_TRUE(has(page.body, R"(id="distance-error">must be a number of kilometres)"));
  EXPECT_TRUE(has(page.body, R"(value="es" checked>)"));

  page = browser.post("/n/riverside/ask", with(ask_fields(), {{"max_distance_km", "1000"}}));
  ASSERT_EQ(page.status, 422) << page.body;
  EXPECT_TRUE(has(page.body, R"(id="distance-error">must be 1 to 500)"));
  EXPECT_TRUE(has(page.body, R"(<option value="1000" selected>)"));

  page = browser.post("/n/riverside/ask", with(ask_fields(), {{"languages", "xx"}}));
  ASSERT_EQ(page.status, 422) << page.body;
  EXPECT_TRUE(has(page.body, R"(<a href="#languages">)"));
  EXPECT_TRUE(has(page.body, R"(id="languages-error">)"));
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts").json()["items"].size(), 0u);
}

TEST_F(PostFieldsPageTest, AnOrganizersIntakeTakesThemToo) {
  PageClient organizer(server->port());
  organizer.set_cookie("gf_session", account_session());
  organizer.get("/n/riverside/organize");
  const auto issued = server->app().services().organizer().issue_key("riverside", "tests");
  ASSERT_TRUE(issued);
  ASSERT_EQ(organizer.post("/n/riverside/organize/admin-key", {{"key", issued->key}}).status, 303);
  const auto form = organizer.get("/n/riverside/organize/intake");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "How far can they go, travel or be reached?"));
  const auto created =
      organizer.post("/n/riverside/organize/intake", {{"kind", "request"},
                                                      {"title", "Someone to read letters with"},
                                                      {"category", "information"},
                                                      {"contact_method", "phone"},
                                                      {"contact_phone", "406 555 0142"},
                                                      {"language_other", "so"},
                                                      {"max_distance_km", "5"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const json listed = client->get("/api/v1/networks/riverside/posts").json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  const json stored =
      client->get("/api/v1/posts/" + std::to_string(listed[0]["id"].get<int>())).json();
  EXPECT_EQ(stored["languages"], json({"so"}));
  EXPECT_EQ(stored["max_distance_km"], 5.0);
}

}  // namespace
}  // namespace gapfill::testing
