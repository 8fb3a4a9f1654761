// load() never chooses silently: the same procedure version in two files is
// an error naming both and neither copy is used; one file given alone is
// checked against the calendars of the nearest calendars/ folder above it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "izin/load.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh, empty temporary directory for one test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("izin-nosilent-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes `text` to `path`, creating its folders.
void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// A small valid procedure; `calendar` empty means none declared.
std::string procedure(const std::string& id, int version, const std::string& title, const std::string& calendar = "") {
  return "# " + title + "\nprocedure " + id + " version " + std::to_string(version) + " {\n  title \"" + title +
         "\"\n" + (calendar.empty() ? "" : "  calendar " + calendar + "\n") +
         "  roles staf\n  initial state periksa {\n    on setujui by staf -> selesai\n  }\n"
         "  final state selesai outcome granted\n}\n";
}

// The diagnostics with `code`.
std::vector<izin::Diagnostic> with_code(const izin::Library& lib, const std::string& code) {
  std::vector<izin::Diagnostic> out;
  std::copy_if(lib.diagnostics.begin(), lib.diagnostics.end(), std::back_inserter(out),
               [&](const izin::Diagnostic& d) { return d.code == code; });
  return out;
}

bool has_procedure(const izin::Library& lib, const std::string& id, int version) {
  return std::any_of(lib.procedures.begin(), lib.procedures.end(),
                     [&](const auto& p) { return p->id == id && p->version == version; });
}

const char* kCalendar = "id: belu\nname: Belu\ntimezone: Asia/Makassar\nweekend: [saturday, sunday]\n"
                        "holidays:\n  - { date: 2026-01-01, name: \"Tahun Baru\" }\n";

}  // namespace

TEST_CASE("the same procedure version in two files is an error naming both, and neither copy is used") {
  const fs::path dir = fresh_dir("dup");
  write(dir / "a" / "uji.izin", procedure("uji", 2, "Copy A"));
  write(dir / "b" / "uji.izin", procedure("uji", 2, "Copy B"));
  write(dir / "uji_v1.izin", procedure("uji", 1, "Older"));
  const izin::Library lib = izin::load({dir});
  const auto dups = with_code(lib, "IZ010");
  REQUIRE(dups.size() == 2);
  for (const auto& d : dups) {
    CHECK(d.severity == izin::Severity::Error);
    CHECK(d.line == 2);  // the `procedure` line of each copy
    CHECK(d.message.find("uji version 2") != std::string::npos);
  }
  // Each copy's diagnostic stands at its own file and names the other's file:line.
  const std::string a = (dir / "a" / "uji.izin").string(), b = (dir / "b" / "uji.izin").string();
  CHECK(((dups[0].file == a && dups[1].file == b) || (dups[0].file == b && dups[1].file == a)));
  for (const auto& d : dups) CHECK(d.message.find((d.file == a ? b : a) + ":2") != std::string::npos);
  CHECK_FALSE(has_procedure(lib, "uji", 2));
  CHECK(has_procedure(lib, "uji", 1));  // another version is not affected
  CHECK(lib.newest("uji")->version == 1);
  CHECK(lib.has_errors());
}

TEST_CASE("the duplicate error speaks Indonesian too") {
  const fs::path dir = fresh_dir("dup-id");
  write(dir / "satu.izin", procedure("uji", 1, "Satu"));
  write(dir / "dua.izin", procedure("uji", 1, "Dua"));
  const izin::Library lib = izin::load({dir}, izin::LoadOptions{izin::Language::Indonesian, true});
  const auto dups = with_code(lib, "IZ010");
  REQUIRE(dups.size() == 2);
  CHECK(dups[0].message.find("versi 1") != std::string::npos);
  CHECK(lib.procedures.empty());
}

TEST_CASE("the same file given twice is not a duplicate") {
  const fs::path dir = fresh_dir("same-file");
  write(dir / "uji.izin", procedure("uji", 1, "Satu"));
  const izin::Library lib = izin::load({dir / "uji.izin", dir});
  CHECK(with_code(lib, "IZ010").empty());
  CHECK(has_procedure(lib, "uji", 1));
}

TEST_CASE("one file given alone is checked against the nearest calendars folder above it") {
  const fs::path dir = fresh_dir("near-cal");
  write(dir / "calendars" / "belu.yaml", kCalendar);
  write(dir / "perizinan" / "salah.izin", procedure("salah", 1, "Salah", "beluu"));
  write(dir / "perizinan" / "benar.izin", procedure("benar", 1, "Benar", "belu"));
  const izin::Library wrong = izin::load({dir / "perizinan" / "salah.izin"});
  REQUIRE(with_code(wrong, "IZ208").size() == 1);
  CHECK(with_code(wrong, "IZ208")[0].message.find("beluu") != std::string::npos);
  CHECK(wrong.procedures.empty());
  const izin::Library right = izin::load({dir / "perizinan" / "benar.izin"});
  CHECK_FALSE(right.has_errors());
  CHECK(right.calendars.find("belu"));
}

TEST_CASE("the nearest calendars folder wins over one further up, and a file beside it counts") {
  const fs::path dir = fresh_dir("nearest");
  write(dir / "calendars" / "far.yaml", std::string(kCalendar).replace(4, 4, "jauh"));
  write(dir / "kantor" / "calendars" / "belu.yaml", kCalendar);
  write(dir / "kantor" / "uji.izin", procedure("uji", 1, "Uji", "jauh"));
  const izin::Library lib = izin::load({dir / "kantor" / "uji.izin"});
  CHECK(with_code(lib, "IZ208").size() == 1);  // `jauh` lives only in the farther folder
  CHECK(lib.calendars.find("belu"));
  CHECK_FALSE(lib.calendars.find("jauh"));
}
