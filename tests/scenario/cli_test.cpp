// `izin test` and `izin demo` as a user runs them: output and exit status.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "scenario_fixture.hpp"

using izin::testing::fixture;

namespace {

// What a command printed on stdout, and its exit status.
struct Run {
  std::string out;
  int status = -1;
};

// Runs the izin tool with arguments (stderr discarded).
Run izin_tool(const std::string& args) {
  Run run;
  const std::string command = std::string(IZIN_TOOL) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) run.out += buffer.data();
  const int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

// The last line of the text.
std::string last_line(const std::string& text) {
  const std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.find_last_of('\n') + 1);
}

// The example procedure, the calendars and some scenario files, as arguments.
std::string with_example(const std::string& scenarios) {
  return "test " + fixture("pbg_example.izin") + " " + IZIN_SOURCE_DIR + "/procedures/calendars " + scenarios;
}

}  // namespace

TEST_CASE("izin test passes the docs/language.md scenarios and ends with the count") {
  const Run r = izin_tool(with_example(fixture("pbg_example.test.yaml")));
  CHECK(r.status == 0);
  CHECK(last_line(r.out) == "3 passed, 0 failed");
  CHECK_THAT(r.out, Catch::Contains("coverage pbg version 3: transitions 5/7, deadlines 2/5"));
  CHECK_THAT(r.out, Catch::Contains("pbg_example.izin:32: diajukan --tolak--> ditolak"));
}

TEST_CASE("izin test exits 1 and names file and line of a failed expectation") {
  const std::string file = fixture("failing/wrong_expectations.test.yaml");
  const Run r = izin_tool(with_example(file));
  CHECK(r.status == 1);
  CHECK(last_line(r.out) == "0 passed, 9 failed");
  CHECK_THAT(r.out, Catch::Contains(file + ":13: expected state perbaikan, got pemeriksaan"));
}

TEST_CASE("izin test exits 1 on a bad scenario file and 2 without any") {
  CHECK(izin_tool(with_example(fixture("bad/unknown_procedure.test.yaml"))).status == 1);
  CHECK(izin_tool("test " + fixture("pbg_example.izin")).status == 2);
  CHECK(izin_tool("test /no/such/dir").status == 2);
}

TEST_CASE("izin test passes the office's shipped procedure scenarios") {
  const Run r = izin_tool(std::string("test ") + IZIN_SOURCE_DIR + "/procedures");
  CHECK(r.status == 0);
  CHECK_THAT(last_line(r.out), Catch::EndsWith(" passed, 0 failed"));
}

TEST_CASE("izin demo simulates the month and prints the office report quickly") {
  const auto db = std::filesystem::temp_directory_path() / "izin-scenario-cli-demo.db";
  const auto start = std::chrono::steady_clock::now();
  const Run r = izin_tool(std::string("demo --procedures ") + IZIN_SOURCE_DIR + "/procedures --db " + db.string());
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
  CHECK(r.status == 0);
  CHECK(seconds.count() < 60);
  CHECK(std::filesystem::exists(db));
  // The end of 10 April, in the office's own time (WITA).
  CHECK_THAT(r.out, Catch::Contains("Office report as of 2026-04-11 00:00 WITA"));
  CHECK_THAT(r.out, Catch::Contains("Most frequent missing requirements:"));
  CHECK_THAT(r.out, Catch::Contains("Refused events by reason:") && Catch::Contains(": missing document: "));
  CHECK_THAT(r.out, Catch::Contains("Open cases waiting longest since their last event:"));
  // Same seed, same month: a second run prints the same report.
  CHECK(izin_tool(std::string("demo --procedures ") + IZIN_SOURCE_DIR + "/procedures --db " + db.string()).out == r.out);
  std::filesystem::remove(db);
}

TEST_CASE("izin demo refuses to run on procedures with errors") {
  const auto dir = std::filesystem::temp_directory_path() / "izin-scenario-bad-procedures";
  std::filesystem::create_directories(dir);
  {
    FILE* f = std::fopen((dir / "broken.izin").c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs("procedure broken version 1 { state }\n", f);
    std::fclose(f);
  }
  const Run r = izin_tool("demo --procedures " + dir.string() + " --db " + (dir / "demo.db").string());
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK_FALSE(std::filesystem::exists(dir / "demo.db"));
  std::filesystem::remove_all(dir);
}
