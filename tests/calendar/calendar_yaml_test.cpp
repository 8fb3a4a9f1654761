// Loading calendar files: includes, defaults, and a diagnostic for each mistake.
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
class CalendarDir {
 public:
  CalendarDir() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("izin-cal-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~CalendarDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  CalendarDir(const CalendarDir&) = delete;
  CalendarDir& operator=(const CalendarDir&) = delete;
  // Writes `name` with `text` and returns its path.
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

// The only diagnostic of a load, which must exist.
Diagnostic only(const CalendarSet& set) {
  INFO("diagnostics: " << set.diagnostics.size());
  REQUIRE(set.diagnostics.size() == 1);
  return set.diagnostics.front();
}

}  // namespace

TEST_CASE("an including calendar inherits timezone and weekend, and lists its own days first",
          "[calendar][yaml]") {
  CalendarDir dir;
  dir.write(
      "national.yaml",
      "id: national\ntimezone: Asia/Jakarta\nweekend: [friday]\nholidays:\n"
      "  - { date: 2026-01-01, name: \"Tahun Baru\" }\n  - { date: 2026-01-16, name: \"Isra Mikraj\" }\n");
  dir.write("local.yaml",
            "id: local\ninclude: national\nholidays:\n"
            "  - { date: 2026-01-16, name: \"Hari jadi\", kind: cuti_bersama }\n");
  dir.write("papua.yaml",
            "id: papua\ntimezone: Asia/Jayapura\nweekend: [saturday, sunday]\ninclude: [local]\n");
  const CalendarSet set = load_calendars({dir.path()});
  REQUIRE(set.diagnostics.empty());
  const CalendarPtr local = set.find("local");
  REQUIRE(local);
  CHECK(local->timezone() == "Asia/Jakarta");
  CHECK(local->utc_offset_minutes() == 420);
  CHECK(local->name() == "local");
  CHECK_FALSE(local->is_working_day(Date::from_ymd(2026, 1, 2)));  // a Friday, national's weekend
  CHECK(local->is_working_day(Date::from_ymd(2026, 1, 3)));        // Saturday works there
  REQUIRE(local->holiday(Date::from_ymd(2026, 1, 16)));
  CHECK(local->holiday(Date::from_ymd(2026, 1, 16))->name == "Hari jadi");
  CHECK(local->holidays().size() == 2);
  const CalendarPtr papua = set.find("papua");
  REQUIRE(papua);
  CHECK(papua->utc_offset_minutes() == 540);
  CHECK(papua->is_working_day(Date::from_ymd(2026, 1, 2)));
  CHECK_FALSE(papua->is_working_day(Date::from_ymd(2026, 1, 1)));
  CHECK(set.find("nowhere") == nullptr);
}

TEST_CASE("with neither weekend nor include, Saturday and Sunday are off", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.write("x.yaml", "id: x\ntimezone: \"+08:00\"\n")});
  REQUIRE(set.diagnostics.empty());
  CHECK_FALSE(set.find("x")->is_working_day(Date::from_ymd(2026, 3, 7)));
  CHECK_FALSE(set.find("x")->is_working_day(Date::from_ymd(2026, 3, 8)));
  CHECK(set.find("x")->is_working_day(Date::from_ymd(2026, 3, 9)));
}

TEST_CASE("unknown weekday: IZ054 at the weekday", "[calendar][yaml]") {
  CalendarDir dir;
  const auto file = dir.write("x.yaml", "id: x\ntimezone: UTC\nweekend: [saturday, sundey]\n");
  const CalendarSet set = load_calendars({file});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ054");
  CHECK(d.file == file.string());
  CHECK(d.line == 3);
  CHECK(d.column == 21);
  CHECK(d.message == "unknown weekday `sundey` (use monday … sunday)");
  CHECK(set.calendars.empty());
}

TEST_CASE("bad holiday date: IZ055 at the date", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.write(
      "x.yaml", "id: x\ntimezone: UTC\nholidays:\n  - { date: 2026-02-30, name: \"Tidak ada\" }\n")});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ055");
  CHECK(d.line == 4);
  CHECK(d.column == 13);
  CHECK(d.message == "bad date `2026-02-30` (write YYYY-MM-DD)");
  CHECK(set.calendars.empty());
}

TEST_CASE("unknown timezone: IZ056, in Indonesian when asked", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set =
      load_calendars({dir.write("x.yaml", "id: x\ntimezone: Asia/Dili\n")}, Language::Indonesian);
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ056");
  CHECK(d.line == 2);
  CHECK(d.column == 11);
  CHECK(d.message.rfind("zona waktu `Asia/Dili` tidak dikenal", 0) == 0);
}

TEST_CASE("include cycle: IZ058 where the cycle closes, neither calendar loads", "[calendar][yaml]") {
  CalendarDir dir;
  dir.write("a.yaml", "id: a\ntimezone: UTC\ninclude: [b]\n");
  const auto b = dir.write("b.yaml", "id: b\ntimezone: UTC\ninclude:\n  - a\n");
  const CalendarSet set = load_calendars({dir.path()});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ058");
  CHECK(d.file == b.string());
  CHECK(d.line == 4);
  CHECK(d.column == 5);
  CHECK(d.message == "include cycle: a -> b -> a");
  CHECK(set.calendars.empty());
}

TEST_CASE("include of a missing calendar: IZ057", "[calendar][yaml]") {
  CalendarDir dir;
  dir.write("ok.yaml", "id: ok\ntimezone: UTC\n");
  dir.write("x.yaml", "id: x\ntimezone: UTC\ninclude: [ok, indonesia-2030]\n");
  const CalendarSet set = load_calendars({dir.path()}, Language::English);
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ057");
  CHECK(d.line == 3);
  CHECK(d.column == 15);
  CHECK(d.message == "included calendar `indonesia-2030` is not among the loaded calendar files");
  CHECK(set.find("x") == nullptr);
  CHECK(set.find("ok") != nullptr);
}

TEST_CASE("duplicate calendar id: IZ053 on the second file, naming the first", "[calendar][yaml]") {
  CalendarDir dir;
  const auto first = dir.write("a.yaml", "id: same\ntimezone: UTC\n");
  const auto second = dir.write("b.yaml", "name: Lagi\nid: same\ntimezone: UTC\n");
  const CalendarSet set = load_calendars({first, second});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ053");
  CHECK(d.file == second.string());
  CHECK(d.line == 2);
  CHECK(d.column == 5);
  CHECK(d.message == "calendar id `same` is already defined in " + first.string());
  REQUIRE(set.calendars.size() == 1);
  CHECK(set.calendars[0]->name() == "same");
}

TEST_CASE("YAML syntax error: IZ051 with the parser's position", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.write("x.yaml", "id: x\ntimezone: UTC\nweekend: [saturday\n")});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ051");
  CHECK(d.line == 4);
  CHECK(d.message.rfind("YAML syntax error: ", 0) == 0);
}

TEST_CASE("missing id: IZ052", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.write("x.yaml", "name: Tanpa id\ntimezone: UTC\n")});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ052");
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message == "calendar has no `id`");
}

TEST_CASE("no timezone anywhere: IZ052", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.write("x.yaml", "id: x\n")});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ052");
  CHECK(d.line == 1);
  CHECK(d.column == 5);
  CHECK(d.message == "calendar `x` has no `timezone` and includes none that has one");
}

TEST_CASE("unreadable file: IZ050", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet set = load_calendars({dir.path() / "absent.yaml"});
  const Diagnostic d = only(set);
  CHECK(d.code == "IZ050");
  CHECK(d.line == 0);
  CHECK(d.message == "cannot read calendar file");
}

TEST_CASE("wrong shapes: IZ059, an unknown field is only a warning", "[calendar][yaml]") {
  CalendarDir dir;
  const CalendarSet kind = load_calendars({dir.write(
      "k.yaml", "id: k\ntimezone: UTC\nholidays:\n  - { date: 2026-01-01, name: x, kind: libur }\n")});
  CHECK(only(kind).code == "IZ059");
  CHECK(only(kind).line == 4);
  CHECK(only(kind).message == "unknown holiday kind `libur` (use holiday or cuti_bersama)");
  const CalendarSet all_week = load_calendars({dir.write(
      "w.yaml", "id: w\ntimezone: UTC\nweekend: [senin, selasa, rabu, kamis, jumat, sabtu, minggu]\n")});
  CHECK(only(all_week).code == "IZ059");
  CHECK(only(all_week).message == "`weekend` leaves no working day");
  CHECK(all_week.calendars.empty());
  const CalendarSet extra = load_calendars({dir.write("e.yaml", "id: e\ntimezone: UTC\nzona: WITA\n")});
  CHECK(only(extra).severity == Severity::Warning);
  CHECK(only(extra).line == 3);
  CHECK(extra.find("e") != nullptr);
  const CalendarSet scalar = load_calendars({dir.write("s.yaml", "- just\n- a list\n")});
  CHECK(only(scalar).code == "IZ059");
}

TEST_CASE("a broken included calendar fails its includer without a second report", "[calendar][yaml]") {
  CalendarDir dir;
  dir.write("base.yaml", "id: base\ntimezone: Mars/Olympus\n");
  dir.write("top.yaml", "id: top\ninclude: [base]\n");
  const CalendarSet set = load_calendars({dir.path()});
  CHECK(only(set).code == "IZ056");
  CHECK(set.calendars.empty());
}
