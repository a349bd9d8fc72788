// The authorization matrix's rows for possible duplicates: the network's
// organizers list, merge and dismiss its flags; the other network's
// organizers theirs; nobody else anything.
//
// Each cell that needs a flag takes an open one of the case's network, or
// makes one (two alike requests from one e-mail address) when none is open.

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_duplicate_rows(std::vector<Row>& rows) {
  // An open flag of `records`' network; its id.
  const auto flag_of = [this](const Records& records) -> std::int64_t {
    const Who admin = records.slug == "riverside" ? Who::kAdmin : Who::kOtherOrganizer;
    const std::string list = "/api/v1/networks/" + records.slug + "/duplicates";
    auto listed = api("GET", list, json(), admin);
    EXPECT_EQ(listed.status, 200) << listed.body;
    if (listed.json()["items"].empty()) {
      for (const char* title : {"Diapers for a baby", "Baby diapers needed"}) {
        json body = request_body(title);
        body["contact"] = {{"name", "Ana"}, {"email", "ana@example.org"}, {"method", "email"}};
        const auto made = client_->post("/api/v1/networks/" + records.slug + "/posts", body);
        EXPECT_EQ(made.status, 201) << made.body;
      }
      listed = api("GET", list, json(), admin);
    }
    const json items = listed.json()["items"];
    EXPECT_FALSE(items.empty()) << listed.body;
    return items.empty() ? 0 : items[0]["id"].get<std::int64_t>();
  };
  const auto resolve = [flag_of](const std::string& verb) {
    return [flag_of, verb](const World& world, Case c, Who) {
      if (c == Case::kGuessed) {
        return fmt::format("/api/v1/networks/{}/duplicates/{}/{}", world.own.slug, kGuessedId,
                           verb);
      }
      const Records& records = pick(world, c);
      return fmt::format("/api/v1/networks/{}/duplicates/{}/{}", records.slug, flag_of(records),
                         verb);
    };
  };
  rows.push_back({"a network's possible duplicates",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/duplicates"),
                  {},
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  for (const char* verb : {"merge", "dismiss"}) {
    rows.push_back({std::string(verb) + " a possible duplicate",
                    "POST",
                    false,
                    true,
                    resolve(verb),
                    [](const World&, Case) { return json::object(); },
                    {},
                    kOrganizers,
                    kOtherOrganizerOnly});
  }
  // The dashboard's forms: always riverside's dashboard, on the case's flag
  // (another network's flag is not found there).
  for (const char* verb : {"merge", "dismiss"}) {
    rows.push_back(
        {std::string(verb) + " a possible duplicate from the dashboard",
         "POST",
         true,
         true,
         [flag_of, verb](const World& world, Case c, Who) {
           const std::int64_t id = c == Case::kGuessed ? kGuessedId : flag_of(pick(world, c));
           return fmt::format("/n/{}/organize/duplicates/{}/{}", world.own.slug, id, verb);
         },
         {},
         [](const World&, Case) { return FormFields{}; },
         kOrganizers,
         {}});
  }
}

}  // namespace gapfill::testing::matrix
