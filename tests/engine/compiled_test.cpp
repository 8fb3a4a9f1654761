// The docs/language.md example compiled from its text runs exactly like the
// hand-built model, and every procedure in procedures/ runs under the engine.
#include <catch2/catch.hpp>

#include "codec.hpp"
#include "engine_fixture.hpp"
#include "izin/load.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// The complete example of docs/language.md, verbatim.
constexpr const char* kExample = R"izin(# Persetujuan Bangunan Gedung (building approval), Kabupaten Belu
procedure pbg version 3 {
  title "Persetujuan Bangunan Gedung"
  legal "PP 28/2025 Pasal 108-121"
  product "Dokumen PBG"
  calendar belu                 # id of a calendar file (see below)
  sla 28 working days from pemeriksaan   # clock starts when this state is first entered

  roles pemohon, front_office, verifikator, tpa, kepala_dinas

  data {
    luas_bangunan: number "Luas bangunan (m2)"
    lantai: integer "Jumlah lantai"
    fungsi: enum { hunian, usaha, sosial } "Fungsi bangunan"
    catatan: text
    lokasi_sengketa: bool
  }

  requirements {
    ktp: "KTP pemohon"
    bukti_tanah: "Bukti kepemilikan tanah"
    gambar: "Dokumen rencana teknis" when luas_bangunan > 100
    struktur: "Perhitungan struktur" when lantai >= 3
    slf_lama: "SLF lama" optional
  }

  fee retribusi "Retribusi PBG" = round(luas_bangunan * 10000 * (fungsi == usaha ? 1.5 : 1))

  initial state diajukan "Permohonan diajukan" {
    on verifikasi by verifikator requires ktp, bukti_tanah, gambar, struktur -> pemeriksaan
    on kembalikan by verifikator, front_office -> perbaikan
    on tolak by verifikator when lokasi_sengketa -> ditolak
    after 3 working days notify kepala_dinas "Verifikasi terlambat"
  }

  state pemeriksaan "Pemeriksaan teknis oleh TPA" {
    on setujui by tpa -> penerbitan { set catatan = "lulus" }
    on revisi by tpa -> perbaikan
    after 10 working days notify kepala_dinas "Pemeriksaan mendekati batas"
    after 26 working days -> disetujui deemed    # fiktif positif: silence grants
  }

  state perbaikan "Menunggu perbaikan dari pemohon" {
    clock paused                  # the SLA clock stops while the applicant works
    on kirim_ulang by pemohon -> pemeriksaan
    after 5 working days -> ditolak
  }

  state penerbitan "Penerbitan PBG" {
    on terbitkan by kepala_dinas -> disetujui
    after 1 working day notify kepala_dinas "PBG menunggu tanda tangan"
  }

  final state disetujui "PBG terbit" outcome granted
  final state ditolak "Permohonan ditolak" outcome rejected
}
)izin";

// One step of a script: at a local time, an event by a role, with data; or a time jump.
struct Step {
  std::string at, event, role;
  DataInput data;
  std::vector<std::string> docs;
};

// Runs a script on one engine with `p`; returns the case and every outcome, as JSON.
std::string run_script(const ProcedurePtr& p, const std::vector<Step>& steps) {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(belu());
  engine.add_procedure(p);
  const Outcome opened = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 150}, {"lantai", 3}, {"fungsi", "usaha"}},
                                                 {"ktp", "bukti_tanah"}, Actor{"ani", "front_office"}, ""});
  REQUIRE(opened.accepted);
  std::string out = detail::encode(opened);
  for (const Step& s : steps) {
    clock.set(wita(s.at));
    if (s.event.empty()) {
      for (const Outcome& o : engine.advance_to(clock.now())) out += detail::encode(o);
      continue;
    }
    out += detail::encode(engine.fire(opened.case_id, EventRequest{s.event, Actor{"u", s.role}, s.data, s.docs, ""}));
  }
  const Case c = *store->load_case(opened.case_id);
  CHECK(engine.replay(opened.case_id) == c);
  return out + detail::encode(c);
}
}  // namespace

TEST_CASE("the docs/language.md example compiled from text behaves exactly like the hand-built model") {
  const CalendarSet calendars{{belu()}, {}};
  const CompileResult compiled = compile_procedure(kExample, "docs/language.md", {}, &calendars);
  for (const auto& d : compiled.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(compiled.procedure);
  const std::vector<Step> steps = {
      {"2026-03-16T10:00", "verifikasi", "verifikator", {}, {}},                       // refused: gambar, struktur
      {"2026-03-16T11:00", "tolak", "verifikator", {{"lokasi_sengketa", false}}, {}},  // refused: guard
      {"2026-03-17T10:00", "verifikasi", "verifikator", {{"lantai", 2}}, {"gambar"}},
      {"2026-03-18T10:00", "revisi", "tpa", {}, {}},
      {"2026-03-25T00:00", "", "", {}, {}},
      {"2026-03-26T10:00", "kirim_ulang", "pemohon", {}, {}},
      {"2026-04-20T10:00", "setujui", "tpa", {}, {}},
      {"2026-04-21T10:00", "", "", {}, {}},
      {"2026-04-22T10:00", "terbitkan", "kepala_dinas", {}, {}},
  };
  const std::string from_text = run_script(compiled.procedure, steps);
  const std::string by_hand = run_script(make_pbg(3), steps);
  CHECK(from_text == by_hand);
  CHECK(from_text.find("\"outcome\":\"granted\"") != std::string::npos);
}

TEST_CASE("every procedure in procedures/ opens, takes its first events and replays") {
  const Library lib = load({std::string(IZIN_SOURCE_DIR) + "/procedures"});
  REQUIRE_FALSE(lib.procedures.empty());
  for (const ProcedurePtr& p : lib.procedures) {
    INFO(p->id);
    FakeClock clock{wita("2026-03-16T09:00")};
    auto store = make_memory_store();
    Engine engine{clock, *store};
    for (const auto& cal : lib.calendars.calendars) engine.set_calendar(cal);
    engine.add_procedure(p);
    const Outcome opened = engine.open(OpenRequest{p->id, {}, {}, Actor{"ani", "front_office"}, ""});
    REQUIRE(opened.accepted);
    CHECK(opened.to == p->states[static_cast<std::size_t>(p->initial_state)].id);
    // Every event of the initial state, by every role: accepted or refused, never an exception.
    for (const AvailableEvent& offered : engine.available_events(*engine.find(opened.case_id)))
      for (const Role& r : p->roles) engine.fire(opened.case_id, EventRequest{offered.event, Actor{"u", r.id}, {}, {}, ""});
    clock.set(wita("2026-12-31T00:00"));
    engine.advance_to(clock.now());
    CHECK(engine.replay(opened.case_id) == engine.find(opened.case_id));
  }
}
