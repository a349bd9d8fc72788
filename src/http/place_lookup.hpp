#pragma once
// A place a person typed ("Missoula, MT", "59801"), resolved on this server
// with the offline gazetteer (engine/gazetteer.hpp). What was typed never
// leaves the server and is never logged: only the gazetteer's display name
// of what it found is shown back.

#include <string>
#include <string_view>
#include <vector>

#include "engine/geo.hpp"

namespace gapfill::http {

struct ResolvedPlace {
  std::string display;  // "Missoula, MT", "59801 Missoula, MT", "Lyon, France"
  geo::Point point;
};

struct PlaceLookup {
  std::vector<ResolvedPlace> places;  // most likely first; empty when nothing matched
  bool ambiguous = false;             // several likely places: let the person choose
};

PlaceLookup resolve_place(std::string_view typed, std::size_t limit);

}  // namespace gapfill::http
