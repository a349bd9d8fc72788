#pragma once

#include "base/error.hpp"
#include "domain/listing.hpp"
#include "http/message.hpp"

namespace gapfill::http {

// Reads ?kind=&category=&status=&near=LAT,LON&radius_km=&limit=&cursor= into
// a listing query (network left to the caller). Names every bad parameter.
Result<domain::ListQuery> parse_list_params(const Request& request);

}  // namespace gapfill::http
