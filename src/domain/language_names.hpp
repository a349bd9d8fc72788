#pragma once
// A language's own name (its endonym: "Español", "Tiếng Việt") for a BCP 47
// primary tag, as the directory shows a network's languages; the same in every
// page language, so a reader finds their own.

#include <string>
#include <string_view>

namespace gapfill::domain {

// The endonym of `code` ("es" -> "Español"), or `code` itself when unknown.
std::string language_name(std::string_view code);

}  // namespace gapfill::domain
