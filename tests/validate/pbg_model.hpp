// The docs/language.md example (tests/validate/data/pbg.izin) built by hand, with
// the same lines, so the validator can be tested without the parser.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "izin/procedure.hpp"

namespace izin::test {

// A place on `line` at `column`.
inline SourceLoc at(int line, int column = 3) { return SourceLoc{line, column}; }

// A literal expression.
inline Expr literal(Value v, Type type, SourceLoc loc = {}) {
  Expr e;
  e.kind = Expr::Kind::Literal;
  e.literal = std::move(v);
  e.type = type;
  e.loc = loc;
  return e;
}

// A data field read.
inline Expr field(int index, Type type, SourceLoc loc = {}) {
  Expr e;
  e.kind = Expr::Kind::Field;
  e.index = index;
  e.type = type;
  e.loc = loc;
  return e;
}

// A binary operation of type `type`.
inline Expr binary(Op op, Expr a, Expr b, Type type) {
  Expr e;
  e.kind = Expr::Kind::Binary;
  e.op = op;
  e.type = type;
  e.loc = a.loc;
  e.args = {std::move(a), std::move(b)};
  return e;
}

// submitted(REQ).
inline Expr submitted(int requirement, SourceLoc loc = {}) {
  Expr e;
  e.kind = Expr::Kind::Call;
  e.func = Func::Submitted;
  e.index = requirement;
  e.type = Type::Bool;
  e.loc = loc;
  return e;
}

// A transition on `event` by `roles` to `target`, written on `line`.
inline Transition on(std::string event, std::vector<int> roles, int target, int line) {
  Transition t;
  t.event = std::move(event);
  t.roles = std::move(roles);
  t.target = target;
  t.loc = at(line, 5);
  return t;
}

// `after amount unit -> target` (target >= 0) or `notify role` on `line`.
inline Deadline after(std::int64_t amount, DurationUnit unit, int target, int notify_role, int line) {
  Deadline d;
  d.after = Duration{amount, unit};
  d.target = target;
  d.notify_role = notify_role;
  if (notify_role >= 0) d.message = "pesan";
  d.loc = at(line, 5);
  return d;
}

// State indexes of the example.
enum PbgState { diajukan, pemeriksaan, perbaikan, penerbitan, disetujui, ditolak };
// Role indexes of the example.
enum PbgRole { pemohon, front_office, verifikator, tpa, kepala_dinas };
// Requirement indexes of the example.
enum PbgRequirement { ktp, bukti_tanah, gambar, struktur, slf_lama };

// A state with id, flags and line.
inline State state(std::string id, int line, bool initial = false) {
  State s;
  s.id = std::move(id);
  s.label = s.id;
  s.initial = initial;
  s.loc = at(line);
  return s;
}

// A final state with its outcome.
inline State final_state(std::string id, std::string outcome, int line) {
  State s = state(std::move(id), line);
  s.final = true;
  s.outcome = std::move(outcome);
  return s;
}

// Data fields and requirements of the example (lines 12–24).
inline void add_pbg_data(Procedure& p) {
  p.data = {{"luas_bangunan", "Luas", Type::Number, {}, at(12, 5)},
            {"lantai", "Lantai", Type::Integer, {}, at(13, 5)},
            {"fungsi", "Fungsi", Type::Enum, {"hunian", "usaha", "sosial"}, at(14, 5)},
            {"catatan", "", Type::Text, {}, at(15, 5)},
            {"lokasi_sengketa", "", Type::Bool, {}, at(16, 5)}};
  p.requirements = {
      {"ktp", "KTP pemohon", std::nullopt, false, at(20, 5)},
      {"bukti_tanah", "Bukti", std::nullopt, false, at(21, 5)},
      {"gambar", "Gambar", binary(Op::Gt, field(0, Type::Number, at(22, 47)), literal(100, Type::Number), Type::Bool),
       false, at(22, 5)},
      {"struktur", "Struktur", binary(Op::Ge, field(1, Type::Integer, at(23, 45)), literal(3, Type::Number), Type::Bool),
       false, at(23, 5)},
      {"slf_lama", "SLF lama", std::nullopt, true, at(24, 5)}};
}

// The states of the example (lines 29–55).
inline void add_pbg_states(Procedure& p) {
  State s0 = state("diajukan", 29, true);
  Transition verify = on("verifikasi", {verifikator}, pemeriksaan, 30);
  verify.documents = {ktp, bukti_tanah, gambar, struktur};
  Transition reject = on("tolak", {verifikator}, ditolak, 32);
  reject.guard = field(4, Type::Bool, at(32, 31));
  s0.transitions = {verify, on("kembalikan", {verifikator, front_office}, perbaikan, 31), reject};
  s0.deadlines = {after(3, DurationUnit::WorkingDays, -1, kepala_dinas, 33)};
  State s1 = state("pemeriksaan", 36);
  s1.transitions = {on("setujui", {tpa}, penerbitan, 37), on("revisi", {tpa}, perbaikan, 38)};
  Deadline deemed = after(26, DurationUnit::WorkingDays, disetujui, -1, 40);
  deemed.deemed = true;
  s1.deadlines = {after(10, DurationUnit::WorkingDays, -1, kepala_dinas, 39), deemed};
  State s2 = state("perbaikan", 43);
  s2.clock_paused = true;
  s2.transitions = {on("kirim_ulang", {pemohon}, pemeriksaan, 45)};
  s2.deadlines = {after(5, DurationUnit::WorkingDays, ditolak, -1, 46)};
  State s3 = state("penerbitan", 49);
  s3.transitions = {on("terbitkan", {kepala_dinas}, disetujui, 50)};
  s3.deadlines = {after(1, DurationUnit::WorkingDays, -1, kepala_dinas, 51)};
  p.states = {s0, s1, s2, s3, final_state("disetujui", "granted", 54), final_state("ditolak", "rejected", 55)};
  p.initial_state = diajukan;
}

// The whole example, as the compiler would build it.
inline Procedure pbg_model() {
  Procedure p;
  p.id = "pbg";
  p.version = 3;
  p.title = "Persetujuan Bangunan Gedung";
  p.legal = "PP 28/2025 Pasal 108-121";
  p.product = "Dokumen PBG";
  p.calendar = "belu";
  p.sla = Sla{28, pemeriksaan, at(7)};
  for (const char* r : {"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas"})
    p.roles.push_back(Role{r, at(9)});
  add_pbg_data(p);
  p.fees = {{"retribusi", "Retribusi PBG", field(0, Type::Number, at(27, 35)), at(27)}};
  add_pbg_states(p);
  p.file = "pbg.izin";
  p.loc = at(2, 1);
  return p;
}

// (code, line) of each diagnostic, in order.
inline std::vector<std::pair<std::string, int>> codes_and_lines(const std::vector<Diagnostic>& ds) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& d : ds) out.emplace_back(d.code, d.line);
  return out;
}

}  // namespace izin::test
