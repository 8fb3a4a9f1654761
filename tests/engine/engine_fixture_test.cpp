// The fixture's implementation, and checks that the hand-built PBG is sound.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine_fixture.hpp"

namespace izin::test {

Expr lit(Value v, Type t) {
  Expr e;
  e.kind = Expr::Kind::Literal;
  e.literal = std::move(v);
  e.type = t;
  return e;
}

Expr field(const Procedure& p, const std::string& name) {
  Expr e;
  e.kind = Expr::Kind::Field;
  e.index = p.field_index(name);
  REQUIRE(e.index >= 0);
  e.type = p.data[static_cast<std::size_t>(e.index)].type;
  return e;
}

Expr binary(Op op, Expr a, Expr b, Type t) {
  Expr e;
  e.kind = Expr::Kind::Binary;
  e.op = op;
  e.type = t;
  e.args = {std::move(a), std::move(b)};
  return e;
}

Expr call(Func f, std::vector<Expr> args, Type t) {
  Expr e;
  e.kind = Expr::Kind::Call;
  e.func = f;
  e.type = t;
  e.args = std::move(args);
  return e;
}

Expr conditional(Expr c, Expr a, Expr b, Type t) {
  Expr e;
  e.kind = Expr::Kind::Conditional;
  e.op = Op::Cond;
  e.type = t;
  e.args = {std::move(c), std::move(a), std::move(b)};
  return e;
}

Transition on(const Procedure& p, const std::string& event, const std::vector<std::string>& roles,
              const std::string& target) {
  Transition t;
  t.event = event;
  for (const auto& r : roles) t.roles.push_back(p.role_index(r));
  t.target = p.state_index(target);
  REQUIRE(t.target >= 0);
  return t;
}

Deadline after(const Procedure& p, std::int64_t n, DurationUnit unit, const std::string& target, bool deemed) {
  Deadline d;
  d.after = Duration{n, unit};
  d.target = p.state_index(target);
  REQUIRE(d.target >= 0);
  d.deemed = deemed;
  return d;
}

Deadline notify(const Procedure& p, std::int64_t n, DurationUnit unit, const std::string& role,
                const std::string& message) {
  Deadline d;
  d.after = Duration{n, unit};
  d.notify_role = p.role_index(role);
  REQUIRE(d.notify_role >= 0);
  d.message = message;
  return d;
}

namespace {
// States of PBG, named before their bodies so transitions can refer to them.
void add_states(Procedure& p) {
  const auto state = [&](std::string id, std::string label) {
    State s;
    s.id = std::move(id);
    s.label = std::move(label);
    p.states.push_back(std::move(s));
  };
  state("diajukan", "Permohonan diajukan");
  state("pemeriksaan", "Pemeriksaan teknis oleh TPA");
  state("perbaikan", "Menunggu perbaikan dari pemohon");
  state("penerbitan", "Penerbitan PBG");
  state("disetujui", "PBG terbit");
  state("ditolak", "Permohonan ditolak");
  p.states[0].initial = true;
  p.initial_state = 0;
  p.states[2].clock_paused = true;
  p.states[4].final = p.states[5].final = true;
  p.states[4].outcome = "granted";
  p.states[5].outcome = "rejected";
}

// Bodies of the PBG states, as in docs/language.md.
void add_bodies(Procedure& p) {
  const auto wd = DurationUnit::WorkingDays;
  State& diajukan = p.states[0];
  Transition verifikasi = on(p, "verifikasi", {"verifikator"}, "pemeriksaan");
  verifikasi.documents = {0, 1, 2, 3};
  diajukan.transitions = {verifikasi, on(p, "kembalikan", {"verifikator", "front_office"}, "perbaikan"),
                          on(p, "tolak", {"verifikator"}, "ditolak")};
  diajukan.transitions[2].guard = field(p, "lokasi_sengketa");
  diajukan.deadlines = {notify(p, 3, wd, "kepala_dinas", "Verifikasi terlambat")};
  Transition setujui = on(p, "setujui", {"tpa"}, "penerbitan");
  setujui.sets = {Assignment{p.field_index("catatan"), lit(Value("lulus"), Type::Text), {}}};
  p.states[1].transitions = {setujui, on(p, "revisi", {"tpa"}, "perbaikan")};
  p.states[1].deadlines = {notify(p, 10, wd, "kepala_dinas", "Pemeriksaan mendekati batas"),
                           after(p, 26, wd, "disetujui", true)};
  p.states[2].transitions = {on(p, "kirim_ulang", {"pemohon"}, "pemeriksaan")};
  p.states[2].deadlines = {after(p, 5, wd, "ditolak")};
  p.states[3].transitions = {on(p, "terbitkan", {"kepala_dinas"}, "disetujui")};
  p.states[3].deadlines = {notify(p, 1, wd, "kepala_dinas", "PBG menunggu tanda tangan")};
}

// Data, requirements and the fee of PBG.
void add_facts(Procedure& p) {
  p.data = {DataField{"luas_bangunan", "Luas bangunan (m2)", Type::Number, {}, {}},
            DataField{"lantai", "Jumlah lantai", Type::Integer, {}, {}},
            DataField{"fungsi", "Fungsi bangunan", Type::Enum, {"hunian", "usaha", "sosial"}, {}},
            DataField{"catatan", "", Type::Text, {}, {}}, DataField{"lokasi_sengketa", "", Type::Bool, {}, {}}};
  const auto req = [&](std::string id, std::string label) {
    p.requirements.push_back(Requirement{std::move(id), std::move(label), std::nullopt, false, {}});
  };
  req("ktp", "KTP pemohon");
  req("bukti_tanah", "Bukti kepemilikan tanah");
  req("gambar", "Dokumen rencana teknis");
  req("struktur", "Perhitungan struktur");
  req("slf_lama", "SLF lama");
  p.requirements[2].when = binary(Op::Gt, field(p, "luas_bangunan"), lit(Value(100), Type::Number), Type::Bool);
  p.requirements[3].when = binary(Op::Ge, field(p, "lantai"), lit(Value(3), Type::Integer), Type::Bool);
  p.requirements[4].optional = true;
  const Expr usaha = binary(Op::Eq, field(p, "fungsi"), lit(Value(EnumValue{"usaha"}), Type::Enum), Type::Bool);
  const Expr factor = conditional(usaha, lit(Value(*Decimal::parse("1.5")), Type::Number), lit(Value(1), Type::Number),
                                  Type::Number);
  const Expr product = binary(Op::Mul, binary(Op::Mul, field(p, "luas_bangunan"), lit(Value(10000), Type::Number),
                                              Type::Number), factor, Type::Number);
  p.fees = {Fee{"retribusi", "Retribusi PBG", call(Func::Round, {product}, Type::Number), {}}};
}
}  // namespace

std::shared_ptr<Procedure> make_pbg(int version) {
  auto p = std::make_shared<Procedure>();
  p->id = "pbg";
  p->version = version;
  p->title = "Persetujuan Bangunan Gedung";
  p->calendar = "belu";
  for (const char* r : {"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas"}) p->roles.push_back(Role{r, {}});
  add_states(*p);
  add_facts(*p);
  add_bodies(*p);
  p->sla = Sla{28, p->state_index("pemeriksaan"), {}};
  return p;
}

CalendarPtr belu() {
  const std::string dir = std::string(IZIN_SOURCE_DIR) + "/procedures/calendars/";
  CalendarSet set = load_calendars({dir + "belu.yaml", dir + "indonesia-2025.yaml", dir + "indonesia-2026.yaml"});
  REQUIRE(set.diagnostics.empty());
  CalendarPtr cal = set.find("belu");
  REQUIRE(cal);
  return cal;
}

CalendarPtr belu_plus(Holiday holiday) {
  const CalendarPtr old = belu();
  std::vector<Holiday> holidays = old->holidays();
  holidays.push_back(std::move(holiday));
  std::sort(holidays.begin(), holidays.end(), [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
  return std::make_shared<const WorkingDayCalendar>(old->id(), old->name(), old->timezone(), old->utc_offset_minutes(),
                                                    old->weekend(), holidays);
}

Instant wita(const std::string& local) {
  const auto t = parse_instant(local, 8 * 60);
  REQUIRE(t);
  return *t;
}

EngineFixture::EngineFixture() {
  engine.set_notification_sink(&sink);
  engine.set_calendar(belu());
  engine.add_procedure(make_pbg());
}

std::string EngineFixture::open_pbg(const std::string& at, DataInput data, std::vector<std::string> documents) {
  clock.set(wita(at));
  OpenRequest r;
  r.procedure = "pbg";
  r.data = std::move(data);
  r.documents = std::move(documents);
  r.actor = Actor{"ani", "front_office"};
  const Outcome o = engine.open(r);
  REQUIRE(o.accepted);
  return o.case_id;
}

Outcome EngineFixture::fire(const std::string& id, const std::string& at, const std::string& event,
                            const std::string& role, DataInput data, std::vector<std::string> documents,
                            std::string key) {
  clock.set(wita(at));
  return engine.fire(id, EventRequest{event, Actor{"user_" + role, role}, std::move(data), std::move(documents),
                                      std::move(key)});
}

std::vector<Outcome> EngineFixture::advance(const std::string& at) {
  clock.set(wita(at));
  return engine.advance_to(clock.now());
}

Case EngineFixture::get(const std::string& id) {
  auto c = store->load_case(id);
  REQUIRE(c);
  return *c;
}

}  // namespace izin::test

using namespace izin;
using namespace izin::test;

TEST_CASE("hand-built PBG opens in diajukan with its escalation scheduled on belu working days") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}, {"fungsi", "usaha"}}, {"ktp"});
  const Case c = f.get(id);
  CHECK(c.id == "pbg-000001");
  CHECK(c.version == 3);
  CHECK(c.state == 0);
  CHECK(c.revision == 1);
  CHECK(c.data[2] == Value(EnumValue{"usaha"}));  // text typed by a clerk becomes the enum symbol
  CHECK(c.documents == std::vector<bool>{true, false, false, false, false});
  // 3 working days after Mon 16 Mar 2026: 17 Mar, then 18-24 Mar are Nyepi/Idul Fitri days off,
  // so 25 and 26 Mar; due at 24:00 WITA on 26 Mar = 16:00 UTC.
  REQUIRE(c.pending.size() == 1);
  CHECK(format_instant(c.pending[0].due) == "2026-03-26T16:00:00Z");
  REQUIRE(c.history.size() == 1);
  CHECK(c.history[0].kind == RecordKind::Opened);
  CHECK(c.history[0].actor.role == "front_office");
  CHECK(c.history[0].to == "diajukan");
  CHECK(c.history[0].documents == std::vector<std::string>{"ktp"});
  CHECK(f.engine.replay(id) == c);
}
