#pragma once
// Small text helpers shared by all layers.

#include <cstddef>
#include <string>
#include <string_view>

namespace gapfill {

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// True when `text` is well-formed UTF-8 with no control characters other
// than tab, newline and carriage return (and none of those when `single_line`).
bool is_clean_text(std::string_view text, bool single_line);

// Trims ASCII white space at both ends.
std::string trim(std::string_view text);

}  // namespace gapfill
