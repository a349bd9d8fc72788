#include "domain/language_names.hpp"

#include <array>
#include <utility>

namespace gapfill::domain {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kNames{{
    {"am", "አማርኛ"},       {"ar", "العربية"}, {"bn", "বাংলা"},          {"de", "Deutsch"},
    {"el", "Ελληνικά"},   {"en", "English"}, {"es", "Español"},        {"fa", "فارسی"},
    {"fr", "Français"},   {"gu", "ગુજરાતી"},  {"ha", "Hausa"},          {"he", "עברית"},
    {"hi", "हिन्दी"},      {"hmn", "Hmoob"},  {"ht", "Kreyòl ayisyen"}, {"id", "Bahasa Indonesia"},
    {"it", "Italiano"},   {"ja", "日本語"},  {"km", "ខ្មែរ"},           {"ko", "한국어"},
    {"lo", "ລາວ"},        {"my", "မြန်မာ"},   {"ne", "नेपाली"},          {"nl", "Nederlands"},
    {"pa", "ਪੰਜਾਬੀ"},      {"pl", "Polski"},  {"ps", "پښتو"},           {"pt", "Português"},
    {"ro", "Română"},     {"ru", "Русский"}, {"so", "Soomaali"},       {"sw", "Kiswahili"},
    {"ta", "தமிழ்"},       {"ti", "ትግርኛ"},    {"tl", "Tagalog"},        {"tr", "Türkçe"},
    {"uk", "Українська"}, {"ur", "اردو"},    {"vi", "Tiếng Việt"},     {"zh", "中文"},
}};

}  // namespace

std::string language_name(std::string_view code) {
  for (const auto& [key, name] : kNames) {
    if (key == code) return std::string(name);
  }
  return std::string(code);
}

bool is_known_language(std::string_view code) {
  for (const auto& entry : kNames) {
    if (entry.first == code) return true;
  }
  return false;
}

std::vector<std::string_view> known_languages() {
  std::vector<std::string_view> codes;
  codes.reserve(kNames.size());
  for (const auto& entry : kNames) codes.push_back(entry.first);
  return codes;
}

}  // namespace gapfill::domain
