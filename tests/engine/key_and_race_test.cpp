// Idempotency keys reused for another request, explicit case ids that exist,
// and time advancing while another desk keeps changing a case.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../support/forwarding_store.hpp"
#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// A PBG case with complete documents for 150 m2 hunian.
std::string complete_case(EngineFixture& f, const std::string& at = "2026-03-16T09:00") {
  return f.open_pbg(at, {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}},
                    {"ktp", "bukti_tanah", "gambar"});
}

// A store that refuses, as a conflict, the first `times` commits touching
// case `contested` (another desk changing it each time), and passes the rest on.
class ContestedStore final : public ForwardingStore {
 public:
  ContestedStore(Store& inner, std::string contested, int times)
      : ForwardingStore(inner), contested_(std::move(contested)), times_(times) {}
  void commit(const std::vector<CaseCommit>& batch) override {
    const bool touches = std::any_of(batch.begin(), batch.end(), [&](const CaseCommit& c) { return c.after.id == contested_; });
    if (touches && refused_ < times_) {
      ++refused_;
      throw ConflictError("case " + contested_ + " was changed by another process");
    }
    ForwardingStore::commit(batch);
  }
  int refused() const { return refused_; }

 private:
  std::string contested_;
  int times_;
  int refused_ = 0;
};

// An engine with the PBG procedure over `f`'s store, while another desk changes
// case `contested` the first `times` commits that touch it.
struct RacingDesk {
  RacingDesk(EngineFixture& f, const std::string& contested, int times)
      : store(*f.store, contested, times), engine(f.clock, store) {
    engine.set_calendar(belu());
    engine.add_procedure(make_pbg());
  }
  ContestedStore store;
  Engine engine;
};
}  // namespace

TEST_CASE("a key reused for a different request is refused and applies nothing") {
  EngineFixture f;
  const std::string id = complete_case(f);
  const Outcome first = f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator", {}, {}, "k1");
  REQUIRE(first.accepted);
  const Case stored = f.get(id);
  const auto journaled = f.store->journal(id).size();
  // Another event under the same key: refused with its own code, nothing journaled.
  const Outcome other = f.fire(id, "2026-03-16T11:00", "setujui", "tpa", {}, {}, "k1");
  REQUIRE_FALSE(other.accepted);
  CHECK(other.refusal->code == RefusalCode::KeyReused);
  CHECK(refusal_code_name(other.refusal->code) == "key_reused");
  CHECK_FALSE(other.repeated);
  CHECK(f.get(id) == stored);
  CHECK(f.store->journal(id).size() == journaled);
  // Other data or documents under the key are a different request too.
  CHECK(f.fire(id, "2026-03-16T11:00", "verifikasi", "verifikator", {{"lantai", 2}}, {}, "k1").refusal->code ==
        RefusalCode::KeyReused);
  CHECK(f.fire(id, "2026-03-16T11:00", "verifikasi", "verifikator", {}, {"ktp"}, "k1").refusal->code ==
        RefusalCode::KeyReused);
  // Another role is another request; another user of the same role at another instant is the same one.
  CHECK(f.fire(id, "2026-03-16T11:00", "verifikasi", "tpa", {}, {}, "k1").refusal->code == RefusalCode::KeyReused);
  f.clock.set(wita("2026-03-18T11:00"));
  const Outcome again = f.engine.fire(id, EventRequest{"verifikasi", Actor{"someone_else", "verifikator"}, {}, {}, "k1"});
  CHECK(again.repeated);
  CHECK(again.accepted);
  CHECK(f.get(id) == stored);
}

TEST_CASE("a key reused inside one batch for a different request is refused") {
  EngineFixture f;
  const std::string id = complete_case(f);
  f.clock.set(wita("2026-03-16T10:00"));
  const Actor v{"budi", "verifikator"};
  const auto out = f.engine.fire_batch({{id, EventRequest{"verifikasi", v, {}, {}, "x"}},
                                        {id, EventRequest{"setujui", Actor{"tia", "tpa"}, {}, {}, "x"}}});
  REQUIRE(out.size() == 2);
  CHECK(out[0].accepted);
  REQUIRE(out[1].refusal);
  CHECK(out[1].refusal->code == RefusalCode::KeyReused);
  CHECK(f.store->journal(id).size() == 2);  // open, verifikasi
}

TEST_CASE("opening a case under an id that exists is refused with its own code") {
  EngineFixture f;
  const std::string id = complete_case(f);
  const Case stored = f.get(id);
  const Outcome o = f.engine.open(OpenRequest{"pbg", {{"luas_bangunan", 90}}, {"ktp"}, Actor{"ani", "front_office"}, id});
  REQUIRE_FALSE(o.accepted);
  CHECK(o.refusal->code == RefusalCode::CaseExists);
  CHECK(refusal_code_name(o.refusal->code) == "case_exists");
  CHECK(o.refusal->message.find(id) != std::string::npos);
  CHECK(o.refusal->message.find("another desk") == std::string::npos);
  CHECK(f.get(id) == stored);
  CHECK(f.store->journal(id).size() == 1);
  // A free explicit id opens.
  CHECK(f.engine.open(OpenRequest{"pbg", {{"luas_bangunan", 90}}, {"ktp"}, Actor{"ani", "front_office"}, "pbg-777"}).accepted);
}

TEST_CASE("a tick racing another desk on one case still advances every other case") {
  EngineFixture f;
  const std::string contested = complete_case(f), calm = complete_case(f);
  RacingDesk racing(f, contested, 1000);  // the other desk never stops
  Engine& engine = racing.engine;
  const Instant later = wita("2026-04-30T09:00");
  f.clock.set(later);  // advance_to never goes past the clock
  const auto outcomes = engine.advance_to(later);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].case_id == calm);
  CHECK(f.get(calm).history.size() > 1);
  CHECK(f.get(contested).history.size() == 1);  // left for the next tick, unchanged
  CHECK(f.store->due_cases(later) == std::vector<std::string>{contested});
}

TEST_CASE("a tick whose batch conflicts twice retries case by case and loses nothing") {
  EngineFixture f;
  const std::string contested = complete_case(f), calm = complete_case(f);
  RacingDesk racing(f, contested, 2);  // two batch attempts lose the race, then it is quiet
  Engine& engine = racing.engine;
  f.clock.set(wita("2026-04-30T09:00"));  // advance_to never goes past the clock
  const auto outcomes = engine.advance_to(f.clock.now());
  CHECK(outcomes.size() == 2);
  CHECK(racing.store.refused() == 2);
  CHECK(f.get(calm).history.size() > 1);
  CHECK(f.get(contested).history.size() > 1);
  CHECK(engine.replay(contested) == f.get(contested));
}

TEST_CASE("a batch in which one case keeps losing its race refuses only that case's event") {
  EngineFixture f;
  const std::string contested = complete_case(f), calm = complete_case(f);
  RacingDesk racing(f, contested, 1000);  // the other desk never stops
  Engine& engine = racing.engine;
  f.clock.set(wita("2026-03-16T10:00"));
  const EventRequest verifikasi{"verifikasi", Actor{"budi", "verifikator"}, {}, {}, ""};
  const auto out = engine.fire_batch({{calm, verifikasi}, {contested, verifikasi}});
  REQUIRE(out.size() == 2);
  CHECK(out[0].accepted);
  REQUIRE(out[1].refusal);
  CHECK(out[1].refusal->code == RefusalCode::Conflict);
  CHECK(f.get(calm).history.size() == 2);
  CHECK(f.get(contested).history.size() == 1);
  CHECK(f.store->journal(contested).size() == 1);
}
