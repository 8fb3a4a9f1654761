// Working-day arithmetic pinned on the office's real calendar (belu, WITA).
#include "izin/calendar.hpp"

#include <catch2/catch.hpp>

using namespace izin;
using std::chrono::Friday, std::chrono::Saturday, std::chrono::Monday, std::chrono::Tuesday,
    std::chrono::Wednesday, std::chrono::Thursday, std::chrono::Sunday;

namespace {

// The shipped calendars, loaded once.
const CalendarSet& shipped() {
  static const CalendarSet set =
      load_calendars({std::filesystem::path(IZIN_SOURCE_DIR) / "procedures/calendars"});
  return set;
}

// The belu calendar as shipped.
const WorkingDayCalendar& belu() {
  const CalendarPtr c = shipped().find("belu");
  REQUIRE(c != nullptr);
  return *c;
}

// An instant from ISO text, local WITA unless it names a zone.
Instant at(const char* text) {
  const auto t = parse_instant(text, 8 * 60);
  REQUIRE(t.has_value());
  return *t;
}

Date ymd(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

Duration working_days(std::int64_t n) { return Duration{n, DurationUnit::WorkingDays}; }

}  // namespace

TEST_CASE("the shipped calendars load without a diagnostic", "[calendar]") {
  for (const Diagnostic& d : shipped().diagnostics) FAIL(d.file << ":" << d.line << ": " << d.message);
  CHECK(shipped().calendars.size() == 3);
  CHECK(belu().name() == "Kabupaten Belu");
  CHECK(belu().timezone() == "Asia/Makassar");
  CHECK(belu().utc_offset_minutes() == 480);
  CHECK(belu().holidays().size() == 28 + 25);
}

TEST_CASE("3 working days from Tue 17 March 2026 cross the Idul Fitri week", "[calendar]") {
  // 18 Mar cuti bersama, 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri (weekend too),
  // 23-24 cuti bersama: the three working days are 25, 26 and 27 March.
  for (int d = 18; d <= 24; ++d) CHECK_FALSE(belu().is_working_day(ymd(2026, 3, static_cast<unsigned>(d))));
  CHECK(belu().add_working_days(ymd(2026, 3, 17), 1) == ymd(2026, 3, 25));
  const Instant due = belu().add(at("2026-03-17T10:00"), working_days(3));
  CHECK(format_instant(due) == "2026-03-27T16:00:00Z");  // Fri 27 March 24:00 WITA
  CHECK(due == belu().end_of_day(ymd(2026, 3, 27)));
}

TEST_CASE("working days skip the weekend", "[calendar]") {
  CHECK(format_instant(belu().add(at("2026-03-05T10:00"), working_days(2))) == "2026-03-09T16:00:00Z");
  CHECK(format_instant(belu().add(at("2026-03-06T23:59"), working_days(1))) == "2026-03-09T16:00:00Z");
  CHECK_FALSE(belu().is_working_day(ymd(2026, 3, 7)));
  CHECK(belu().is_working_day(ymd(2026, 3, 9)));
}

TEST_CASE("the local date comes from the calendar's offset, not UTC", "[calendar]") {
  // 17:00Z on Thursday 5 March is 01:00 WITA on Friday 6 March.
  CHECK(belu().local_date(at("2026-03-05T17:00Z")) == ymd(2026, 3, 6));
  CHECK(belu().local_date(at("2026-03-05T15:59:59Z")) == ymd(2026, 3, 5));
  CHECK(format_instant(belu().add(at("2026-03-05T17:00Z"), working_days(1))) == "2026-03-09T16:00:00Z");
  CHECK(format_instant(belu().start_of_day(ymd(2026, 3, 6))) == "2026-03-05T16:00:00Z");
  CHECK(belu().end_of_day(ymd(2026, 3, 5)) == belu().start_of_day(ymd(2026, 3, 6)));
}

TEST_CASE("calendar days count holidays and weekends alike, hours are exact", "[calendar]") {
  CHECK(format_instant(belu().add(at("2026-03-17T10:00"), Duration{5, DurationUnit::Days})) ==
        "2026-03-22T16:00:00Z");
  CHECK(format_instant(belu().add(at("2026-03-17T23:30"), Duration{1, DurationUnit::Days})) ==
        "2026-03-18T16:00:00Z");
  CHECK(format_instant(belu().add(at("2026-03-17T10:00"), Duration{48, DurationUnit::Hours})) ==
        "2026-03-19T02:00:00Z");
  CHECK(format_instant(belu().add(at("2026-03-17T10:00"), Duration{1, DurationUnit::Hours})) ==
        "2026-03-17T03:00:00Z");
}

TEST_CASE("working_days_between counts working days after the start, up to and including the end", "[calendar]") {
  CHECK(belu().working_days_between(ymd(2026, 3, 17), ymd(2026, 3, 27)) == 3);
  CHECK(belu().working_days_between(ymd(2026, 3, 17), ymd(2026, 3, 24)) == 0);
  CHECK(belu().working_days_between(ymd(2026, 3, 16), ymd(2026, 3, 17)) == 1);
  CHECK(belu().working_days_between(ymd(2026, 3, 17), ymd(2026, 3, 17)) == 0);
  CHECK(belu().working_days_between(ymd(2026, 3, 27), ymd(2026, 3, 17)) == 0);
  // March 2026: 22 weekdays, of which 18, 19, 20, 23 and 24 are days off.
  CHECK(belu().working_days_between(ymd(2026, 2, 28), ymd(2026, 3, 31)) == 17);
}

TEST_CASE("2025: 18 August was added as cuti bersama", "[calendar]") {
  const Holiday* h = belu().holiday(ymd(2025, 8, 18));
  REQUIRE(h != nullptr);
  CHECK(h->kind == "cuti_bersama");
  // Friday 15 Aug + 1 working day: 16-17 weekend (17 also Proklamasi), 18 cuti bersama.
  CHECK(format_instant(belu().add(at("2025-08-15T10:00"), working_days(1))) == "2025-08-19T16:00:00Z");
}

TEST_CASE("deadlines run across the year boundary through both national files", "[calendar]") {
  CHECK(belu().add_working_days(ymd(2025, 12, 24), 2) == ymd(2025, 12, 30));
  CHECK(belu().add_working_days(ymd(2025, 12, 31), 1) == ymd(2026, 1, 2));
  const Holiday* h = belu().holiday(ymd(2026, 3, 21));
  REQUIRE(h != nullptr);
  CHECK(h->name == "Hari Raya Idul Fitri 1447 H");
  CHECK(h->kind == "holiday");
  CHECK(belu().holiday(ymd(2026, 3, 25)) == nullptr);
}

TEST_CASE("add_working_days agrees with counting day by day, also past the last holiday", "[calendar]") {
  const WorkingDayCalendar& c = belu();
  for (const Date start : {ymd(2025, 11, 3), ymd(2026, 12, 20), ymd(2027, 6, 2)}) {
    Date d = start;
    for (std::int64_t n = 1; n <= 400; ++n) {
      do d = d + 1;
      while (!c.is_working_day(d));
      INFO(start.to_string() << " + " << n);
      REQUIRE(c.add_working_days(start, n) == d);
    }
  }
  CHECK(c.add_working_days(ymd(2026, 3, 25), -1) == ymd(2026, 3, 17));
  CHECK(c.add_working_days(ymd(2026, 3, 25), 0) == ymd(2026, 3, 25));
}

TEST_CASE("Indonesian time zones have fixed offsets", "[calendar]") {
  CHECK(timezone_offset_minutes("Asia/Jakarta") == 420);
  CHECK(timezone_offset_minutes("Asia/Pontianak") == 420);
  CHECK(timezone_offset_minutes("Asia/Makassar") == 480);
  CHECK(timezone_offset_minutes("Asia/Jayapura") == 540);
  CHECK(timezone_offset_minutes("UTC") == 0);
  CHECK(timezone_offset_minutes("+08:00") == 480);
  CHECK(timezone_offset_minutes("-03:30") == -210);
  CHECK_FALSE(timezone_offset_minutes("Asia/Dili").has_value());
  CHECK_FALSE(timezone_offset_minutes("+8").has_value());
  CHECK_FALSE(timezone_offset_minutes("+15:00").has_value());
  CHECK_FALSE(timezone_offset_minutes("").has_value());
}

TEST_CASE("a calendar built in code sorts its holidays and keeps the first of a date", "[calendar]") {
  const WorkingDayCalendar c("x", "X", "Asia/Jayapura", 540, {Friday, Saturday, Saturday},
                             {{ymd(2026, 1, 6), "Later", "holiday"},
                              {ymd(2026, 1, 5), "First", "holiday"},
                              {ymd(2026, 1, 5), "Second", "cuti_bersama"}});
  REQUIRE(c.holidays().size() == 2);
  CHECK(c.holidays()[0].name == "First");
  CHECK(c.is_working_day(ymd(2026, 1, 4)));  // a Sunday: this calendar's weekend is Fri-Sat
  CHECK_FALSE(c.is_working_day(ymd(2026, 1, 9)));
  CHECK(c.add_working_days(ymd(2026, 1, 2), 1) == ymd(2026, 1, 4));
  CHECK(c.add_working_days(ymd(2026, 1, 4), 1) == ymd(2026, 1, 7));
  CHECK_THROWS(WorkingDayCalendar("all", "", "UTC", 0,
                                  {Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday}, {}));
}
