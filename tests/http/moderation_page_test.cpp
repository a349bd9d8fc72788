// Moderation in the pages over real HTTP: the report form, hiding from the
// dashboard (gone from browse, the network's counts and the map data; the
// private link still works), blocking, and the audit page.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

class ModerationPagesTest : public ApiTest {
 protected:
  // A browser signed in as riverside's admin (an organizer and more).
  std::unique_ptr<PageClient> organizer() {
    auto browser = std::make_unique<PageClient>(server->port());
    browser->set_cookie("gf_session",
                        sign_in_new_admin(*server, *client, "riverside", "dana@example.org"));
    browser->get("/n/riverside/organize");
    return browser;
  }
  static bool has(const HttpResult& result, const std::string& text) {
    return result.body.find(text) != std::string::npos;
  }
  static std::size_t count_of(const std::string& body, const std::string& text) {
    std::size_t count = 0;
    for (auto at = body.find(text); at != std::string::npos; at = body.find(text, at + 1)) ++count;
    return count;
  }
};

TEST_F(ModerationPagesTest, AVisitorReportsAPostAndTheDashboardShowsTheReport) {
  const auto [id, token] = create_post(request_body("Cheap designer bags"));
  PageClient visitor(server->port());
  const auto page = visitor.get("/p/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "action=\"/p/" + std::to_string(id) + "/report\""));
  const auto sent = visitor.post("/p/" + std::to_string(id) + "/report",
                                 {{"reason", "spam"}, {"note", "Same ad in every network"}});
  ASSERT_EQ(sent.status, 303);
  EXPECT_EQ(location_of(sent), "/p/" + std::to_string(id) + "?report=received");
  EXPECT_TRUE(has(visitor.get(location_of(sent)), "The organizers will look at this post"));
  // A forged form and a missing reason are refused.
  EXPECT_EQ(
      visitor.post("/p/" + std::to_string(id) + "/report", {{"reason", "spam"}}, false).status,
      403);
  EXPECT_EQ(location_of(visitor.post("/p/" + std::to_string(id) + "/report", {{"note", "x"}})),
            "/p/" + std::to_string(id) + "?report=invalid");

  auto dashboard = organizer();
  const auto queue = dashboard->get("/n/riverside/organize");
  EXPECT_TRUE(has(queue, "Reports to look at: 1"));
  EXPECT_TRUE(has(queue, "Same ad in every network"));
  (void)token;
}

TEST_F(ModerationPagesTest, AHiddenPostIsGoneFromThePublicButItsPrivateLinkStillWorks) {
  const auto [id, token] = create_post(request_body("Fake rent deposit"));
  const std::string path = "/p/" + std::to_string(id);
  PageClient visitor(server->port());
  EXPECT_TRUE(has(visitor.get("/n/riverside/browse"), "Fake rent deposit"));
  const auto home_before = visitor.get("/n/riverside");

  auto dashboard = organizer();
  const auto hidden = dashboard->post("/n/riverside/organize/posts/" + std::to_string(id) + "/hide",
                                      {{"reason", "scam"}});
  ASSERT_EQ(hidden.status, 303);
  EXPECT_EQ(location_of(hidden), "/n/riverside/organize?done=hidden");
  EXPECT_TRUE(has(dashboard->get(location_of(hidden)), "Hidden from the public"));

  // Browse, the map data it carries, the listing API and the counts leave it out.
  const auto browse = visitor.get("/n/riverside/browse");
  EXPECT_FALSE(has(browse, "Fake rent deposit"));
  EXPECT_FALSE(has(browse, "href=\"" + path + "\""));
  EXPECT_TRUE(endpoint_tests::listed_ids(*client, "").empty());
  EXPECT_EQ(server->app().services().networks().summary("riverside")->open_requests, 0);
  // Its public page says it was removed.
  const auto gone = visitor.get(path);
  EXPECT_EQ(gone.status, 410);
  EXPECT_TRUE(has(gone, "This post was removed"));
  EXPECT_FALSE(has(gone, "Fake rent deposit"));
  EXPECT_EQ(visitor.get(path + "/claim").status, 410);
  // The poster's private link works and says organizers hid it.
  const auto own = visitor.get(path + "/k/" + token);
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(has(own, "Fake rent deposit"));
  EXPECT_TRUE(has(own, "organizers hid this post"));

  // Shown again from the dashboard.
  EXPECT_EQ(
      dashboard->post("/n/riverside/organize/posts/" + std::to_string(id) + "/unhide", {}).status,
      303);
  EXPECT_TRUE(has(visitor.get("/n/riverside/browse"), "Fake rent deposit"));
  EXPECT_EQ(visitor.get(path).status, 200);
  (void)home_before;
}

TEST_F(ModerationPagesTest, ABlockedLinkCannotEditOrCloseAndSaysSo) {
  const auto [id, token] = create_post(request_body("Blocked poster"));
  const std::string base = "/p/" + std::to_string(id) + "/k/" + token;
  auto dashboard = organizer();
  ASSERT_EQ(dashboard
                ->post("/n/riverside/organize/posts/" + std::to_string(id) + "/block",
                       {{"reason", "unsafe"}})
                .status,
            303);
  EXPECT_TRUE(has(dashboard->get("/n/riverside/organize"), "link is blocked"));
  PageClient poster(server->port());
  const auto own = poster.get(base);
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(has(own, "blocked this link"));
  EXPECT_FALSE(has(own, base + "/close"));  // no actions offered
  EXPECT_EQ(poster.post(base + "/close", {{"reason", "withdrawn"}}).status, 403);
  EXPECT_EQ(client->get("/api/v1/posts/" + std::to_string(id)).json()["status"], "open");
  ASSERT_EQ(
      dashboard->post("/n/riverside/organize/posts/" + std::to_string(id) + "/unblock", {}).status,
      303);
  poster.get(base);
  EXPECT_EQ(poster.post(base + "/close", {{"reason", "withdrawn"}}).status, 303);
}

TEST_F(ModerationPagesTest, OrganizersBlockAndUnblockThePostersAndTheVolunteersAccounts) {
  // A post made while signed in, claimed by another signed-in account, and a
  // post made without an account.
  const std::string poster = sign_in_new_account(*client, "poster@example.org");
  const auto made =
      client->post("/api/v1/networks/riverside/posts", request_body("Firewood"), poster);
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t id = made.json()["post"]["id"];
  const std::string volunteer = sign_in_new_account(*client, "vol@example.org");
  ASSERT_EQ(client->post(post_path(id) + "/claim", claim_body(), volunteer).status, 201);
  const auto [anonymous, token] = create_post(request_body("Blankets"));
  const std::int64_t poster_id = client->get("/api/v1/account", poster).json()["id"];
  const std::int64_t volunteer_id = client->get("/api/v1/account", volunteer).json()["id"];
  const auto account_action = [](std::int64_t account, const char* action) {
    return "/n/riverside/organize/accounts/" + std::to_string(account) + "/" + action;
  };

  auto dashboard = organizer();
  const auto queue = dashboard->get("/n/riverside/organize");
  EXPECT_TRUE(has(queue, "Block the poster&#39;s account"));
  EXPECT_TRUE(has(queue, "Block the volunteer&#39;s account"));
  EXPECT_TRUE(has(queue, "action=\"" + account_action(poster_id, "block") + "\""));
  EXPECT_TRUE(has(queue, "action=\"" + account_action(volunteer_id, "block") + "\""));
  // One block form per account shown: the post made without one has none.
  EXPECT_EQ(count_of(queue.body, "organize/accounts/"), 2u);

  const auto blocked = dashboard->post(account_action(poster_id, "block"), {{"reason", "scam"}});
  ASSERT_EQ(blocked.status, 303);
  EXPECT_EQ(location_of(blocked), "/n/riverside/organize?done=account_blocked");
  const auto after = dashboard->get(location_of(blocked));
  EXPECT_TRUE(has(after, "The account is blocked in this network."));
  EXPECT_TRUE(has(after, "The poster&#39;s account is blocked in this network"));
  EXPECT_TRUE(has(after, "action=\"" + account_action(poster_id, "unblock") + "\""));
  EXPECT_EQ(client->post("/api/v1/networks/riverside/posts", request_body("Again"), poster).status,
            403);
  // Blocking twice is a conflict; a guessed account is not found; a reason
  // is needed; a visitor who does not organize the network is refused.
  EXPECT_EQ(location_of(dashboard->post(account_action(poster_id, "block"), {{"reason", "scam"}})),
            "/n/riverside/organize?conflict=1");
  EXPECT_EQ(dashboard->post(account_action(987654, "block"), {{"reason", "scam"}}).status, 404);
  EXPECT_EQ(location_of(dashboard->post(account_action(volunteer_id, "block"), {})),
            "/n/riverside/organize?conflict=1");
  PageClient visitor(server->port());
  visitor.set_cookie("gf_session", volunteer);
  visitor.get("/n/riverside/ask");
  EXPECT_EQ(visitor.post(account_action(poster_id, "unblock"), {}).status, 403);

  const auto unblocked = dashboard->post(account_action(poster_id, "unblock"), {});
  EXPECT_EQ(location_of(unblocked), "/n/riverside/organize?done=account_unblocked");
  EXPECT_EQ(client->post("/api/v1/networks/riverside/posts", request_body("Again"), poster).status,
            201);
  (void)anonymous;
  (void)token;
}

TEST_F(ModerationPagesTest, TheAuditPageListsActionsForOrganizersOnly) {
  const auto [id, token] = create_post(request_body("Audited on the page"));
  auto dashboard = organizer();
  dashboard->post("/n/riverside/organize/posts/" + std::to_string(id) + "/hide",
                  {{"reason", "spam"}});
  const auto audit = dashboard->get("/n/riverside/organize/audit");
  ASSERT_EQ(audit.status, 200);
  EXPECT_TRUE(has(audit, "account "));
  EXPECT_TRUE(has(audit, "reason=spam"));
  EXPECT_TRUE(has(audit, "key_issued"));
  EXPECT_FALSE(has(audit, "Sam"));
  // Not signed in: refused, nothing shown.
  PageClient stranger(server->port());
  const auto refused = stranger.get("/n/riverside/organize/audit");
  EXPECT_EQ(refused.status, 401);
  EXPECT_FALSE(has(refused, "reason=spam"));
  (void)token;
}

}  // namespace
}  // namespace gapfill::testing
