// Hot reload across a restart: open cases stay on their version, new cases
// take the newest, and a broken file never replaces a working version.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "izin/izin.hpp"
#include "izin/reload.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// A small procedure whose version N takes event "periksa_vN" in its first state.
std::string procedure_text(int version) {
  const auto v = std::to_string(version);
  return "procedure surat version " + v + R"( {
  title "Surat keterangan"
  legal "Perbup Belu"
  product "Surat"
  calendar belu
  sla 5 working days
  roles petugas
  initial state masuk "Masuk" {
    on periksa_v)" + v + R"( by petugas -> selesai
    after 3 working days notify petugas "Terlambat"
  }
  final state selesai "Selesai" outcome granted
}
)";
}

// A procedure directory with the repository's calendars and one procedure file.
void make_directory(const std::filesystem::path& dir, const std::string& text) {
  std::filesystem::create_directories(dir / "calendars");
  for (const auto& f : std::filesystem::directory_iterator(IZIN_SOURCE_DIR "/procedures/calendars"))
    std::filesystem::copy_file(f.path(), dir / "calendars" / f.path().filename());
  std::ofstream(dir / "surat.izin") << text;
}

// An event by the clerk.
EventRequest event(const std::string& name) { return EventRequest{name, {"budi", "petugas"}, {}, {}, ""}; }

// The start of the tests' fake time.
Instant monday() { return std::chrono::sys_days{std::chrono::year{2026} / 3 / 9} + std::chrono::hours{1}; }

}  // namespace

TEST_CASE("a case opened on version 3 advances on version 3 after a restart with version 4", "[reload]") {
  TempDir tmp;
  const std::filesystem::path dir = tmp.file("procedures");
  const auto db = tmp.file("izin.db");
  make_directory(dir, procedure_text(3));
  FakeClock clock(monday());
  std::string old_case;
  {
    auto store = open_sqlite_store(db);
    Engine engine(clock, *store);
    const auto report = reload(engine, store.get(), dir);
    CHECK(report.added == std::vector<std::string>{"surat v3"});
    const auto opened = engine.open(OpenRequest{"surat", {}, {}, {"ani", "petugas"}, ""});
    REQUIRE(opened.accepted);
    old_case = opened.case_id;
  }
  std::ofstream(dir / "surat.izin") << procedure_text(4);
  // The process restarts: a new store connection and a new engine.
  auto store = open_sqlite_store(db);
  Engine engine(clock, *store);
  const auto report = reload(engine, store.get(), dir);
  CHECK(report.restored == std::vector<std::string>{"surat v3"});
  CHECK(report.added == std::vector<std::string>{"surat v4"});
  CHECK(engine.find(old_case)->version == 3);
  CHECK_FALSE(engine.fire(old_case, event("periksa_v4")).accepted);
  const auto advanced = engine.fire(old_case, event("periksa_v3"));
  CHECK(advanced.accepted);
  CHECK(advanced.to == "selesai");
  const auto fresh = engine.open(OpenRequest{"surat", {}, {}, {"ani", "petugas"}, ""});
  REQUIRE(fresh.accepted);
  CHECK(engine.find(fresh.case_id)->version == 4);
  CHECK(engine.fire(fresh.case_id, event("periksa_v4")).accepted);
  CHECK(engine.replay(old_case) == engine.find(old_case));
}

TEST_CASE("a failing file never replaces a working version", "[reload]") {
  TempDir tmp;
  const std::filesystem::path dir = tmp.file("procedures");
  make_directory(dir, procedure_text(4));
  FakeClock clock(monday());
  auto store = make_memory_store();
  Engine engine(clock, *store);
  REQUIRE(reload(engine, store.get(), dir).added.size() == 1);
  // Version 5 with a syntax error: rejected, version 4 stays newest.
  std::ofstream(dir / "surat.izin") << procedure_text(5) << "state {";
  auto report = reload(engine, store.get(), dir);
  CHECK_FALSE(report.changed());
  REQUIRE(report.rejected.size() == 1);
  CHECK_THAT(report.rejected[0], Catch::Matchers::Contains("surat.izin has errors"));
  CHECK(engine.procedure("surat")->version == 4);
  // Version 4 edited in place without a new number: kept as registered.
  auto edited = procedure_text(4);
  edited.replace(edited.find("Terlambat"), 9, "Lambat");
  std::ofstream(dir / "surat.izin") << edited;
  report = reload(engine, store.get(), dir);
  REQUIRE(report.rejected.size() == 1);
  CHECK_THAT(report.rejected[0], Catch::Matchers::Contains("new version number"));
  CHECK(engine.procedure("surat", 4)->source == procedure_text(4));
  const auto opened = engine.open(OpenRequest{"surat", {}, {}, {"ani", "petugas"}, ""});
  REQUIRE(opened.accepted);
  CHECK(engine.fire(opened.case_id, event("periksa_v4")).accepted);
}
