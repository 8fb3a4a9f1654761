// Issue #17 at the engine's edge: a deadline past 9999-12-31 and text that
// is not UTF-8 are refused; a refused request stores nothing.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"
#include "izin/clock.hpp"
#include "izin/store.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// An engine on its own memory store running PBG with one deadline replaced.
struct GuardedEngine {
  FakeClock clock{wita("2026-03-16T09:00")};
  std::unique_ptr<Store> store = make_memory_store();
  Engine engine{clock, *store};

  // PBG where state `state`'s deadlines are just `after N UNIT -> disetujui`.
  GuardedEngine(const std::string& state, std::int64_t n, DurationUnit unit) {
    auto p = make_pbg();
    p->states[static_cast<std::size_t>(p->state_index(state))].deadlines = {after(*p, n, unit, "disetujui")};
    engine.set_calendar(belu());
    engine.add_procedure(p);
  }
  Outcome open() {
    OpenRequest r;
    r.procedure = "pbg";
    r.data = {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}};
    r.documents = {"ktp", "bukti_tanah", "gambar"};
    r.actor = Actor{"ani", "front_office"};
    return engine.open(r);
  }
};
}  // namespace

TEST_CASE("edge: a case whose first deadline falls past 9999-12-31 is not opened, and nothing is stored") {
  for (const auto& [n, unit] : {std::pair{std::int64_t{100000000}, DurationUnit::Hours},
                                std::pair{std::int64_t{3000000}, DurationUnit::Days},
                                std::pair{std::int64_t{2932000}, DurationUnit::Days},
                                std::pair{std::int64_t{2500000}, DurationUnit::WorkingDays}}) {
    INFO(n);
    GuardedEngine g("diajukan", n, unit);
    const Outcome o = g.open();
    CHECK_FALSE(o.accepted);
    REQUIRE(o.refusal);
    CHECK(o.refusal->code == RefusalCode::EvaluationFailed);
    CHECK(o.refusal->message.find("9999-12-31") != std::string::npos);
    CHECK(g.store->load_cases({}).empty());
  }
}

TEST_CASE("edge: an event into a state whose deadline falls past 9999-12-31 is refused and changes nothing") {
  GuardedEngine g("pemeriksaan", 100000000, DurationUnit::Hours);
  const Outcome opened = g.open();
  REQUIRE(opened.accepted);
  const auto before = g.store->load_case(opened.case_id);
  REQUIRE(before);
  g.clock.set(wita("2026-03-17T10:00"));
  const Outcome o = g.engine.fire(opened.case_id, EventRequest{"verifikasi", Actor{"v", "verifikator"}, {}, {}, ""});
  CHECK_FALSE(o.accepted);
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::EvaluationFailed);
  const auto after_refusal = g.store->load_case(opened.case_id);
  REQUIRE(after_refusal);
  CHECK(after_refusal->state == before->state);
  CHECK(after_refusal->revision == before->revision);
  CHECK(after_refusal->history.size() == before->history.size());
}

TEST_CASE("edge: a deadline firing into a state due past 9999-12-31 leaves that case as stored") {
  auto p = make_pbg();
  // perbaikan's `after 5 working days -> ditolak` now leads to a state due in the year 13434.
  auto& ditolak_bound = p->states[static_cast<std::size_t>(p->state_index("perbaikan"))].deadlines;
  ditolak_bound = {after(*p, 5, DurationUnit::WorkingDays, "pemeriksaan")};
  p->states[static_cast<std::size_t>(p->state_index("pemeriksaan"))].deadlines = {
      after(*p, 100000000, DurationUnit::Hours, "disetujui")};
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(belu());
  engine.add_procedure(p);
  OpenRequest r{"pbg", {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}}, {"ktp"}, Actor{"a", "front_office"}, ""};
  const Outcome stuck = engine.open(r);
  REQUIRE(stuck.accepted);
  REQUIRE(engine.fire(stuck.case_id, EventRequest{"kembalikan", Actor{"v", "verifikator"}, {}, {}, ""}).accepted);
  const auto before = store->load_case(stuck.case_id);
  REQUIRE(before);
  clock.set(wita("2026-04-30T09:00"));
  CHECK_NOTHROW(engine.advance_to(clock.now()));
  const auto after_tick = store->load_case(stuck.case_id);
  REQUIRE(after_tick);
  CHECK(after_tick->state == before->state);
  CHECK(after_tick->revision == before->revision);
}

TEST_CASE("edge: text that is not UTF-8 is refused as invalid_text before it is read or stored") {
  EngineFixture f;
  OpenRequest bad_open{"pbg", {{"fungsi", Value(std::string("caf\xe9"))}}, {}, Actor{"ani", "front_office"}, ""};
  const Outcome refused_open = f.engine.open(bad_open);
  REQUIRE(refused_open.refusal);
  CHECK(refused_open.refusal->code == RefusalCode::InvalidText);
  CHECK(refusal_code_name(RefusalCode::InvalidText) == "invalid_text");
  CHECK(f.store->load_cases({}).empty());

  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}}, {"ktp"});
  const Case before = f.get(id);
  const std::vector<EventRequest> bad_events = {
      {"verifikasi\xff", Actor{"v", "verifikator"}, {}, {}, ""},
      {"verifikasi", Actor{"v\xc3", "verifikator"}, {}, {}, ""},
      {"verifikasi", Actor{"v", "verifikator\xe9"}, {}, {}, ""},
      {"verifikasi", Actor{"v", "verifikator"}, {{"catatan\xe9", Value(std::string("x"))}}, {}, ""},
      {"verifikasi", Actor{"v", "verifikator"}, {}, {"gambar\xed\xa0\x80"}, ""},
      {"verifikasi", Actor{"v", "verifikator"}, {}, {}, "kunci\xc0\xaf"},
  };
  for (const EventRequest& e : bad_events) {
    const Outcome o = f.engine.fire(id, e);
    REQUIRE(o.refusal);
    CHECK(o.refusal->code == RefusalCode::InvalidText);
  }
  const Case after = f.get(id);
  CHECK(after.revision == before.revision);
  CHECK(after.history.size() == before.history.size());
  // Well-formed UTF-8 (Indonesian and beyond) is of course accepted.
  CHECK(f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator", {}, {"bukti_tanah", "gambar"}, "kunci-é-😀").accepted);
}
