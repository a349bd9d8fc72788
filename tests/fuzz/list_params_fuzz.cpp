// Listing query strings (http/list_params.cpp):
// ?kind=&category=&status=&near=&radius_km=&limit=&cursor=

#include <cmath>

#include "base/limits.hpp"
#include "engine/geo.hpp"
#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/list_params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gapfill::http::Request request;
  request.query = std::string(gapfill::fuzz::as_text(data, size));
  const auto query = gapfill::http::parse_list_params(request);
  if (!query) {
    FUZZ_CHECK(query.error().code == gapfill::ErrorCode::kMalformed);
    gapfill::fuzz::check_client_error(query.error());
    return 0;
  }
  // Whatever was asked, the listing stays bounded.
  FUZZ_CHECK(query->limit >= 1 && query->limit <= gapfill::limits::kListLimitMax);
  FUZZ_CHECK(query->radius_km > 0 && query->radius_km <= gapfill::limits::kListRadiusMaxKm);
  if (query->near) FUZZ_CHECK(gapfill::geo::is_valid(*query->near));
  if (query->category) FUZZ_CHECK(!query->category->empty() && query->category->size() <= 64);
  if (query->after) {
    // A cursor that was read is written back the same.
    const auto again =
        gapfill::domain::decode_cursor(gapfill::domain::encode_cursor(*query->after));
    FUZZ_CHECK(again && again->id == query->after->id &&
               again->by_distance == query->after->by_distance &&
               again->created_at == query->after->created_at);
  }
  return 0;
}
