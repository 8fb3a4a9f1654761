// The shipped national calendars hold exactly the days of the joint decree (SKB 3 Menteri), as amended.
#include <catch2/catch.hpp>
#include <set>
#include <utility>

#include "izin/calendar.hpp"

using namespace izin;

namespace {

using DayList = std::set<std::pair<unsigned, unsigned>>;  // (month, day)

// The days off of one kind in a calendar, for one year.
DayList days_of_kind(const WorkingDayCalendar& c, int year, const std::string& kind) {
  DayList out;
  for (const Holiday& h : c.holidays()) {
    const auto ymd = h.date.ymd();
    if (static_cast<int>(ymd.year()) == year && h.kind == kind)
      out.emplace(static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  }
  return out;
}

// A shipped calendar by id.
CalendarPtr shipped(const std::string& id) {
  static const CalendarSet set =
      load_calendars({std::filesystem::path(IZIN_SOURCE_DIR) / "procedures/calendars"});
  REQUIRE(set.diagnostics.empty());
  CalendarPtr c = set.find(id);
  REQUIRE(c != nullptr);
  return c;
}

}  // namespace

TEST_CASE("2025 holidays and cuti bersama are those of the joint decree", "[calendar][data]") {
  const CalendarPtr c = shipped("indonesia-2025");
  CHECK(days_of_kind(*c, 2025, "holiday") == DayList{{1, 1},
                                                     {1, 27},
                                                     {1, 29},
                                                     {3, 29},
                                                     {3, 31},
                                                     {4, 1},
                                                     {4, 18},
                                                     {4, 20},
                                                     {5, 1},
                                                     {5, 12},
                                                     {5, 29},
                                                     {6, 1},
                                                     {6, 6},
                                                     {6, 27},
                                                     {8, 17},
                                                     {9, 5},
                                                     {12, 25}});
  CHECK(
      days_of_kind(*c, 2025, "cuti_bersama") ==
      DayList{{1, 28}, {3, 28}, {4, 2}, {4, 3}, {4, 4}, {4, 7}, {5, 13}, {5, 30}, {6, 9}, {8, 18}, {12, 26}});
  CHECK(c->holidays().size() == 28);
}

TEST_CASE("2026 holidays and cuti bersama are those of the joint decree", "[calendar][data]") {
  const CalendarPtr c = shipped("indonesia-2026");
  CHECK(days_of_kind(*c, 2026, "holiday") == DayList{{1, 1},
                                                     {1, 16},
                                                     {2, 17},
                                                     {3, 19},
                                                     {3, 21},
                                                     {3, 22},
                                                     {4, 3},
                                                     {4, 5},
                                                     {5, 1},
                                                     {5, 14},
                                                     {5, 27},
                                                     {5, 31},
                                                     {6, 1},
                                                     {6, 16},
                                                     {8, 17},
                                                     {8, 25},
                                                     {12, 25}});
  CHECK(days_of_kind(*c, 2026, "cuti_bersama") ==
        DayList{{2, 16}, {3, 18}, {3, 20}, {3, 23}, {3, 24}, {5, 15}, {5, 28}, {12, 24}});
  CHECK(c->holidays().size() == 25);
}

TEST_CASE("every shipped day off has a name", "[calendar][data]") {
  for (const Holiday& h : shipped("belu")->holidays()) {
    INFO(h.date.to_string());
    CHECK(h.name.size() > 5);
    if (h.kind == "cuti_bersama") CHECK(h.name.rfind("Cuti bersama ", 0) == 0);
  }
}
