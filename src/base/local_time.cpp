#include "base/local_time.hpp"

#include <date/tz.h>

#include <charconv>

namespace gapfill {
namespace {

const date::time_zone* find_zone(const std::string& timezone) {
  try {
    return date::locate_zone(timezone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool read_number(std::string_view text, std::size_t at, std::size_t digits, int& value) {
  if (at + digits > text.size()) return false;
  const char* begin = text.data() + at;
  const auto [end, error] = std::from_chars(begin, begin + digits, value);
  return error == std::errc{} && end == begin + digits;
}

}  // namespace

std::optional<LocalTime> to_local(UnixSeconds t, const std::string& timezone) {
  const date::time_zone* zone = find_zone(timezone);
  if (zone == nullptr) return std::nullopt;
  const auto local = zone->to_local(date::sys_seconds{std::chrono::seconds{t}});
  const auto days = date::floor<date::days>(local);
  const date::year_month_day ymd{days};
  const date::hh_mm_ss clock{local - days};
  LocalTime out;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.hour = static_cast<int>(clock.hours().count());
  out.minute = static_cast<int>(clock.minutes().count());
  out.weekday = static_cast<int>(date::weekday{days}.c_encoding());
  return out;
}

std::optional<UnixSeconds> from_local(const LocalTime& local, const std::string& timezone) {
  const date::time_zone* zone = find_zone(timezone);
  if (zone == nullptr) return std::nullopt;
  const date::year_month_day ymd{date::year{local.year},
                                 date::month{static_cast<unsigned>(local.month)},
                                 date::day{static_cast<unsigned>(local.day)}};
  if (!ymd.ok() || local.hour < 0 || local.hour > 23 || local.minute < 0 || local.minute > 59) {
    return std::nullopt;
  }
  const date::local_seconds wall =
      date::local_days{ymd} + std::chrono::hours{local.hour} + std::chrono::minutes{local.minute};
  const date::local_info info = zone->get_info(wall);
  date::sys_seconds instant;
  if (info.result == date::local_info::nonexistent) {
    instant = info.second.begin;  // the first moment after the gap
  } else {
    instant = zone->to_sys(wall, date::choose::earliest);
  }
  return instant.time_since_epoch().count();
}

std::optional<UnixSeconds> parse_local_input(std::string_view text, const std::string& timezone) {
  // "YYYY-MM-DDTHH:MM", optionally with ":SS" (dropped).
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return std::nullopt;
  }
  LocalTime local;
  int seconds = 0;
  if (!read_number(text, 0, 4, local.year) || !read_number(text, 5, 2, local.month) ||
      !read_number(text, 8, 2, local.day) || !read_number(text, 11, 2, local.hour) ||
      !read_number(text, 14, 2, local.minute)) {
    return std::nullopt;
  }
  if (text.size() == 19 && (text[16] != ':' || !read_number(text, 17, 2, seconds))) {
    return std::nullopt;
  }
  if (local.year < 1970 || local.year > 9999 || local.month < 1 || local.month > 12) {
    return std::nullopt;
  }
  return from_local(local, timezone);
}

std::string format_local_input(UnixSeconds t, const std::string& timezone) {
  const auto local = to_local(t, timezone);
  if (!local) return "";
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d", local->year, local->month, local->day,
                local->hour, local->minute);
  return out;
}

}  // namespace gapfill
