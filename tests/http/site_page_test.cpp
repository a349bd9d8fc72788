// The rest of the site over real HTTP: languages, the organizer dashboard,
// security headers, static files, the browse page's cache, the flyer and
// the network home's weight.

#include <gtest/gtest.h>

#include <regex>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

class SitePagesTest : public ApiTest {
 protected:
  std::string organizer_key() {
    auto issued = server->app().services().organizer().issue_key("riverside", "tests");
    EXPECT_TRUE(issued);
    return issued ? issued->key : "";
  }
};

TEST_F(SitePagesTest, TheLanguageFollowsTheBrowserAndTheChoiceIsRemembered) {
  PageClient spanish(server->port(), "es-ES,es;q=0.9,en;q=0.5");
  EXPECT_NE(spanish.get("/").body.find("<html lang=\"es\">"), std::string::npos);
  PageClient browser(server->port(), "en-US");
  EXPECT_NE(browser.get("/n/riverside").body.find("<html lang=\"en\">"), std::string::npos);
  const auto switched = browser.get("/lang/es?next=%2Fn%2Friverside");
  EXPECT_EQ(switched.status, 303);
  EXPECT_EQ(location_of(switched), "/n/riverside");
  EXPECT_NE(switched.headers.at("set-cookie").find("gf_lang=es"), std::string::npos);
  const auto page = browser.get("/n/riverside");
  EXPECT_NE(page.body.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(page.body.find("Necesito ayuda"), std::string::npos);
  // Only paths on this site; unknown languages are not pages.
  EXPECT_EQ(location_of(browser.get("/lang/en?next=%2F%2Fevil.example")), "/");
  EXPECT_EQ(location_of(browser.get("/lang/en?next=https%3A%2F%2Fevil.example")), "/");
  EXPECT_EQ(browser.get("/lang/xx").status, 404);
}

TEST_F(SitePagesTest, PagesCarryTheirSecurityHeaders) {
  PageClient browser(server->port());
  const auto page = browser.get("/n/riverside/ask");
  const std::string policy = page.headers.at("content-security-policy");
  for (const char* part : {"default-src 'none'", "script-src 'self'", "style-src 'self'",
                           "frame-ancestors 'none'", "form-action 'self'"}) {
    EXPECT_NE(policy.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(page.headers.at("x-content-type-options"), "nosniff");
  const std::string cookie = page.headers.at("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  // No inline script in any page.
  for (const char* path : {"/", "/n/riverside", "/n/riverside/ask", "/n/riverside/browse",
                           "/n/riverside/flyer", "/n/riverside/organize"}) {
    const auto body = browser.get(path).body;
    EXPECT_FALSE(std::regex_search(body, std::regex("<script(?![^>]*src=)"))) << path;
    EXPECT_EQ(body.find(" style=\""), std::string::npos) << path;
  }
}

TEST(SitePagesOverTls, CookiesAreSecureAndBrowsersAreToldToStayOnHttps) {
  TestServer server([](app::Config& config) { config.secure_cookies = true; });
  PageClient browser(server.port());
  const auto page = browser.get("/");
  EXPECT_EQ(page.headers.at("strict-transport-security"), "max-age=31536000");
  EXPECT_NE(browser.get("/lang/es").headers.at("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_EQ(browser.get("/healthz").headers.at("strict-transport-security"), "max-age=31536000");
}

TEST_F(SitePagesTest, PlainHttpSendsNoStrictTransportSecurity) {
  PageClient browser(server->port());
  EXPECT_FALSE(browser.get("/").headers.contains("strict-transport-security"));
}

TEST_F(SitePagesTest, ErrorsForPeopleArePagesAndForTheApiJson) {
  PageClient browser(server->port());
  const auto missing = browser.get("/n/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.headers.at("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(browser.get("/no/such/page").headers.at("content-type").find("text/html"),
            std::string::npos);
  EXPECT_EQ(browser.get("/api/v1/nothing").headers.at("content-type"), "application/json");
  const auto method = browser.raw("DELETE", "/n/riverside", "", {});
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(method.headers.at("allow"), "GET");
}

TEST_F(SitePagesTest, StaticFilesAreVersionedCompressedAndKept) {
  PageClient browser(server->port());
  const auto home = browser.get("/");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(home.body, match, std::regex("/static/[0-9a-f]+/app\\.css")));
  const std::string css = match[0].str();
  const auto plain = browser.get(css);
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.headers.at("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(plain.headers.at("cache-control").find("immutable"), std::string::npos);
  const std::string leaflet = css.substr(0, css.rfind('/')) + "/leaflet/leaflet.js";
  const auto gzipped = browser.raw("GET", leaflet, "", {"Accept-Encoding: gzip"});
  EXPECT_EQ(gzipped.headers.at("content-encoding"), "gzip");
  EXPECT_LT(gzipped.body.size(), browser.get(leaflet).body.size() / 2);
  EXPECT_EQ(browser.get(css.substr(0, css.rfind('/')) + "/nothing.js").status, 404);
}

TEST_F(SitePagesTest, TheNetworkHomeIsLightAndShowsWhatIsOpen) {
  for (int i = 0; i < 30; ++i) create_post(request_body("Request number " + std::to_string(i)));
  PageClient browser(server->port());
  const auto page = browser.get("/n/riverside");
  EXPECT_EQ(page.status, 200);
  EXPECT_LE(page.body.size(), 30u * 1024);
  EXPECT_NE(page.body.find("<strong>30</strong> Food"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/n/riverside/ask\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/n/riverside/offer\""), std::string::npos);
}

TEST_F(SitePagesTest, BrowseShowsNewPostsAtOnceAndPages) {
  PageClient browser(server->port());
  EXPECT_NE(browser.get("/n/riverside/browse").body.find("Nothing matches"), std::string::npos);
  for (int i = 0; i < 25; ++i) create_post(request_body("Box of apples " + std::to_string(i)));
  const auto first = browser.get("/n/riverside/browse?kind=request");
  EXPECT_NE(first.body.find("Box of apples 24"), std::string::npos);  // newest first
  std::smatch next;
  ASSERT_TRUE(std::regex_search(first.body, next, std::regex("href=\"([^\"]*)\" rel=\"next\"")));
  std::string href = next[1].str();
  href = std::regex_replace(href, std::regex("&amp;"), "&");
  const auto second = browser.get(href);
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("Box of apples 0"), std::string::npos);
  EXPECT_EQ(second.body.find("Box of apples 24"), std::string::npos);
  EXPECT_EQ(browser.get("/n/riverside/browse?kind=offer").body.find("Box of apples"),
            std::string::npos);
}

TEST_F(SitePagesTest, TheFlyerHasAQrCodeToTheAskPage) {
  PageClient browser(server->port());
  const auto flyer = browser.get("/n/riverside/flyer");
  EXPECT_EQ(flyer.status, 200);
  EXPECT_NE(flyer.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(flyer.body.find("/n/riverside/ask</p>"), std::string::npos);
}

TEST_F(SitePagesTest, TheDashboardIsForOrganizersWhomTheOperatorsKeyMakesAdmin) {
  const auto [id, token] = create_post(request_body("Diapers size 4"));
  // Not signed in: a link to sign in, and nothing of the queue.
  PageClient stranger(server->port());
  const auto anonymous = stranger.get("/n/riverside/organize");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_NE(anonymous.body.find("/account/sign-in?next=%2Fn%2Friverside%2Forganize"),
            std::string::npos);
  EXPECT_EQ(anonymous.body.find("Diapers"), std::string::npos);
  stranger.get("/n/riverside/ask");
  EXPECT_EQ(stranger
                .post("/n/riverside/organize/posts/" + std::to_string(id) + "/close",
                      {{"reason", "moderated"}})
                .status,
            401);

  // Signed in, not an organizer: the form for the operator's key.
  PageClient organizer(server->port());
  organizer.set_cookie("gf_session", account_session());
  const auto signin = organizer.get("/n/riverside/organize");
  EXPECT_EQ(signin.status, 403);
  EXPECT_NE(signin.body.find("name=\"key\""), std::string::npos);
  EXPECT_EQ(signin.body.find("Diapers"), std::string::npos);
  EXPECT_EQ(organizer.post("/n/riverside/organize/admin-key", {{"key", "wrong"}}).status, 403);
  const std::string key = organizer_key();
  ASSERT_EQ(organizer.post("/n/riverside/organize/admin-key", {{"key", key}}).status, 303);
  const auto queue = organizer.get("/n/riverside/organize");
  EXPECT_NE(queue.body.find("Diapers size 4"), std::string::npos);
  EXPECT_NE(queue.body.find("+1 406 555 0100"), std::string::npos);     // organizers see contacts
  EXPECT_NE(queue.body.find("/n/riverside/admin"), std::string::npos);  // an admin
  // The key worked once.
  PageClient second(server->port());
  second.set_cookie("gf_session", sign_in_new_account(*client, "second@example.org"));
  second.get("/n/riverside/organize");
  EXPECT_EQ(second.post("/n/riverside/organize/admin-key", {{"key", key}}).status, 403);
  // Close it with a reason; it leaves the queue.
  const auto closed = organizer.post("/n/riverside/organize/posts/" + std::to_string(id) + "/close",
                                     {{"reason", "moderated"}});
  EXPECT_EQ(closed.status, 303);
  EXPECT_EQ(organizer.get("/n/riverside/organize").body.find("Diapers size 4"), std::string::npos);
  EXPECT_EQ(client->get("/api/v1/posts/" + std::to_string(id)).json()["status"], "closed");
}

TEST_F(SitePagesTest, IntakeMarksTheEntryAsAnOrganizers) {
  PageClient organizer(server->port());
  organizer.set_cookie("gf_session", account_session());
  organizer.get("/n/riverside/organize");
  organizer.post("/n/riverside/organize/admin-key", {{"key", organizer_key()}});
  EXPECT_EQ(organizer.get("/n/riverside/organize/intake").status, 200);
  const auto created =
      organizer.post("/n/riverside/organize/intake", {{"kind", "request"},
                                                      {"title", "Ride to dialysis on Tuesdays"},
                                                      {"category", "transport"},
                                                      {"urgency", "week"},
                                                      {"contact_method", "phone"},
                                                      {"contact_phone", "406 555 0142"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const auto queue = organizer.get("/n/riverside/organize");
  EXPECT_NE(queue.body.find("Ride to dialysis"), std::string::npos);
  EXPECT_NE(queue.body.find("entered by an organizer"), std::string::npos);
}

TEST_F(SitePagesTest, AdminsInviteOrganizersAndSetWhetherClaimingNeedsAVolunteer) {
  PageClient admin(server->port());
  admin.set_cookie("gf_session", account_session());
  admin.get("/n/riverside/organize");
  ASSERT_EQ(admin.post("/n/riverside/organize/admin-key", {{"key", organizer_key()}}).status, 303);
  ASSERT_EQ(admin.get("/n/riverside/admin").status, 200);
  const auto invited = admin.post("/n/riverside/admin/invites", {{"role", "organizer"}});
  ASSERT_EQ(invited.status, 201);
  const auto at = invited.body.find("/invite/");
  ASSERT_NE(at, std::string::npos);
  const std::string link = invited.body.substr(at, invited.body.find('"', at) - at);

  PageClient invitee(server->port());
  EXPECT_NE(invitee.get(link).body.find("/account/sign-in?next="), std::string::npos);
  invitee.set_cookie("gf_session", sign_in_new_account(*client, "dana@example.org"));
  ASSERT_EQ(invitee.get(link).status, 200);
  const auto accepted = invitee.post(link, {});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(location_of(accepted), "/n/riverside/organize");
  EXPECT_EQ(invitee.get("/n/riverside/organize").status, 200);
  EXPECT_EQ(invitee.get("/n/riverside/admin").status, 403);  // an organizer, not an admin
  EXPECT_EQ(invitee.get(link).status, 404);                  // used up

  // Claiming needs a volunteer once the admin says so.
  const auto [id, token] = create_post(request_body("Diapers size 4"));
  ASSERT_EQ(admin.get("/n/riverside/admin").status, 200);
  ASSERT_EQ(admin.post("/n/riverside/admin/policy", {{"claim_needs_volunteer", "on"}}).status, 303);
  PageClient helper(server->port());
  helper.get("/p/" + std::to_string(id) + "/claim");
  const FormFields claim{{"volunteer_name", "Alex"}, {"volunteer_phone", "406 555 0199"}};
  const auto refused = helper.post("/p/" + std::to_string(id) + "/claim", claim);
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.body.find("sign in and join"), std::string::npos);
  helper.set_cookie("gf_session", sign_in_new_account(*client, "alex@example.org"));
  helper.get("/n/riverside/join");
  ASSERT_EQ(helper.post("/n/riverside/join", {}).status, 303);
  EXPECT_EQ(helper.post("/p/" + std::to_string(id) + "/claim", claim).status, 303);
}

}  // namespace
}  // namespace gapfill::testing
