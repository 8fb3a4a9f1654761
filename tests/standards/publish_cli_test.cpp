// `izin publish` and `izin check --office` end to end on the shipped procedures.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../cli/run_tool.hpp"
#include "izin/load.hpp"
#include "izin/standards/office_check.hpp"

using izin_test::run_tool;
namespace fs = std::filesystem;

namespace {

const std::string kProcedures = std::string(IZIN_SOURCE_DIR) + "/procedures";

// A folder of this process, removed at the end.
struct Folder {
  fs::path dir = fs::temp_directory_path() / ("izin-publish-cli-" + std::to_string(::getpid()));
  Folder() { fs::remove_all(dir), fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

}  // namespace

TEST_CASE("izin publish writes the site of the shipped procedures with their office.yaml") {
  Folder f;
  const auto site = f.dir / "site";
  const auto run = run_tool("publish --procedures " + kProcedures + " --out " + site.string() +
                            " --base-url https://belu.example/layanan/");
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::StartsWith("wrote 47 files to "));  // 9 services × (2 pages, 2 diagrams, JSON) + 2 indexes
  CHECK(fs::exists(site / "index.html"));
  CHECK(fs::exists(site / "en" / "sip.html"));
  CHECK(fs::exists(site / "json" / "pengaduan.json"));
}

TEST_CASE("izin publish refuses a malformed office.yaml by line and writes nothing") {
  Folder f;
  const std::string office = f.file("office.yaml", "name: DPMPTSP\nalamat: Atambua\n");
  const auto run = run_tool("publish --procedures " + kProcedures + " --office " + office + " --out " +
                                (f.dir / "site").string(), true);
  CHECK(run.status == 2);
  CHECK_THAT(run.out, Catch::Contains(office + ":2: unknown key `alamat`"));
  CHECK_FALSE(fs::exists(f.dir / "site"));
}

TEST_CASE("izin publish writes nothing from procedures with errors") {
  Folder f;
  f.file("rusak.izin", "procedure rusak version 1 {\n");
  const std::string office = (fs::path(kProcedures) / "office.yaml").string();
  const auto run = run_tool("publish --procedures " + f.dir.string() + " --office " + office + " --out " +
                            (f.dir / "site").string(), true);
  CHECK(run.status == 1);
  CHECK_THAT(run.out, Catch::Contains("nothing written"));
  CHECK_FALSE(fs::exists(f.dir / "site"));
}

TEST_CASE("izin publish warns about a component office.yaml leaves empty, and still publishes") {
  Folder f;
  const std::string office = f.file("office.yaml", "name: DPMPTSP\n");
  const auto run = run_tool("publish --procedures " + kProcedures + " --office " + office + " --out " +
                            (f.dir / "site").string(), true);
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("warning: pbg: 13 security is not stated"));
}

TEST_CASE("izin check --office: IZ805 per procedure and missing value, IZ806 for a bad file") {
  Folder f;
  const std::string office = f.file("office.yaml", "name: DPMPTSP\n");
  const izin::Library lib = izin::load({kProcedures});
  const auto found = izin::standards::office_standard_diagnostics(lib.procedures, office, izin::Language::English);
  // name is given; address, opening_hours, maklumat, complaint_channels and the 8 components are not.
  std::size_t ids = 0;
  for (const auto& p : lib.procedures) ids += lib.newest(p->id) == p ? 1 : 0;
  CHECK(found.size() == ids * 12);
  REQUIRE_FALSE(found.empty());
  CHECK(found.front().code == "IZ805");
  CHECK(found.front().severity == izin::Severity::Warning);
  CHECK(found.front().line > 0);
  CHECK_THAT(found.front().message, Catch::Contains("office.yaml gives no `address`"));
  const auto id = izin::standards::office_standard_diagnostics(lib.procedures, office, izin::Language::Indonesian);
  CHECK_THAT(id.front().message, Catch::Contains("office.yaml tidak mengisi `address`"));

  const std::string bad = f.file("bad.yaml", "name: x\ncomplaint_channels: loket\n");
  const auto broken = izin::standards::office_standard_diagnostics(lib.procedures, bad, izin::Language::English);
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].code == "IZ806");
  CHECK(broken[0].line == 2);

  const auto clean = run_tool("check " + kProcedures + " --office " + kProcedures + "/office.yaml --today 2026-03-01 --format json");
  CHECK(clean.out.find("IZ805") == std::string::npos);
  const auto warned = run_tool("check " + kProcedures + " --office " + office + " --today 2026-03-01 --werror");
  CHECK(warned.status == 1);
  CHECK_THAT(warned.out, Catch::Contains("warning[IZ805]"));
}
