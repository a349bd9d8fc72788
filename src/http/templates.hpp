#pragma once
// Page templates: ctemplate, auto-escaped by context (every template opens
// with {{%AUTOESCAPE context="HTML"}}), compiled into the binary.
//
// Static text is written [[message.key]] and baked in at start, once per
// catalogue language, HTML-escaped: a template expands with no look-ups of
// translations. Anything that varies per request is a {{VARIABLE}} that
// ctemplate escapes for its context (text, attribute, URL, script).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace gapfill::http {

class Templates {
 public:
  // Bakes and parses every embedded template in every language of the
  // catalogue. Throws std::runtime_error for a template that names an
  // unknown message or does not parse: a build defect, caught by the tests.
  explicit Templates(const i18n::Catalogue& catalogue);
  ~Templates();

  // Expands the template `name` ("home") baked in `language`.
  std::string expand(std::string_view name, const std::string& language,
                     const ctemplate::TemplateDictionary& dictionary) const;

  // The name under which an include of `name` in `language` is found, for
  // TemplateDictionary::SetFilename.
  static std::string baked_name(std::string_view name, const std::string& language);

  // The names of the embedded templates ("home", "ask", ...).
  static std::vector<std::string> names();

  // Replaces each [[key]] of `source` by the HTML-escaped message. Throws
  // std::runtime_error naming an unknown key or a message with a {placeholder}.
  static std::string bake(std::string_view source, const std::string& language,
                          const i18n::Catalogue& catalogue);

 private:
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

// Escapes & < > " ' for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace gapfill::http
