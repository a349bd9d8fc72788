// The Cookie header (http/cookies.cpp), and the language cookie it may hold.

#include "base/limits.hpp"
#include "fuzz_check.hpp"
#include "http/cookies.hpp"
#include "http/language.hpp"

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header = gapfill::fuzz::as_text(data, size);
  const auto cookies = gapfill::http::parse_cookies(header);
  FUZZ_CHECK(cookies.size() <= gapfill::limits::kMaxCookies);
  std::string again;
  for (const auto& [name, value] : cookies) {
    // Names are trimmed and whole; nothing crosses a ';'.
    FUZZ_CHECK(!name.empty() && !is_space(name.front()) && !is_space(name.back()));
    FUZZ_CHECK(name.find_first_of(";=") == std::string::npos);
    FUZZ_CHECK(value.find(';') == std::string::npos);
    FUZZ_CHECK(name.size() + value.size() <= header.size());
    if (!again.empty()) again += "; ";
    again += name + "=" + value;
  }
  // Written back as a header, the same names are read.
  const auto reread = gapfill::http::parse_cookies(again);
  FUZZ_CHECK(reread.size() == cookies.size());
  for (const auto& [name, value] : cookies) FUZZ_CHECK(reread.contains(name));

  // A chosen language is only ever one the site has.
  const std::vector<std::string> supported{"en", "es"};
  const auto chosen = cookies.find("lang");
  const std::string language = gapfill::http::choose_language(
      chosen == cookies.end() ? std::nullopt : std::optional<std::string_view>(chosen->second),
      std::nullopt, supported);
  FUZZ_CHECK(language == "en" || language == "es");
  return 0;
}
