#include "http/place_lookup.hpp"

#include "engine/gazetteer.hpp"

namespace gapfill::http {
namespace {

// As GET /api/v1/places names places: "Missoula, MT", "Lyon, France".
std::string display(const gazetteer::Candidate& c) {
  std::string text(c.name);
  if (c.kind == gazetteer::Kind::kPostcode && !c.near.empty()) text.append(" ").append(c.near);
  if (!c.admin.empty()) text.append(", ").append(c.admin);
  if (c.country != "US" || c.admin.empty()) text.append(", ").append(c.country_name);
  return text;
}

}  // namespace

PlaceLookup resolve_place(std::string_view typed, std::size_t limit) {
  const auto found = gazetteer::Gazetteer::embedded().lookup(typed, limit);
  PlaceLookup lookup;
  lookup.ambiguous = found.ambiguous;
  for (const auto& candidate : found.candidates) {
    lookup.places.push_back({display(candidate), candidate.point});
  }
  return lookup;
}

}  // namespace gapfill::http
