// The gazetteer on the real index compiled into the program: real names across
// countries, qualifiers, ZIP codes, accents, ambiguity and bounded input.
#include "engine/gazetteer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/limits.hpp"

namespace gapfill::gazetteer {
namespace {

const Gazetteer& g() {
  return Gazetteer::embedded();
}

Candidate first(std::string_view query) {
  const auto found = g().lookup(query, 5);
  EXPECT_FALSE(found.candidates.empty()) << query;
  return found.candidates.empty() ? Candidate{} : found.candidates.front();
}

TEST(GazetteerTest, FindsMissoulaHoweverItIsWritten) {
  for (const char* query : {"Missoula", "missoula mt", "Missoula, MT", "MISSOULA, Montana",
                            "missoula montana", "Missoula, MT, US"}) {
    const Candidate c = first(query);
    EXPECT_EQ(c.name, "Missoula") << query;
    EXPECT_EQ(c.admin, "MT") << query;
    EXPECT_EQ(c.country, "US") << query;
    EXPECT_EQ(c.kind, Kind::kPlace) << query;
    EXPECT_NEAR(c.point.lat, 46.87, 0.05) << query;
    EXPECT_NEAR(c.point.lon, -113.99, 0.05) << query;
  }
  EXPECT_FALSE(g().lookup("Missoula", 5).ambiguous);
}

TEST(GazetteerTest, AQualifierChoosesAmongPlacesOfOneName) {
  const Candidate oregon = first("Medford, Oregon");
  EXPECT_EQ(oregon.admin, "OR");
  EXPECT_EQ(first("medford ma").admin, "MA");
  EXPECT_EQ(first("Portland, Maine").admin, "ME");
  EXPECT_EQ(first("Victoria, British Columbia").admin, "BC");
  EXPECT_EQ(first("London, Ontario").country, "CA");
  EXPECT_EQ(first("London").admin, "England");
  EXPECT_EQ(first("cardiff wales").country, "GB");
  EXPECT_EQ(first("Paris, France").country, "FR");
  EXPECT_EQ(first("Paris, Texas").admin, "TX");
  EXPECT_TRUE(g().lookup("Medford, Atlantis", 5).candidates.empty());
}

TEST(GazetteerTest, AnAmbiguousNameGivesAShortListMostPopulousFirst) {
  const auto astoria = g().lookup("Astoria", 5);
  ASSERT_GE(astoria.candidates.size(), 2u);
  EXPECT_TRUE(astoria.ambiguous);
  EXPECT_EQ(astoria.candidates[0].admin, "NY");
  EXPECT_EQ(astoria.candidates[1].admin, "OR");
  EXPECT_GE(astoria.candidates[0].population, astoria.candidates[1].population);
  EXPECT_LE(g().lookup("Springfield", 3).candidates.size(), 3u);
}

TEST(GazetteerTest, ZipCodesAreNamedAfterTheirTown) {
  for (const char* query : {"59801", "59801-1234", " 59801 "}) {
    const Candidate c = first(query);
    EXPECT_EQ(c.kind, Kind::kPostcode) << query;
    EXPECT_EQ(c.name, "59801") << query;
    EXPECT_EQ(c.near, "Missoula") << query;
    EXPECT_EQ(c.admin, "MT") << query;
  }
  EXPECT_EQ(first("97501").near, "Medford");
  EXPECT_EQ(first("00601").name, "00601");
  // A prefix lists ZIP codes in order, for typeahead.
  const auto prefix = g().lookup("598", 4);
  ASSERT_EQ(prefix.candidates.size(), 4u);
  EXPECT_TRUE(prefix.candidates[0].name.starts_with("598"));
  EXPECT_TRUE(g().lookup("00000", 5).candidates.empty());
}

TEST(GazetteerTest, AccentsAndCaseFold) {
  EXPECT_EQ(first("sao paulo").name, "São Paulo");
  EXPECT_EQ(first("SÃO PAULO").name, "São Paulo");
  EXPECT_EQ(first("montreal").name, "Montréal");
  EXPECT_EQ(first("lodz").name, "Łódź");
  EXPECT_EQ(first("zurich").country, "CH");
  EXPECT_EQ(first("Tokyo").country, "JP");
  EXPECT_EQ(first("Nairobi").country, "KE");
  EXPECT_EQ(first("mexico city").country, "MX");
}

TEST(GazetteerTest, PrefixesAndLaterWordsServeTypeahead) {
  EXPECT_EQ(first("missoul").name, "Missoula");
  // Match quality, then population: "Missouri City" (bigger) comes before "Missoula".
  const auto missou = g().lookup("missou", 5);
  ASSERT_GE(missou.candidates.size(), 2u);
  EXPECT_EQ(missou.candidates[0].name, "Missouri City");
  EXPECT_EQ(missou.candidates[1].name, "Missoula");
  const auto paulo = g().lookup("paulo", 10);
  bool sao_paulo = false;
  for (const auto& c : paulo.candidates) sao_paulo = sao_paulo || c.name == "São Paulo";
  EXPECT_TRUE(sao_paulo);
  // One letter is too little to guess from: only exact names.
  for (const auto& c : g().lookup("s", 10).candidates) EXPECT_EQ(c.name.size(), 1u);
}

TEST(GazetteerTest, CandidatesSayWhetherTheWholeNameMatched) {
  EXPECT_TRUE(first("Missoula").exact);
  EXPECT_TRUE(first("Missoula, MT").exact);
  EXPECT_TRUE(first("medford oregon").exact);
  EXPECT_TRUE(first("59801").exact);
  EXPECT_FALSE(first("missoul").exact);
  EXPECT_FALSE(first("5980").exact);
  for (const auto& c : g().lookup("paulo", 10).candidates) {
    if (c.name == "São Paulo") {
      EXPECT_FALSE(c.exact);
    }
  }
  EXPECT_EQ(display_name(first("Missoula")), "Missoula, MT");
  EXPECT_EQ(display_name(first("59801")), "59801 Missoula, MT");
  EXPECT_EQ(display_name(first("Montreal")), "Montréal, QC, Canada");
  EXPECT_EQ(display_name(first("Lyon, France")), "Lyon, France");
}

TEST(GazetteerTest, LimitsAndHostileInputAreBounded) {
  EXPECT_TRUE(g().lookup("", 5).candidates.empty());
  EXPECT_TRUE(g().lookup("  ,,, ", 5).candidates.empty());
  EXPECT_TRUE(g().lookup("Missoula", 0).candidates.empty());
  EXPECT_LE(g().lookup("san", 1000).candidates.size(),
            static_cast<std::size_t>(limits::kPlacesLimitMax));
  EXPECT_TRUE(g().lookup(std::string(100'000, 'a'), 5).candidates.empty());
  EXPECT_TRUE(g().lookup("\xff\xfe\xc3", 5).candidates.empty());
  EXPECT_TRUE(g().lookup("Zzyzxqq", 5).candidates.empty());
}

TEST(GazetteerTest, FoldingInCppMatchesTheBuildsKeysForEveryName) {
  std::string folded;
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < g().place_count(); ++i) {
    g().fold_text(g().place_name(i), folded, 255);
    if (folded != g().place_key(i)) ++mismatches;
  }
  EXPECT_EQ(mismatches, 0u);
  EXPECT_GT(g().place_count(), 130'000u);
  EXPECT_GT(g().zip_count(), 33'000u);
}

TEST(GazetteerTest, RefusesABrokenIndex) {
  EXPECT_FALSE(Gazetteer::open("").has_value());
  EXPECT_FALSE(Gazetteer::open("GFGAZ001 too short").has_value());
  std::string truncated = "GFGAZ001" + std::string(52, '\0');
  truncated[8] = 10;  // ten places, none there
  EXPECT_FALSE(Gazetteer::open(truncated).has_value());
}

}  // namespace
}  // namespace gapfill::gazetteer
