#include "http/templates.hpp"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <stdexcept>

#include "http/embedded_files.hpp"

namespace gapfill::http {
namespace {

constexpr std::string_view kTemplatePrefix = "templates/";
constexpr std::string_view kTemplateSuffix = ".tpl";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Templates::bake(std::string_view source, const std::string& language,
                            const i18n::Catalogue& catalogue) {
  std::string out;
  out.reserve(source.size() * 2);
  std::size_t at = 0;
  for (;;) {
    const std::size_t open = source.find("[[", at);
    if (open == std::string_view::npos) break;
    const std::size_t close = source.find("]]", open + 2);
    if (close == std::string_view::npos) throw std::runtime_error("unclosed [[ in a template");
    const std::string key(source.substr(open + 2, close - open - 2));
    const auto message = catalogue.exact(language, key);
    if (!message) throw std::runtime_error("no message " + key + " in " + language);
    if (message->find('{') != std::string::npos || message->find('}') != std::string::npos) {
      throw std::runtime_error("message " + key + " has a placeholder; fill it in C++ instead");
    }
    out.append(source.substr(at, open - at));
    out += html_escape(*message);
    at = close + 2;
  }
  out.append(source.substr(at));
  return out;
}

std::string Templates::baked_name(std::string_view name, const std::string& language) {
  std::string baked(name);
  baked += '@';
  baked += language;
  return baked;
}

std::vector<std::string> Templates::names() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.name.starts_with(kTemplatePrefix) || !file.name.ends_with(kTemplateSuffix)) continue;
    std::string_view name = file.name.substr(kTemplatePrefix.size());
    name.remove_suffix(kTemplateSuffix.size());
    names.emplace_back(name);
  }
  return names;
}

Templates::Templates(const i18n::Catalogue& catalogue)
    : cache_(std::make_unique<ctemplate::TemplateCache>()) {
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.name.starts_with(kTemplatePrefix) || !file.name.ends_with(kTemplateSuffix)) continue;
    std::string_view name = file.name.substr(kTemplatePrefix.size());
    name.remove_suffix(kTemplateSuffix.size());
    for (const std::string& language : catalogue.languages()) {
      std::string baked;
      try {
        baked = bake(file.data, language, catalogue);
      } catch (const std::runtime_error& error) {
        throw std::runtime_error("template " + std::string(name) + ": " + error.what());
      }
      if (!cache_->StringToTemplateCache(baked_name(name, language), baked,
                                         ctemplate::STRIP_WHITESPACE)) {
        throw std::runtime_error("template " + std::string(name) + " does not parse");
      }
    }
  }
  cache_->Freeze();
}

Templates::~Templates() = default;

std::string Templates::expand(std::string_view name, const std::string& language,
                              const ctemplate::TemplateDictionary& dictionary) const {
  std::string out;
  if (!cache_->ExpandWithData(baked_name(name, language), ctemplate::STRIP_WHITESPACE, &dictionary,
                              nullptr, &out)) {
    throw std::runtime_error("template " + std::string(name) + " failed to expand");
  }
  return out;
}

}  // namespace gapfill::http
