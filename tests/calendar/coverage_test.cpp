// Calendar coverage: what a calendar knows, and which dates are provisional
// because they were counted over days it does not know (docs/language.md, Calendars).
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "izin/calendar.hpp"

using namespace izin;
namespace fs = std::filesystem;

namespace {

// A fresh directory of calendar files for one test, removed afterwards.
class Files {
 public:
  Files() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("izin-cov-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~Files() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Files(const Files&) = delete;
  Files& operator=(const Files&) = delete;
  // Writes `name` with `text`.
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  // Loads every file; the calendar `id`, which must have loaded.
  CalendarPtr load(const std::string& id) {
    set_ = load_calendars({dir_});
    const CalendarPtr cal = set_.find(id);
    REQUIRE(cal);
    return cal;
  }
  const CalendarSet& set() const { return set_; }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
  CalendarSet set_;
};

Date day(const char* text) { return *Date::parse(text); }

// A UTC calendar with Sat/Sun weekends and the given holidays and coverage.
WorkingDayCalendar utc_calendar(std::vector<Holiday> holidays, std::optional<Coverage> covers = std::nullopt) {
  return WorkingDayCalendar("t", "t", "UTC", 0, {std::chrono::Saturday, std::chrono::Sunday}, std::move(holidays),
                            covers);
}

Instant at_utc(const char* date) { return WorkingDayCalendar("u", "u", "UTC", 0, {}, {}).start_of_day(day(date)); }

}  // namespace

TEST_CASE("default coverage spans whole years of the holidays it and its includes list", "[calendar][coverage]") {
  Files f;
  f.write("national.yaml",
          "id: national\ntimezone: UTC\ncovers: { from: 2020-01-01, to: 2030-12-31 }\nholidays:\n"
          "  - { date: 2026-05-01, name: \"Hari Buruh\" }\n");
  f.write("local.yaml", "id: local\ninclude: national\nholidays:\n  - { date: 2025-08-17, name: \"HUT RI\" }\n");
  const CalendarPtr local = f.load("local");
  CHECK(f.set().diagnostics.empty());
  // The included file's own `covers` is not used: 2025 and 2026 are the years listed.
  CHECK(local->coverage() == Coverage{day("2025-01-01"), day("2026-12-31")});
  CHECK_FALSE(local->coverage_written());
  CHECK(f.load("national")->coverage() == Coverage{day("2020-01-01"), day("2030-12-31")});
}

TEST_CASE("a written `covers` is the coverage, listed holidays outside it are ignored", "[calendar][coverage]") {
  Files f;
  f.write("c.yaml",
          "id: c\ntimezone: UTC\ncovers: { from: 2026-03-01, to: 2026-06-30 }\nholidays:\n"
          "  - { date: 2026-01-01, name: \"Tahun Baru\" }\n  - { date: 2026-05-01, name: \"Hari Buruh\" }\n");
  const CalendarPtr c = f.load("c");
  CHECK(c->coverage() == Coverage{day("2026-03-01"), day("2026-06-30")});
  CHECK(c->is_working_day(day("2026-01-01")));  // Thursday, outside the coverage: only a weekday
  CHECK_FALSE(c->is_working_day(day("2026-05-01")));
  REQUIRE(c->holidays().size() == 1);
}

TEST_CASE("no holidays and no `covers`: the calendar covers nothing", "[calendar][coverage]") {
  const WorkingDayCalendar empty = utc_calendar({});
  CHECK(empty.coverage().empty());
  const Projection one = empty.project(at_utc("2026-03-16"), Duration{1, DurationUnit::WorkingDays});
  CHECK(one.provisional);
  CHECK(one.due == at_utc("2026-03-18"));  // Tue 17 March, counted with weekends only
  CHECK_FALSE(empty.project(at_utc("2026-03-16"), Duration{0, DurationUnit::WorkingDays}).provisional);
}

TEST_CASE("a working-day count over an uncovered day is provisional and skips weekends only",
          "[calendar][coverage]") {
  const WorkingDayCalendar cal = utc_calendar({Holiday{day("2026-12-25"), "Natal", "holiday"}});
  REQUIRE(cal.coverage() == Coverage{day("2026-01-01"), day("2026-12-31")});
  // Mon 14 Dec + 10 working days: 15–18, 21–24, (25 Natal), 28, 29.
  const Projection inside = cal.project(at_utc("2026-12-14"), Duration{10, DurationUnit::WorkingDays});
  CHECK(inside.due == at_utc("2026-12-30"));
  CHECK_FALSE(inside.provisional);
  // + 13: 30, 31, then Fri 1 Jan 2027 counts (no 2027 holiday is known): due end of Fri 1 Jan.
  const Projection over = cal.project(at_utc("2026-12-14"), Duration{13, DurationUnit::WorkingDays});
  CHECK(over.due == at_utc("2027-01-02"));
  CHECK(over.provisional);
  // Ending exactly on the last covered day is not provisional.
  CHECK_FALSE(cal.project(at_utc("2026-12-14"), Duration{12, DurationUnit::WorkingDays}).provisional);
  // Starting before the coverage is provisional too.
  CHECK(cal.project(at_utc("2025-12-30"), Duration{1, DurationUnit::WorkingDays}).provisional);
}

TEST_CASE("calendar-day and hour durations are never provisional", "[calendar][coverage]") {
  const WorkingDayCalendar cal = utc_calendar({Holiday{day("2026-12-25"), "Natal", "holiday"}});
  CHECK_FALSE(cal.project(at_utc("2026-12-14"), Duration{60, DurationUnit::Days}).provisional);
  CHECK_FALSE(cal.project(at_utc("2026-12-31"), Duration{48, DurationUnit::Hours}).provisional);
  CHECK_FALSE(utc_calendar({}).project(at_utc("2026-12-31"), Duration{3, DurationUnit::Days}).provisional);
}

TEST_CASE("provisional_between looks at the days after the start up to the end", "[calendar][coverage]") {
  const WorkingDayCalendar cal = utc_calendar({}, Coverage{day("2026-01-01"), day("2026-12-31")});
  CHECK_FALSE(cal.provisional_between(day("2025-12-31"), day("2026-12-31")));  // 31 Dec 2025 itself is not counted
  CHECK(cal.provisional_between(day("2025-12-30"), day("2026-01-05")));
  CHECK(cal.provisional_between(day("2026-12-30"), day("2027-01-01")));
  CHECK_FALSE(cal.provisional_between(day("2027-03-01"), day("2027-03-01")));  // nothing counted
  CHECK(Coverage::everything().covers_span(day("1900-01-01"), day("2999-12-31")));
}

TEST_CASE("bad `covers`: IZ059 for its shape, IZ055 for a date", "[calendar][coverage][yaml]") {
  Files f;
  f.write("a.yaml", "id: a\ntimezone: UTC\ncovers: { from: 2026-01-01 }\n");
  f.write("b.yaml", "id: b\ntimezone: UTC\ncovers: { from: 2026-01-01, to: 2026-13-01 }\n");
  f.write("c.yaml", "id: c\ntimezone: UTC\ncovers: { from: 2026-12-31, to: 2026-01-01 }\n");
  const CalendarSet set = load_calendars({f.path()});
  CHECK(set.calendars.empty());
  REQUIRE(set.diagnostics.size() == 3);
  CHECK(set.diagnostics[0].code == "IZ059");
  CHECK(set.diagnostics[0].line == 3);
  CHECK(set.diagnostics[1].code == "IZ055");
  CHECK(set.diagnostics[2].code == "IZ059");
  CHECK_THAT(set.diagnostics[2].message, Catch::Matchers::Contains("before it starts"));
}
