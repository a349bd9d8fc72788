// The authorization matrix's rows for referrals between networks, in the
// API and on the dashboard and private link pages.
//
// Each cell acts on a referral made for it: "own" is riverside's side of a
// referral (sent by riverside, or sent to it, as the route needs), "other
// network" hillside's. A referral the cell's request already has (a denied
// cell before it left one) is reused when it has the status the row needs,
// and withdrawn otherwise; a request an allowed cell moved on is replaced
// by a new one. The sending network's organizers see their
// referrals; the receiving network's once the requester consented; a third
// party nothing (404 for a signed-in account, 401 without one).

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_referral_rows(std::vector<Row>& rows) {
  // Who runs each network: riverside's admin and hillside's (kOtherOrganizer).
  const auto admin_of = [](const Records& records) {
    return records.slug == "riverside" ? Who::kAdmin : Who::kOtherOrganizer;
  };
  // A referral of `from`'s open request to the other network, with `status`
  // awaiting_consent or sent; its id.
  const auto referral = [this, admin_of](const Records& from, const std::string& to,
                                         const std::string& status) -> std::int64_t {
    const Who admin = admin_of(from);
    const auto listed = api("GET", "/api/v1/networks/" + from.slug + "/referrals", json(), admin);
    EXPECT_EQ(listed.status, 200) << listed.body;
    const json items = listed.json()["items"];
    for (const json& item : items) {
      if (item["post"]["id"] != from.request) continue;
      const std::string current = item["status"];
      if (current != "awaiting_consent" && current != "sent") continue;
      if (current == status) return item["id"];
      api("POST", fmt::format("/api/v1/referrals/{}/withdraw", item["id"].get<std::int64_t>()),
          json::object(), admin);
    }
    const json body{{"to", to}, {"consent", status == "sent" ? "organizer" : "requester"}};
    auto made = api("POST", fmt::format("/api/v1/posts/{}/referrals", from.request), body, admin);
    if (made.status == 409) {
      // An allowed cell before moved the request on (accepted): refer a new one.
      const auto post = client_->post("/api/v1/networks/" + from.slug + "/posts", request_body());
      EXPECT_EQ(post.status, 201) << post.body;
      made = api(
          "POST",
          fmt::format("/api/v1/posts/{}/referrals", post.json()["post"]["id"].get<std::int64_t>()),
          body, admin);
    }
    EXPECT_EQ(made.status, 201) << made.body;
    return made.status == 201 ? made.json()["referral"]["id"].get<std::int64_t>() : 0;
  };
  // The network of the case and the other one.
  const auto sides = [](const World& world, Case c) {
    return c == Case::kOtherNetwork ? std::pair{world.other, world.own}
                                    : std::pair{world.own, world.other};
  };
  // A referral sent by the case's network (`outgoing`) or to it, in `status`.
  const auto referral_of = [referral, sides](const World& world, Case c, bool outgoing,
                                             const std::string& status) -> std::int64_t {
    if (c == Case::kGuessed) return kGuessedId;
    const auto [mine, theirs] = sides(world, c);
    return outgoing ? referral(mine, theirs.slug, status) : referral(theirs, mine.slug, status);
  };
  const std::set<Who> other_organizer = kOtherOrganizerOnly;

  // The API.
  rows.push_back({"refer a request",
                  "POST",
                  false,
                  true,
                  at("/api/v1/posts/{id}/referrals", &Records::request),
                  [](const World& world, Case c) {
                    return fields_json(
                        {{"to", c == Case::kOtherNetwork ? world.own.slug : world.other.slug},
                         {"consent", "organizer"}});
                  },
                  {},
                  kOrganizers,
                  other_organizer});
  rows.push_back({"a network's referrals",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/referrals"),
                  {},
                  {},
                  kOrganizers,
                  other_organizer});
  // Awaiting consent, the receiving network does not see it yet.
  rows.push_back({"one referral",
                  "GET",
                  false,
                  false,
                  [referral_of](const World& world, Case c, Who) {
                    return fmt::format("/api/v1/referrals/{}",
                                       referral_of(world, c, true, "awaiting_consent"));
                  },
                  {},
                  {},
                  kOrganizers,
                  other_organizer});
  for (const char* verb : {"accept", "decline"}) {
    rows.push_back({std::string(verb) + " a referral",
                    "POST",
                    false,
                    true,
                    [referral_of, verb](const World& world, Case c, Who) {
                      return fmt::format("/api/v1/referrals/{}/{}",
                                         referral_of(world, c, false, "sent"), verb);
                    },
                    [](const World&, Case) { return json::object(); },
                    {},
                    kOrganizers,
                    other_organizer});
  }
  rows.push_back({"withdraw a referral",
                  "POST",
                  false,
                  true,
                  [referral_of](const World& world, Case c, Who) {
                    return fmt::format("/api/v1/referrals/{}/withdraw",
                                       referral_of(world, c, true, "sent"));
                  },
                  [](const World&, Case) { return json::object(); },
                  {},
                  kOrganizers,
                  other_organizer});
  // The requester's answer: the poster holds riverside's request token.
  rows.push_back({"consent to a referral",
                  "POST",
                  false,
                  true,
                  [referral_of](const World& world, Case c, Who) {
                    const std::int64_t post = id_or_guess(c, pick(world, c).request);
                    return fmt::format("/api/v1/posts/{}/referrals/{}/consent", post,
                                       referral_of(world, c, true, "awaiting_consent"));
                  },
                  [](const World&, Case) {
                    return fields_json({{"agree", true}});
                  },
                  {},
                  {Who::kPoster},
                  {}});

  // The pages: always riverside's dashboard, on the case's referral.
  const auto dashboard = [referral_of](const std::string& verb, bool outgoing) {
    return [referral_of, verb, outgoing](const World& world, Case c, Who) {
      return fmt::format("/n/{}/organize/referrals/{}/{}", world.own.slug,
                         referral_of(world, c, outgoing, "sent"), verb);
    };
  };
  rows.push_back({"refer from the dashboard",
                  "POST",
                  true,
                  true,
                  [](const World& world, Case c, Who) {
                    return fmt::format("/n/{}/organize/posts/{}/refer", world.own.slug,
                                       id_or_guess(c, pick(world, c).request));
                  },
                  {},
                  [](const World& world, Case c) {
                    return FormFields{
                        {"to", c == Case::kOtherNetwork ? world.own.slug : world.other.slug},
                        {"consent", "organizer"}};
                  },
                  kOrganizers,
                  {}});
  for (const char* verb : {"accept", "decline"}) {
    rows.push_back({std::string(verb) + " a referral from the dashboard",
                    "POST",
                    true,
                    true,
                    dashboard(verb, false),
                    {},
                    [](const World&, Case) {
                      return FormFields{{"reason", "no_capacity"}};
                    },
                    kOrganizers,
                    {}});
  }
  rows.push_back({"withdraw a referral from the dashboard",
                  "POST",
                  true,
                  true,
                  dashboard("withdraw", true),
                  {},
                  [](const World&, Case) { return FormFields{}; },
                  kOrganizers,
                  {}});
  rows.push_back({"consent on the private link",
                  "POST",
                  true,
                  true,
                  [referral_of](const World& world, Case c, Who who) {
                    const std::string held = who == Who::kPoster        ? world.own.request_token
                                             : who == Who::kOtherPoster ? world.own.unrelated_token
                                             : who == Who::kClaimer     ? world.own.match_token
                                                                    : std::string("not-a-token");
                    return fmt::format("/p/{}/k/{}/referrals/{}/consent",
                                       id_or_guess(c, pick(world, c).request), held,
                                       referral_of(world, c, true, "awaiting_consent"));
                  },
                  {},
                  [](const World&, Case) {
                    return FormFields{{"agree", "yes"}};
                  },
                  {Who::kPoster},
                  {}});
}

}  // namespace gapfill::testing::matrix
