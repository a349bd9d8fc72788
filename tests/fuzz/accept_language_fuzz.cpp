// The Accept-Language header (http/language.cpp): choose_language.

#include <algorithm>

#include "fuzz_check.hpp"
#include "http/language.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header = gapfill::fuzz::as_text(data, size);
  static const std::vector<std::string> kSupported[] = {{"en", "es"}, {"es"}, {"en", "fr", "ar"}};
  for (const auto& supported : kSupported) {
    const std::string language = gapfill::http::choose_language(std::nullopt, header, supported);
    // One of the site's languages, or English when none fits.
    FUZZ_CHECK(language == "en" ||
               std::find(supported.begin(), supported.end(), language) != supported.end());
    // A language the visitor chose wins over the header.
    FUZZ_CHECK(gapfill::http::choose_language(supported.back(), header, supported) ==
               supported.back());
  }
  return 0;
}
