#pragma once
// Wall-clock time in a network's time zone (IANA names, from the system's
// time zone database): what pages show and what date-time inputs mean.

#include <optional>
#include <string>
#include <string_view>

#include "base/time.hpp"

namespace gapfill {

struct LocalTime {
  int year = 1970, month = 1, day = 1;  // month 1-12
  int hour = 0, minute = 0;
  int weekday = 4;  // 0 Sunday .. 6 Saturday
};

// `t` on the wall clock of `timezone`; nullopt for an unknown zone.
std::optional<LocalTime> to_local(UnixSeconds t, const std::string& timezone);

// The instant a wall-clock time in `timezone` names (the earlier one when a
// clock change makes it ambiguous, the moment after the gap when it does
// not exist); nullopt for an unknown zone or an impossible date.
std::optional<UnixSeconds> from_local(const LocalTime& local, const std::string& timezone);

// An HTML date-time input's value, "2026-12-01T09:30", in `timezone`.
std::optional<UnixSeconds> parse_local_input(std::string_view text, const std::string& timezone);
// The same form for `t` in `timezone` ("" for an unknown zone).
std::string format_local_input(UnixSeconds t, const std::string& timezone);

}  // namespace gapfill
