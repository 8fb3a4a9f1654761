// Issue #17 for calendar files: bytes that are not UTF-8, includes that
// double the holiday list per level, and instants past 9999-12-31.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "izin/calendar.hpp"
#include "izin/time.hpp"

using namespace izin;
namespace fs = std::filesystem;

namespace {
// A fresh folder of calendar files named after the test.
fs::path folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("izin-cal-edge-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// A national-style file with two holidays, and `levels` files each including the previous one twice.
fs::path include_chain(const std::string& name, int levels) {
  const fs::path dir = folder(name);
  write(dir / "c00.yaml", "id: c00\ntimezone: Asia/Makassar\nholidays:\n"
                          "  - { date: 2026-12-25, name: \"Natal\" }\n"
                          "  - { date: 2026-12-24, name: \"Cuti bersama Natal\", kind: cuti_bersama }\n");
  for (int i = 1; i <= levels; ++i) {
    const auto file_id = [](int n) { return std::string(n < 10 ? "c0" : "c") + std::to_string(n); };
    const std::string id = file_id(i), prev = file_id(i - 1);
    write(dir / (id + ".yaml"), "id: " + id + "\ninclude: [" + prev + ", " + prev + "]\n");
  }
  return dir;
}
}  // namespace

TEST_CASE("calendar edge: a Latin-1 byte in a holiday name is IZ020 at its line and column, the calendar not loaded") {
  const fs::path dir = folder("latin1");
  write(dir / "racun.yaml", "id: racun\ntimezone: Asia/Makassar\nholidays:\n  - { date: 2026-12-25, name: \"No\xebl\" }\n");
  write(dir / "baik.yaml", "id: baik\ntimezone: Asia/Makassar\nholidays:\n  - { date: 2026-12-25, name: \"Noël\" }\n");
  const CalendarSet set = load_calendars({dir});
  REQUIRE(set.diagnostics.size() == 1);
  const Diagnostic& d = set.diagnostics[0];
  CHECK(d.code == "IZ020");
  CHECK(d.severity == Severity::Error);
  CHECK(d.file == (dir / "racun.yaml").string());
  CHECK(d.line == 4);
  CHECK(d.column == 34);
  CHECK(set.find("racun") == nullptr);
  // A well-formed UTF-8 name (ë) beside it loads.
  REQUIRE(set.find("baik") != nullptr);
  CHECK(set.find("baik")->holiday(Date::from_ymd(2026, 12, 25))->name == "Noël");
  const CalendarSet id = load_calendars({dir}, Language::Indonesian);
  CHECK(id.diagnostics.at(0).message.find("UTF-8") != std::string::npos);
  CHECK(id.diagnostics.at(0).message.find("simpan") != std::string::npos);
}

TEST_CASE("calendar edge: including a calendar twice adds its days once, at every level") {
  const fs::path dir = include_chain("twice", 9);
  const CalendarSet set = load_calendars({dir});
  CHECK(set.diagnostics.empty());
  REQUIRE(set.find("c09") != nullptr);
  CHECK(set.find("c09")->holidays().size() == 2);
  CHECK_FALSE(set.find("c09")->is_working_day(Date::from_ymd(2026, 12, 24)));
}

TEST_CASE("calendar edge: 22 calendars each including the previous twice load in a moment, the deep ones refused by IZ021") {
  const fs::path dir = include_chain("bomb", 21);
  const auto t0 = std::chrono::steady_clock::now();
  const CalendarSet set = load_calendars({dir});
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  // c00..c10 stand on at most 10 levels; c11 is the first too deep, and only it is reported.
  for (int i = 0; i <= 10; ++i) CHECK(set.find("c" + std::string(i < 10 ? "0" : "") + std::to_string(i)) != nullptr);
  CHECK(set.find("c11") == nullptr);
  CHECK(set.find("c21") == nullptr);
  REQUIRE(set.diagnostics.size() == 1);
  CHECK(set.diagnostics[0].code == "IZ021");
  CHECK(set.diagnostics[0].file == (dir / "c11.yaml").string());
}

TEST_CASE("calendar edge: the depth is the calendar's own, whatever order the files are resolved in") {
  // z-top.yaml sorts after the chain, a-top.yaml before it: both stand on 11 levels.
  const fs::path dir = include_chain("order", 10);
  write(dir / "a-top.yaml", "id: atop\ninclude: [c10]\n");
  write(dir / "z-top.yaml", "id: ztop\ninclude: [c10]\n");
  const CalendarSet set = load_calendars({dir});
  CHECK(set.find("c10") != nullptr);
  CHECK(set.find("atop") == nullptr);
  CHECK(set.find("ztop") == nullptr);
  CHECK(set.diagnostics.size() == 2);
}

TEST_CASE("calendar edge: a due instant past 9999-12-31 is refused, never returned") {
  const CalendarSet set = load_calendars({IZIN_SOURCE_DIR "/procedures/calendars/belu.yaml",
                                          IZIN_SOURCE_DIR "/procedures/calendars/indonesia-2025.yaml",
                                          IZIN_SOURCE_DIR "/procedures/calendars/indonesia-2026.yaml"});
  const CalendarPtr belu = set.find("belu");
  REQUIRE(belu);
  const Instant opened = *parse_instant("2026-03-16T09:00", 8 * 60);
  CHECK_THROWS_AS(belu->add(opened, Duration{100000000, DurationUnit::Hours}), std::out_of_range);
  CHECK_THROWS_AS(belu->add(opened, Duration{3000000, DurationUnit::Days}), std::out_of_range);
  CHECK_THROWS_AS(belu->add(opened, Duration{2932000, DurationUnit::Days}), std::out_of_range);
  CHECK_THROWS_AS(belu->add(opened, Duration{2500000, DurationUnit::WorkingDays}), std::out_of_range);
  // The last day izin holds is still fine (WITA: 24:00 local is 16:00 UTC).
  const Instant last = belu->add(*parse_instant("9999-12-30T09:00", 8 * 60), Duration{1, DurationUnit::Days});
  CHECK(format_instant(last) == "9999-12-31T16:00:00Z");
  CHECK(in_range(last));
  // An instant written past the range is not read.
  CHECK_FALSE(parse_instant("9999-12-31T24:00Z", 0));
  CHECK(parse_instant("9999-12-31T23:59:59Z", 0));
}
