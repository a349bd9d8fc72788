// Query strings (http/query.cpp): parse_query, percent_decode/encode, parse_number.

#include <cmath>

#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = gapfill::fuzz::as_text(data, size);
  using namespace gapfill::http;

  // Encoding then decoding gives back any bytes, with or without '+' as a space.
  const std::string encoded = percent_encode(text);
  FUZZ_CHECK(encoded.size() <= 3 * text.size());
  // Nothing that separates or decodes is left unescaped.
  FUZZ_CHECK(encoded.find_first_of("&=+ ;#?/") == std::string::npos);
  FUZZ_CHECK(percent_decode(encoded, true) == std::string(text));
  FUZZ_CHECK(percent_decode(encoded, false) == std::string(text));
  if (const auto decoded = percent_decode(text, true)) FUZZ_CHECK(decoded->size() <= text.size());

  if (const auto number = parse_number(text)) FUZZ_CHECK(std::isfinite(*number));

  const auto params = parse_query(text);
  if (!params) {
    FUZZ_CHECK(params.error().code == gapfill::ErrorCode::kMalformed);
    gapfill::fuzz::check_client_error(params.error());
    return 0;
  }
  FUZZ_CHECK(params->size() <= 32);
  // What was read, written again, reads back the same.
  std::string again;
  for (const auto& [name, value] : *params) {
    if (!again.empty()) again += '&';
    again += percent_encode(name) + "=" + percent_encode(value);
  }
  const auto reread = parse_query(again);
  FUZZ_CHECK(reread && *reread == *params);
  return 0;
}
