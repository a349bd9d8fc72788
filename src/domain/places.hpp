#pragma once
// What a typed place stands for: "Missoula", "Medford, OR", "59801" or a
// whole address ending in one of these, turned into a point by the offline
// gazetteer (engine/gazetteer.hpp). Nothing typed leaves the server.

#include <optional>
#include <string>
#include <string_view>

#include "engine/geo.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

struct ResolvedPlace {
  geo::Point point;
  std::string display;  // "Missoula, MT", "59801 Missoula, MT"
};

// The place `text` names, or nullopt when no whole name or ZIP code in it is
// known. Tries the whole text, then its trailing comma-separated parts
// ("12 Elm St, Missoula, MT" -> "Missoula, MT"), then a five-digit ZIP code
// anywhere in it. Among places of one name ("Medford", "Portland") the one
// nearest `near` wins, so a network's own town comes first.
std::optional<ResolvedPlace> resolve_place(std::string_view text, const ServiceArea& near);

}  // namespace gapfill::domain
