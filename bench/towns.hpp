#pragma once
// Real towns of the US, Canada, Mexico and Europe, for centring synthetic
// mutual aid networks where people actually live. Positions are the town
// centres to about a kilometre; that is all a benchmark needs.

#include <span>
#include <string>

namespace gapfill::bench {

// How big a place is, which sets how many networks and posts it gets.
enum class TownSize { kMetro, kCity, kTown };

struct Town {
  const char* name;     // as written locally, UTF-8
  const char* country;  // ISO 3166-1 alpha-2
  double lat;
  double lon;
  const char* timezone;   // IANA
  const char* languages;  // BCP 47 primary tags, comma-separated, the first the default
  TownSize size;
};

// Every town in the table, in no meaningful order.
std::span<const Town> towns();

// The town's name as a slug stem: ASCII lower case, accents dropped, every
// other run of characters one '-' ("Saint-Jérôme" -> "saint-jerome").
std::string slug_stem(const char* name);

}  // namespace gapfill::bench
