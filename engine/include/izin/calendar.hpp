// Working-day calendars: weekends, national holidays and cuti bersama.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/time.hpp"

namespace izin {

// A day off: a national holiday or collective leave.
struct Holiday {
  Date date;
  std::string name;
  std::string kind = "holiday";  // "holiday" or "cuti_bersama"
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// The dates a calendar knows the holidays of: from..to inclusive; empty
// (covers nothing) when from > to.
struct Coverage {
  Date from;
  Date to;
  bool empty() const { return from > to; }
  bool contains(Date d) const { return from <= d && d <= to; }
  // Every day in (after, upto] is covered (true when there is none).
  bool covers_span(Date after, Date upto) const;
  // Covering every date the engine computes with (for the built-in Mon–Fri calendar).
  static Coverage everything();
  // 1 Jan of the first year to 31 Dec of the last year with a listed holiday; empty when none.
  static Coverage of_holidays(const std::vector<Holiday>& holidays);
  friend bool operator==(const Coverage&, const Coverage&) = default;
};

// A due instant and whether it was counted over days the calendar does not
// cover (weekends only there), so it may still move.
struct Projection {
  Instant due;
  bool provisional = false;
};

// A calendar as loaded (includes already merged). Instants are UTC; the
// calendar's fixed UTC offset turns them into local dates.
class WorkingDayCalendar {
 public:
  WorkingDayCalendar(std::string id, std::string name, std::string timezone,
                     int utc_offset_minutes, std::vector<std::chrono::weekday> weekend,
                     std::vector<Holiday> holidays, std::optional<Coverage> covers = std::nullopt);

  const std::string& id() const { return id_; }
  const std::string& name() const { return name_; }
  const std::string& timezone() const { return timezone_; }
  int utc_offset_minutes() const { return utc_offset_minutes_; }
  const std::vector<Holiday>& holidays() const { return holidays_; }
  const std::vector<std::chrono::weekday>& weekend() const { return weekend_; }  // days off every week
  const Coverage& coverage() const { return coverage_; }  // listed holidays outside it are ignored
  bool coverage_written() const { return covers_written_; }  // `covers` given, not derived from holidays

  bool is_working_day(Date d) const;
  const Holiday* holiday(Date d) const;  // nullptr when not a holiday
  Date local_date(Instant t) const;
  Instant start_of_day(Date d) const;  // 00:00 local
  Instant end_of_day(Date d) const;    // 24:00 local (= next day's start)

  // The N-th working day after `from` (from itself never counts).
  Date add_working_days(Date from, std::int64_t n) const;
  // When DURATION after `from` falls due (docs/language.md): working days and
  // days at 24:00 local of the N-th day after from's local date; hours exact.
  Instant add(Instant from, const Duration& d) const;
  // Working days in (after, upto]; 0 when upto <= after.
  int working_days_between(Date after, Date upto) const;
  // add() and whether the due instant is provisional: a working-day count
  // over a day outside the coverage. Days and hours never are.
  Projection project(Instant from, const Duration& d) const;
  // Whether a count of working days in (after, upto] went over an uncovered day.
  bool provisional_between(Date after, Date upto) const { return !coverage_.covers_span(after, upto); }

  // Same days off, zone, names and coverage (a changed file is a new version).
  friend bool operator==(const WorkingDayCalendar&, const WorkingDayCalendar&) = default;

 private:
  std::string id_, name_, timezone_;
  int utc_offset_minutes_;
  std::vector<std::chrono::weekday> weekend_;
  std::vector<Holiday> holidays_;  // sorted by date, unique, inside coverage_
  Coverage coverage_;
  bool covers_written_ = false;
};

using CalendarPtr = std::shared_ptr<const WorkingDayCalendar>;

// Calendars read from YAML files, with a diagnostic for each bad one.
struct CalendarSet {
  std::vector<CalendarPtr> calendars;
  std::vector<Diagnostic> diagnostics;
  CalendarPtr find(const std::string& id) const;
};

// Loads every calendars/*.yaml (or the given .yaml files), resolving
// `include` among them. Bad files (unknown weekday, bad date, unknown
// timezone, include cycle, missing include) give diagnostics, never throw.
CalendarSet load_calendars(const std::vector<std::filesystem::path>& files,
                           Language lang = Language::English);

// The fixed UTC offset of a timezone name (Asia/Jakarta, Asia/Makassar,
// Asia/Jayapura, UTC, or "+08:00"); nullopt when unknown.
std::optional<int> timezone_offset_minutes(const std::string& timezone);

// The zone as the office names it: WIB, WITA, WIT for Asia/Jakarta,
// Asia/Makassar, Asia/Jayapura, "UTC" for UTC, otherwise "UTC+08:00".
std::string zone_abbreviation(const WorkingDayCalendar& calendar);

// An instant as a person at the office reads it: "2026-03-17 10:00 WITA"
// (local wall time of the calendar; seconds shown only when not zero).
std::string format_local(Instant t, const WorkingDayCalendar& calendar);

// ISO 8601 with the calendar's offset, for JSON: "2026-03-17T10:00:00+08:00".
std::string format_local_iso(Instant t, const WorkingDayCalendar& calendar);

// A local time as a person types it at the office, read in the calendar's
// zone: "2026-03-17 10:00", "2026-03-17T10:00:30", or format_local's own
// "2026-03-17 10:00 WITA" (only the calendar's own zone name); an explicit
// "Z" or "+08:00" wins. nullopt when it is none of these.
std::optional<Instant> parse_local(std::string_view text, const WorkingDayCalendar& calendar);

}  // namespace izin

#pragma GCC visibility pop
