// `izin check` output formats, --werror and --against, end to end on the built tool.
#include <catch2/catch.hpp>

#include <sys/wait.h>
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

// Runs `izin check --lang en ARGS`.
Run check(const std::string& args) { return izin_test::run_tool("check --lang en " + args); }

// A small complete procedure; `extra_state` adds a second working state.
std::string procedure(int version, bool with_title, bool extra_state) {
  std::string s = "procedure izin_uji version " + std::to_string(version) + " {\n";
  if (with_title) s += "  title \"Izin uji\"\n";
  s += "  legal \"Perbup 1/2026\"\n  product \"Surat izin\"\n  sla 5 working days\n  roles staf\n";
  s += "  initial state periksa {\n    on setujui by staf -> " + std::string(extra_state ? "tanda_tangan" : "selesai") +
       "\n    after 2 working days notify staf \"Segera periksa\"\n  }\n";
  if (extra_state)
    s += "  state tanda_tangan {\n    on tandatangani by staf -> selesai\n"
         "    after 1 working day notify staf \"Segera tanda tangan\"\n  }\n";
  s += "  final state selesai outcome granted\n}\n";
  return s;
}

// A fresh directory holding one procedure file.
fs::path directory_with(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("izin-check-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "izin_uji.izin") << text;
  return dir;
}

}  // namespace

TEST_CASE("a warning passes the check, and fails it with --werror", "[cli][check]") {
  const auto dir = directory_with("warn", procedure(1, /*with_title=*/false, false));
  const auto plain = check(dir.string());
  CHECK(plain.status == 0);
  CHECK(plain.out.find("warning[IZ8") != std::string::npos);
  CHECK(check("--werror " + dir.string()).status == 1);
  const auto clean = directory_with("clean", procedure(1, true, false));
  CHECK(check("--werror " + clean.string()).status == 0);
}

TEST_CASE("check --format json prints one object with every diagnostic and a summary", "[cli][check]") {
  const auto dir = directory_with("json", procedure(1, false, false));
  const auto run = check("--format json " + dir.string());
  CHECK(run.status == 0);
  const auto doc = nlohmann::json::parse(run.out);
  REQUIRE(doc.contains("diagnostics"));
  REQUIRE(doc.at("diagnostics").size() >= 1);
  CHECK(doc.at("diagnostics")[0].at("code").get<std::string>().rfind("IZ8", 0) == 0);
  CHECK(doc.contains("summary"));
}

TEST_CASE("check --format sarif is a SARIF 2.1.0 log whose rule ids are the codes", "[cli][check]") {
  const auto dir = directory_with("sarif", procedure(1, false, false));
  const auto log = nlohmann::json::parse(check("--format sarif " + dir.string()).out);
  CHECK(log.at("version") == "2.1.0");
  const auto& result = log.at("runs")[0].at("results")[0];
  CHECK(result.at("ruleId").get<std::string>().rfind("IZ8", 0) == 0);
  CHECK(result.at("level") == "warning");
}

TEST_CASE("check --against refuses a new version that drops a state open cases may sit in", "[cli][check]") {
  const auto deployed = directory_with("deployed", procedure(1, true, /*extra_state=*/true));
  const auto keeps = directory_with("keeps", procedure(2, true, true));
  CHECK(check("--against " + deployed.string() + " " + keeps.string()).status == 0);
  const auto drops = directory_with("drops", procedure(2, true, false));
  const auto run = check("--against " + deployed.string() + " " + drops.string());
  CHECK(run.status == 1);
  CHECK(run.out.find("error[IZ902]") != std::string::npos);
  CHECK(run.out.find("tanda_tangan") != std::string::npos);
  CHECK(check("--against /nonexistent/izin " + keeps.string()).status == 2);
}
