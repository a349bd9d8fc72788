#include "http/language.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "base/text.hpp"

namespace gapfill::http {
namespace {

constexpr std::size_t kMaxRanges = 20;

bool is_supported(std::string_view language, const std::vector<std::string>& supported) {
  return std::find(supported.begin(), supported.end(), language) != supported.end();
}

// The weight of one "es-MX;q=0.8" range, 1 when not given.
double weight_of(std::string_view parameters) {
  const auto q = parameters.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string_view digits = parameters.substr(q + 2);
  double weight = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), weight);
  if (error != std::errc{}) return 0;
  return std::clamp(weight, 0.0, 1.0);
}

}  // namespace

std::string choose_language(std::optional<std::string_view> chosen,
                            std::optional<std::string_view> accept_language,
                            const std::vector<std::string>& supported) {
  if (chosen && is_supported(*chosen, supported)) return std::string(*chosen);
  std::string best = "en";
  double best_weight = 0;
  std::string_view header = accept_language.value_or("");
  for (std::size_t ranges = 0; !header.empty() && ranges < kMaxRanges; ++ranges) {
    const auto comma = header.find(',');
    const std::string_view range = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto semicolon = range.find(';');
    std::string tag = trim(range.substr(0, semicolon));
    const double weight =
        semicolon == std::string_view::npos ? 1.0 : weight_of(range.substr(semicolon + 1));
    std::transform(tag.begin(), tag.end(), tag.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string primary = tag.substr(0, tag.find('-'));
    if (weight > best_weight && is_supported(primary, supported)) {
      best = primary;
      best_weight = weight;
    }
  }
  return best;
}

}  // namespace gapfill::http
