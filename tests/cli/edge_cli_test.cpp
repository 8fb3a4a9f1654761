// Issue #17 end to end: text that is not UTF-8 and files that once passed
// `check` and then crashed every command now stop at the edge with a
// diagnostic (exit 1 or 2, never a signal), and the database stays intact.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_tool.hpp"

namespace fs = std::filesystem;

namespace {

using izin_test::Run;

// Runs `izin ARGS --db DB --procedures <repo>/procedures`.
Run izin(const std::string& args, const std::string& db) {
  return izin_test::run_tool(args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures");
}

// A fresh scratch folder for one test.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("izin-edge-cli-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The database's cases by `case list --json`, and whether `case verify` passes.
std::size_t case_count(const std::string& db) {
  return nlohmann::json::parse(izin("case list --json", db).out).at("cases").size();
}
bool verifies(const std::string& db) {
  const Run r = izin("case verify --json", db);
  return r.status == 0 && nlohmann::json::parse(r.out).at("mismatches").empty();
}

}  // namespace

TEST_CASE("edge cli: bytes that are not UTF-8 in any argument are a usage error and store nothing", "[cli][edge]") {
  const std::string db = (scratch("args") / "izin.db").string();
  const Run opened = izin("case open legalisir --data jumlah_lembar=2 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const std::string id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const std::vector<std::string> poisoned = {
      "case open legalisir --data jumlah_lembar=2 --as 'ani:front_offic\xe9'",
      "case open legalisir --data 'catatan=caf\xe9' --as ani:front_office",
      "case fire " + id + " 'sahkan\xff' --as b:kepala_bidang",
      "case fire " + id + " sahkan --as 'b\xc3:kepala_bidang' --doc dokumen_asli --doc salinan",
      "case fire " + id + " sahkan --as b:kepala_bidang --doc 'dokumen_asli\xe9' --doc salinan",
      "case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan --key 'k\xed\xa0\x80'",
      "case show '" + id + "\xe9'",
      "case list --state 'diarsipkan\xe9'",
  };
  for (const std::string& command : poisoned) {
    INFO(command);
    const Run r = izin(command + " --json", db);
    CHECK(r.status == 2);
  }
  CHECK(case_count(db) == 1);
  CHECK(verifies(db));
  // The same request in well-formed UTF-8 goes through.
  CHECK(izin("case fire " + id + " sahkan --as 'budi_é:kepala_bidang' --doc dokumen_asli --doc salinan --key kunci-é",
             db).status == 0);
  CHECK(verifies(db));
}

TEST_CASE("edge cli: a Latin-1 holiday name fails `check` with IZ020, and the case commands keep working", "[cli][edge]") {
  const fs::path dir = scratch("latin1");
  fs::copy(IZIN_SOURCE_DIR "/procedures", dir / "procedures", fs::copy_options::recursive);
  std::ofstream(dir / "procedures" / "calendars" / "racun.yaml", std::ios::binary)
      << "id: racun\ntimezone: Asia/Makassar\nholidays:\n  - { date: 2026-12-25, name: \"No\xebl\" }\n";
  const Run checked = izin_test::run_tool("check --lang en " + (dir / "procedures").string());
  CHECK(checked.status == 1);
  CHECK(checked.out.find("IZ020") != std::string::npos);
  const std::string db = (dir / "izin.db").string();
  const std::string procs = " --db " + db + " --procedures " + (dir / "procedures").string();
  const Run opened = izin_test::run_tool("case open legalisir --data jumlah_lembar=2 --as ani:front_office --json" + procs);
  CHECK(opened.status == 0);
  for (const std::string command : {"case list", "case verify", "tick"}) {
    INFO(command);
    CHECK(izin_test::run_tool(command + procs).status == 0);
  }
}

TEST_CASE("edge cli: a scenario file with a Latin-1 byte is IZ020, not an abort", "[cli][edge]") {
  const fs::path dir = scratch("scenario");
  const fs::path file = dir / "legalisir.test.yaml";
  std::ofstream(file, std::ios::binary) << "procedure: legalisir\ncases:\n  - name: \"caf\xe9\"\n"
                                           "    opened: 2026-03-16T09:00\n    steps: []\n";
  const Run r = izin_test::run_tool("test " IZIN_SOURCE_DIR "/procedures/legalisir.izin " + file.string(), true);
  CHECK(r.status == 1);
  CHECK(r.out.find("IZ020") != std::string::npos);
  CHECK(r.out.find("legalisir.test.yaml:3:") != std::string::npos);
}

TEST_CASE("edge cli: time limits past 9999-12-31 and version 0 fail `check`, and nothing of them runs", "[cli][edge]") {
  for (const std::string poison : {"hours_past_9999", "days_past_9999", "version_zero", "long_sum"}) {
    INFO(poison);
    const Run r = izin_test::run_tool("check --lang en " IZIN_SOURCE_DIR "/tests/poison/" + poison + "/racun.izin");
    CHECK(r.status == 1);
    const std::string code = poison == "version_zero" ? "IZ108" : poison == "long_sum" ? "IZ105" : "IZ520";
    CHECK(r.out.find(code) != std::string::npos);
  }
}

TEST_CASE("edge cli: a scenario whose procedure's calendar was not loaded is IZ022, not an internal failure", "[cli][edge]") {
  const fs::path dir = scratch("no-calendar");
  const fs::path file = dir / "legalisir.test.yaml";
  std::ofstream(file) << "procedure: legalisir\ncases:\n  - name: signed at once\n    opened: 2026-03-16T09:00\n"
                         "    data: { jumlah_lembar: 2 }\n    steps: []\n";
  // The .izin file alone, copied where no calendars/ folder stands at or above it.
  fs::copy_file(IZIN_SOURCE_DIR "/procedures/legalisir.izin", dir / "legalisir.izin", fs::copy_options::overwrite_existing);
  const Run r = izin_test::run_tool("test " + (dir / "legalisir.izin").string() + " " + file.string(), true);
  CHECK(r.status == 1);
  CHECK(r.out.find("IZ022") != std::string::npos);
  CHECK(r.out.find("internal failure") == std::string::npos);
}
