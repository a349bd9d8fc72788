#pragma once
// The contact relay's API: GET and POST /api/v1/matches/{id}/messages.

#include "domain/services.hpp"
#include "http/router.hpp"

namespace gapfill::http {

void add_relay_routes(Router& router, domain::Services& services);

}  // namespace gapfill::http
