// The docs/language.md example compiles to exactly the model it describes.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "izin/load.hpp"

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

izin::ProcedurePtr example() {
  const auto r = izin::compile_procedure(read(IZIN_SOURCE_DIR "/tests/dsl/data/pbg_example.izin"), "pbg.izin",
                                         {izin::Language::English, false});
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.procedure);
  return r.procedure;
}

// Names of the indexed items, for compact comparisons.
template <class Items>
std::vector<std::string> names(const Items& items, const std::vector<int>& indexes) {
  std::vector<std::string> out;
  for (int i : indexes) out.push_back(items.at(static_cast<std::size_t>(i)).id);
  return out;
}
}  // namespace

TEST_CASE("example: header, service standard, sla, roles") {
  const auto p = example();
  CHECK(p->id == "pbg");
  CHECK(p->version == 3);
  CHECK(p->title == "Persetujuan Bangunan Gedung");
  CHECK(p->legal == "PP 28/2025 Pasal 108-121");
  CHECK(p->product == "Dokumen PBG");
  CHECK(p->calendar == "belu");
  REQUIRE(p->sla);
  CHECK(p->sla->working_days == 28);
  CHECK(p->sla->from_state == p->state_index("pemeriksaan"));
  CHECK(p->sla->loc == izin::SourceLoc{7, 3});
  std::vector<std::string> roles;
  for (const auto& r : p->roles) roles.push_back(r.id);
  CHECK(roles == std::vector<std::string>{"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas"});
  CHECK(p->file == "pbg.izin");
  CHECK(p->source_hash.size() == 16);
  CHECK(p->loc == izin::SourceLoc{2, 1});
}

TEST_CASE("example: data types, labels and enum symbols") {
  const auto p = example();
  REQUIRE(p->data.size() == 5);
  CHECK(p->data[0].id == "luas_bangunan");
  CHECK(p->data[0].type == izin::Type::Number);
  CHECK(p->data[0].label == "Luas bangunan (m2)");
  CHECK(p->data[1].type == izin::Type::Integer);
  CHECK(p->data[2].type == izin::Type::Enum);
  CHECK(p->data[2].enum_symbols == std::vector<std::string>{"hunian", "usaha", "sosial"});
  CHECK(p->data[2].label == "Fungsi bangunan");
  CHECK(p->data[3].type == izin::Type::Text);
  CHECK(p->data[3].label.empty());
  CHECK(p->data[4].type == izin::Type::Bool);
  CHECK(p->data[4].loc == izin::SourceLoc{16, 5});
}

TEST_CASE("example: requirements with when and optional") {
  const auto p = example();
  REQUIRE(p->requirements.size() == 5);
  CHECK(p->requirements[0].id == "ktp");
  CHECK(p->requirements[0].label == "KTP pemohon");
  CHECK_FALSE(p->requirements[0].when);
  REQUIRE(p->requirements[2].when);
  const auto& w = *p->requirements[2].when;  // luas_bangunan > 100
  CHECK(w.kind == izin::Expr::Kind::Binary);
  CHECK(w.op == izin::Op::Gt);
  CHECK(w.type == izin::Type::Bool);
  CHECK(w.args[0].kind == izin::Expr::Kind::Field);
  CHECK(w.args[0].index == p->field_index("luas_bangunan"));
  CHECK(w.args[1].literal == izin::Value(100));
  REQUIRE(p->requirements[3].when);
  CHECK(p->requirements[3].when->op == izin::Op::Ge);
  CHECK(p->requirements[3].when->args[0].index == p->field_index("lantai"));
  CHECK(p->requirements[4].optional);
  CHECK_FALSE(p->requirements[3].optional);
}

TEST_CASE("example: fee expression with exact decimals and an enum symbol") {
  const auto p = example();
  REQUIRE(p->fees.size() == 1);
  const auto& f = p->fees[0];
  CHECK(f.id == "retribusi");
  CHECK(f.label == "Retribusi PBG");
  const auto& e = f.amount;  // round(luas_bangunan * 10000 * (fungsi == usaha ? 1.5 : 1))
  REQUIRE(e.kind == izin::Expr::Kind::Call);
  CHECK(e.func == izin::Func::Round);
  REQUIRE(e.args.size() == 1);
  const auto& mul = e.args[0];  // (luas * 10000) * (cond): left-associative
  CHECK(mul.op == izin::Op::Mul);
  CHECK(mul.args[0].op == izin::Op::Mul);
  CHECK(mul.args[0].args[0].index == p->field_index("luas_bangunan"));
  CHECK(mul.args[0].args[1].literal == izin::Value(10000));
  const auto& cond = mul.args[1];
  REQUIRE(cond.kind == izin::Expr::Kind::Conditional);
  CHECK(cond.args[0].op == izin::Op::Eq);
  CHECK(cond.args[0].args[0].index == p->field_index("fungsi"));
  CHECK(cond.args[0].args[1].literal == izin::Value(izin::EnumValue{"usaha"}));
  CHECK(cond.args[1].literal == izin::Value(izin::Decimal::fraction(3, 2)));
  CHECK(cond.args[2].literal == izin::Value(1));
  CHECK(cond.type == izin::Type::Number);
}

TEST_CASE("example: states, transitions and deadlines") {
  const auto p = example();
  std::vector<std::string> states;
  for (const auto& s : p->states) states.push_back(s.id);
  CHECK(states == std::vector<std::string>{"diajukan", "pemeriksaan", "perbaikan", "penerbitan", "disetujui", "ditolak"});
  CHECK(p->initial_state == 0);
  const auto& d = p->states[0];
  CHECK(d.initial);
  CHECK(d.label == "Permohonan diajukan");
  REQUIRE(d.transitions.size() == 3);
  CHECK(d.transitions[0].event == "verifikasi");
  CHECK(names(p->roles, d.transitions[0].roles) == std::vector<std::string>{"verifikator"});
  CHECK(names(p->requirements, d.transitions[0].documents) ==
        std::vector<std::string>{"ktp", "bukti_tanah", "gambar", "struktur"});
  CHECK(d.transitions[0].target == p->state_index("pemeriksaan"));
  CHECK(d.transitions[0].loc == izin::SourceLoc{30, 5});
  CHECK(names(p->roles, d.transitions[1].roles) == std::vector<std::string>{"verifikator", "front_office"});
  CHECK(d.transitions[1].target == p->state_index("perbaikan"));
  REQUIRE(d.transitions[2].guard);
  CHECK(d.transitions[2].guard->kind == izin::Expr::Kind::Field);
  CHECK(d.transitions[2].guard->index == p->field_index("lokasi_sengketa"));
  REQUIRE(d.deadlines.size() == 1);
  CHECK(d.deadlines[0].after == izin::Duration{3, izin::DurationUnit::WorkingDays});
  CHECK(d.deadlines[0].notify_role == p->role_index("kepala_dinas"));
  CHECK(d.deadlines[0].message == "Verifikasi terlambat");
  CHECK_FALSE(d.deadlines[0].is_transition());
  CHECK_FALSE(d.clock_paused);
}

TEST_CASE("example: set, deemed deadline, paused clock, final states") {
  const auto p = example();
  const auto& pem = p->states[1];
  REQUIRE(pem.transitions.size() == 2);
  REQUIRE(pem.transitions[0].sets.size() == 1);
  CHECK(pem.transitions[0].sets[0].field == p->field_index("catatan"));
  CHECK(pem.transitions[0].sets[0].value.literal == izin::Value("lulus"));
  CHECK_FALSE(pem.transitions[0].deemed);
  REQUIRE(pem.deadlines.size() == 2);
  CHECK(pem.deadlines[0].after.amount == 10);
  CHECK(pem.deadlines[1].after == izin::Duration{26, izin::DurationUnit::WorkingDays});
  CHECK(pem.deadlines[1].target == p->state_index("disetujui"));
  CHECK(pem.deadlines[1].deemed);
  const auto& perb = p->states[2];
  CHECK(perb.clock_paused);
  CHECK(perb.deadlines.at(0).target == p->state_index("ditolak"));
  CHECK_FALSE(perb.deadlines.at(0).deemed);
  CHECK(p->states[3].deadlines.at(0).after == izin::Duration{1, izin::DurationUnit::WorkingDays});
  CHECK(p->states[4].final);
  CHECK(p->states[4].outcome == "granted");
  CHECK(p->states[4].label == "PBG terbit");
  CHECK(p->states[5].outcome == "rejected");
  CHECK(p->states[5].transitions.empty());
}

TEST_CASE("example: loads from a directory with calendars and validates cleanly") {
  const auto lib = izin::load({IZIN_SOURCE_DIR "/tests/dsl/data"});
  for (const auto& d : lib.diagnostics) INFO(d.code << " " << d.message);
  CHECK_FALSE(lib.has_errors());
  REQUIRE(lib.newest("pbg"));
  CHECK(lib.newest("pbg")->version == 3);
  CHECK(lib.newest("nope") == nullptr);
}
