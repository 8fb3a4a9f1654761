// Provisional dates: a case whose deadlines run past the last year its
// calendar knows says so, and a calendar that covers them recomputes them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "engine_fixture.hpp"
#include "izin/json.hpp"
#include "izin/sqlite_store.hpp"
#include "izin/store.hpp"

using namespace izin;
using namespace izin::test;

namespace {

// The shipped belu calendar plus New Year 2027: it now covers 2027 too.
CalendarPtr belu_with_2027() {
  return belu_plus(Holiday{Date::from_ymd(2027, 1, 1), "Tahun Baru 2027 Masehi", "holiday"});
}

// A PBG case opened and verified on Monday 14 December 2026: in pemeriksaan,
// its 26-working-day deemed approval and its SLA run into 2027.
std::string december_case(EngineFixture& f) {
  const std::string id = f.open_pbg("2026-12-14T09:00", {{"luas_bangunan", 80}, {"lantai", 1}}, {"ktp", "bukti_tanah"});
  REQUIRE(f.fire(id, "2026-12-14T10:00", "verifikasi", "verifikator").accepted);
  return id;
}

// The pending deadline of the state's `after` line `index`.
const PendingDeadline& pending(const Case& c, int index) {
  for (const auto& p : c.pending)
    if (p.deadline == index) return p;
  FAIL("no pending deadline " << index);
  return c.pending.front();
}

}  // namespace

TEST_CASE("a case opened on 14 December 2026 on a calendar ending in 2026 shows its 2027 dates as provisional",
          "[provisional]") {
  EngineFixture f;
  const std::string id = december_case(f);
  const Case c = f.get(id);
  // after 10 working days notify: 15–18, 21–23, 28–30 Dec (24, 25 off): inside 2026, exact.
  CHECK(pending(c, 0).due == wita("2026-12-31T00:00"));
  CHECK_FALSE(pending(c, 0).provisional);
  // after 26 working days -> disetujui: Thu 21 Jan 2027, counted with weekends only.
  CHECK(pending(c, 1).due == wita("2027-01-22T00:00"));
  CHECK(pending(c, 1).provisional);
  const SlaStatus sla = f.engine.sla(c, wita("2026-12-15T09:00"));
  CHECK(sla.provisional);
  CHECK(to_json_text(c).find("\"provisional\":true") != std::string::npos);
}

TEST_CASE("installing a calendar that covers 2027 recomputes the provisional dates and the history says so",
          "[provisional]") {
  EngineFixture f;
  const std::string id = december_case(f);
  f.clock.set(wita("2026-12-15T08:00"));
  const auto moved = f.engine.set_calendar(belu_with_2027());
  REQUIRE(moved.size() == 1);
  REQUIRE(moved[0].records.size() == 1);  // the exact 2026 escalation did not move
  const HistoryRecord& r = moved[0].records[0];
  CHECK(r.kind == RecordKind::DeadlineMoved);
  CHECK(r.note == "calendar belu changed: 2027-01-01 is now a holiday; due moved from 2027-01-21T16:00:00Z to "
                  "2027-01-22T16:00:00Z, no longer provisional");
  const Case c = f.get(id);
  CHECK(pending(c, 1).due == wita("2027-01-23T00:00"));
  CHECK_FALSE(pending(c, 1).provisional);
  CHECK_FALSE(f.engine.sla(c, wita("2026-12-15T09:00")).provisional);
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("a date that stays put but becomes exact is recorded too", "[provisional]") {
  EngineFixture f;
  const std::string id = december_case(f);
  const CalendarPtr old = belu();
  // Covering 2027 without a single 2027 holiday: the dates are right, only no longer provisional.
  const auto covered = std::make_shared<const WorkingDayCalendar>(
      old->id(), old->name(), old->timezone(), old->utc_offset_minutes(), old->weekend(), old->holidays(),
      Coverage{Date::from_ymd(2025, 1, 1), Date::from_ymd(2027, 12, 31)});
  f.clock.set(wita("2026-12-15T08:00"));
  const auto moved = f.engine.set_calendar(covered);
  REQUIRE(moved.size() == 1);
  REQUIRE(moved[0].records.size() == 1);
  CHECK(moved[0].records[0].note == "calendar belu changed; due stays 2027-01-21T16:00:00Z, no longer provisional");
  CHECK_FALSE(pending(f.get(id), 1).provisional);
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("a procedure without a calendar is never provisional", "[provisional]") {
  FakeClock clock{wita("2026-12-14T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  auto pbg = make_pbg();
  pbg->calendar.clear();
  engine.add_procedure(pbg);
  const Outcome opened = engine.open(OpenRequest{"pbg", {}, {}, Actor{"ani", "front_office"}, ""});
  REQUIRE(opened.accepted);
  const Case c = *engine.find(opened.case_id);
  REQUIRE_FALSE(c.pending.empty());
  for (const auto& p : c.pending) CHECK_FALSE(p.provisional);
}

TEST_CASE("a second engine on the same store re-projects with the kept calendar and still replays",
          "[provisional][store]") {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("izin-prov-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  FakeClock clock{wita("2026-12-14T09:00")};
  std::string id;
  {
    auto store = open_sqlite_store(path);
    Engine first{clock, *store};
    first.set_calendar(belu());
    first.add_procedure(make_pbg());
    id = first.open(OpenRequest{"pbg", {{"luas_bangunan", 80}, {"lantai", 1}}, {"ktp", "bukti_tanah"},
                                Actor{"ani", "front_office"}, ""}).case_id;
    REQUIRE(first.fire(id, EventRequest{"verifikasi", Actor{"v", "verifikator"}, {}, {}, ""}).accepted);
    REQUIRE(store->load_calendars().size() == 1);
  }
  auto store = open_sqlite_store(path);
  Engine second{clock, *store};
  const auto kept = second.restore_calendars();
  REQUIRE(kept.size() == 1);
  CHECK(*kept[0] == *belu());
  second.add_procedure(make_pbg());
  CHECK(second.set_calendar(belu()).empty());  // the same calendar: nothing to do
  clock.set(wita("2026-12-15T08:00"));
  const auto moved = second.set_calendar(belu_with_2027());  // as a fresh CLI run sees an edited file
  REQUIRE(moved.size() == 1);
  const Case c = *store->load_case(id);
  CHECK_FALSE(pending(c, 1).provisional);
  CHECK(c.history.back().kind == RecordKind::DeadlineMoved);
  CHECK(second.replay(id) == c);
  // A third engine knows both versions from the store alone.
  Engine third{clock, *store};
  third.restore_calendars();
  third.add_procedure(make_pbg());
  CHECK(third.replay(id) == c);
  CHECK(store->load_calendars().size() == 2);
  std::filesystem::remove(path);
}
