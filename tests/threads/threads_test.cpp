// The threading contract of docs/engine.md: an Engine is used from one
// thread at a time; threads that share cases each take their own Engine and
// their own store handle on one SQLite file (or one shared memory store),
// and meet each other as processes do: conflicts refused or retried, no
// entry lost, every case replays.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "threads_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
constexpr int kThreads = 4;
constexpr int kCasesEach = 15;

// One thread's work: its own cases through two steps, and a try at the shared
// case. Catch2 is not thread-safe, so a desk counts its failures for the main
// thread; the engines share one compiled procedure and calendar, as an embedder's would.
void desk(Store& store, const Clock& clock, const ProcedurePtr& pbg, const CalendarPtr& calendar,
          const std::string& shared, std::atomic<int>& shared_wins, std::vector<std::string>& mine,
          std::atomic<int>& failures) {
  Engine engine{clock, store};
  engine.set_calendar(calendar);
  engine.add_procedure(pbg);
  for (int i = 0; i < kCasesEach; ++i) {
    const Outcome o = engine.open(pbg_application(100 + i));
    if (!o.accepted) {
      ++failures;
      continue;
    }
    mine.push_back(o.case_id);
    if (!engine.fire(o.case_id, by("verifikasi", "verifikator")).accepted) ++failures;
    if (engine.fire(shared, by("verifikasi", "verifikator")).accepted) ++shared_wins;
  }
}

// Runs the desks on threads, each with the store handle `handle(t)` gives, then checks every case.
template <typename Handle>
void run_desks(Store& checker, const Handle& handle) {
  FakeClock clock{wita("2026-03-16T09:00")};
  const ProcedurePtr pbg = make_pbg();
  const CalendarPtr calendar = belu();
  Engine engine{clock, checker};
  engine.set_calendar(calendar);
  engine.add_procedure(pbg);
  const Outcome shared = engine.open(pbg_application(90));
  REQUIRE(shared.accepted);
  clock.set(wita("2026-03-16T10:00"));
  std::atomic<int> shared_wins{0};
  std::atomic<int> failures{0};
  std::vector<std::vector<std::string>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      desk(handle(t), clock, pbg, calendar, shared.case_id, shared_wins, ids[static_cast<std::size_t>(t)], failures);
    });
  for (auto& th : threads) th.join();
  REQUIRE(failures == 0);
  CHECK(shared_wins == 1);  // one verification of the shared case, whoever came first
  std::size_t all = 0;
  for (const auto& mine : ids) {
    all += mine.size();
    for (const auto& id : mine) {
      const auto c = engine.find(id);
      REQUIRE(c);
      CHECK(c->revision == 2);
      CHECK(engine.replay(id) == *c);
    }
  }
  CHECK(all == kThreads * kCasesEach);
  CHECK(engine.replay(shared.case_id) == *engine.find(shared.case_id));
  CHECK(checker.load_cases(CaseFilter{"pbg", "", false}).size() == all + 1);
}
}  // namespace

TEST_CASE("threads with their own engine and SQLite handle on one file lose nothing and replay") {
  const auto dir = std::filesystem::temp_directory_path() / ("izin-threads-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "izin.db").string();
  auto checker = open_sqlite_store(path);
  std::vector<std::unique_ptr<Store>> handles;
  for (int t = 0; t < kThreads; ++t) handles.push_back(open_sqlite_store(path));
  run_desks(*checker, [&](int t) -> Store& { return *handles[static_cast<std::size_t>(t)]; });
  handles.clear();
  checker.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("threads with their own engine on one shared memory store lose nothing and replay") {
  auto store = make_memory_store();
  run_desks(*store, [&](int) -> Store& { return *store; });
}
