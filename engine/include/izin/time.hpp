// Instants, local dates and durations: the time vocabulary of procedures.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace izin {

// A moment in time, UTC, to the second. All stored instants are of this type.
using Instant = std::chrono::sys_seconds;

// A calendar date without a zone (a local working day, a `date` field).
struct Date {
  std::int32_t days = 0;  // days since 1970-01-01

  static Date from_ymd(int year, unsigned month, unsigned day);
  // Parses YYYY-MM-DD; nullopt when malformed or not a real date.
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;  // YYYY-MM-DD
  std::chrono::year_month_day ymd() const;
  std::chrono::weekday weekday() const;
  Date operator+(int n) const { return Date{days + n}; }
  Date operator-(int n) const { return Date{days - n}; }
  friend auto operator<=>(const Date&, const Date&) = default;
};

// The unit a procedure counts a duration in.
enum class DurationUnit : std::uint8_t { WorkingDays, Days, Hours };

// "N working days", "N days" or "N hours" as written in a procedure.
struct Duration {
  std::int64_t amount = 0;
  DurationUnit unit = DurationUnit::WorkingDays;
  std::string to_string() const;  // "3 working days", "1 hour"
  friend bool operator==(const Duration&, const Duration&) = default;
};

// Formats an instant as ISO 8601 UTC, e.g. 2026-03-16T01:00:00Z.
std::string format_instant(Instant t);

// Parses 2026-03-16T09:00[:ss] with an optional Z or ±hh:mm; a zone-less
// instant is local time at utc_offset (minutes east of UTC).
std::optional<Instant> parse_instant(std::string_view text, int utc_offset_minutes);

}  // namespace izin
