#include "engine/duplicate_score.hpp"

#include <gtest/gtest.h>

namespace gapfill::duplicates {
namespace {

const Thresholds kDefaults{};

Sample sample(std::string_view title, geo::Point point = {45.0, -111.0}) {
  return Sample{title, "", "", point};
}

TEST(DuplicateScore, FoldsAccentsAndCase) {
  EXPECT_EQ(fold("Pañales ÁÉÍÓÚ Über"), "panales aeiou uber");
  EXPECT_EQ(fold("Straße Œuvre Łódź"), "strasse ouvre lodz");
  EXPECT_EQ(fold("plain ascii 123"), "plain ascii 123");
}

TEST(DuplicateScore, TokensDropStopWordsAndStem) {
  EXPECT_EQ(title_tokens("Need diapers for my baby, size 3"),
            (std::vector<std::string>{"baby", "diape", "size"}));
  EXPECT_EQ(title_tokens("Necesito pañales para mi bebé"),
            (std::vector<std::string>{"bebe", "panal"}));
  EXPECT_EQ(title_tokens("pañal"), title_tokens("PAÑALES"));
  EXPECT_TRUE(title_tokens("the and of").empty());
}

TEST(DuplicateScore, SimilarEnglishTitles) {
  EXPECT_GE(title_similarity("Need diapers for baby", "Baby diapers needed"), 0.99);
  EXPECT_GE(title_similarity("Groceries for family of four", "Grocery help for a family"),
            kDefaults.similar_title);
  EXPECT_GE(title_similarity("Ride to the clinic on Tuesday", "Need a ride to clinic"),
            kDefaults.similar_title);
}

TEST(DuplicateScore, SimilarSpanishTitlesWithOrWithoutAccents) {
  EXPECT_GE(title_similarity("Necesito pañales para bebé", "Pañales para mi bebe, por favor"),
            0.99);
  EXPECT_GE(title_similarity("Comida para mi familia", "Necesitamos comidas para la familia"),
            0.99);
  EXPECT_GE(title_similarity("Medicina para la tos", "MEDICINAS PARA TOS"), 0.99);
}

TEST(DuplicateScore, DissimilarTitles) {
  EXPECT_LT(title_similarity("Need diapers for baby", "Winter coat, size M"),
            kDefaults.same_contact_title);
  EXPECT_LT(title_similarity("Necesito pañales", "Transporte al hospital"),
            kDefaults.same_contact_title);
  EXPECT_LT(title_similarity("Firewood for the stove", "Ride to the clinic"),
            kDefaults.same_contact_title);
  EXPECT_EQ(title_similarity("", "anything"), 0);
  EXPECT_EQ(title_similarity("the of", "the of"), 0);
}

TEST(DuplicateScore, ContactKeys) {
  EXPECT_EQ(contact_email_key(" Ana@Example.ORG "), "ana@example.org");
  EXPECT_EQ(contact_phone_key("+1 (555) 010-2000"), contact_phone_key("555 010 2000"));
  EXPECT_EQ(contact_phone_key("12"), "");
  EXPECT_EQ(contact_email_key(""), "");
}

TEST(DuplicateScore, SameContactFlagsOtherWording) {
  Sample fresh = sample("Diapers please, size 3", {45.0, -111.0});
  Sample old = sample("Need diapers and wipes for my baby", {46.0, -111.0});  // ~111 km apart
  fresh.email = "Ana@example.org";
  old.email = "ana@example.org ";
  const Verdict verdict = judge(fresh, old, kDefaults);
  EXPECT_TRUE(verdict.same_contact);
  EXPECT_FALSE(verdict.nearby);
  EXPECT_FALSE(verdict.similar_title);
  EXPECT_TRUE(verdict.flagged);
}

TEST(DuplicateScore, SameContactNeedsSomeTitleInCommon) {
  Sample fresh = sample("Winter coat");
  Sample old = sample("Diapers for baby");
  fresh.phone = "555 010 2000";
  old.phone = "+1 555-010-2000";
  const Verdict verdict = judge(fresh, old, kDefaults);
  EXPECT_TRUE(verdict.same_contact);
  EXPECT_FALSE(verdict.flagged);
}

TEST(DuplicateScore, NearbyAndSimilarFlags) {
  const Verdict near = judge(sample("Baby diapers", {45.0, -111.0}),
                             sample("Diapers for baby", {45.01, -111.0}), kDefaults);
  EXPECT_TRUE(near.nearby);
  EXPECT_NEAR(near.distance_km, 1.11, 0.01);
  EXPECT_TRUE(near.flagged);
  const Verdict far = judge(sample("Baby diapers", {45.0, -111.0}),
                            sample("Diapers for baby", {45.05, -111.0}), kDefaults);
  EXPECT_FALSE(far.nearby);
  EXPECT_FALSE(far.flagged);
  const Verdict other = judge(sample("Baby diapers", {45.0, -111.0}),
                              sample("Ride to the clinic", {45.0, -111.0}), kDefaults);
  EXPECT_TRUE(other.nearby);
  EXPECT_FALSE(other.flagged);
}

}  // namespace
}  // namespace gapfill::duplicates
