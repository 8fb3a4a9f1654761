// `izin case …` and `izin tick` end to end: the built tool on a temporary database.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "run_tool.hpp"

namespace {

using izin_test::Run;

// Runs `izin ARGS --db DB --procedures <repo>/procedures`, capturing stdout.
Run izin(const std::string& args, const std::string& db) {
  return izin_test::run_tool(args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures");
}

}  // namespace

TEST_CASE("a case goes through open, a refusal, fire, tick and verify on the command line", "[cli]") {
  const auto db = (std::filesystem::temp_directory_path() / ("izin-cli-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  auto opened = izin("case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  CHECK(id == "legalisir-000001");
  // A value that does not fit the field's type is a usage error, nothing opened.
  CHECK(izin("case open legalisir --data jumlah_lembar=tiga --as ani:front_office", db).status == 2);
  const auto refused = izin("case fire " + id + " sahkan --as b:kepala_bidang --json", db);
  CHECK(refused.status == 1);
  CHECK(nlohmann::json::parse(refused.out).at("refusal").at("code") == "missing_documents");
  const auto fired = izin("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan --json", db);
  CHECK(fired.status == 0);
  CHECK(nlohmann::json::parse(fired.out).at("to") == "siap_diambil");
  // A time without a zone could mean UTC or the office's WITA: refused, nothing fired.
  CHECK(izin("tick --now 2030-01-01T00:00 --json", db).status == 2);
  // Years past the wall clock: fired for good, so the tool wants --force.
  CHECK(izin("tick --now 2030-01-01T00:00Z --json", db).status == 2);
  const auto ticked = izin("tick --now 2030-01-01T00:00Z --force --json", db);
  CHECK(nlohmann::json::parse(ticked.out).at("outcomes").size() == 1);
  const auto listed = nlohmann::json::parse(izin("case list --state diarsipkan --json", db).out);
  REQUIRE(listed.at("cases").size() == 1);
  CHECK(listed.at("cases")[0].at("id") == id);
  const auto verified = izin("case verify --json", db);
  CHECK(verified.status == 0);
  CHECK(nlohmann::json::parse(verified.out).at("mismatches").empty());
  CHECK(izin("case show nope-000001", db).status == 2);
  std::filesystem::remove(db);
}
