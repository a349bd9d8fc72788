#pragma once
// A language's own name (its endonym: "Español", "Tiếng Việt") for a BCP 47
// primary tag, as the directory shows a network's languages; the same in every
// page language, so a reader finds their own.

#include <string>
#include <string_view>
#include <vector>

namespace gapfill::domain {

// The endonym of `code` ("es" -> "Español"), or `code` itself when unknown.
std::string language_name(std::string_view code);

// Whether `code` is one of the languages this file names (a bounded list
// wider than any one network's).
bool is_known_language(std::string_view code);

// Every code this file names, in code order.
std::vector<std::string_view> known_languages();

}  // namespace gapfill::domain
