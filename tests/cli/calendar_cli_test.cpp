// Calendars on the command line: provisional dates shown, a calendar edit
// re-projecting open cases across runs, a broken file keeping the kept one.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "run_tool.hpp"

namespace fs = std::filesystem;

namespace {

using izin_test::Run;

// Runs the tool with stderr captured after stdout (2>&1).
Run run_with_stderr(const std::string& args) { return izin_test::run_tool(args, true); }

// A procedure directory with legalisir and a calendar file the test rewrites, and a database.
struct Office {
  fs::path dir = fs::temp_directory_path() / ("izin-calcli-" + std::to_string(::getpid()));
  std::string db = (dir / "izin.db").string();
  Office() {
    fs::remove_all(dir);
    fs::create_directories(dir / "procs" / "calendars");
    fs::copy_file(IZIN_SOURCE_DIR "/procedures/legalisir.izin", dir / "procs" / "legalisir.izin");
  }
  ~Office() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Office(const Office&) = delete;
  Office& operator=(const Office&) = delete;
  // Writes the belu calendar file.
  void calendar(const std::string& text) { std::ofstream(dir / "procs" / "calendars" / "belu.yaml") << text; }
  // `izin ARGS --db … --procedures …`, stdout only.
  Run izin(const std::string& args) {
    return izin_test::run_tool(args + " --db " + db + " --procedures " + (dir / "procs").string());
  }
  // The same with stderr too.
  Run izin_all(const std::string& args) {
    return run_with_stderr(args + " --db " + db + " --procedures " + (dir / "procs").string());
  }
};

// A calendar with no holidays and no `covers`: it covers nothing, so every working-day date is provisional.
const char* kNoHolidays = "id: belu\ntimezone: Asia/Makassar\n";
// The same calendar covering every date a test can run on.
const char* kCovered = "id: belu\ntimezone: Asia/Makassar\ncovers: { from: 2000-01-01, to: 2099-12-31 }\n";

// Whether the case's pending `after 1 working day` line (index 1) is marked provisional.
bool working_day_line_provisional(const nlohmann::json& c) {
  for (const auto& p : c.at("pending"))
    if (p.at("deadline") == 1) return p.value("provisional", false);
  FAIL("no pending working-day deadline");
  return false;
}

}  // namespace

TEST_CASE("a calendar edit between runs re-projects open cases, is recorded, and verify still passes",
          "[cli][calendar]") {
  Office o;
  o.calendar(kNoHolidays);
  const auto opened = o.izin("case open legalisir --data jumlah_lembar=1 --as ani:front_office --json");
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const auto shown = o.izin("case show " + id + " --json");
  REQUIRE(shown.status == 0);
  const auto before = nlohmann::json::parse(shown.out);
  CHECK(working_day_line_provisional(before));
  CHECK(before.at("sla_status").at("provisional") == true);  // 1 working day, counted over an uncovered day
  CHECK(o.izin("case show " + id).out.find("(provisional)") != std::string::npos);
  // The office adds the holidays' coverage: a read still works; the next writing command re-projects.
  o.calendar(kCovered);
  CHECK(o.izin("case show " + id).status == 0);
  CHECK(o.izin("tick").status == 0);
  const auto after = nlohmann::json::parse(o.izin("case show " + id + " --json").out);
  CHECK_FALSE(working_day_line_provisional(after));
  const auto& last = after.at("history").back();
  CHECK(last.at("kind") == "deadline_moved");
  CHECK(last.at("note").get<std::string>().find("no longer provisional") != std::string::npos);
  const auto verified = o.izin("case verify --json");
  CHECK(verified.status == 0);
  CHECK(nlohmann::json::parse(verified.out).at("mismatches").empty());
}

TEST_CASE("a broken calendar file keeps the stored version in force and says so, fire and verify go on",
          "[cli][calendar]") {
  Office o;
  o.calendar(kCovered);
  const auto opened = o.izin("case open legalisir --data jumlah_lembar=1 --as ani:front_office --json");
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  o.calendar("id: belu\ntimezone: [Asia/Makassar\n");  // YAML syntax error
  const auto fired = o.izin_all("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan");
  CHECK(fired.status == 0);
  CHECK(fired.out.find("IZ062") != std::string::npos);
  CHECK(fired.out.find("siap_diambil") != std::string::npos);
  CHECK(o.izin("case verify").status == 0);
  CHECK(o.izin("tick --force --now 2099-01-01T00:00Z").status == 0);  // the kept calendar is usable
}

TEST_CASE("tick with no usable calendar exits non-zero and names the cases left behind", "[cli][calendar]") {
  Office o;
  o.calendar(kCovered);
  const auto opened = o.izin("case open legalisir --data jumlah_lembar=1 --as ani:front_office --json");
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  // A database from before calendar versions were kept, and a calendar file that does not load.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(o.db.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "DELETE FROM calendars", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  o.calendar("id: belu\ntimezone: [Asia/Makassar\n");
  const auto ticked = o.izin_all("tick --force --now 2099-01-01T00:00Z");
  CHECK(ticked.status == 2);
  CHECK(ticked.out.find("IZ063") != std::string::npos);
  CHECK(ticked.out.find(id) != std::string::npos);
  const auto fired = o.izin_all("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan");
  CHECK(fired.status == 2);  // a clear error, never an abort
  CHECK(fired.out.find("did not load") != std::string::npos);
}

TEST_CASE("izin check warns when the calendar coverage ends within 90 days of --today, or covers nothing",
          "[cli][calendar]") {
  const std::string shipped = IZIN_SOURCE_DIR "/procedures";
  const auto early = izin_test::run_tool("check " + shipped + " --today 2026-06-01");
  CHECK(early.out.find("IZ060") == std::string::npos);
  const auto late = izin_test::run_tool("check " + shipped + " --today 2026-10-02");
  CHECK(late.out.find("IZ060") != std::string::npos);  // 2026-12-31 is 90 days after 2 October
  CHECK(late.out.find("2026-12-31") != std::string::npos);
  CHECK(izin_test::run_tool("check " + shipped + " --today 2026-10-01").out.find("IZ060") == std::string::npos);
  CHECK(izin_test::run_tool("check " + shipped + " --today 2027-02-01").out.find("IZ060") != std::string::npos);
  CHECK(izin_test::run_tool("check " + shipped + " --today yesterday").status == 2);
  Office o;
  o.calendar(kNoHolidays);
  CHECK(izin_test::run_tool("check " + (o.dir / "procs").string() + " --today 2026-06-01").out.find("IZ061") !=
        std::string::npos);
}
