// Instants as the office reads them: local wall time and the zone's name.
#include <catch2/catch.hpp>

#include "izin/calendar.hpp"

using namespace izin;

namespace {

// A Monday–Friday calendar in `timezone` at `offset` minutes east of UTC.
WorkingDayCalendar in_zone(const std::string& timezone, int offset) {
  return WorkingDayCalendar("c", "C", timezone, offset, {std::chrono::Saturday, std::chrono::Sunday}, {});
}

// An absolute instant written with its zone.
Instant at(const std::string& text) { return *parse_instant(text, 0); }

}  // namespace

TEST_CASE("the three Indonesian zones are named WIB, WITA and WIT", "[local-time]") {
  const Instant t = at("2026-03-17T02:00Z");
  CHECK(format_local(t, in_zone("Asia/Jakarta", 7 * 60)) == "2026-03-17 09:00 WIB");
  CHECK(format_local(t, in_zone("Asia/Makassar", 8 * 60)) == "2026-03-17 10:00 WITA");
  CHECK(format_local(t, in_zone("Asia/Jayapura", 9 * 60)) == "2026-03-17 11:00 WIT");
}

TEST_CASE("other zones show their UTC offset, UTC is UTC", "[local-time]") {
  const Instant t = at("2026-03-17T02:00Z");
  CHECK(format_local(t, in_zone("UTC", 0)) == "2026-03-17 02:00 UTC");
  CHECK(format_local(t, in_zone("+05:30", 5 * 60 + 30)) == "2026-03-17 07:30 UTC+05:30");
  CHECK(format_local(t, in_zone("-03:00", -3 * 60)) == "2026-03-16 23:00 UTC-03:00");
  CHECK(zone_abbreviation(in_zone("+08:00", 8 * 60)) == "UTC+08:00");
}

TEST_CASE("local midnight is a new local date even while UTC is still on the day before", "[local-time]") {
  const auto wita = in_zone("Asia/Makassar", 8 * 60);
  CHECK(format_local(at("2026-03-16T15:59:59Z"), wita) == "2026-03-16 23:59:59 WITA");
  CHECK(format_local(at("2026-03-16T16:00Z"), wita) == "2026-03-17 00:00 WITA");
  const auto wib = in_zone("Asia/Jakarta", 7 * 60);
  CHECK(format_local(at("2026-03-16T16:30Z"), wib) == "2026-03-16 23:30 WIB");
  CHECK(format_local(at("2026-03-16T17:00Z"), wib) == "2026-03-17 00:00 WIB");
  // 24:00 at the end of a due day reads as the next day's 00:00.
  CHECK(format_local(wita.end_of_day(Date::from_ymd(2026, 3, 31)), wita) == "2026-04-01 00:00 WITA");
  // And a zone west of UTC is still on the previous date.
  CHECK(format_local(at("2026-01-01T01:00Z"), in_zone("-03:00", -180)) == "2025-12-31 22:00 UTC-03:00");
}

TEST_CASE("JSON-style local instants keep ISO 8601 with the calendar's offset", "[local-time]") {
  CHECK(format_local_iso(at("2026-03-16T16:00Z"), in_zone("Asia/Makassar", 480)) == "2026-03-17T00:00:00+08:00");
  CHECK(format_local_iso(at("2026-03-17T02:00:05Z"), in_zone("-03:00", -180)) == "2026-03-16T23:00:05-03:00");
  CHECK(format_local_iso(at("2026-03-17T02:00Z"), in_zone("UTC", 0)) == "2026-03-17T02:00:00+00:00");
}

TEST_CASE("a local time typed at the office is read in the calendar's zone, and format_local reads back", "[local-time]") {
  const WorkingDayCalendar wita = in_zone("Asia/Makassar", 8 * 60);
  CHECK(parse_local("2026-03-17 10:00", wita) == at("2026-03-17T02:00Z"));
  CHECK(parse_local("2026-03-17T10:00:30", wita) == at("2026-03-17T02:00:30Z"));
  CHECK(parse_local("2026-03-17 10:00 WITA", wita) == at("2026-03-17T02:00Z"));
  CHECK(parse_local("2026-03-17T10:00Z", wita) == at("2026-03-17T10:00Z"));  // an explicit zone wins
  for (const char* text : {"2026-03-17T02:00Z", "2026-12-31T15:59:59Z"}) {
    const Instant t = at(text);
    CHECK(parse_local(format_local(t, wita), wita) == t);
  }
  CHECK_FALSE(parse_local("2026-03-17 10:00 WIB", wita));  // another zone's name is not guessed
  CHECK_FALSE(parse_local("17/03/2026 10:00", wita));
  CHECK_FALSE(parse_local("", wita));
}

TEST_CASE("durations read as they are written", "[local-time]") {
  CHECK(parse_duration("3 working days") == Duration{3, DurationUnit::WorkingDays});
  CHECK(parse_duration("1 working day") == Duration{1, DurationUnit::WorkingDays});
  CHECK(parse_duration("25 days") == Duration{25, DurationUnit::Days});
  CHECK(parse_duration("48 hours") == Duration{48, DurationUnit::Hours});
  for (const Duration d : {Duration{7, DurationUnit::Days}, Duration{1, DurationUnit::Hours}})
    CHECK(parse_duration(d.to_string()) == d);
  for (const char* bad : {"", "3", "working days", "0 days", "-1 days", "3 weeks", "3  days", "3 Days",
                          "99999999999999999999 days", "36501 days"})
    CHECK_FALSE(parse_duration(bad));
}
