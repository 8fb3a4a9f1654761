// Diagram details on a hand-built procedure: markings and escaping.
#include <catch2/catch.hpp>

#include "izin/graph.hpp"

namespace {

// diajukan --verifikasi by verifikator [lokasi_sengketa]--> pemeriksaan;
// pemeriksaan: notify after 3 working days, deemed grant after 26 working days.
izin::Procedure sample() {
  izin::Procedure p;
  p.id = "pbg";
  p.version = 3;
  p.title = "PBG \"uji\"";
  p.roles = {{"verifikator", {}}, {"kepala_dinas", {}}};
  izin::DataField f;
  f.id = "lokasi_sengketa";
  f.type = izin::Type::Bool;
  p.data = {f};
  izin::State a;
  a.id = "diajukan";
  a.label = "Permohonan diajukan";
  a.initial = true;
  izin::Transition t;
  t.event = "verifikasi";
  t.roles = {0};
  izin::Expr guard;
  guard.kind = izin::Expr::Kind::Field;
  guard.index = 0;
  t.guard = guard;
  t.target = 1;
  izin::Requirement ktp;
  ktp.id = "ktp";
  p.requirements = {ktp};
  izin::Transition u;
  u.event = "lengkap";
  u.documents = {0};
  u.target = 2;
  a.transitions = {t, u};
  izin::State b;
  b.id = "perbaikan";
  b.clock_paused = true;
  izin::Deadline notify;
  notify.after = {3, izin::DurationUnit::WorkingDays};
  notify.notify_role = 1;
  izin::Deadline deemed;
  deemed.after = {26, izin::DurationUnit::WorkingDays};
  deemed.target = 2;
  deemed.deemed = true;
  b.deadlines = {notify, deemed};
  izin::State c;
  c.id = "disetujui";
  c.final = true;
  c.outcome = "granted";
  p.states = {a, b, c};
  p.initial_state = 0;
  return p;
}

}  // namespace

TEST_CASE("dot marks initial, paused, final, deadlines, escalations and deemed decisions") {
  const std::string dot = izin::render_dot(sample());
  CHECK(dot.find("\"__start\" -> \"diajukan\"") != std::string::npos);
  CHECK(dot.find("label=\"verifikasi by verifikator [lokasi_sengketa]\"") != std::string::npos);
  CHECK(dot.find("label=\"lengkap\\nrequires ktp\"") != std::string::npos);
  CHECK(dot.find("clock paused") != std::string::npos);
  CHECK(dot.find("outcome: granted") != std::string::npos);
  CHECK(dot.find("\"perbaikan\" -> \"perbaikan\" [label=\"after 3 working days notify kepala_dinas\", style=dotted") !=
        std::string::npos);
  CHECK(dot.find("\"perbaikan\" -> \"disetujui\" [label=\"after 26 working days (deemed)\", style=dashed, "
                 "penwidth=2.5") != std::string::npos);
  CHECK(dot.find("label=\"PBG \\\"uji\\\"\"") != std::string::npos);  // quotes escaped
}

TEST_CASE("Mermaid escapes labels and marks deemed decisions") {
  const std::string m = izin::render_mermaid(sample());
  CHECK(m.find("[*] --> diajukan") != std::string::npos);
  CHECK(m.find("disetujui --> [*]") != std::string::npos);
  CHECK(m.find("perbaikan --> disetujui : ⚖ DEEMED after 26 working days (deemed)") != std::string::npos);
  CHECK(m.find("diajukan --> disetujui : lengkap · requires ktp\n") != std::string::npos);
  CHECK(m.find("class perbaikan paused") != std::string::npos);
  CHECK(m.find("class disetujui granted") != std::string::npos);
  CHECK(m.find("#quot;uji#quot;") != std::string::npos);
  CHECK(m.find("\"uji\"") == std::string::npos);
}

TEST_CASE("with Indonesian every diagram label is Indonesian, and both diagrams carry a legend") {
  using izin::Language;
  for (const std::string& text : {izin::render_dot(sample(), Language::Indonesian),
                                  izin::render_mermaid(sample(), Language::Indonesian)}) {
    INFO(text);
    CHECK(text.find("Keterangan") != std::string::npos);
    CHECK(text.find("waktu layanan berhenti") != std::string::npos);
    CHECK(text.find("hasil") != std::string::npos);
    CHECK(text.find("diterbitkan") != std::string::npos);
    CHECK(text.find("verifikasi oleh verifikator [lokasi_sengketa]") != std::string::npos);
    CHECK(text.find("setelah 3 hari kerja beri tahu kepala_dinas") != std::string::npos);
    CHECK(text.find("setelah 26 hari kerja (fiktif positif)") != std::string::npos);
    for (const std::string english : {"clock paused", "outcome:", "notify", "deemed", "DEEMED", "initial", " by ",
                                      "requires", "after ", "working day", "Legend"}) {
      INFO("English label: " << english);
      CHECK(text.find(english) == std::string::npos);
    }
  }
  CHECK(izin::render_dot(sample()).find("Legend") != std::string::npos);
  CHECK(izin::render_mermaid(sample()).find("Legend") != std::string::npos);
}
