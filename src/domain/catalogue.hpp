#pragma once
// Message catalogues: every user-visible string, per language, compiled in
// from web/i18n/*.json.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gapfill::i18n {

class Catalogue {
 public:
  // The catalogues built into this binary. Throws if one is not valid JSON
  // (a build defect, caught by the tests).
  static const Catalogue& builtin();

  // The message for `key` in `language`, falling back to English, then to
  // the key itself.
  std::string text(const std::string& language, const std::string& key) const;
  // The message only if `language` has it.
  std::optional<std::string> exact(const std::string& language, const std::string& key) const;
  std::vector<std::string> languages() const;

 private:
  std::map<std::string, std::map<std::string, std::string>> messages_;
};

}  // namespace gapfill::i18n
