// The SLA verdict on real procedures and the real Belu calendar.
#include <catch2/catch.hpp>

#include <filesystem>

#include "izin/engine.hpp"
#include "izin/load.hpp"

namespace {
izin::Instant wita(const char* local) { return *izin::parse_instant(local, 8 * 60); }
}  // namespace

TEST_CASE("a case that closes while its SLA clock is paused is judged by the working days it ran") {
  const izin::Library lib = izin::load({std::filesystem::path(IZIN_SOURCE_DIR) / "procedures"});
  izin::FakeClock clock(wita("2026-03-10T11:31"));
  auto store = izin::make_memory_store();
  izin::Engine engine(clock, *store);
  for (const auto& cal : lib.calendars.calendars) engine.set_calendar(cal);
  engine.add_procedure(lib.newest("legalisir"));
  // `sla 1 working day`: opened Tuesday 10 March, certified Wednesday 11 March, on time.
  const auto opened = engine.open(
      izin::OpenRequest{"legalisir", {{"jumlah_lembar", izin::Value(3)}}, {"dokumen_asli", "salinan"}, {}, ""});
  REQUIRE(opened.accepted);
  clock.set(wita("2026-03-11T10:23"));
  REQUIRE(engine.fire(opened.case_id, izin::EventRequest{"sahkan", {"b", "kepala_bidang"}, {}, {}, ""}).accepted);
  // Never collected: `clock paused` in siap_diambil, archived after 30 days at
  // 24:00 on 10 April, the very end of the SLA day pushed back by the pause.
  clock.set(wita("2026-04-12T00:00"));
  engine.advance_to(clock.now());
  const auto c = engine.find(opened.case_id);
  REQUIRE(c);
  CHECK(c->outcome == "abandoned");
  const izin::SlaStatus s = engine.sla(*c, wita("2026-04-12T00:00"));
  CHECK(s.working_days_used == 1);
  CHECK(s.due == izin::Date::from_ymd(2026, 4, 10));
  CHECK_FALSE(s.breached);
}
