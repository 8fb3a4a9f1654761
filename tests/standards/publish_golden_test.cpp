// The published site of the shipped procedures and office.yaml, byte for byte against
// tests/standards/golden/ (the diagrams aside: Graphviz lays them out differently by version).
// After a deliberate change: IZIN_UPDATE_GOLDEN=1 ./standards_tests, then read the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "izin/graph.hpp"
#include "izin/izin.hpp"
#include "izin/standards/publish.hpp"

namespace {

std::string golden_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the published pages and JSON of the shipped procedures match their golden files") {
  REQUIRE(izin::graphviz_available());  // the pages link their diagram only when it was drawn
  const std::string source = IZIN_SOURCE_DIR;
  const auto library = izin::load({source + "/procedures"});
  const auto office = izin::standards::load_office_profile(source + "/procedures/office.yaml");
  const auto site = izin::standards::render_site(library.procedures, office, {"https://dpmptsp.belukab.go.id/layanan/"});
  const std::filesystem::path golden = source + "/tests/standards/golden";
  const bool update = std::getenv("IZIN_UPDATE_GOLDEN") != nullptr;
  std::size_t compared = 0;
  for (const auto& f : site.files) {
    if (f.path.ends_with(".svg")) continue;
    const auto path = golden / f.path;
    if (update) {
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << f.text;
    }
    INFO(f.path);
    CHECK(golden_text(path) == f.text);
    ++compared;
  }
  std::size_t files = 0;  // a golden file no page matches any more is a service that disappeared
  for (const auto& e : std::filesystem::recursive_directory_iterator(golden)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == compared);
  CHECK(compared == 3 * 9 + 2);  // 9 services: Indonesian and English pages and JSON; two indexes
}
