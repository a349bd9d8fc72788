// Possible duplicates on the pages over real HTTP: the dashboard's section
// with both requests, merging and dismissing with plain forms (no
// JavaScript), and the merged request's private page.

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

json alike(const std::string& title) {
  json body = request_body(title);
  body["contact"] = {{"name", "Ana"}, {"email", "ana@example.org"}, {"method", "email"}};
  return body;
}

class DuplicatesPagesTest : public ApiTest {
 protected:
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
  std::int64_t flag_id(PageClient& browser) {
    const auto page = browser.get("/n/riverside/organize");
    const auto at = page.body.find("id=\"possible-duplicate-");
    if (at == std::string::npos) return 0;
    return std::stoll(page.body.substr(at + 23));
  }
};

TEST_F(DuplicatesPagesTest, TheDashboardShowsBothRequestsAndMergesWithOneForm) {
  const auto [older, older_token] = create_post(alike("Diapers for a baby"));
  const auto [newer, newer_token] = create_post(alike("Baby diapers needed, size 3"));
  auto browser = organizer();
  const auto page = browser->get("/n/riverside/organize");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Possible duplicates"));
  EXPECT_TRUE(has(page, "same contact"));
  EXPECT_TRUE(has(page, "Diapers for a baby"));
  EXPECT_TRUE(has(page, "Baby diapers needed, size 3"));
  // The contact that matched is never printed in the section.
  const auto section = page.body.substr(page.body.find("duplicates-heading"));
  EXPECT_EQ(section.substr(0, section.find("</section>")).find("ana@example.org"),
            std::string::npos);
  const std::int64_t id = flag_id(*browser);
  ASSERT_GT(id, 0);
  const std::string merge = "/n/riverside/organize/duplicates/" + std::to_string(id) + "/merge";
  // A forged form is refused.
  EXPECT_EQ(browser->post(merge, {}, false).status, 403);
  const auto merged = browser->post(merge, {});
  ASSERT_EQ(merged.status, 303);
  EXPECT_EQ(location_of(merged), "/n/riverside/organize?done=merged");
  const auto after = browser->get(location_of(merged));
  EXPECT_TRUE(has(after, "Merged: the newer request is closed"));
  EXPECT_FALSE(has(after, "id=\"possible-duplicate-"));
  // The requester's private link says so and links to the surviving request.
  PageClient requester(server->port());
  const auto own = requester.get("/p/" + std::to_string(newer) + "/k/" + newer_token);
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(has(own, "Organizers merged this request"));
  EXPECT_TRUE(has(own, "href=\"/p/" + std::to_string(older) + "\""));
  // The public page does not.
  EXPECT_FALSE(has(requester.get("/p/" + std::to_string(newer)), "Organizers merged"));
  // A second merge conflicts.
  EXPECT_EQ(location_of(browser->post(merge, {})), "/n/riverside/organize?conflict=1");
  (void)older_token;
}

TEST_F(DuplicatesPagesTest, NotADuplicateDismissesTheFlag) {
  create_post(alike("Diapers for a baby"));
  create_post(alike("Baby diapers needed"));
  auto browser = organizer();
  const std::int64_t id = flag_id(*browser);
  ASSERT_GT(id, 0);
  const auto dismissed =
      browser->post("/n/riverside/organize/duplicates/" + std::to_string(id) + "/dismiss", {});
  ASSERT_EQ(dismissed.status, 303);
  EXPECT_EQ(location_of(dismissed), "/n/riverside/organize?done=not_duplicate");
  EXPECT_EQ(flag_id(*browser), 0);
}

TEST_F(DuplicatesPagesTest, OnlyOrganizersSeeOrResolve) {
  create_post(alike("Diapers for a baby"));
  create_post(alike("Baby diapers needed"));
  PageClient visitor(server->port());
  visitor.get("/n/riverside");
  EXPECT_EQ(visitor.post("/n/riverside/organize/duplicates/1/merge", {}).status, 401);
  EXPECT_FALSE(has(visitor.get("/n/riverside/organize"), "Possible duplicates"));
}

}  // namespace
}  // namespace gapfill::testing
