// `izin case list` paged: --limit, --cursor and --role through Engine::find_cases.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "run_tool.hpp"

namespace {

using izin_test::Run;

Run izin(const std::string& args, const std::string& db, bool with_errors = false) {
  return izin_test::run_tool(args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures", with_errors);
}

nlohmann::json listed(const std::string& args, const std::string& db) {
  const Run r = izin("case list --json " + args, db);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("case list pages with --limit and --cursor, and filters by the role that may act", "[cli]") {
  const auto db =
      (std::filesystem::temp_directory_path() / ("izin-list-cli-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  for (int i = 0; i < 3; ++i) REQUIRE(izin("case open legalisir --as ani:front_office --create", db).status == 0);
  REQUIRE(izin("case fire legalisir-000002 sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan", db).status == 0);

  const auto first = listed("--limit 2", db);
  CHECK(first.at("cases").size() == 2);
  CHECK(first.at("total") == 3);
  const std::string cursor = first.at("next_cursor");
  REQUIRE_FALSE(cursor.empty());
  const auto second = listed("--limit 2 --cursor " + cursor, db);
  REQUIRE(second.at("cases").size() == 1);
  CHECK(second.at("cases")[0].at("id") == "legalisir-000003");
  CHECK(second.at("next_cursor") == "");

  const auto signer = listed("--role kepala_bidang", db);
  REQUIRE(signer.at("cases").size() == 2);
  CHECK(signer.at("cases")[0].at("id") == "legalisir-000001");
  CHECK(signer.at("cases")[1].at("id") == "legalisir-000003");
  const auto applicant = listed("--role pemohon", db);
  REQUIRE(applicant.at("cases").size() == 1);
  CHECK(applicant.at("cases")[0].at("state") == "siap_diambil");

  const Run unknown = izin("case list --role bupati", db, true);
  CHECK(unknown.status == 2);
  CHECK(unknown.out.find("role 'bupati'") != std::string::npos);
  CHECK(izin("case list --cursor nonsense", db).status == 2);
  std::filesystem::remove(db);
}
