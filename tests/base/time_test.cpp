#include "base/time.hpp"

#include <gtest/gtest.h>

namespace gapfill {
namespace {

TEST(Rfc3339, FormatsUtc) {
  EXPECT_EQ(format_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(1795942800), "2026-11-29T09:00:00Z");
}

TEST(Rfc3339, RoundTrips) {
  for (UnixSeconds t : {0L, 1L, 951782400L, 1795942800L, 4102444799L}) {
    EXPECT_EQ(parse_rfc3339(format_rfc3339(t)), t);
  }
}

struct ParseCase {
  const char* text;
  std::optional<UnixSeconds> expected;
};

TEST(Rfc3339, ParsesOffsetsAndFractionsAndRejectsTheRest) {
  const ParseCase cases[] = {
      {"2026-12-01T09:00:00Z", 1796115600},
      {"2026-12-01T09:00:00.123Z", 1796115600},
      {"2026-12-01T11:00:00+02:00", 1796115600},
      {"2026-12-01T02:00:00-07:00", 1796115600},
      {"2026-12-01t09:00:00z", 1796115600},
      {"2026-12-01 09:00:00Z", std::nullopt},
      {"2026-12-01T09:00:00", std::nullopt},
      {"2026-02-30T09:00:00Z", std::nullopt},
      {"2026-13-01T09:00:00Z", std::nullopt},
      {"2026-12-01T24:00:00Z", std::nullopt},
      {"2026-12-01T09:00:00+25:00", std::nullopt},
      {"2026-12-01T09:00:00.Z", std::nullopt},
      {"2026-12-01T09:00:00Zjunk", std::nullopt},
      {"", std::nullopt},
      {"tomorrow", std::nullopt},
      {"1960-01-01T00:00:00Z", std::nullopt},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parse_rfc3339(text), expected) << text;
  }
}

}  // namespace
}  // namespace gapfill
