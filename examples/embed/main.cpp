// A front-desk program embedding izin through its installed package, as an
// office's developer would write it from docs/engine.md: it follows a
// procedure folder, opens and works PBG cases on an SQLite file, pages the
// verifier's worklist, picks up a new procedure version while running,
// delivers escalations through a sink that fails half the time, restarts on
// the same file, and checks every result itself (exit 1 on the first wrong one).
//
//   izin_embed PROCEDURES_DIR
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <izin/izin.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {
int failures = 0;

// Records one check; the program's exit status says whether all held.
void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
  failures += ok ? 0 : 1;
}

// An SMS gateway that is down every other time it is called.
struct FlakySink final : izin::NotificationSink {
  int calls = 0;
  std::map<std::string, int> received;  // delivery id → times received
  void notify(const izin::Notification& n) override {
    if (++calls % 2 == 1) throw std::runtime_error("gateway timeout");
    ++received[n.id];
  }
};

izin::Instant wita(const char* text) { return *izin::parse_instant(text, 8 * 60); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

// A private copy of the office's folder, so this program may edit a procedure in it.
fs::path copy_folder(const fs::path& from) {
  const fs::path work = fs::temp_directory_path() / ("izin-embed-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  fs::copy(from, work / "procedures", fs::copy_options::recursive);
  return work;
}

// Every document PBG lists, so `lengkap` is accepted.
const std::vector<std::string> kAllDocuments = {"surat_permohonan", "ktp", "bukti_tanah", "pernyataan_tidak_sengketa",
                                                "pbb", "dokumen_lingkungan", "rencana_teknis", "struktur"};

// Opens `n` cases, one a working hour from `start`; returns their ids.
std::vector<std::string> open_cases(izin::Engine& engine, izin::FakeClock& clock, int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    clock.set(clock.now() + std::chrono::hours{1});
    const izin::Outcome o = engine.open({"pbg", {{"luas_bangunan", 100 + i}, {"lantai", 3}, {"fungsi", "usaha"},
                                                 {"dikuasakan", false}},
                                         kAllDocuments, {"ani", "front_office"}, ""});
    if (o.accepted) ids.push_back(o.case_id);
  }
  return ids;
}

// Walks the verifier's worklist page by page; returns every id seen and the total it reported.
std::pair<std::vector<std::string>, std::size_t> walk_worklist(const izin::Engine& engine) {
  std::vector<std::string> seen;
  std::size_t total = 0;
  std::string cursor;
  do {
    const izin::CasePage page = engine.worklist("verifikator", 7, cursor);
    for (const auto& c : page.cases) seen.push_back(c.id);
    total = page.total;
    cursor = page.next_cursor;
  } while (!cursor.empty());
  return {seen, total};
}

// The folder's PBG file saved as version 2, as policy staff would after an edit.
void publish_version_2(const fs::path& folder) {
  std::string text = read_file(folder / "pbg.izin");
  const std::string v1 = "procedure pbg version 1";
  const auto at = text.find(v1);
  if (at == std::string::npos) throw std::runtime_error("pbg.izin does not declare version 1");
  text.replace(at, v1.size(), "procedure pbg version 2");
  std::ofstream(folder / "pbg.izin") << text;
}

// First run: open, fire, page, reload, escalate and deliver.
void first_run(const fs::path& db, const fs::path& folder, izin::FakeClock& clock, std::vector<std::string>& ids) {
  auto store = izin::open_sqlite_store(db.string());
  izin::Engine engine{clock, *store};
  FlakySink sink;
  engine.set_notification_sink(&sink);
  std::vector<std::string> went_live;
  izin::ProcedureSetOptions options;
  options.on_reload = [&](const izin::ReloadReport& r) { went_live.insert(went_live.end(), r.added.begin(), r.added.end()); };
  izin::ProcedureSet procedures{engine, *store, folder, options};
  procedures.load();
  check(engine.procedure("pbg") && engine.procedure("pbg")->version == 1, "pbg version 1 is live");

  ids = open_cases(engine, clock, 20);
  check(ids.size() == 20, "20 cases opened");
  int verified = 0;
  for (std::size_t i = 0; i < ids.size(); i += 2)
    verified += engine.fire(ids[i], {"lengkap", {"budi", "verifikator"}, {}, {}, "desk1-" + ids[i]}).accepted;
  check(verified == 10, "10 cases verified complete");
  const izin::Outcome again = engine.fire(ids[0], {"lengkap", {"budi", "verifikator"}, {}, {}, "desk1-" + ids[0]});
  check(again.accepted && again.repeated, "a retried request with its key gets the first answer, marked repeated");

  const auto [seen, total] = walk_worklist(engine);
  const std::set<std::string> distinct(seen.begin(), seen.end());
  check(total == 10 && seen.size() == 10 && distinct.size() == 10, "the verifier's worklist pages through 10 cases once each");

  publish_version_2(folder);
  const bool reloaded = procedures.wait_for_change(std::chrono::seconds{5});
  check(reloaded && engine.procedure("pbg")->version == 2, "the saved version 2 went live while running");
  check(went_live.size() >= 2 && went_live.back() == "pbg v2", "the reload callback named pbg v2");
  const std::vector<std::string> newer = open_cases(engine, clock, 1);
  check(newer.size() == 1 && engine.find(newer[0])->version == 2, "a new case opens on version 2");
  ids.insert(ids.end(), newer.begin(), newer.end());
  check(engine.fire(ids[1], {"kembalikan", {"ani", "front_office"}, {}, {}, ""}).accepted,
        "a version-1 case still takes its events");

  clock.set(wita("2026-04-30T09:00"));  // weeks pass: escalations fall due
  engine.advance_to(clock.now());
  for (int round = 0; round < 20 && !engine.undelivered_notifications(1).empty(); ++round) {
    clock.set(clock.now() + std::chrono::hours{2});  // past every back-off
    engine.deliver_notifications();
  }
  check(engine.undelivered_notifications(1).empty(), "every escalation was delivered in the end");
  check(!sink.received.empty() && sink.calls > static_cast<int>(sink.received.size()),
        "the sink failed on the way (" + std::to_string(sink.calls) + " calls for " +
            std::to_string(sink.received.size()) + " notifications)");
  bool once = true;
  for (const auto& [id, times] : sink.received) once = once && times == 1;
  check(once, "each notification was received once, by its delivery id");
}

// After a restart on the same file: old cases still fire and every case replays.
void second_run(const fs::path& db, const fs::path& folder, izin::FakeClock& clock, const std::vector<std::string>& ids) {
  auto store = izin::open_sqlite_store(db.string());
  izin::Engine engine{clock, *store};
  izin::ProcedureSet procedures{engine, *store, folder};
  procedures.load();
  check(engine.procedure("pbg", 1) != nullptr, "after the restart version 1 comes back from the store, not the folder");
  const izin::Outcome o = engine.fire(ids[0], {"setujui", {"dewi", "tpa"}, {}, {}, ""});
  check(o.accepted && o.to == "sppst" && engine.find(ids[0])->version == 1,
        "a version-1 case is worked after the restart");
  std::size_t replayed = 0;
  for (const auto& id : ids) replayed += engine.replay(id) == engine.find(id);
  check(replayed == ids.size(), "every case replays from its journal to its stored state");
  const auto changes = store->changes_since(0, 100000);
  bool increasing = !changes.empty();
  for (std::size_t i = 1; i < changes.size(); ++i) increasing = increasing && changes[i].sequence > changes[i - 1].sequence;
  check(increasing, "the change feed lists " + std::to_string(changes.size()) + " changes in order");
}
}  // namespace

int main(int argc, char** argv) try {
  const fs::path work = copy_folder(argc > 1 ? argv[1] : "procedures");
  izin::FakeClock clock{wita("2026-03-16T08:00")};
  std::vector<std::string> ids;
  first_run(work / "izin.db", work / "procedures", clock, ids);
  second_run(work / "izin.db", work / "procedures", clock, ids);
  fs::remove_all(work);
  std::cout << (failures == 0 ? "front desk: all checks passed\n" : "front desk: " + std::to_string(failures) + " checks failed\n");
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "izin_embed: " << e.what() << "\n";
  return 1;
}
