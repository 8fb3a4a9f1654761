// The command line never picks one of two copies of a procedure version, and
// `izin check FILE` sees the calendars a directory check would see.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_tool.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh directory for one test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("izin-cli-nosilent-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes `text` to `path`, creating its folders.
void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// A small valid procedure on calendar `calendar`; `approver` differs between copies.
std::string procedure(const std::string& calendar, const std::string& approver) {
  return "procedure uji version 1 {\n  title \"Uji\"\n  legal \"Perbup 1/2026\"\n  product \"Surat\"\n"
         "  calendar " + calendar + "\n  sla 5 working days\n  roles staf, kepala\n"
         "  initial state periksa {\n    on setujui by " + approver + " -> selesai\n"
         "    after 2 working days notify kepala \"Segera\"\n  }\n"
         "  final state selesai outcome granted\n}\n";
}

const char* kCalendar = "id: belu\nname: Belu\ntimezone: Asia/Makassar\nweekend: [saturday, sunday]\n"
                        "holidays:\n  - { date: 2026-01-01, name: \"Tahun Baru\" }\n";

const char* kScenario = "procedure: uji\ncases:\n  - name: disetujui\n    opened: 2026-03-16T09:00\n"
                        "    steps:\n      - { at: 2026-03-16T10:00, event: setujui, by: staf, expect: { state: selesai } }\n";

// A procedure directory with two copies of uji version 1 (that differ), a calendar and a scenario.
fs::path duplicated(const std::string& name) {
  const fs::path dir = fresh_dir(name);
  write(dir / "calendars" / "belu.yaml", kCalendar);
  write(dir / "uji.izin", procedure("belu", "staf"));
  write(dir / "lama" / "uji.izin", procedure("belu", "kepala"));
  write(dir / "uji.test.yaml", kScenario);
  return dir;
}

// Runs `izin ARGS` with stderr merged into what is captured.
izin_test::Run run_merged(const std::string& args) {
  const std::string command = std::string(IZIN_TOOL) + " " + args + " 2>&1";
  izin_test::Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace

TEST_CASE("izin check DIR refuses two files with the same procedure version, naming both", "[cli]") {
  const fs::path dir = duplicated("check");
  const auto run = izin_test::run_tool("check --lang en " + dir.string());
  CHECK(run.status == 1);
  CHECK(run.out.find("error[IZ010]") != std::string::npos);
  CHECK(run.out.find((dir / "uji.izin").string() + ":1") != std::string::npos);
  CHECK(run.out.find((dir / "lama" / "uji.izin").string() + ":1") != std::string::npos);
}

TEST_CASE("izin test runs neither copy of a duplicated procedure version", "[cli]") {
  const fs::path dir = duplicated("test");
  const auto run = izin_test::run_tool("test " + dir.string());
  CHECK(run.status == 1);
  CHECK(run.out.find("ok   ") == std::string::npos);
  // Without the second copy the same scenario passes: the failure is the duplicate.
  fs::remove_all(dir / "lama");
  CHECK(izin_test::run_tool("test " + dir.string()).status == 0);
}

TEST_CASE("izin deadlines quotes no dates from a duplicated procedure version", "[cli]") {
  const fs::path dir = duplicated("deadlines");
  const auto run = run_merged("deadlines uji --from 2026-03-16 --procedures " + dir.string());
  CHECK(run.status == 2);
  CHECK(run.out.find("IZ010") != std::string::npos);
  CHECK(run.out.find("by end of") == std::string::npos);
}

TEST_CASE("izin check FILE loads the nearest calendars folder, so a misspelt calendar fails", "[cli]") {
  const fs::path dir = fresh_dir("one-file");
  write(dir / "calendars" / "belu.yaml", kCalendar);
  write(dir / "bidang" / "salah.izin", procedure("beluu", "staf"));
  write(dir / "bidang" / "benar.izin", procedure("belu", "staf"));
  const auto wrong = izin_test::run_tool("check --lang en " + (dir / "bidang" / "salah.izin").string());
  CHECK(wrong.status == 1);
  CHECK(wrong.out.find("error[IZ208]") != std::string::npos);
  CHECK(izin_test::run_tool("check --lang en " + (dir / "bidang" / "benar.izin").string()).status == 0);
}
