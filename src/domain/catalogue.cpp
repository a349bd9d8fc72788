#include "domain/catalogue.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace gapfill::i18n {

const std::vector<CatalogueFile>& embedded_catalogues();  // generated

Catalogue Catalogue::from_files(const std::vector<CatalogueFile>& files) {
  Catalogue loaded;
  for (const CatalogueFile& file : files) {
    const auto json = nlohmann::json::parse(file.text);
    auto& table = loaded.messages_[std::string(file.language)];
    for (const auto& [key, value] : json.items()) {
      if (!table.emplace(key, value.get<std::string>()).second) {
        throw std::runtime_error("message key " + key + " is in two catalogue files of " +
                                 std::string(file.language));
      }
    }
  }
  return loaded;
}

const Catalogue& Catalogue::builtin() {
  static const Catalogue catalogue = from_files(embedded_catalogues());
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

std::string Catalogue::format(const std::string& language, const std::string& key,
                              const MessageArgs& args) const {
  return substitute(text(language, key), args);
}

std::vector<std::string> Catalogue::languages() const {
  std::vector<std::string> languages;
  for (const auto& [language, table] : messages_) languages.push_back(language);
  return languages;
}

std::vector<std::string> Catalogue::keys(const std::string& language) const {
  std::vector<std::string> keys;
  const auto table = messages_.find(language);
  if (table == messages_.end()) return keys;
  for (const auto& [key, message] : table->second) keys.push_back(key);
  return keys;
}

std::string render(const Message& message, const std::string& language) {
  return Catalogue::builtin().format(language, message.key, message.args);
}

std::string substitute(std::string_view pattern, const MessageArgs& args) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(at, open - at));
    const auto found = args.find(std::string(pattern.substr(open + 1, close - open - 1)));
    if (found != args.end()) {
      out += found->second;
    } else {
      out.append(pattern.substr(open, close - open + 1));
    }
    at = close + 1;
  }
  out.append(pattern.substr(at));
  return out;
}

}  // namespace gapfill::i18n
