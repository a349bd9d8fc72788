// Referrals on the pages over real HTTP: the dashboard's "Refer" form and
// "Referrals" section in two networks, and the requester's consent on the
// private link (no JavaScript needed: plain forms with CSRF).

#include <gtest/gtest.h>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"

namespace gapfill::testing {
namespace {

class ReferralPagesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    create_network(*server, "hillside");
    riverside = browser_of("riverside", "dana@example.org");
    hillside = browser_of("hillside", "hana@example.org");
    const auto [id, token] = create_post(request_body("Groceries after the flood"));
    post_id = id;
    manage_token = token;
    // The dashboards again, now with forms (and their anti-forgery tokens).
    riverside->get("/n/riverside/organize");
    hillside->get("/n/hillside/organize");
  }
  // A browser signed in as the network's admin.
  std::unique_ptr<PageClient> browser_of(const std::string& slug, const std::string& email) {
    auto browser = std::make_unique<PageClient>(server->port());
    browser->set_cookie("gf_session", sign_in_new_admin(*server, *client, slug, email));
    browser->get("/n/" + slug + "/organize");
    return browser;
  }
  static bool has(const HttpResult& result, const std::string& text) {
    return result.body.find(text) != std::string::npos;
  }
  std::string private_link(std::int64_t id) const {
    return "/p/" + std::to_string(id) + "/k/" + manage_token;
  }
  // The id of the newest referral in `slug`'s listing.
  std::int64_t newest_referral(const std::string& slug, const std::string& email) {
    const std::string session =
        client
            ->post("/api/v1/sessions",
                   {{"email", email}, {"password", "correct horse battery staple"}})
            .json()["session_token"];
    return client->get("/api/v1/networks/" + slug + "/referrals", session).json()["items"][0]["id"];
  }
  std::unique_ptr<PageClient> riverside, hillside;
  std::int64_t post_id = 0;
  std::string manage_token;
};

TEST_F(ReferralPagesTest, RequesterConsentsOnTheirLinkAndTheOtherNetworkAccepts) {
  const auto dashboard = riverside->get("/n/riverside/organize");
  ASSERT_EQ(dashboard.status, 200);
  EXPECT_TRUE(has(dashboard, "Refer to another network"));
  EXPECT_TRUE(has(dashboard, "<option value=\"hillside\">"));

  const auto referred =
      riverside->post("/n/riverside/organize/posts/" + std::to_string(post_id) + "/refer",
                      {{"to", "hillside"}, {"consent", "requester"}, {"note", "Sundays"}});
  ASSERT_EQ(referred.status, 303) << referred.body;
  EXPECT_EQ(location_of(referred), "/n/riverside/organize?done=referred");
  const auto after = riverside->get(location_of(referred));
  EXPECT_TRUE(has(after, "The request was referred."));
  EXPECT_TRUE(has(after, "waiting for the requester&#39;s consent"));
  // Nothing reaches hillside before the requester says yes.
  EXPECT_FALSE(has(hillside->get("/n/hillside/organize"), "Groceries after the flood"));

  PageClient requester(server->port());
  const auto asked = requester.get(private_link(post_id));
  ASSERT_EQ(asked.status, 200);
  EXPECT_TRUE(has(asked, "can help with this. Share your request with them?"));
  const std::int64_t referral = newest_referral("riverside", "dana@example.org");
  const std::string consent =
      private_link(post_id) + "/referrals/" + std::to_string(referral) + "/consent";
  EXPECT_EQ(requester.post(consent, {{"agree", "yes"}}, false).status, 403);  // forged
  EXPECT_EQ(requester
                .post("/p/" + std::to_string(post_id) + "/k/wrong/referrals/" +
                          std::to_string(referral) + "/consent",
                      {{"agree", "yes"}})
                .status,
            403);
  const auto agreed = requester.post(consent, {{"agree", "yes"}});
  ASSERT_EQ(agreed.status, 303);
  EXPECT_EQ(location_of(agreed), private_link(post_id) + "?done=shared");
  EXPECT_TRUE(has(requester.get(location_of(agreed)), "Your request was shared with"));

  const auto incoming = hillside->get("/n/hillside/organize");
  EXPECT_TRUE(has(incoming, "Sent to you: awaiting your decision"));
  EXPECT_TRUE(has(incoming, "Groceries after the flood"));
  EXPECT_TRUE(has(incoming, "Sam"));
  const auto accepted =
      hillside->post("/n/hillside/organize/referrals/" + std::to_string(referral) + "/accept", {});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(location_of(accepted), "/n/hillside/organize?done=referral_accepted");
  const auto queue = hillside->get(location_of(accepted));
  EXPECT_TRUE(has(queue, "the request is now in your queue"));
  EXPECT_TRUE(has(queue, "Groceries after the flood"));

  // The requester's link shows where it went and leads there; the public
  // page says it moved on.
  const auto moved = requester.get(private_link(post_id));
  EXPECT_TRUE(has(moved, "took on this request"));
  const std::string marker = "/k/" + manage_token + "\">";
  const auto link_end = moved.body.find(marker);
  ASSERT_NE(link_end, std::string::npos);
  const auto link_start = moved.body.rfind("href=\"", link_end) + 6;
  const std::string new_link =
      moved.body.substr(link_start, link_end + marker.size() - 2 - link_start);
  EXPECT_NE(new_link, private_link(post_id));
  const auto there = requester.get(new_link);
  ASSERT_EQ(there.status, 200) << new_link;
  EXPECT_TRUE(has(there, "who referred it here"));
  EXPECT_TRUE(has(PageClient(server->port()).get("/p/" + std::to_string(post_id)),
                  "moved on to another network"));
  EXPECT_TRUE(has(riverside->get("/n/riverside/organize"), "accepted"));
}

TEST_F(ReferralPagesTest, RecordedConsentSendsAtOnceAndADeclineShowsOnBothSides) {
  ASSERT_EQ(riverside
                ->post("/n/riverside/organize/posts/" + std::to_string(post_id) + "/refer",
                       {{"to", "hillside"}, {"consent", "organizer"}})
                .status,
            303);
  const std::int64_t referral = newest_referral("riverside", "dana@example.org");
  EXPECT_TRUE(has(hillside->get("/n/hillside/organize"), "Groceries after the flood"));
  const auto declined =
      hillside->post("/n/hillside/organize/referrals/" + std::to_string(referral) + "/decline",
                     {{"reason", "no_capacity"}});
  ASSERT_EQ(declined.status, 303);
  EXPECT_EQ(location_of(declined), "/n/hillside/organize?done=referral_declined");
  // A second decision is a conflict, shown on the dashboard.
  const auto again =
      hillside->post("/n/hillside/organize/referrals/" + std::to_string(referral) + "/accept", {});
  EXPECT_EQ(location_of(again), "/n/hillside/organize?conflict=1");
  const auto sender = riverside->get("/n/riverside/organize");
  EXPECT_TRUE(has(sender, "declined"));
  EXPECT_TRUE(has(sender, "We cannot take it on now"));
  // The request stays open in riverside, and the requester is not asked.
  EXPECT_TRUE(has(sender, "Groceries after the flood"));
  EXPECT_FALSE(has(PageClient(server->port()).get(private_link(post_id)), "Share your request"));
}

TEST_F(ReferralPagesTest, TheConsentQuestionIsInSpanish) {
  ASSERT_EQ(riverside
                ->post("/n/riverside/organize/posts/" + std::to_string(post_id) + "/refer",
                       {{"to", "hillside"}, {"consent", "requester"}})
                .status,
            303);
  PageClient requester(server->port());
  requester.set_cookie("gf_lang", "es");
  EXPECT_TRUE(has(requester.get(private_link(post_id)), "¿Compartes tu solicitud con esa red?"));
}

}  // namespace
}  // namespace gapfill::testing
