#pragma once
// Message catalogues: every user-visible string, per language, compiled in
// from web/i18n/<language>/<area>.json.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace gapfill::i18n {

// One catalogue file as embedded at build time.
struct CatalogueFile {
  std::string_view language;  // "es"
  std::string_view area;      // "pages.json"
  std::string_view text;      // a JSON object of key -> message
};

// Named arguments of a message: "{count} posts" with {{"count", "3"}}.
using MessageArgs = std::map<std::string, std::string>;

class Catalogue {
 public:
  // The catalogues built into this binary. Throws if one is not valid JSON
  // or a key is in two files of one language (a build defect, caught by the
  // tests).
  static const Catalogue& builtin();

  // Builds a catalogue from files; throws std::runtime_error as builtin() does.
  static Catalogue from_files(const std::vector<CatalogueFile>& files);

  // The message for `key` in `language`, falling back to English, then to
  // the key itself.
  std::string text(const std::string& language, const std::string& key) const;
  // As text(), with every "{name}" replaced by its argument.
  std::string format(const std::string& language, const std::string& key,
                     const MessageArgs& args) const;
  // The message only if `language` has it.
  std::optional<std::string> exact(const std::string& language, const std::string& key) const;
  std::vector<std::string> languages() const;
  // Every key of one language, sorted.
  std::vector<std::string> keys(const std::string& language) const;

 private:
  std::map<std::string, std::map<std::string, std::string>> messages_;
};

// Replaces each "{name}" in `pattern` by args[name]; unknown names stay.
std::string substitute(std::string_view pattern, const MessageArgs& args);

// A message (a field error, say) in `language` from the built-in catalogues,
// its arguments filled in; English when the language lacks it. For pages and
// API bodies alike.
std::string render(const Message& message, const std::string& language);

}  // namespace gapfill::i18n
