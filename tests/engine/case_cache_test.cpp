// More cases in flight than the engine keeps in memory (16,384 unless
// Engine::set_case_cache says otherwise): cases are
// dropped from its cache and reloaded into the nodes and buffers of others,
// and every event must still land on its own case, as stored.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// `antrian`: tunggu -(proses, sets catatan)-> proses -(tutup)-> selesai.
std::shared_ptr<Procedure> make_queue_procedure() {
  auto p = std::make_shared<Procedure>();
  p->id = "antrian";
  p->version = 1;
  p->calendar = "belu";
  p->roles = {Role{"petugas", {}}};
  p->data = {DataField{"catatan", "", Type::Text, {}, {}}};
  for (const char* s : {"tunggu", "proses", "selesai"}) p->states.push_back(State{s, "", false, false, "", false, {}, {}, {}});
  p->states[0].initial = true;
  p->initial_state = 0;
  p->states[2].final = true;
  p->states[2].outcome = "granted";
  p->states[0].transitions = {on(*p, "proses", {"petugas"}, "proses")};
  p->states[1].transitions = {on(*p, "tutup", {"petugas"}, "selesai")};
  return p;
}

// Opens `cases` cases, fires `proses` on each in turn and `tutup` the other way round, and
// checks every event landed on its own case and that the engine's copies equal the store's.
void run_in_flight(std::size_t cases, std::optional<std::size_t> cache, bool shrink_midway = false) {
  FakeClock clock{wita("2026-04-06T09:00")};
  auto store = make_memory_store();
  Engine engine(clock, *store);
  if (cache) engine.set_case_cache(*cache);
  engine.set_calendar(belu());
  engine.add_procedure(make_queue_procedure());
  std::vector<std::string> ids;
  ids.reserve(cases);
  for (std::size_t i = 0; i < cases; ++i)
    ids.push_back(engine.open(OpenRequest{"antrian", {}, {}, Actor{"ani", "petugas"}, ""}).case_id);
  const Actor petugas{"budi", "petugas"};
  std::size_t wrong = 0;
  clock.set(wita("2026-04-06T10:00"));
  for (const std::string& id : ids) {  // each case's own text, so a reused buffer left stale would show
    const Outcome o = engine.fire(id, EventRequest{"proses", petugas, {{"catatan", Value("case " + id)}}, {}, ""});
    wrong += (!o.accepted || o.case_id != id || o.records.size() != 1 || o.records[0].sequence != 2) ? 1 : 0;
  }
  if (shrink_midway) engine.set_case_cache(2);
  clock.set(wita("2026-04-06T11:00"));
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {  // the other way round: other cases are dropped
    const Outcome o = engine.fire(*it, EventRequest{"tutup", petugas, {}, {}, ""});
    wrong += (!o.accepted || o.case_id != *it || o.records.size() != 1 || o.records[0].sequence != 3) ? 1 : 0;
  }
  CHECK(wrong == 0);
  for (std::size_t i = 0; i < cases; i += 1 + cases / 70) {
    const std::optional<Case> held = engine.find(ids[i]);
    const std::optional<Case> stored = store->load_case(ids[i]);
    REQUIRE(held.has_value());
    REQUIRE(stored.has_value());
    CHECK(*held == *stored);
    CHECK(held->closed);
    CHECK(held->history.size() == 3);
    CHECK(held->data.at(0) == Value("case " + ids[i]));
  }
}
}  // namespace

TEST_CASE("with more cases in flight than the engine caches, each event lands on its own case as stored",
          "[engine][cache]") {
  run_in_flight(Engine::kDefaultCaseCache + 3000, std::nullopt);
}

TEST_CASE("a small case cache, none at all, or one shrunk while cases are held changes no outcome",
          "[engine][cache]") {
  run_in_flight(300, 8);
  run_in_flight(50, 0);
  run_in_flight(300, 1000, true);
}
