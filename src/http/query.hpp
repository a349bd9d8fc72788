#pragma once
// Query strings: "a=1&b=two%20words" -> {a: "1", b: "two words"}.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace gapfill::http {

// Decodes a query string. kMalformed for bad percent escapes, a repeated
// name, or more than kMaxQueryParams parameters.
Result<std::map<std::string, std::string>> parse_query(std::string_view query);

// A finite decimal number, the whole of `text`; nullopt otherwise.
std::optional<double> parse_number(std::string_view text);

// A whole number query parameter in [min, max], `fallback` when absent;
// kMalformed naming the parameter otherwise.
Result<std::int64_t> query_number(const std::map<std::string, std::string>& params,
                                  const char* name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max);

// Encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX.
std::string percent_encode(std::string_view text);

// Decodes %XX escapes and, when `plus_is_space`, '+' as a space.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace gapfill::http
