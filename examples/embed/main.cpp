// Embedding izin: follow the office's procedure folder, open a PBG case, fire events
// as the front desk would, and print what happened (or why it was refused).
#include <iostream>
#include <izin/izin.hpp>
#include <string>

namespace {
// Prints escalations as they are sent (a real office would SMS or e-mail).
struct PrintingSink final : izin::NotificationSink {
  void notify(const izin::Notification& n) override {
    std::cout << "  notify " << n.role << ": " << n.message << " (" << n.case_id << ")\n";
  }
};

// One line per outcome: the move, or the refusal with its missing documents.
void print(const std::string& what, const izin::Outcome& o) {
  std::cout << what << ": ";
  if (!o.accepted) {
    std::cout << "refused [" << izin::refusal_code_name(o.refusal->code) << "] " << o.refusal->message << "\n";
    for (const auto& m : o.refusal->missing) std::cout << "  - " << m.requirement << ": " << m.reason << "\n";
    return;
  }
  std::cout << o.from << " -> " << o.to << (o.deemed ? " (deemed)" : "")
            << (o.repeated ? " (repeated key: first result)" : "") << "\n";
  for (const auto& fee : o.fees)
    std::cout << "  fee " << fee.fee << " = " << (fee.amount ? fee.amount->to_rupiah() : "unknown") << "\n";
}

// A local WITA time of the demo.
izin::Instant wita(const char* text) { return *izin::parse_instant(text, 8 * 60); }
}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "procedures";
  izin::FakeClock clock{wita("2026-03-16T09:00")};
  auto store = izin::make_memory_store();  // izin::open_sqlite_store("izin.db") in an office
  izin::Engine engine{clock, *store};
  PrintingSink sink;
  engine.set_notification_sink(&sink);
  // The procedures and calendars of `dir`, and later every saved change that passes the checks.
  izin::ProcedureSetOptions options;
  options.on_reload = [](const izin::ReloadReport& report) {
    for (const auto& d : report.diagnostics) std::cerr << izin::format_diagnostic(d, "");
    for (const auto& why : report.rejected) std::cerr << "not loaded: " << why << "\n";
  };
  izin::ProcedureSet procedures{engine, *store, dir, options};
  procedures.load();
  if (!engine.procedure("pbg")) {
    std::cerr << "no usable pbg procedure under " << dir << "\n";
    return 1;
  }

  // The office's PBG (procedures/pbg.izin): a 150 m2 shop-house of 3 storeys.
  const izin::Outcome opened =
      engine.open({"pbg", {{"luas_bangunan", 150}, {"lantai", 3}, {"fungsi", "usaha"}, {"dikuasakan", false}},
                   {"surat_permohonan", "ktp", "bukti_tanah", "pbb"}, {"ani", "front_office"}, ""});
  print("open " + opened.case_id, opened);
  if (!opened.accepted) return 1;
  const std::string id = opened.case_id;
  const izin::Actor verifikator{"budi", "verifikator"};
  clock.set(wita("2026-03-16T10:00"));
  print("lengkap", engine.fire(id, {"lengkap", verifikator, {}, {}, ""}));
  clock.set(wita("2026-03-17T10:00"));
  const std::vector<std::string> rest = {"pernyataan_tidak_sengketa", "dokumen_lingkungan", "rencana_teknis",
                                         "struktur"};
  print("lengkap, rest submitted", engine.fire(id, {"lengkap", verifikator, {}, rest, "desk1-42"}));
  print("same key again", engine.fire(id, {"lengkap", verifikator, {}, rest, "desk1-42"}));
  clock.set(wita("2026-05-30T00:00"));  // advance_to never goes past the clock
  for (const auto& o : engine.advance_to(clock.now())) print("time passes", o);
  const auto c = engine.find(id);
  std::cout << "case " << id << ": " << (c->closed ? c->outcome : "open") << ", " << c->history.size()
            << " history records, replay " << (engine.replay(id) == c ? "matches" : "DIFFERS") << "\n";
  const std::string json = izin::to_json_text(*c);  // what a front end or an archive would take
  std::cout << "as JSON: " << json.substr(0, 60) << "… (" << json.size() << " bytes)\n";
  return 0;
}
