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

TEST_CASE("other zones show their UTC offset; UTC is UTC", "[local-time]") {
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
