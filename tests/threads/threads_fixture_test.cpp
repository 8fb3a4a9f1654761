// The threaded tests' fixture (threads_fixture.hpp), and a check that the
// compiled example is the procedure the desks expect.
#include "threads_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace izin::test {

ProcedurePtr make_pbg() {
  std::ifstream in(IZIN_SOURCE_DIR "/tests/dsl/data/pbg_example.izin", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const CompileResult r = compile_procedure(text.str(), "pbg.izin", {Language::English, false});
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.procedure);
  return r.procedure;
}

CalendarPtr belu() {
  const std::string dir = std::string(IZIN_SOURCE_DIR) + "/procedures/calendars/";
  CalendarSet set = load_calendars({dir + "belu.yaml", dir + "indonesia-2025.yaml", dir + "indonesia-2026.yaml"});
  REQUIRE(set.diagnostics.empty());
  CalendarPtr cal = set.find("belu");
  REQUIRE(cal);
  return cal;
}

Instant wita(const std::string& local) {
  const auto t = parse_instant(local, 8 * 60);
  REQUIRE(t);
  return *t;
}

OpenRequest pbg_application(int luas) {
  return OpenRequest{"pbg", {{"luas_bangunan", luas}, {"lantai", 1}, {"fungsi", "hunian"}},
                     {"ktp", "bukti_tanah", "gambar"}, {"ani", "front_office"}, ""};
}

EventRequest by(const std::string& event, const std::string& role) { return EventRequest{event, {"budi", role}, {}, {}, ""}; }

const std::vector<EventRequest>& pbg_path() {
  static const std::vector<EventRequest> events{by("verifikasi", "verifikator"), by("revisi", "tpa"),
                                                by("kirim_ulang", "pemohon"), by("setujui", "tpa"),
                                                by("terbitkan", "kepala_dinas")};
  return events;
}

}  // namespace izin::test

using namespace izin;
using namespace izin::test;

TEST_CASE("threads fixture: the example opens in diajukan and verifikasi by verifikator is accepted") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(belu());
  const ProcedurePtr pbg = make_pbg();
  engine.add_procedure(pbg);
  const Outcome o = engine.open(pbg_application(120));
  REQUIRE(o.accepted);
  CHECK(engine.find(o.case_id)->state == pbg->state_index("diajukan"));
  CHECK_FALSE(engine.fire(o.case_id, by("verifikasi", "tpa")).accepted);  // wrong role: the desks' refusals are real
  CHECK(engine.fire(o.case_id, by("verifikasi", "verifikator")).accepted);
  CHECK(engine.find(o.case_id)->state == pbg->state_index("pemeriksaan"));
}
