// The authorization matrix's rows for the matcher's suggested matches: the
// network's organizers (and admins) list, accept and dismiss them, in the API
// and on the dashboard's page; the other network's organizer does the same on
// their own network only; nobody else.
//
// Accepting needs a pair the matcher suggests now, whatever earlier cells
// left in the network: each cell gets a request and an offer of its own, at
// a place of their own, both willing to go 1 km only, so they pair with
// each other and nothing else.

#include <fmt/format.h>

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_suggestion_rows(std::vector<Row>& rows) {
  // A fresh request and offer in `slug`, 3 km from any made before.
  const auto pair_in = [this](const std::string& slug) {
    static int made = 0;
    const double lat = 46.0 + 0.03 * ++made;
    const auto create = [&](const char* kind) -> std::int64_t {
      const json body = {{"kind", kind},
                         {"category", "food"},
                         {"title", fmt::format("Matcher {} {}", kind, made)},
                         {"quantity", 1},
                         {"max_distance_km", 1},
                         {"location", {{"lat", lat}, {"lon", -113.99}}},
                         {"contact", {{"email", "pair@example.org"}, {"method", "email"}}}};
      const auto created = client_->post("/api/v1/networks/" + slug + "/posts", body);
      EXPECT_EQ(created.status, 201) << created.body;
      return created.status == 201 ? created.json()["post"]["id"].get<std::int64_t>() : 0;
    };
    const std::int64_t request = create("request");
    return std::pair{request, create("offer")};
  };
  const auto pair_json = [pair_in](const World& world, Case c) {
    if (c == Case::kGuessed) return fields_json({{"request_id", kGuessedId}, {"offer_id", 1}});
    const auto [request, offer] = pair_in(pick(world, c).slug);
    return fields_json({{"request_id", request}, {"offer_id", offer}});
  };
  const auto pair_form = [pair_in](const World& world, Case c) {
    if (c == Case::kGuessed) {
      return FormFields{{"request_id", std::to_string(kGuessedId)}, {"offer_id", "1"}};
    }
    const auto [request, offer] = pair_in(pick(world, c).slug);
    return FormFields{{"request_id", std::to_string(request)}, {"offer_id", std::to_string(offer)}};
  };

  rows.push_back({"a network's suggested matches",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/suggestions"),
                  {},
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"accept a suggested match",
                  "POST",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/suggestions/accept"),
                  pair_json,
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"accept every suggested match",
                  "POST",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/suggestions/accept-all"),
                  [](const World&, Case) { return json::object(); },
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"dismiss a suggested match",
                  "POST",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/suggestions/dismiss"),
                  pair_json,
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"the suggested matches page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/organize/suggestions"),
                  {},
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"accept a suggested match on the page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/organize/suggestions/accept"),
                  {},
                  pair_form,
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"accept every suggested match on the page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/organize/suggestions/accept-all"),
                  {},
                  [](const World&, Case) { return FormFields{}; },
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.push_back({"dismiss a suggested match on the page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/organize/suggestions/dismiss"),
                  {},
                  pair_form,
                  kOrganizers,
                  kOtherOrganizerOnly});
}

}  // namespace gapfill::testing::matrix
