#include "base/time.hpp"

#include <chrono>

namespace gapfill {
namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

}  // namespace

UnixSeconds now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void append_rfc3339(std::string& out, UnixSeconds t) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const auto second_of_day = (tp - day).count();
  char text[20] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0',
                   'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
  const auto put = [&text](int position, int digits, long value) {
    for (int i = position + digits - 1; i >= position; --i, value /= 10) {
      text[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, 4, int(ymd.year()));
  put(5, 2, unsigned(ymd.month()));
  put(8, 2, unsigned(ymd.day()));
  put(11, 2, second_of_day / 3600);
  put(14, 2, second_of_day / 60 % 60);
  put(17, 2, second_of_day % 60);
  out.append(text, sizeof text);
}

std::string format_rfc3339(UnixSeconds t) {
  std::string out;
  append_rfc3339(out, t);
  return out;
}

std::optional<UnixSeconds> parse_rfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (text.size() < 20 || text.size() > 40) return std::nullopt;
  int y, mo, d, h, mi, s;
  if (!read_digits(text, 0, 4, y) || text[4] != '-' || !read_digits(text, 5, 2, mo) ||
      text[7] != '-' || !read_digits(text, 8, 2, d) || (text[10] != 'T' && text[10] != 't') ||
      !read_digits(text, 11, 2, h) || text[13] != ':' || !read_digits(text, 14, 2, mi) ||
      text[16] != ':' || !read_digits(text, 17, 2, s)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
  }
  if (pos >= text.size()) return std::nullopt;
  int offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh, om;
    if (!read_digits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !read_digits(text, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_seconds = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  if (h > 23 || mi > 59 || s > 60 || y < 1970 || y > 9999) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  const auto days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  return UnixSeconds{days_since_epoch} * kSecondsPerDay + h * 3600 + mi * 60 + (s == 60 ? 59 : s) -
         offset_seconds;
}

}  // namespace gapfill
