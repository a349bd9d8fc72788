// The authorization matrix's rows for service areas: anyone may ask which
// networks serve a place; only a network's admin changes its area (the other
// network's admin, its own).

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

void AuthorizationMatrixTest::add_area_rows(std::vector<Row>& rows) {
  rows.push_back({"which networks serve a place",
                  "GET",
                  false,
                  false,
                  fixed("/api/v1/networks/serving?lat=46.87&lon=-113.99"),
                  {},
                  {},
                  kAll,
                  {},
                  {Case::kOwn}});  // no record to guess: the same answer for everyone
  rows.push_back({"the admin's area page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/admin/area"),
                  {},
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"change the area on the admin page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/admin/area"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"point", "46.87,-113.99"}, {"radius_km", "40"}};
                  },
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"change the area",
                  "PUT",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/area"),
                  [](const World&, Case) {
                    return fields_json({{"lat", 46.87}, {"lon", -113.99}, {"radius_km", 40}});
                  },
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
}

}  // namespace gapfill::testing::matrix
