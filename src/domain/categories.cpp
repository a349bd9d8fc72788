#include "domain/categories.hpp"

#include <array>
#include <string_view>

#include "domain/catalogue.hpp"

namespace gapfill::domain {

const std::vector<std::string>& default_category_keys() {
  static const std::vector<std::string> kKeys{
      "food",   "clothing",        "transport", "housing",     "childcare", "money",
      "labour", "hygiene_medical", "household", "information", "other"};
  return kKeys;
}

std::vector<Category> default_categories(const std::vector<std::string>& languages) {
  const auto& catalogue = i18n::Catalogue::builtin();
  std::vector<Category> categories;
  int position = 0;
  for (const std::string& key : default_category_keys()) {
    Category category{std::string(key), position++, {}};
    for (const std::string& language : languages) {
      category.labels[language] = catalogue.text(language, "category." + category.key);
    }
    if (!category.labels.contains("en")) {
      category.labels["en"] = catalogue.text("en", "category." + category.key);
    }
    categories.push_back(std::move(category));
  }
  return categories;
}

}  // namespace gapfill::domain
