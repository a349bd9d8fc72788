// The authorization matrix's rows for the directory and starting a network:
// the public directory (page, JSON, HSDS export) is for everyone and takes
// no id; a network's public contact is changed by that network's admin
// only; starting a network needs an account; a network's starter page is
// for its admins.

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_directory_rows(std::vector<Row>& rows) {
  rows.push_back({"the directory page",
                  "GET",
                  true,
                  false,
                  fixed("/directory"),
                  {},
                  {},
                  kAll,
                  {},
                  {Case::kOwn}});
  rows.push_back({"the directory as JSON",
                  "GET",
                  false,
                  false,
                  fixed("/api/v1/directory"),
                  {},
                  {},
                  kAll,
                  {},
                  {Case::kOwn}});
  rows.push_back({"the directory's HSDS export",
                  "GET",
                  false,
                  false,
                  fixed("/api/v1/directory/hsds/organizations.csv"),
                  {},
                  {},
                  kAll,
                  {},
                  {Case::kOwn}});
  rows.push_back({"change the network's public contact",
                  "PATCH",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/contact"),
                  [](const World&, Case) {
                    return fields_json({{"website", "https://aid.example.org"}});
                  },
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"change the public contact on the admin page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/admin/contact"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"contact_email", "aid@example.org"},
                                      {"contact_website", ""},
                                      {"contact_phone", ""}};
                  },
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back(
      {"the start page", "GET", true, false, fixed("/start"), {}, {}, kSignedIn, {}, {Case::kOwn}});
  rows.push_back({"a step of starting a network",
                  "POST",
                  true,
                  false,
                  fixed("/start"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"step", "name"}, {"name", "New Aid"}, {"slug", "new-aid"}};
                  },
                  kSignedIn,
                  {},
                  {Case::kOwn}});
  rows.push_back({"a network's starter page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/welcome"),
                  {},
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
}

}  // namespace gapfill::testing::matrix
