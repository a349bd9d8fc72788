#include "http/place_lookup.hpp"

#include "engine/gazetteer.hpp"

namespace gapfill::http {

PlaceLookup resolve_place(std::string_view typed, std::size_t limit) {
  const auto found = gazetteer::Gazetteer::embedded().lookup(typed, limit);
  PlaceLookup lookup;
  lookup.ambiguous = found.ambiguous;
  for (const auto& candidate : found.candidates) {
    lookup.places.push_back({gazetteer::display_name(candidate), candidate.point});
  }
  return lookup;
}

}  // namespace gapfill::http
