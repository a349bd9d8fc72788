// The pages people use most, over real HTTP: asking (post/redirect/get,
// errors beside fields, typed values kept, anti-forgery tokens), the
// private links, and claiming.

#include <gtest/gtest.h>

#include <regex>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

// The first form action on a page that ends with `suffix`.
std::string action_path(const std::string& html, const std::string& suffix) {
  const std::regex action("action=\"([^\"]*" + suffix + ")\"");
  std::smatch match;
  return std::regex_search(html, match, action) ? match[1].str() : "";
}

class PagesTest : public ApiTest {
 protected:
  // Asks for help through the page; returns the manage page's path.
  std::string ask(PageClient& browser, const FormFields& fields) {
    EXPECT_EQ(browser.get("/n/riverside/ask").status, 200);
    const auto created = browser.post("/n/riverside/ask", fields);
    EXPECT_EQ(created.status, 303) << created.body;
    return location_of(created);
  }
  std::size_t open_posts() {
    return client->get("/api/v1/networks/riverside/posts?limit=100").json()["items"].size();
  }
};

TEST_F(PagesTest, AskingRedirectsToThePrivateLinkThatManagesThePost) {
  PageClient browser(server->port());
  const std::string manage = ask(browser, ask_fields());
  ASSERT_TRUE(manage.starts_with("/p/")) << manage;
  ASSERT_TRUE(manage.ends_with("?new=1")) << manage;
  const auto page = browser.get(manage);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Keep this link"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"private-link\""), std::string::npos);
  EXPECT_NE(page.body.find("+1 406 555 0100"), std::string::npos);  // the poster sees it
  // The token in the link is the post's manage token.
  const std::string token = manage.substr(manage.find("/k/") + 3, 43);
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  EXPECT_EQ(client->get("/api/v1/posts/" + id, token).json()["access"], "owner");
}

TEST_F(PagesTest, ThePublicPageShowsNoPersonalData) {
  PageClient browser(server->port());
  const std::string manage = ask(browser, ask_fields());
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  const auto page = PageClient(server->port()).get("/p/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Groceries for a family of four"), std::string::npos);
  for (const char* secret : {"406 555", "Sam", "No pork", "library"}) {
    EXPECT_EQ(page.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(page.body.find("/p/" + id + "/claim"), std::string::npos);
  // A wrong private link opens nothing.
  EXPECT_EQ(browser.get("/p/" + id + "/k/not-the-token").status, 403);
}

TEST_F(PagesTest, MistakesComeBackBesideTheirFieldsWithWhatWasTyped) {
  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  FormFields fields = ask_fields("");
  fields.emplace_back("window_to", "2020-01-01T10:00");
  fields[6] = {"contact_name", "Sam <b>\"quoted\"</b>"};
  fields[7] = {"contact_phone", "call me maybe"};
  const auto page = browser.post("/n/riverside/ask", fields);
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("id=\"title-error\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"phone-error\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"to-error\">must be in the future"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Sam &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;\""),
            std::string::npos)
      << page.body.substr(page.body.find("contact_name\" value"), 120);
  EXPECT_NE(page.body.find("value=\"call me maybe\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"food\" checked"), std::string::npos);
  EXPECT_EQ(open_posts(), 0u);
}

TEST_F(PagesTest, ErrorsAreInTheVisitorsLanguage) {
  PageClient browser(server->port(), "es-MX,es;q=0.9");
  browser.get("/n/riverside/ask");
  const auto page = browser.post("/n/riverside/ask", ask_fields(""));
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(page.body.find("Revisa esto"), std::string::npos);
  EXPECT_EQ(page.body.find("must be"), std::string::npos);
}

TEST_F(PagesTest, AFormWithoutItsTokenIsRefusedAndNothingIsStored) {
  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  const auto forged = browser.post("/n/riverside/ask", ask_fields(), false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(forged.body.find("value=\"Groceries for a family of four\""), std::string::npos);
  // A token of another visitor's cookie does not pass either.
  PageClient other(server->port());
  other.get("/n/riverside/ask");
  FormFields fields = ask_fields();
  fields.emplace_back("csrf", other.last_csrf());
  EXPECT_EQ(browser.post("/n/riverside/ask", fields, false).status, 403);
  EXPECT_EQ(open_posts(), 0u);
}

TEST_F(PagesTest, PageFormsTakeFormBodiesOnly) {
  PageClient browser(server->port());
  browser.get("/n/riverside/ask");
  const auto json = browser.raw("POST", "/n/riverside/ask", R"({"title":"x"})",
                                {"Content-Type: application/json"});
  EXPECT_EQ(json.status, 415);
  EXPECT_NE(json.headers.at("content-type").find("text/html"), std::string::npos);
}

TEST_F(PagesTest, AVolunteerClaimsOnceAndSeesHowToReachTheRequester) {
  PageClient requester(server->port());
  const std::string manage = ask(requester, ask_fields());
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  PageClient volunteer(server->port());
  EXPECT_EQ(volunteer.get("/p/" + id + "/claim").status, 200);
  const auto claimed = volunteer.post("/p/" + id + "/claim", {{"volunteer_name", "Alex"},
                                                              {"volunteer_phone", "406 555 0199"},
                                                              {"note", "I can come at 5"}});
  ASSERT_EQ(claimed.status, 303) << claimed.body;
  const auto helping = volunteer.get(location_of(claimed));
  EXPECT_EQ(helping.status, 200);
  EXPECT_NE(helping.body.find("+1 406 555 0100"), std::string::npos);
  EXPECT_NE(helping.body.find("Near the library"), std::string::npos);
  // The requester sees who is helping.
  const auto mine = requester.get(manage.substr(0, manage.find('?')));
  EXPECT_NE(mine.body.find("Alex"), std::string::npos);
  EXPECT_NE(mine.body.find("Someone is helping"), std::string::npos);
  // A second volunteer is told, not given a second claim.
  PageClient late(server->port());
  late.get("/p/" + id + "/claim");
  const auto again = late.post("/p/" + id + "/claim",
                               {{"volunteer_name", "Kim"}, {"volunteer_email", "kim@example.org"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("Somebody else"), std::string::npos);
}

TEST_F(PagesTest, TheRequesterMarksTheHelpDoneAndCanCloseOnlyTheirOwn) {
  PageClient requester(server->port());
  const std::string manage = ask(requester, ask_fields());
  const std::string base = manage.substr(0, manage.find('?'));
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  PageClient volunteer(server->port());
  volunteer.get("/p/" + id + "/claim");
  volunteer.post("/p/" + id + "/claim",
                 {{"volunteer_name", "Alex"}, {"volunteer_phone", "4065550199"}});
  const auto page = requester.get(base);
  const std::string complete = action_path(page.body, "/complete");
  ASSERT_FALSE(complete.empty()) << page.body;
  const auto done = requester.post(complete, {});
  ASSERT_EQ(done.status, 303) << complete;
  const auto after = requester.get(location_of(done));
  EXPECT_NE(after.body.find("Done"), std::string::npos);
  // Somebody else's close with a made-up token is refused.
  EXPECT_EQ(volunteer.post("/p/" + id + "/k/made-up-token/close", {{"reason", "withdrawn"}}).status,
            403);
}

TEST_F(PagesTest, StoredMarkupShowsAsText) {
  PageClient browser(server->port());
  const std::string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  const std::string manage = ask(browser, ask_fields(payload.substr(0, 100)));
  const std::string id = manage.substr(3, manage.find('/', 3) - 3);
  for (const std::string& path : {"/p/" + id, manage, std::string("/n/riverside/browse")}) {
    const auto page = browser.get(path);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("<img src=x"), std::string::npos) << path;
    EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace gapfill::testing
