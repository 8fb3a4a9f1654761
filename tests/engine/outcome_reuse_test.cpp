// Engine::fire into a caller's Outcome: whatever the Outcome held before
// (another case's records, a refusal, more fees), it ends equal to what
// fire returns by value for the same event.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// Two engines with their own stores on one clock: one fires by value, one into a kept Outcome.
struct Twins {
  FakeClock clock{wita("2026-03-16T09:00")};
  std::unique_ptr<Store> by_value_store = make_memory_store();
  std::unique_ptr<Store> into_store = make_memory_store();
  Engine by_value{clock, *by_value_store};
  Engine into{clock, *into_store};

  Twins() {
    for (Engine* e : {&by_value, &into}) {
      e->set_calendar(belu());
      e->add_procedure(make_pbg());
    }
  }
  std::string open(DataInput data, std::vector<std::string> documents) {
    const OpenRequest r{"pbg", std::move(data), std::move(documents), Actor{"ani", "front_office"}, ""};
    const std::string id = by_value.open(r).case_id;
    REQUIRE(into.open(r).case_id == id);
    return id;
  }
};

// An outcome full of another call's leftovers.
Outcome leftovers() {
  Outcome o;
  o.accepted = true;
  o.repeated = true;
  o.deemed = true;
  o.case_id = "pbg-999999-leftover-case-id-longer-than-sso";
  o.from = o.to = "a state id long enough to be on the heap";
  Refusal r;
  r.code = RefusalCode::GuardFalse;
  r.message = "left over";
  o.refusal = r;
  o.records.resize(7);
  o.records[3].changes.push_back(DataChange{"luas_bangunan", Value(1), Value(2)});
  o.deadlines.resize(3);
  o.notifications.resize(2);
  o.fees.resize(4);
  o.fees[0].missing_fields = {"luas_bangunan"};
  o.fees[1].error = "division by zero";
  return o;
}
}  // namespace

TEST_CASE("fire into a reused Outcome gives what fire returns, accepted or refused, on any case") {
  Twins t;
  const std::string done = t.open({{"luas_bangunan", 150}, {"lantai", 2}, {"fungsi", "usaha"}},
                                  {"ktp", "bukti_tanah", "gambar"});
  const std::string missing = t.open({{"luas_bangunan", 40}}, {"ktp"});  // fee known, documents missing
  const Actor verifikator{"vera", "verifikator"}, tpa{"tono", "tpa"}, kepala{"kadis", "kepala_dinas"};
  const std::vector<std::pair<std::string, EventRequest>> events = {
      {done, {"verifikasi", Actor{"ani", "front_office"}, {}, {}, ""}},  // role not allowed
      {done, {"verifikasi", verifikator, {}, {}, ""}},
      {missing, {"verifikasi", verifikator, {}, {}, ""}},  // missing documents
      {done, {"terbang", tpa, {}, {}, ""}},                 // no such event
      {done, {"setujui", tpa, {}, {}, ""}},                 // sets catatan
      {"pbg-404", {"setujui", tpa, {}, {}, ""}},            // no such case
      {missing, {"verifikasi", verifikator, {{"luas_bangunan", 80}}, {"bukti_tanah"}, ""}},
      {done, {"terbitkan", kepala, {}, {}, "kunci-1"}},
      {done, {"terbitkan", kepala, {}, {}, "kunci-1"}},  // the key again: the first result, repeated
      {done, {"terbitkan", kepala, {}, {}, ""}},         // closed
  };
  Outcome kept = leftovers();
  int hour = 10;
  for (const auto& [id, request] : events) {
    t.clock.set(wita("2026-03-17T" + std::to_string(hour++) + ":00"));
    const Outcome expected = t.by_value.fire(id, request);
    t.into.fire(id, request, kept);
    INFO(id << " " << request.event);
    CHECK(kept == expected);
  }
  CHECK(t.into.find(done) == t.by_value.find(done));
  CHECK(t.into.find(missing) == t.by_value.find(missing));
}
