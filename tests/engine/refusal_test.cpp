// Each refusal reason: the explanation a clerk sees, and that the case did not change.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// A fresh PBG case (luas 150, 1 lantai, hunian) with KTP and land title.
struct RefusalFixture : EngineFixture {
  std::string id = open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}},
                            {"ktp", "bukti_tanah"});
  Case before = get(id);

  // Fires and checks the refusal left the case exactly as it was.
  Refusal refused(const std::string& event, const std::string& role, DataInput data = {},
                  std::vector<std::string> docs = {}) {
    const Outcome o = fire(id, "2026-03-16T10:00", event, role, std::move(data), std::move(docs));
    CHECK_FALSE(o.accepted);
    CHECK(o.records.empty());
    CHECK(get(id) == before);
    CHECK(engine.find(id) == before);
    CHECK(engine.replay(id) == before);
    REQUIRE(o.refusal);
    return *o.refusal;
  }
};
}  // namespace

TEST_CASE("unknown case") {
  EngineFixture f;
  const Outcome o = f.fire("pbg-999999", "2026-03-16T10:00", "verifikasi", "verifikator");
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::UnknownCase);
  CHECK(o.refusal->message == "There is no case pbg-999999; check the case number.");
  CHECK(f.store->journal("pbg-999999").empty());
}

TEST_CASE("no such event lists what the state takes") {
  RefusalFixture f;
  const Refusal r = f.refused("terbitkan", "kepala_dinas");
  CHECK(r.code == RefusalCode::NoSuchEvent);
  CHECK(r.events == std::vector<std::string>{"verifikasi", "kembalikan", "tolak"});
  CHECK(r.message == "'terbitkan' cannot be done while the case is at 'Permohonan diajukan'; possible now: "
                     "verifikasi, kembalikan, tolak.");
}

TEST_CASE("role not allowed names who may") {
  RefusalFixture f;
  const Refusal r = f.refused("kembalikan", "pemohon");
  CHECK(r.code == RefusalCode::RoleNotAllowed);
  CHECK(r.allowed_roles == std::vector<std::string>{"verifikator", "front_office"});
  CHECK(r.message == "Only verifikator or front_office may do 'kembalikan'; you are acting as pemohon.");
}

TEST_CASE("guard false shows the condition and the values it read") {
  RefusalFixture f;
  const Refusal r = f.refused("tolak", "verifikator", {{"lokasi_sengketa", false}});
  CHECK(r.code == RefusalCode::GuardFalse);
  CHECK(r.condition == "lokasi_sengketa");
  CHECK(r.values == std::vector<std::string>{"lokasi_sengketa = false"});
  // The event's data was applied for the check only: the case still has no value.
  CHECK(f.get(f.id).data[4].is_null());
}

TEST_CASE("missing documents: event data counts before requirements, and is not kept") {
  RefusalFixture f;
  const Refusal r = f.refused("verifikasi", "verifikator", {{"lantai", 3}}, {"slf_lama"});
  CHECK(r.code == RefusalCode::MissingDocuments);
  REQUIRE(r.missing.size() == 2);
  CHECK(r.missing[0].requirement == "gambar");
  CHECK(r.missing[1].requirement == "struktur");
  CHECK(r.missing[1].reason == "required because lantai >= 3, and lantai = 3");
  CHECK_FALSE(f.get(f.id).documents[4]);  // slf_lama not kept either
}

TEST_CASE("documents submitted with the event satisfy its requirements") {
  RefusalFixture f;
  const Outcome o = f.fire(f.id, "2026-03-16T10:00", "verifikasi", "verifikator", {}, {"gambar"});
  CHECK(o.accepted);
  CHECK(o.records.at(0).documents == std::vector<std::string>{"gambar"});
  CHECK(f.get(f.id).documents[2]);
}

TEST_CASE("unknown field, wrong type and unknown document") {
  RefusalFixture f;
  Refusal r = f.refused("verifikasi", "verifikator", {{"luas_tanah", 10}});
  CHECK(r.code == RefusalCode::UnknownField);
  CHECK(r.field == "luas_tanah");
  r = f.refused("verifikasi", "verifikator", {{"lantai", Value(*Decimal::parse("2.5"))}});
  CHECK(r.code == RefusalCode::WrongType);
  CHECK(r.field == "lantai");
  CHECK(r.message == "'lantai' must be integer, not 2.5.");
  r = f.refused("verifikasi", "verifikator", {{"fungsi", "pabrik"}});
  CHECK(r.code == RefusalCode::WrongType);
  r = f.refused("verifikasi", "verifikator", {}, {"npwp"});
  CHECK(r.code == RefusalCode::UnknownDocument);
  CHECK(r.field == "npwp");
}

TEST_CASE("a closed case takes nothing") {
  RefusalFixture f;
  REQUIRE(f.fire(f.id, "2026-03-16T10:00", "tolak", "verifikator", {{"lokasi_sengketa", true}}).accepted);
  f.before = f.get(f.id);
  CHECK(f.before.outcome == "rejected");
  const Refusal r = f.refused("verifikasi", "verifikator");
  CHECK(r.code == RefusalCode::CaseClosed);
  CHECK(r.message == "Case pbg-000001 is already finished (rejected); nothing more can be done on it.");
}

TEST_CASE("refusals in Indonesian") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store, Language::Indonesian};
  engine.set_calendar(belu());
  engine.add_procedure(make_pbg());
  const Outcome opened = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 150}}, {"ktp", "bukti_tanah"}, {}, ""});
  REQUIRE(opened.accepted);
  const Outcome o = engine.fire(opened.case_id, EventRequest{"verifikasi", Actor{"budi", "verifikator"}, {}, {}, ""});
  REQUIRE(o.refusal);
  CHECK(o.refusal->message == "'verifikasi' memerlukan dokumen yang belum diserahkan: Dokumen rencana teknis (gambar).");
  CHECK(o.refusal->missing.at(0).reason == "wajib karena luas_bangunan > 100, dan luas_bangunan = 150");
  const Outcome unknown = engine.open(OpenRequest{"imb", {}, {}, {}, ""});
  REQUIRE(unknown.refusal);
  CHECK(unknown.refusal->code == RefusalCode::UnknownProcedure);
  CHECK(unknown.refusal->message == "Tidak ada prosedur 'imb'; periksa nama layanan.");
}

TEST_CASE("open refuses bad data and stores nothing") {
  EngineFixture f;
  const Outcome o = f.engine.open(OpenRequest{"pbg", {{"lantai", "tiga"}}, {}, {}, ""});
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::WrongType);
  CHECK(f.store->load_cases({}).empty());
  CHECK(f.store->allocate_case_id("pbg") == "pbg-000001");  // no id was spent on the refusal
}

TEST_CASE("a computation that fails is explained in the clerk's language") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store, Language::Indonesian};
  engine.set_calendar(belu());
  auto pbg = make_pbg();
  // on hitung by verifikator -> (same state) { set luas_bangunan = luas_bangunan / lantai }
  auto& start = pbg->states[static_cast<std::size_t>(pbg->initial_state)];
  Transition t = on(*pbg, "hitung", {"verifikator"}, start.id);
  t.sets.push_back(Assignment{pbg->field_index("luas_bangunan"),
                              binary(Op::Div, field(*pbg, "luas_bangunan"), field(*pbg, "lantai"), Type::Number), {}});
  start.transitions.push_back(std::move(t));
  engine.add_procedure(pbg);
  const Outcome opened = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 150}, {"lantai", 0}}, {}, {}, ""});
  REQUIRE(opened.accepted);
  const Outcome o = engine.fire(opened.case_id, EventRequest{"hitung", Actor{"budi", "verifikator"}, {}, {}, ""});
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::EvaluationFailed);
  CHECK(o.refusal->message ==
        "Tidak dapat menghitung 'luas_bangunan': pembagian dengan nol pada `luas_bangunan / lantai`; periksa data berkas.");
}

TEST_CASE("a refused `set` undoes the sets before it: neither the store nor the next event sees them") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(belu());
  auto pbg = make_pbg();
  // on hitung by verifikator -> (same state) { set luas_bangunan = 999; set lantai = luas_bangunan / lantai }
  auto& start = pbg->states[static_cast<std::size_t>(pbg->initial_state)];
  Transition t = on(*pbg, "hitung", {"verifikator"}, start.id);
  t.sets.push_back(Assignment{pbg->field_index("luas_bangunan"), lit(Value(999), Type::Number), {}});
  t.sets.push_back(Assignment{pbg->field_index("lantai"),
                              binary(Op::Div, field(*pbg, "luas_bangunan"), field(*pbg, "lantai"), Type::Number), {}});
  start.transitions.push_back(std::move(t));
  Transition tally = on(*pbg, "catat", {"verifikator"}, start.id);  // changes nothing: shows the cached case
  start.transitions.push_back(std::move(tally));
  engine.add_procedure(pbg);
  const Outcome opened = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 150}, {"lantai", 0}}, {}, {}, ""});
  REQUIRE(opened.accepted);
  const auto luas = static_cast<std::size_t>(pbg->field_index("luas_bangunan"));
  const Outcome o = engine.fire(opened.case_id, EventRequest{"hitung", Actor{"budi", "verifikator"}, {}, {}, ""});
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::EvaluationFailed);
  CHECK(engine.find(opened.case_id)->data[luas] == Value(150));
  const Outcome next = engine.fire(opened.case_id, EventRequest{"catat", Actor{"budi", "verifikator"}, {}, {}, ""});
  REQUIRE(next.accepted);
  REQUIRE(next.records.size() == 1);
  CHECK(next.records.front().changes.empty());
  CHECK(engine.find(opened.case_id)->data[luas] == Value(150));  // written with catat's snapshot
}
