// `izin skm import|add|report` end to end on the demo's database.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../cli/run_tool.hpp"

using izin_test::run_tool;

namespace {

// A fresh demo database in its own folder, with a CSV of an earlier period.
struct DemoFolder {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("izin-skm-cli-" + std::to_string(::getpid()));
  std::string db, csv, procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
  DemoFolder() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = (dir / "demo.db").string();
    csv = (dir / "2025.csv").string();
    REQUIRE(run_tool("demo --procedures " + procedures + " --db " + db).status == 0);
    std::ofstream(csv) << "tanggal,layanan,kasus,sumber,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,umur,pendidikan,"
                          "pekerjaan,saran\n"
                          "2025-11-03,pbg,,paper,3,3,3,3,3,3,3,3,3,P,40-49,S1,PNS,Ruang tunggu sempit\n"
                          "2025-11-04,sip,,paper,4,3,3,3,3,3,3,3,9,L,20-29,SMA,Swasta,\n";
  }
  ~DemoFolder() { std::filesystem::remove_all(dir); }
  nlohmann::json report(const std::string& period) {
    const auto run = run_tool("skm report --period " + period + " --format json --db " + db + " --procedures " + procedures);
    REQUIRE(run.status == 0);
    return nlohmann::json::parse(run.out);
  }
};

}  // namespace

TEST_CASE("izin skm: import refuses a file with a bad line, names it, and imports nothing") {
  DemoFolder f;
  const auto bad = run_tool("skm import " + f.csv + " --db " + f.db, true);
  CHECK(bad.status == 1);
  CHECK_THAT(bad.out, Catch::Contains("2025.csv:3: u9 '9'"));
  CHECK(f.report("2025-S2")["office"]["respondents"] == 0);
  const auto skipped = run_tool("skm import " + f.csv + " --db " + f.db + " --skip-bad", true);
  CHECK(skipped.status == 0);
  CHECK_THAT(skipped.out, Catch::Contains("imported 1 responses"));
  CHECK(f.report("2025-S2")["office"]["respondents"] == 1);
}

TEST_CASE("izin skm: a decided case answers once, the report counts it beside the demo's cases") {
  DemoFolder f;
  const std::string add = "skm add --db " + f.db + " --answers 4,3,3,4,3,4,4,3,2 --date 2026-04-10 --case ";
  CHECK(run_tool(add + "legalisir-000001").status == 0);
  const auto again = run_tool(add + "legalisir-000001", true);
  CHECK(again.status == 2);
  CHECK_THAT(again.out, Catch::Contains("already answered"));
  CHECK(run_tool(add + "no-such-case").status == 2);
  CHECK(run_tool("skm add --db " + f.db + " --case legalisir-000002 --answers 4,3,3").status == 2);
  const auto r = f.report("2026-S1");
  CHECK(r["office"]["respondents"] == 1);
  CHECK(r["office"]["index"]["unit_value"] == "83.25");  // NRR 30 × 0.111 × 25
  CHECK(r["office"]["cases"]["cases"] == 40);
  CHECK(r["office"]["minimum_sample"] == 36);
  CHECK(r["office"]["follow_up"][0] == "U9");
}

TEST_CASE("izin skm report: a period it cannot read and a missing database are usage errors") {
  CHECK(run_tool("skm report --period 2026-S3 --db /nonexistent/izin.db").status == 2);
  const auto missing = run_tool("skm report --period 2026 --db /nonexistent/izin.db", true);
  CHECK(missing.status == 2);
  CHECK_THAT(missing.out, Catch::Contains("no izin database"));
}
