#pragma once
// How alike two requests are, for possible-duplicate flags
// (domain/duplicates.hpp). Pure functions: no I/O, no state.
//
// Titles are compared as sets of tokens: folded to lower-case ASCII (accents
// stripped: "Pañales" -> "panales"), split on anything but letters and
// digits, English and Spanish stop-words and tokens of one character
// dropped, a final "s" dropped from tokens longer than three, then cut to
// their first five characters (truncation stemming: "pañal" and "pañales",
// "medicine" and "medication", "groceries" and "grocery" meet). The
// similarity is the Dice coefficient 2|A∩B| / (|A| + |B|): for titles of
// three to six words it forgives one extra word more than Jaccard does
// ({diaper, baby} against {diaper, baby, size} is 0.8, Jaccard 0.67).

#include <string>
#include <string_view>
#include <vector>

#include "engine/geo.hpp"

namespace gapfill::duplicates {

// Lower-case, accent-free text: ASCII letters are lower-cased, the accented
// Latin letters of Latin-1 and Latin Extended-A lose their accents (ñ -> n,
// ß -> ss, æ -> ae), other bytes are kept as they are.
std::string fold(std::string_view text);

// The title's tokens as described above: sorted, each once.
std::vector<std::string> title_tokens(std::string_view title);

// The Dice coefficient of the two titles' tokens, 0 to 1 (0 when either has none).
double title_similarity(std::string_view a, std::string_view b);

// An e-mail address for comparison: trimmed, lower case ("" for none).
std::string contact_email_key(std::string_view email);
// A phone number for comparison: its last nine digits, so that "+1 (555)
// 010-2000" and "555 010 2000" meet; "" for fewer than seven digits.
std::string contact_phone_key(std::string_view phone);

// What the comparison needs of one request (views into the caller's post).
struct Sample {
  std::string_view title;
  std::string_view email;
  std::string_view phone;
  geo::Point point;
};

struct Verdict {
  bool flagged = false;
  double similarity = 0;       // title_similarity
  bool same_contact = false;   // the same e-mail address or phone number
  bool nearby = false;         // public points within `nearby_km`
  bool similar_title = false;  // similarity >= similar_title
  double distance_km = 0;
};

struct Thresholds {
  double nearby_km = 2.0;
  double similar_title = 0.5;
  // A lower bar for the title when the contact is the same: someone who asks
  // again in other words.
  double same_contact_title = 0.25;
};

// Flagged when (same contact and similarity >= same_contact_title) or
// (nearby and similar title). Both requests are of one category and recent:
// the caller chose them so.
Verdict judge(const Sample& fresh, const Sample& existing, const Thresholds& thresholds);

}  // namespace gapfill::duplicates
