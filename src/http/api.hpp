#pragma once
// The JSON API under /api/v1.

#include "domain/services.hpp"
#include "http/router.hpp"

namespace gapfill::http {

void add_api_routes(Router& router, domain::Services& services);

}  // namespace gapfill::http
