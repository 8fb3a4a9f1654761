// Rules as refusal reasons, internal documents, deemed transitions into
// non-final states, `set` on automatic transitions, and the SLA verdict of a
// deemed decision at 24:00 on the due date (docs/language.md, Fine points).
#include <catch2/catch.hpp>

#include "codec.hpp"
#include "engine_journal.hpp"
#include "engine_fixture.hpp"
#include "izin/load.hpp"
#include "izin/store.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// A small procedure in the shape of the PAUD SOP.
constexpr const char* kPaud = R"izin(procedure paud_mini version 1 {
  calendar belu
  sla 6 working days
  roles verifikator, dinas, kepala
  data {
    anak: integer
    pendidik: integer
    luas: number
    diam: bool
    catatan: text
  }
  requirements {
    akta: "Akta pendirian"
    rekomendasi: "Rekomendasi Dinas Pendidikan" when not diam internal
  }
  rule rasio "Minimal 1 pendidik untuk setiap 15 anak" = pendidik * 15 >= anak
  rule ruang "Luas ruang minimal 3 m2 per anak" = luas >= anak * 3
  rule layak "Layak" = rasio and ruang
  initial state verifikasi {
    on lengkap by verifikator requires akta -> menunggu
    on tandai by verifikator when luas > 10 -> verifikasi
  }
  state menunggu {
    on beri by dinas requires rekomendasi -> tinjau
    after 3 working days -> tinjau deemed { set diam = true  set catatan = diam ? "diam" : "bicara" }
  }
  state tinjau {
    on setujui by verifikator when ruang and rasio and ruang and layak requires rekomendasi -> terbit_tahap
    on tolak by verifikator when not layak -> ditolak
  }
  state terbit_tahap {
    on terbitkan by kepala -> terbit
    after 2 working days -> terbit deemed
  }
  final state terbit outcome granted
  final state ditolak outcome rejected
}
)izin";

// The compiled mini procedure (fails the test on any error).
ProcedurePtr paud() {
  const CalendarSet calendars{{belu()}, {}};
  const CompileResult compiled = compile_procedure(kPaud, "paud_mini.izin", {}, &calendars);
  for (const auto& d : compiled.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(compiled.procedure);
  return compiled.procedure;
}

// An engine with the mini procedure and the belu calendar.
struct PaudFixture {
  FakeClock clock{wita("2026-04-06T09:00")};
  std::unique_ptr<Store> store = make_memory_store();
  Engine engine{clock, *store};
  Engine engine_id{clock, *store, Language::Indonesian};
  PaudFixture() {
    for (Engine* e : {&engine, &engine_id}) {
      e->set_calendar(belu());
      e->add_procedure(paud());
    }
  }
  // Opens a case with this data and the deed.
  std::string open(DataInput data) {
    const Outcome o = engine.open(OpenRequest{"paud_mini", std::move(data), {"akta"}, Actor{"fo", "verifikator"}, ""});
    REQUIRE(o.accepted);
    return o.case_id;
  }
  Outcome fire(const std::string& id, const std::string& at, const std::string& event, const std::string& role,
               DataInput data = {}, std::vector<std::string> docs = {}) {
    clock.set(wita(at));
    return engine.fire(id, EventRequest{event, Actor{role, role}, std::move(data), std::move(docs), ""});
  }
};
}  // namespace

TEST_CASE("a false guard names its false rules by label, each once, in order of first appearance") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 40}, {"pendidik", 2}, {"luas", Value(Decimal(100))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine.advance_to(wita("2026-04-10T00:00"));
  const Case before = *f.engine.find(id);
  const Outcome o = f.fire(id, "2026-04-10T09:00", "setujui", "verifikator");
  REQUIRE(!o.accepted);
  CHECK(o.refusal->code == RefusalCode::GuardFalse);
  // `ruang and rasio and ruang and layak`: ruang first, rasio next, ruang once, layak (false through them).
  CHECK(o.refusal->rules ==
        std::vector<std::string>{"Luas ruang minimal 3 m2 per anak", "Minimal 1 pendidik untuk setiap 15 anak", "Layak"});
  CHECK(o.refusal->message ==
        "'setujui' is not allowed for this case: not met: Luas ruang minimal 3 m2 per anak; Minimal 1 pendidik untuk "
        "setiap 15 anak; Layak.");
  CHECK(f.engine.find(id)->revision == before.revision);  // a refused event changes nothing
}

TEST_CASE("the rule labels of a refusal are in Indonesian sentences too, and survive the journal codec") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 40}, {"pendidik", 3}, {"luas", Value(Decimal(100))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine_id.advance_to(wita("2026-04-10T00:00"));
  f.clock.set(wita("2026-04-10T09:00"));
  const Outcome o = f.engine_id.fire(id, EventRequest{"setujui", Actor{"v", "verifikator"}, {}, {}, ""});
  REQUIRE(!o.accepted);
  CHECK(o.refusal->message ==
        "'setujui' tidak diizinkan untuk berkas ini: belum terpenuhi: Luas ruang minimal 3 m2 per anak; Layak.");
  const Outcome decoded = detail::decode_outcome(detail::encode_outcome(o));
  CHECK(decoded == o);
}

TEST_CASE("a rule is false when a field its own text names has no value, a rule it names counts by value") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"luas", Value(Decimal(100))}});  // no pendidik
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine.advance_to(wita("2026-04-10T00:00"));
  const Outcome o = f.fire(id, "2026-04-10T09:00", "setujui", "verifikator");
  REQUIRE(!o.accepted);
  CHECK(o.refusal->rules == std::vector<std::string>{"Minimal 1 pendidik untuk setiap 15 anak", "Layak"});
  // `not layak`: layak names no field itself, so it is plainly false and `not layak` holds.
  const Outcome tolak = f.fire(id, "2026-04-10T09:30", "tolak", "verifikator");
  CHECK(tolak.accepted);
  CHECK(f.engine.find(id)->outcome == "rejected");
}

TEST_CASE("a guard that names no false rule is shown as its expression, with no labels") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"pendidik", 2}, {"luas", Value(Decimal(5))}});
  const Outcome guard = f.fire(id, "2026-04-06T10:00", "tandai", "verifikator");
  REQUIRE(!guard.accepted);
  CHECK(guard.refusal->rules.empty());
  CHECK(guard.refusal->condition == "luas > 10");
  CHECK(guard.refusal->message == "'tandai' is not allowed for this case: it needs luas > 10 (luas = 5).");
  const Outcome role = f.fire(id, "2026-04-06T10:00", "lengkap", "kepala");
  REQUIRE(!role.accepted);
  CHECK(role.refusal->rules.empty());
}

TEST_CASE("a missing internal document says the office must obtain it") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"pendidik", 2}, {"luas", Value(Decimal(100))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  const Outcome o = f.fire(id, "2026-04-07T10:00", "beri", "dinas");
  REQUIRE(!o.accepted);
  REQUIRE(o.refusal->missing.size() == 1);
  CHECK(o.refusal->missing[0].internal);
  CHECK(o.refusal->message ==
        "'beri' needs documents that are not in yet: the office must obtain Rekomendasi Dinas Pendidikan (rekomendasi).");
  CHECK(o.refusal->rules.empty());
  f.clock.set(wita("2026-04-07T10:00"));
  const Outcome id_lang = f.engine_id.fire(id, EventRequest{"beri", Actor{"d", "dinas"}, {}, {}, ""});
  CHECK(id_lang.refusal->message ==
        "'beri' memerlukan dokumen yang belum ada: kantor wajib memperoleh Rekomendasi Dinas Pendidikan (rekomendasi).");
}

TEST_CASE("a deemed transition into a non-final state is recorded as deemed and runs its set lines in order") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"pendidik", 2}, {"luas", Value(Decimal(100))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  CHECK_FALSE(f.engine.find(id)->deemed);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine.advance_to(wita("2026-04-10T00:00"));
  const Case c = *f.engine.find(id);
  CHECK(c.state == f.engine.procedure("paud_mini")->state_index("tinjau"));
  CHECK_FALSE(c.closed);
  CHECK(c.deemed);  // the transition that put it here was deemed
  const HistoryRecord& rec = c.history.back();
  CHECK(rec.kind == RecordKind::Deadline);
  CHECK(rec.deemed);
  CHECK(rec.at == wita("2026-04-10T00:00"));
  // The second set line sees the first.
  REQUIRE(rec.changes.size() == 2);
  CHECK(rec.changes[0] == DataChange{"diam", Value{}, Value(true)});
  CHECK(rec.changes[1] == DataChange{"catatan", Value{}, Value(std::string("diam"))});
  CHECK(c.data[static_cast<std::size_t>(f.engine.procedure("paud_mini")->field_index("diam"))] == Value(true));
  // The replayed case agrees, history and all.
  CHECK(*f.engine.replay(id) == c);
  // The next, ordinary transition clears the case's deemed flag; history keeps it.
  REQUIRE(f.fire(id, "2026-04-10T09:00", "setujui", "verifikator").accepted);
  const Case after = *f.engine.find(id);
  CHECK_FALSE(after.deemed);
  CHECK(after.history[rec.sequence - 1].deemed);
}

TEST_CASE("a deemed decision firing at 24:00 on the SLA due date is on time") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"pendidik", 2}, {"luas", Value(Decimal(100))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine.advance_to(wita("2026-04-10T00:00"));
  REQUIRE(f.fire(id, "2026-04-10T10:00", "setujui", "verifikator").accepted);
  // terbit_tahap entered 2026-04-10 10:00: 2 working days end at 24:00 on Tue 2026-04-14.
  f.clock.set(wita("2026-04-15T00:00"));
  f.engine.advance_to(wita("2026-04-15T00:00"));
  const Case c = *f.engine.find(id);
  REQUIRE(c.closed);
  CHECK(c.deemed);
  CHECK(c.entered_at == wita("2026-04-15T00:00"));
  const SlaStatus sla = f.engine.sla(c, wita("2026-04-20T10:00"));
  CHECK(sla.due == Date::parse("2026-04-14"));
  CHECK_FALSE(sla.breached);
  CHECK(sla.working_days_used == 6);
}

TEST_CASE("a case closed one second after 24:00 on its due date breached the SLA") {
  PaudFixture f;
  const std::string id = f.open({{"anak", 30}, {"pendidik", 2}, {"luas", Value(Decimal(50))}});
  REQUIRE(f.fire(id, "2026-04-06T10:00", "lengkap", "verifikator").accepted);
  f.clock.set(wita("2026-04-10T00:00"));
  f.engine.advance_to(wita("2026-04-10T00:00"));
  f.clock.set(wita("2026-04-15T00:00") + std::chrono::seconds(1));
  REQUIRE(f.engine.fire(id, EventRequest{"tolak", Actor{"v", "verifikator"}, {}, {}, ""}).accepted);
  const SlaStatus sla = f.engine.sla(*f.engine.find(id), wita("2026-04-20T10:00"));
  CHECK(sla.breached);
  CHECK(sla.working_days_used == 7);
}
