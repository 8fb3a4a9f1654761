// ProcedureSet: a procedure directory followed while the engine runs, by
// inotify and by polling; only files that pass the validator and the
// rollout rules go live, and every reload is told to on_reload, never stderr.
#include <catch2/catch.hpp>

#include <vector>

#include "procset_fixture.hpp"

using namespace izin;
using namespace izin::testing;
using Catch::Matchers::Contains;

namespace {

// An engine on a memory store with a ProcedureSet over `dir` that keeps every report.
struct Running {
  explicit Running(const std::filesystem::path& dir, bool poll)
      : clock(monday()), store(make_memory_store()), engine(clock, *store),
        set(engine, *store, dir, ProcedureSetOptions{{}, poll, [this](const ReloadReport& r) { reports.push_back(r); }}) {}
  FakeClock clock;
  std::unique_ptr<Store> store;
  Engine engine;
  std::vector<ReloadReport> reports;
  ProcedureSet set;
};

// The refusals of the last report, joined for matching.
std::string refused(const std::vector<ReloadReport>& reports) {
  std::string out;
  for (const auto& why : reports.back().rejected) out += why + "\n";
  return out;
}

}  // namespace

TEST_CASE("load registers the directory, tells on_reload and writes nothing to stderr", "[procset]") {
  const bool poll = GENERATE(false, true);
  TempDir tmp;
  Running run(make_directory(tmp, surat(1)), poll);
  StderrCapture err;
  const ReloadReport report = run.set.load();
  save(tmp.file("procedures/surat.izin"), surat(2) + "state {");  // refused below, silently
  run.set.poll();
  CHECK(err.text().empty());
  CHECK(report.added == std::vector<std::string>{"surat v1"});
  REQUIRE(run.reports.size() == 2);
  CHECK(run.reports[0].added == report.added);
  CHECK(run.set.uses_inotify() == !poll);
}

TEST_CASE("poll stays quiet until a file is saved, then puts the new version live", "[procset]") {
  const bool poll = GENERATE(false, true);
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  Running run(dir, poll);
  run.set.load();
  CHECK_FALSE(run.set.poll());
  std::ofstream(dir / "notes.txt") << "not a procedure";
  CHECK_FALSE(run.set.poll());
  save(dir / "surat.izin", surat(2));
  CHECK(run.set.poll());
  CHECK(run.reports.back().added == std::vector<std::string>{"surat v2"});
  CHECK(run.engine.procedure("surat")->version == 2);
  CHECK(run.engine.procedure("surat", 1));
  CHECK_FALSE(run.set.poll());
  CHECK(run.reports.size() == 2);
}

TEST_CASE("a procedure saved in a new folder goes live, and so do later edits there", "[procset]") {
  const bool poll = GENERATE(false, true);
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  Running run(dir, poll);
  run.set.load();
  std::filesystem::create_directories(dir / "kecamatan");
  auto other = surat(1);
  other.replace(other.find("surat"), 5, "suket");
  save(dir / "kecamatan" / "suket.izin", other);
  CHECK(run.set.poll());
  CHECK(run.engine.procedure("suket"));
  auto newer = surat(2);
  newer.replace(newer.find("surat"), 5, "suket");
  save(dir / "kecamatan" / "suket.izin", newer);
  CHECK(run.set.poll());
  CHECK(run.engine.procedure("suket")->version == 2);
}

TEST_CASE("a changed file goes live only past the validator and the rollout rules, and says why not", "[procset]") {
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  Running run(dir, false);
  run.set.load();
  const auto case_id = run.engine.open(open_surat()).case_id;

  save(dir / "surat.izin", surat(2) + "state {");
  REQUIRE(run.set.poll());
  CHECK_THAT(refused(run.reports), Contains("surat.izin has errors"));
  CHECK(run.engine.procedure("surat")->version == 1);

  save(dir / "surat.izin", surat(2, "terbit"));  // drops state `selesai`, where v1 cases may end
  REQUIRE(run.set.poll());
  CHECK_THAT(refused(run.reports), Contains("IZ902") && Contains("selesai"));
  CHECK(run.reports.back().added.empty());
  CHECK(run.engine.procedure("surat")->version == 1);

  auto edited = surat(1);
  edited.replace(edited.find("Terlambat"), 9, "Lambat");
  save(dir / "surat.izin", edited);  // v1 changed in place
  REQUIRE(run.set.poll());
  CHECK_THAT(refused(run.reports), Contains("IZ901"));
  CHECK(run.engine.procedure("surat", 1)->source == surat(1));

  save(dir / "surat.izin", surat(2));
  REQUIRE(run.set.poll());
  CHECK(run.reports.back().rejected.empty());
  CHECK(run.engine.procedure("surat")->version == 2);
  CHECK(run.engine.fire(case_id, event("periksa_v1")).accepted);
}

TEST_CASE("a lower version than the newest running is refused with IZ903", "[procset]") {
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(3));
  Running run(dir, false);
  run.set.load();
  save(dir / "lama.izin", surat(2));
  REQUIRE(run.set.poll());
  CHECK_THAT(refused(run.reports), Contains("IZ903"));
  CHECK_FALSE(run.engine.procedure("surat", 2));
}

TEST_CASE("wait_for_change waits out its timeout when nothing changes and wakes for a save", "[procset]") {
  const bool poll = GENERATE(false, true);
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  Running run(dir, poll);
  run.set.load();
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(run.set.wait_for_change(std::chrono::milliseconds(300)));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
  std::thread editor([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::ofstream(dir / "surat.izin") << surat(2);
  });
  // Polling may catch the save half-written (refused); the finished file is the next change.
  start = std::chrono::steady_clock::now();
  while (run.engine.procedure("surat")->version != 2 && run.set.wait_for_change(std::chrono::seconds(10))) {
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  editor.join();
  CHECK(run.engine.procedure("surat")->version == 2);
  CHECK(waited < std::chrono::seconds(5));
}

TEST_CASE("after a restart with only version 2 on disk, a version 1 case fires and replays", "[procset][sqlite]") {
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  const auto db = tmp.file("izin.db");
  FakeClock clock(monday());
  std::string old_case;
  {
    auto store = open_sqlite_store(db);
    Engine engine(clock, *store);
    ProcedureSet set(engine, *store, dir);
    REQUIRE(set.load().added == std::vector<std::string>{"surat v1"});
    old_case = engine.open(open_surat()).case_id;
  }
  std::ofstream(dir / "surat.izin") << surat(2);
  // A new process: its own store connection, engine and set.
  auto store = open_sqlite_store(db);
  Engine engine(clock, *store);
  ProcedureSet set(engine, *store, dir);
  const auto report = set.load();
  CHECK(report.restored == std::vector<std::string>{"surat v1"});
  CHECK(report.added == std::vector<std::string>{"surat v2"});
  CHECK(report.rejected.empty());
  CHECK_FALSE(engine.fire(old_case, event("periksa_v2")).accepted);
  const auto fired = engine.fire(old_case, event("periksa_v1"));
  CHECK(fired.accepted);
  CHECK(fired.to == "selesai");
  CHECK(engine.replay(old_case) == engine.find(old_case));
  CHECK(engine.find(engine.open(open_surat()).case_id)->version == 2);
}
