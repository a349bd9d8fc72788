#include "domain/post_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/language_names.hpp"

namespace gapfill::domain {
namespace {

std::string normalized_tag(const std::string& tag) {
  std::string out = trim(tag);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

void apply_languages(const std::vector<std::string>& sent, const Network& network, Post& post,
                     FieldErrors& errors) {
  if (sent.size() > limits::kPostLanguagesMax) {
    errors["languages"] = Message{"post_fields.error.languages_max",
                                  {{"max", fmt::format("{}", limits::kPostLanguagesMax)}}};
    return;
  }
  std::vector<std::string> languages;
  for (const std::string& tag : sent) {
    std::string code = normalized_tag(tag);
    if (!is_post_language(code, network)) {
      errors["languages"] = Message{"post_fields.error.language_unknown", {}};
      return;
    }
    if (std::find(languages.begin(), languages.end(), code) != languages.end()) {
      errors["languages"] = Message{"post_fields.error.language_repeated", {}};
      return;
    }
    languages.push_back(std::move(code));
  }
  post.languages = std::move(languages);
}

}  // namespace

bool is_post_language(const std::string& code, const Network& network) {
  return is_known_language(code) || std::find(network.languages.begin(), network.languages.end(),
                                              code) != network.languages.end();
}

void apply_post_fields(const PostDraft& draft, const Network& network, Post& post,
                       FieldErrors& errors) {
  if (draft.cleared.contains("languages")) post.languages.clear();
  if (draft.languages) apply_languages(*draft.languages, network, post, errors);

  if (draft.cleared.contains("max_distance_km")) post.max_distance_km.reset();
  if (draft.max_distance_km) {
    const double km = *draft.max_distance_km;
    if (!std::isfinite(km) || km < limits::kPostMaxDistanceKmMin ||
        km > limits::kPostMaxDistanceKmMax) {
      errors["max_distance_km"] =
          Message{"error.range",
                  {{"min", fmt::format("{}", limits::kPostMaxDistanceKmMin)},
                   {"max", fmt::format("{}", limits::kPostMaxDistanceKmMax)}}};
    } else {
      post.max_distance_km = km;
    }
  }
}

}  // namespace gapfill::domain
