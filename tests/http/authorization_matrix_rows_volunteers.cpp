// The authorization matrix's rows for volunteer profiles: a volunteer's own
// availability (volunteers, organizers and admins of the network, each their
// own) and the organizers' list of the network's volunteers.
//
// By the time these rows run, the "join a network" row made every signed-in
// actor at least a volunteer of both networks, so each may keep a profile in
// both; the list stays with each network's organizers. Cells that read
// or delete a profile run after `before` gave every signed-in actor one in
// both networks (refused where they have no role, which is fine).

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {
namespace {

json profile_body() {
  return fields_json({{"name", "Alex"},
                      {"categories", json::array({"food"})},
                      {"languages", json::array({"en"})},
                      {"lat", 46.87},
                      {"lon", -113.99},
                      {"max_distance_km", 15}});
}

}  // namespace

void AuthorizationMatrixTest::add_volunteer_rows(std::vector<Row>& rows) {
  const std::set<Who> own_volunteers = kSignedIn;
  const std::set<Who> other_volunteers = kSignedIn;
  // Every signed-in actor sets a profile in both networks.
  const auto give_profiles = [this](Case) {
    for (const char* slug : {"riverside", "hillside"}) {
      for (Who who : kSignedIn) {
        api("PUT", fmt::format("/api/v1/networks/{}/volunteer-profile", slug), profile_body(), who);
      }
    }
  };
  rows.push_back({"set one's volunteer profile",
                  "PUT",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/volunteer-profile"),
                  [](const World&, Case) { return profile_body(); },
                  {},
                  own_volunteers,
                  other_volunteers});
  rows.push_back({"read one's volunteer profile",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/volunteer-profile"),
                  {},
                  {},
                  own_volunteers,
                  other_volunteers});
  rows.back().before = give_profiles;
  rows.push_back({"delete one's volunteer profile",
                  "DELETE",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/volunteer-profile"),
                  {},
                  {},
                  own_volunteers,
                  other_volunteers});
  rows.back().before = give_profiles;
  // The volunteer's page: signed-in actors who belong to the network; the
  // anonymous are sent to sign in (a denial).
  rows.push_back({"the volunteer page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/volunteer"),
                  {},
                  {},
                  own_volunteers,
                  other_volunteers});
  rows.push_back({"save one's availability",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/volunteer"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"name", "Alex"},       {"available", "1"},
                                      {"categories", "food"}, {"languages", "en"},
                                      {"place", "Missoula"},  {"max_distance_km", "10"},
                                      {"max_active", "3"},    {"max_per_week", "5"}};
                  },
                  own_volunteers,
                  other_volunteers});
  rows.push_back({"list a network's volunteers",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/volunteers"),
                  {},
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
}

}  // namespace gapfill::testing::matrix
