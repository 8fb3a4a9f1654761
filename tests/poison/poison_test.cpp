// Poison files (tests/poison/*/): each once crashed izin or corrupted its
// database. Through check, test and every case command, each must now give a
// diagnostic (exit 1 or 2, never a signal) and leave the database intact.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../cli/run_tool.hpp"

namespace fs = std::filesystem;

namespace {

using izin_test::Run;

// The poison folders, sorted.
std::vector<fs::path> poison_folders() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(IZIN_SOURCE_DIR "/tests/poison"))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A fresh procedure directory: the office's procedures plus one poison folder's files.
fs::path poisoned_procedures(const fs::path& poison) {
  const fs::path dir = fs::temp_directory_path() / ("izin-poison-" + std::to_string(::getpid())) / poison.filename();
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(IZIN_SOURCE_DIR "/procedures", dir, fs::copy_options::recursive);
  fs::copy(poison, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  return dir;
}

// A diagnostic and no signal: the tool's status is 1 or 2.
bool diagnosed(const Run& r) { return r.status == 1 || r.status == 2; }

}  // namespace

TEST_CASE("every poison file gives a diagnostic and leaves the database intact", "[poison]") {
  const auto folders = poison_folders();
  REQUIRE(folders.size() >= 7);
  for (const fs::path& poison : folders) {
    INFO("poison folder " << poison.filename().string());
    const fs::path procedures = poisoned_procedures(poison);
    const std::string db = (procedures / "izin.db").string();
    const std::string good = " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures";
    const std::string bad = " --db " + db + " --procedures " + procedures.string();
    // A healthy case first, opened with the office's own procedures.
    const Run opened = izin_test::run_tool("case open legalisir --data jumlah_lembar=2 --as ani:front_office --json" + good);
    REQUIRE(opened.status == 0);
    const auto healthy = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();

    // `check` reads procedures and calendars; a poisoned scenario file is `test`'s to refuse.
    const Run checked = izin_test::run_tool("check --lang en " + procedures.string());
    CHECK(checked.status >= 0);
    if (fs::exists(poison / "racun.izin")) CHECK(diagnosed(checked));
    CHECK(diagnosed(izin_test::run_tool("test " + procedures.string())));
    CHECK(diagnosed(izin_test::run_tool("case open racun --as a:staf" + bad)));
    // The other commands may succeed (the healthy case is fine), but never by a signal.
    for (const std::string& command : std::vector<std::string>{"case list", "case verify", "case show " + healthy, "tick"}) {
      const Run r = izin_test::run_tool(command + bad);
      INFO(command);
      CHECK(r.status >= 0);
    }
    CHECK(diagnosed(izin_test::run_tool("case fire " + healthy + " sahkan --as b:kepala_bidang" + bad)));

    // The database still holds exactly the healthy case, and verifies.
    const auto listed = nlohmann::json::parse(izin_test::run_tool("case list --json" + good).out);
    REQUIRE(listed.at("cases").size() == 1);
    CHECK(listed.at("cases")[0].at("id") == healthy);
    const Run verified = izin_test::run_tool("case verify --json" + good);
    CHECK(verified.status == 0);
    CHECK(nlohmann::json::parse(verified.out).at("mismatches").empty());
    fs::remove_all(procedures);
  }
}
