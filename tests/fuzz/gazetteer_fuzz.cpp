// The gazetteer's query normalizer and look-up (engine/gazetteer.cpp): fold_text
// and Gazetteer::lookup on what a person typed.

#include "base/limits.hpp"
#include "engine/gazetteer.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = gapfill::fuzz::as_text(data, size);
  const auto& g = gapfill::gazetteer::Gazetteer::embedded();
  std::string folded;
  g.fold_text(text, folded, 300);
  // Bounded, trimmed, single spaces, no upper-case ASCII; folding again changes nothing.
  FUZZ_CHECK(folded.size() <= 300);
  FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
  FUZZ_CHECK(folded.find("  ") == std::string::npos);
  for (const char c : folded) FUZZ_CHECK(c < 'A' || c > 'Z');
  if (folded.size() < 250) {
    std::string again;
    g.fold_text(folded, again, 300);
    FUZZ_CHECK(again == folded);
  }
  // A look-up answers at most the limit, each with a valid point.
  const std::size_t limit = size % 25;
  const auto found = g.lookup(text, limit);
  FUZZ_CHECK(found.candidates.size() <=
             std::min<std::size_t>(limit, gapfill::limits::kPlacesLimitMax));
  for (const auto& c : found.candidates) {
    FUZZ_CHECK(c.point.lat >= -90 && c.point.lat <= 90 && c.point.lon >= -180 &&
               c.point.lon <= 180);
    FUZZ_CHECK(!c.name.empty() && c.country.size() == 2);
  }
  return 0;
}
