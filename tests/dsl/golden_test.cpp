// Golden tests: each tests/golden/<name>.izin checked as `izin check` prints
// it (English, front-end diagnostics only: validate off, so the validator's
// own suite owns its wording) must equal tests/golden/<name>.expected exactly.
// IZIN_REGENERATE_GOLDEN=1 rewrites the .expected files instead.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "izin/load.hpp"

namespace fs = std::filesystem;

namespace {
std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `izin check tests/golden/<name>.izin` prints, without validator checks.
std::string check_output(const std::string& relative) {
  const izin::Library lib = izin::load({relative}, {izin::Language::English, false});
  return izin::format_diagnostics(lib, false) + izin::summarize(lib, izin::Language::English);
}
}  // namespace

TEST_CASE("golden: diagnostics of every tests/golden/*.izin match their .expected") {
  fs::current_path(IZIN_SOURCE_DIR);
  const bool regenerate = std::getenv("IZIN_REGENERATE_GOLDEN") != nullptr;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator("tests/golden"))
    if (e.path().extension() == ".izin") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 15);
  for (const auto& input : inputs) {
    const std::string actual = check_output(input.generic_string());
    fs::path expected_path = input;
    expected_path.replace_extension(".expected");
    if (regenerate) std::ofstream(expected_path, std::ios::binary) << actual;
    INFO("golden file " << input.generic_string());
    REQUIRE(fs::exists(expected_path));
    CHECK(read(expected_path) == actual);
  }
}

TEST_CASE("golden: the example is clean and every error golden reports errors") {
  fs::current_path(IZIN_SOURCE_DIR);
  for (const auto& e : fs::directory_iterator("tests/golden")) {
    if (e.path().extension() != ".izin") continue;
    const izin::Library lib = izin::load({e.path()}, {izin::Language::English, false});
    INFO(e.path().generic_string());
    CHECK(lib.has_errors() == (e.path().stem() != "example"));
  }
}
