#include "support/message_checks.hpp"

#include "domain/catalogue.hpp"

namespace gapfill::testing {

const std::vector<std::string>& shipped_languages() {
  static const std::vector<std::string> languages{"en", "es"};
  return languages;
}

std::vector<std::string> placeholders(const std::string& pattern) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string::npos) break;
    const std::size_t close = pattern.find('}', open + 1);
    if (close == std::string::npos) break;
    names.push_back(pattern.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return names;
}

::testing::AssertionResult is_complete(const Message& message) {
  const auto& catalogue = i18n::Catalogue::builtin();
  for (const std::string& language : shipped_languages()) {
    const auto pattern = catalogue.exact(language, message.key);
    if (!pattern) {
      return ::testing::AssertionFailure()
             << message.key << " is not in the " << language << " catalogue";
    }
    for (const std::string& name : placeholders(*pattern)) {
      if (!message.args.contains(name)) {
        return ::testing::AssertionFailure()
               << message.key << " in " << language << " leaves {" << name << "} unfilled";
      }
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace gapfill::testing
