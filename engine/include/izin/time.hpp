// Instants, local dates and durations: the time vocabulary of procedures.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

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

// The range of time izin holds (docs/engine.md): dates up to 9999-12-31 and
// instants before 10000-01-01T00:00:00Z, so every stored instant prints as
// YYYY-MM-DDTHH:MM:SSZ and reads back. Anything later is refused, never stored.
inline constexpr std::int32_t kLastDay = 2932896;  // 9999-12-31, days since 1970-01-01
// True when `t` lies in that range (from 0001-01-01T00:00:00Z).
bool in_range(Instant t);

// The longest `after`/`sla` a procedure may write (IZ520): about a century
// in every unit, so a case opened before 9899 keeps all its deadlines in range.
inline constexpr std::int64_t kMaxDurationDays = 36500;     // days and working days
inline constexpr std::int64_t kMaxDurationHours = 876000;   // 36500 × 24
// Whether a duration is within those limits (and positive amounts aside, not negative).
bool duration_in_range(const Duration& d);

// Reads a duration as Duration::to_string writes it and procedures spell it:
// "3 working days", "1 working day", "25 days", "48 hours". nullopt for
// anything else, a zero or negative amount, or one out of range.
std::optional<Duration> parse_duration(std::string_view text);

// Formats an instant as ISO 8601 UTC, e.g. 2026-03-16T01:00:00Z.
std::string format_instant(Instant t);

// Parses 2026-03-16T09:00[:ss] with an optional Z or ±hh:mm; a zone-less
// instant is local time at utc_offset (minutes east of UTC).
std::optional<Instant> parse_instant(std::string_view text, int utc_offset_minutes);

}  // namespace izin

#pragma GCC visibility pop
