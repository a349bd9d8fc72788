#include "base/local_time.hpp"

#include <gtest/gtest.h>

namespace gapfill {
namespace {

TEST(LocalTime, ShowsAnInstantOnTheNetworksClock) {
  const UnixSeconds t = *parse_rfc3339("2026-11-22T21:05:00Z");
  const auto denver = to_local(t, "America/Denver");
  ASSERT_TRUE(denver);
  EXPECT_EQ(denver->year, 2026);
  EXPECT_EQ(denver->month, 11);
  EXPECT_EQ(denver->day, 22);
  EXPECT_EQ(denver->hour, 14);
  EXPECT_EQ(denver->minute, 5);
  EXPECT_EQ(denver->weekday, 0);  // a Sunday
  EXPECT_FALSE(to_local(t, "Not/AZone"));
}

TEST(LocalTime, ReadsDateTimeInputsInTheNetworksZone) {
  EXPECT_EQ(parse_local_input("2026-11-22T14:05", "America/Denver"),
            parse_rfc3339("2026-11-22T21:05:00Z"));
  EXPECT_EQ(parse_local_input("2026-07-01T09:00:30", "Europe/Madrid"),
            parse_rfc3339("2026-07-01T07:00:00Z"));
  EXPECT_EQ(format_local_input(*parse_rfc3339("2026-11-22T21:05:00Z"), "America/Denver"),
            "2026-11-22T14:05");
}

TEST(LocalTime, RefusesWhatIsNotADateTime) {
  for (const char* text :
       {"", "2026-11-22", "2026-13-01T10:00", "2026-02-30T10:00", "2026-11-22T24:00",
        "2026-11-22T10:60", "20261122T1000xx", "2026-11-22T10:00Z", "abcd-ef-ghTij:kl"}) {
    EXPECT_FALSE(parse_local_input(text, "America/Denver")) << text;
  }
}

TEST(LocalTime, HandlesClockChanges) {
  // 2026-03-08 02:30 does not exist in Denver: the moment after the gap.
  EXPECT_EQ(parse_local_input("2026-03-08T02:30", "America/Denver"),
            parse_rfc3339("2026-03-08T09:00:00Z"));
  // 2026-11-01 01:30 happens twice: the earlier one.
  EXPECT_EQ(parse_local_input("2026-11-01T01:30", "America/Denver"),
            parse_rfc3339("2026-11-01T07:30:00Z"));
}

}  // namespace
}  // namespace gapfill
