#include "domain/places.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/limits.hpp"
#include "engine/gazetteer.hpp"

namespace gapfill::domain {
namespace {

// Enough candidates to hold every same-named town a network could mean
// (there are 43 places called "Santa Cruz").
constexpr std::size_t kCandidates = 20;
// Trailing parts tried after the whole text: "Missoula, MT, US" at most.
constexpr std::size_t kTrailingParts = 3;
// A last part alone ("…, Missoula") counts only this far beyond the area's
// edge: alone it may be a state or country that is also some town's name
// ("…, Oregon" is not Oregon, Wisconsin).
constexpr double kLonePartReachKm = 50;

std::optional<ResolvedPlace> nearest_exact(std::string_view query, const ServiceArea& near) {
  const auto found = gazetteer::Gazetteer::embedded().lookup(query, kCandidates);
  const gazetteer::Candidate* best = nullptr;
  double best_km = 0;
  for (const auto& candidate : found.candidates) {
    if (!candidate.exact) continue;
    const double km = geo::distance_km(candidate.point, near.centre);
    if (best == nullptr || km < best_km) {
      best = &candidate;
      best_km = km;
    }
  }
  if (best == nullptr) return std::nullopt;
  return ResolvedPlace{best->point, gazetteer::display_name(*best)};
}

std::string_view trim_view(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The first run of exactly five digits standing alone ("MT 59801", "59801-1234").
std::optional<std::string_view> zip_in(std::string_view text) {
  const auto digit = [&](std::size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit(i) || (i > 0 && digit(i - 1))) continue;
    std::size_t end = i;
    while (digit(end)) ++end;
    if (end - i == 5) return text.substr(i, 5);
    i = end;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ResolvedPlace> resolve_place(std::string_view text, const ServiceArea& near) {
  text = trim_view(text.substr(0, 4 * limits::kLocationTextMaxChars));
  if (text.empty()) return std::nullopt;
  if (text.size() <= limits::kPlaceQueryMaxBytes) {
    if (auto whole = nearest_exact(text, near)) return whole;
  }
  std::vector<std::size_t> commas;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') commas.push_back(i);
  }
  // From the longest trailing part to the shortest: "Missoula, MT" before "MT".
  const std::size_t first = commas.size() > kTrailingParts ? commas.size() - kTrailingParts : 0;
  for (std::size_t i = first; i < commas.size(); ++i) {
    const std::string_view tail = trim_view(text.substr(commas[i] + 1));
    if (tail.empty() || tail.size() > limits::kPlaceQueryMaxBytes) continue;
    auto part = nearest_exact(tail, near);
    if (!part) continue;
    const bool lone = i + 1 == commas.size();
    if (lone && geo::distance_km(part->point, near.centre) > near.radius_km + kLonePartReachKm) {
      continue;
    }
    return part;
  }
  if (const auto zip = zip_in(text)) return nearest_exact(*zip, near);
  return std::nullopt;
}

}  // namespace gapfill::domain
