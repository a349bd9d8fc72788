#pragma once
// Time as the whole program sees it: Unix seconds (UTC), RFC 3339 on the wire.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gapfill {

using UnixSeconds = std::int64_t;

constexpr UnixSeconds kSecondsPerDay = 86'400;

UnixSeconds now_unix();

// Formats as "2026-12-01T09:00:00Z".
std::string format_rfc3339(UnixSeconds t);
// Appends the same 20 characters to `out`, without allocating.
void append_rfc3339(std::string& out, UnixSeconds t);

// Parses RFC 3339 date-times ("2026-12-01T09:00:00Z", "...+02:00", with
// optional fractional seconds, which are dropped). Returns nullopt for
// anything else, including impossible dates.
std::optional<UnixSeconds> parse_rfc3339(std::string_view text);

// A source of the current time, so that tests can move it.
class Clock {
 public:
  virtual ~Clock() = default;
  // Returns the current time.
  virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds now() const override { return now_unix(); }
};

}  // namespace gapfill
