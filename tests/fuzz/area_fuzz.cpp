// The GeoJSON service-area parser (engine/area.cpp): area::parse on what an
// admin pastes or an API client sends, and what is done with a parsed shape.

#include <cmath>

#include "engine/area.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace area = gapfill::area;
  const std::string_view text = gapfill::fuzz::as_text(data, size);
  const auto shape = area::parse(text);
  if (!shape) {
    // Every refusal says what is wrong.
    FUZZ_CHECK(!shape.error().problem.empty());
    return 0;
  }
  FUZZ_CHECK(!shape->polygons.empty());
  FUZZ_CHECK(shape->vertices <= area::kMaxVertices);
  // The canonical text reads back to itself.
  const std::string canonical = area::to_geojson(*shape);
  const auto again = area::parse(canonical);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(area::to_geojson(*again) == canonical);
  // Every vertex is in the area (edges count), at distance 0; the centre is a
  // point on Earth and the covering radius reaches every vertex.
  const gapfill::geo::Point centre = area::centre(*shape);
  FUZZ_CHECK(gapfill::geo::is_valid(centre));
  const double radius = area::covering_radius_km(*shape, centre);
  for (const auto& polygon : shape->polygons) {
    for (const auto& ring : polygon.rings) {
      for (const auto& p : ring) {
        FUZZ_CHECK(area::contains(*shape, p));
        FUZZ_CHECK(area::distance_km(*shape, p) == 0);
      }
    }
    for (const auto& p : polygon.rings.front()) {
      FUZZ_CHECK(gapfill::geo::distance_km(centre, p) <= radius + 1e-9);
    }
  }
  const double far = area::distance_km(*shape, {centre.lat, centre.lon});
  FUZZ_CHECK(std::isfinite(far) && far >= 0);
  return 0;
}
