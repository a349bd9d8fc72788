#include "domain/catalogue.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

namespace gapfill::i18n {

const std::map<std::string, std::string_view>& embedded_catalogues();  // generated

const Catalogue& Catalogue::builtin() {
  static const Catalogue catalogue = [] {
    Catalogue loaded;
    for (const auto& [language, text] : embedded_catalogues()) {
      const auto json = nlohmann::json::parse(text);
      for (const auto& [key, value] : json.items()) {
        loaded.messages_[language][key] = value.get<std::string>();
      }
    }
    return loaded;
  }();
  return catalogue;
}

std::optional<std::string> Catalogue::exact(const std::string& language,
                                            const std::string& key) const {
  const auto table = messages_.find(language);
  if (table == messages_.end()) return std::nullopt;
  const auto message = table->second.find(key);
  if (message == table->second.end()) return std::nullopt;
  return message->second;
}

std::string Catalogue::text(const std::string& language, const std::string& key) const {
  if (auto message = exact(language, key)) return *message;
  if (auto message = exact("en", key)) return *message;
  return key;
}

std::vector<std::string> Catalogue::languages() const {
  std::vector<std::string> languages;
  for (const auto& [language, table] : messages_) languages.push_back(language);
  return languages;
}

}  // namespace gapfill::i18n
