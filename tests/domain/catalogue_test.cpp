#include "domain/catalogue.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "domain/categories.hpp"

namespace gapfill::i18n {
namespace {

TEST(Catalogue, EnglishAndSpanishHaveTheSameKeys) {
  const auto& catalogue = Catalogue::builtin();
  const auto languages = catalogue.languages();
  ASSERT_NE(std::find(languages.begin(), languages.end(), "en"), languages.end());
  ASSERT_NE(std::find(languages.begin(), languages.end(), "es"), languages.end());
  for (const auto& category : domain::default_categories({"en", "es"})) {
    const std::string key = "category." + category.key;
    EXPECT_TRUE(catalogue.exact("en", key)) << key;
    EXPECT_TRUE(catalogue.exact("es", key)) << key;
    EXPECT_NE(category.labels.at("en"), category.labels.at("es")) << key;
  }
}

TEST(Catalogue, EveryLanguageHasExactlyTheEnglishKeys) {
  const auto& catalogue = Catalogue::builtin();
  const auto english = catalogue.keys("en");
  for (const std::string& language : catalogue.languages()) {
    EXPECT_EQ(catalogue.keys(language), english) << language;
  }
}

TEST(Catalogue, MergesAreasAndRefusesAKeyInTwoFiles) {
  const auto merged = Catalogue::from_files(
      {{"en", "a.json", R"({"one": "One"})"}, {"en", "b.json", R"({"two": "Two"})"}});
  EXPECT_EQ(merged.text("en", "two"), "Two");
  EXPECT_THROW(Catalogue::from_files(
                   {{"en", "a.json", R"({"one": "One"})"}, {"en", "b.json", R"({"one": "Uno"})"}}),
               std::runtime_error);
}

TEST(Catalogue, FormatsNamedArguments) {
  const auto catalogue =
      Catalogue::from_files({{"es", "a.json", R"({"count": "{count} solicitudes en {place}"})"}});
  EXPECT_EQ(catalogue.format("es", "count", {{"count", "3"}, {"place", "Riverside"}}),
            "3 solicitudes en Riverside");
  EXPECT_EQ(substitute("{missing} and {", {}), "{missing} and {");
}

TEST(Catalogue, FallsBackToEnglishThenToTheKey) {
  const auto& catalogue = Catalogue::builtin();
  EXPECT_EQ(catalogue.text("vi", "category.food"), "Food");
  EXPECT_EQ(catalogue.text("en", "no.such.key"), "no.such.key");
}

TEST(Catalogue, RendersAMessageInTheReadersLanguage) {
  const Message too_long{"error.text_length", {{"min", "1"}, {"max", "120"}}};
  EXPECT_EQ(render(too_long, "en"), "must be 1 to 120 characters");
  EXPECT_EQ(render(too_long, "es"), "debe tener de 1 a 120 caracteres");
  EXPECT_EQ(render(Message{"error.one_of", {{"allowed", "phone, email, site"}}}, "es"),
            "debe ser uno de estos: phone, email, site");
  EXPECT_EQ(render(too_long, "vi"), "must be 1 to 120 characters");  // English fallback
}

TEST(Catalogue, EveryFieldErrorIsTranslated) {
  const auto& catalogue = Catalogue::builtin();
  for (const std::string& key : catalogue.keys("en")) {
    if (!key.starts_with("error.")) continue;
    for (const std::string& language : catalogue.languages()) {
      if (language == "en") continue;
      EXPECT_NE(catalogue.exact(language, key), catalogue.exact("en", key))
          << key << " in " << language << " is the English text";
    }
  }
}

TEST(DefaultCategories, AreTheElevenOfTheDesign) {
  const auto categories = domain::default_categories({"es"});
  ASSERT_EQ(categories.size(), 11u);
  EXPECT_EQ(categories.front().key, "food");
  EXPECT_EQ(categories.back().key, "other");
  EXPECT_EQ(categories.front().labels.at("es"), "Comida");
  EXPECT_EQ(categories.front().labels.at("en"), "Food");  // always there as a fallback
}

}  // namespace
}  // namespace gapfill::i18n
