#include "http/query.hpp"

#include <charconv>
#include <cmath>
#include <optional>

namespace gapfill::http {
namespace {

constexpr std::size_t kMaxQueryParams = 32;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::map<std::string, std::string>> parse_query(std::string_view query) {
  std::map<std::string, std::string> params;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), true);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    if (!name || !value) {
      return fail(ErrorCode::kMalformed, "The query string has a malformed % escape.");
    }
    if (params.size() >= kMaxQueryParams) {
      return fail(ErrorCode::kMalformed, "The query string has too many parameters.");
    }
    if (!params.emplace(std::move(*name), std::move(*value)).second) {
      return std::unexpected(
          Error{ErrorCode::kMalformed,
                "A query parameter is given more than once.",
                {{std::string(pair.substr(0, equals)), Message{"error.repeated", {}}}}});
    }
  }
  return params;
}

Result<std::int64_t> query_number(const std::map<std::string, std::string>& params,
                                  const char* name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max) {
  const auto found = params.find(name);
  if (found == params.end()) return fallback;
  const auto number = parse_number(found->second);
  const bool in_range = number && *number >= static_cast<double>(min) &&
                        *number <= static_cast<double>(max) && *number == std::floor(*number);
  if (!in_range) {
    return std::unexpected(
        Error{ErrorCode::kMalformed,
              "Some query parameters are not valid.",
              {{name, Message{"error.whole_number_range",
                              {{"min", std::to_string(min)}, {"max", std::to_string(max)}}}}}});
  }
  return static_cast<std::int64_t>(*number);
}

}  // namespace gapfill::http
