// The contact relay on the pages, over real HTTP: the thread and its reply
// form on the poster's and the helper's private pages and in the organizer
// dashboard (anti-forgery token, post/redirect/get, mistakes shown beside the
// form with what was typed, closed threads, Spanish).

#include <gtest/gtest.h>

#include <regex>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

FormFields ask_fields() {
  return {{"title", "Groceries for a family of four"},
          {"category", "food"},
          {"urgency", "today"},
          {"place", "Near the library on 5th"},
          {"contact_method", "site"},
          {"contact_name", "Sam"},
          {"contact_email", "sam@example.org"}};
}

// The first form action on a page that ends with `suffix`.
std::string action_path(const std::string& html, const std::string& suffix) {
  const std::regex action("action=\"([^\"]*" + suffix + ")(#[^\"]*)?\"");
  std::smatch match;
  return std::regex_search(html, match, action) ? match[1].str() : "";
}

class RelayPagesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    requester = std::make_unique<PageClient>(server->port());
    volunteer = std::make_unique<PageClient>(server->port());
    requester->get("/n/riverside/ask");
    const auto created = requester->post("/n/riverside/ask", ask_fields());
    ASSERT_EQ(created.status, 303) << created.body;
    const std::string manage = location_of(created);
    manage_page = manage.substr(0, manage.find('?'));
    post_id = manage.substr(3, manage.find('/', 3) - 3);
    volunteer->get("/p/" + post_id + "/claim");
    const auto claimed =
        volunteer->post("/p/" + post_id + "/claim",
                        {{"volunteer_name", "Alex"}, {"volunteer_phone", "4065550199"}});
    ASSERT_EQ(claimed.status, 303) << claimed.body;
    const std::string helping = location_of(claimed);
    helper_page = helping.substr(0, helping.find('?'));
  }

  std::unique_ptr<PageClient> requester, volunteer;
  std::string manage_page, helper_page, post_id;
};

TEST_F(RelayPagesTest, ThePosterAndTheHelperWriteToEachOtherOnTheirPrivatePages) {
  const auto mine = requester->get(manage_page);
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("No messages yet."), std::string::npos);
  EXPECT_NE(mine.body.find("use the messages below"), std::string::npos);
  EXPECT_EQ(mine.body.find("will put you in touch"), std::string::npos);
  const std::string send = action_path(mine.body, "/messages");
  ASSERT_FALSE(send.empty()) << mine.body;
  EXPECT_TRUE(send.starts_with(manage_page + "/matches/")) << send;

  const auto sent = requester->post(send, {{"body", "Is <b>Saturday</b> fine?\r\nAfter ten."}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_TRUE(location_of(sent).starts_with(manage_page + "?done=sent")) << location_of(sent);
  const auto after = requester->get(location_of(sent));
  EXPECT_NE(after.body.find("Your message was sent."), std::string::npos);
  EXPECT_NE(after.body.find("Is &lt;b&gt;Saturday&lt;/b&gt; fine?"), std::string::npos);
  EXPECT_EQ(after.body.find("<b>Saturday"), std::string::npos);

  const auto theirs = volunteer->get(helper_page);
  EXPECT_NE(theirs.body.find("Saturday"), std::string::npos);
  EXPECT_NE(theirs.body.find("The person asking"), std::string::npos);
  const std::string reply = action_path(theirs.body, "/messages");
  ASSERT_TRUE(reply.starts_with(helper_page + "/matches/")) << reply;
  ASSERT_EQ(volunteer->post(reply, {{"body", "Yes, see you then"}}).status, 303);
  const auto read = requester->get(manage_page);
  EXPECT_NE(read.body.find("Yes, see you then"), std::string::npos);
  EXPECT_NE(read.body.find("The helper"), std::string::npos);
}

TEST_F(RelayPagesTest, AnEmptyOrForgedMessageIsRefused) {
  const auto mine = requester->get(manage_page);
  const std::string send = action_path(mine.body, "/messages");
  ASSERT_FALSE(send.empty());
  const auto empty = requester->post(send, {{"body", "   "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("aria-invalid=\"true\""), std::string::npos);
  const auto too_long = requester->post(send, {{"body", std::string(2001, 'x') + "typed"}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_NE(too_long.body.find("xtyped</textarea>"), std::string::npos);
  EXPECT_EQ(requester->post(send, {{"body", "forged"}}, false).status, 403);
  // Another token in the path opens nothing.
  const std::string forged =
      "/p/" + post_id + "/k/made-up-token" + send.substr(send.find("/matches/"));
  EXPECT_EQ(requester->post(forged, {{"body", "hello"}}).status, 403);
  EXPECT_NE(requester->get(manage_page).body.find("No messages yet."), std::string::npos);
}

TEST_F(RelayPagesTest, ACancelledMatchShowsTheThreadWithoutAForm) {
  const std::string send = action_path(requester->get(manage_page).body, "/messages");
  ASSERT_EQ(requester->post(send, {{"body", "Thanks!"}}).status, 303);
  const std::string cancel = action_path(volunteer->get(helper_page).body, "/cancel");
  ASSERT_FALSE(cancel.empty());
  ASSERT_EQ(volunteer->post(cancel, {}).status, 303);
  // The poster still sees every match; the cancelled one's thread is closed.
  const auto page = requester->get(manage_page);
  EXPECT_NE(page.body.find("Thanks!"), std::string::npos);
  EXPECT_NE(page.body.find("This conversation is closed"), std::string::npos);
  EXPECT_TRUE(action_path(page.body, "/messages").empty());
  // A late reply from the helper's link is told the thread moved on.
  const std::string late_path = helper_page + send.substr(send.find("/matches/"));
  const auto late = volunteer->post(late_path, {{"body", "Sorry"}});
  EXPECT_EQ(late.status, 303);
  EXPECT_NE(location_of(late).find("conflict=1"), std::string::npos);
}

TEST_F(RelayPagesTest, OrganizersReadAndWriteEachThreadInTheDashboard) {
  const std::string send = action_path(requester->get(manage_page).body, "/messages");
  ASSERT_EQ(requester->post(send, {{"body", "Can someone drive?"}}).status, 303);
  PageClient organizer(server->port());
  organizer.set_cookie("gf_session",
                       sign_in_new_admin(*server, *client, "riverside", "dana@example.org"));
  organizer.get("/n/riverside/organize");
  const auto queue = organizer.get("/n/riverside/organize?status=matched");
  EXPECT_NE(queue.body.find("Messages (1)"), std::string::npos) << queue.body;
  EXPECT_NE(queue.body.find("Can someone drive?"), std::string::npos);
  const std::string reply = action_path(queue.body, "/messages");
  ASSERT_TRUE(reply.starts_with("/n/riverside/organize/matches/")) << reply;
  const auto sent = organizer.post(reply, {{"body", "I will call a driver."}});
  ASSERT_EQ(sent.status, 303);
  EXPECT_NE(organizer.get(location_of(sent)).body.find("Your message was sent."),
            std::string::npos);
  const auto mine = requester->get(manage_page);
  EXPECT_NE(mine.body.find("I will call a driver."), std::string::npos);
  EXPECT_NE(mine.body.find("An organizer"), std::string::npos);
  // Not signed in as an organizer, the same form is refused.
  PageClient stranger(server->port());
  stranger.get("/n/riverside/ask");
  EXPECT_EQ(stranger.post(reply, {{"body", "hi"}}).status, 401);
}

TEST_F(RelayPagesTest, TheThreadSpeaksSpanish) {
  PageClient spanish(server->port(), "es");
  const auto page = spanish.get(helper_page);
  EXPECT_NE(page.body.find("Todavía no hay mensajes."), std::string::npos);
  EXPECT_NE(page.body.find("Enviar mensaje"), std::string::npos);
}

}  // namespace
}  // namespace gapfill::testing
