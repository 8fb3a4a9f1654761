// Stress for the threading contract under ThreadSanitizer: many threads, each
// with its own Engine, take their own cases down the whole PBG path while all
// of them race on a few shared cases; on one SQLite file (a handle each) and
// on one shared memory store. Every event on a shared case is accepted at
// most once, none is lost, and every case replays.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <exception>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "threads_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
constexpr int kThreads = 8;
constexpr int kOwnCases = 6;
constexpr int kSharedCases = 3;

// What the threads share; counters only, since Catch2 may not be called off the main thread.
struct Race {
  ProcedurePtr pbg;
  CalendarPtr calendar;
  std::vector<std::string> shared;          // cases every thread fires at
  std::atomic<int> shared_accepted{0};      // events accepted on them, all threads together
  std::atomic<int> failures{0};             // own-case events refused (none may be)
  std::atomic<int> errors{0};               // exceptions out of the engine (none may be)
  std::vector<std::vector<std::string>> own = std::vector<std::vector<std::string>>(kThreads);
};

// One thread: its own cases down the path, interleaved with tries at every shared case.
void work(Store& store, const Clock& clock, Race& race, std::size_t t) {
  Engine engine{clock, store};
  engine.set_calendar(race.calendar);
  engine.add_procedure(race.pbg);
  for (int i = 0; i < kOwnCases; ++i) {
    const Outcome o = engine.open(pbg_application(150));
    if (o.accepted)
      race.own[t].push_back(o.case_id);
    else
      ++race.failures;
  }
  for (const EventRequest& e : pbg_path()) {
    for (const std::string& id : race.own[t])
      if (!engine.fire(id, e).accepted) ++race.failures;
    for (const std::string& id : race.shared)
      if (engine.fire(id, e).accepted) ++race.shared_accepted;
  }
}

// An exception must not end the process from a thread: it is counted for the main thread.
void desk(Store& store, const Clock& clock, Race& race, std::size_t t) {
  try {
    work(store, clock, race, t);
  } catch (const std::exception&) {
    ++race.errors;
  }
}

// Runs kThreads desks with store handles from `handle(t)` and checks every case through `checker`.
template <typename Handle>
void stress(Store& checker, const Handle& handle) {
  FakeClock clock{wita("2026-03-16T09:00")};
  Race race;
  race.pbg = make_pbg();
  race.calendar = belu();
  Engine engine{clock, checker};
  engine.set_calendar(race.calendar);
  engine.add_procedure(race.pbg);
  for (int i = 0; i < kSharedCases; ++i) race.shared.push_back(engine.open(pbg_application(150)).case_id);
  clock.set(wita("2026-03-16T10:00"));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) threads.emplace_back([&, t] { desk(handle(t), clock, race, t); });
  for (auto& th : threads) th.join();
  REQUIRE(race.errors == 0);
  REQUIRE(race.failures == 0);
  const int granted = race.pbg->state_index("disetujui");
  for (const auto& mine : race.own) {
    REQUIRE(mine.size() == kOwnCases);
    for (const auto& id : mine) {
      const auto c = engine.find(id);
      REQUIRE(c);
      CHECK(c->state == granted);
      CHECK(c->revision == 6);
      CHECK(engine.replay(id) == *c);
    }
  }
  int shared_revisions = 0;  // each accepted event on a shared case is one revision past the opening
  for (const auto& id : race.shared) {
    const auto c = engine.find(id);
    REQUIRE(c);
    shared_revisions += static_cast<int>(c->revision) - 1;
    CHECK(engine.replay(id) == *c);
  }
  CHECK(race.shared_accepted == shared_revisions);
  CHECK(race.shared_accepted >= kSharedCases);  // the first event on each shared case always wins somewhere
  CHECK(checker.load_cases(CaseFilter{"pbg", "", false}).size() == kThreads * kOwnCases + kSharedCases);
}
}  // namespace

TEST_CASE("threads stress: 8 engines, a SQLite handle each on one file, own cases and shared races") {
  const auto dir = std::filesystem::temp_directory_path() / ("izin-stress-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "izin.db").string();
  auto checker = open_sqlite_store(file);
  std::vector<std::unique_ptr<Store>> handles;
  for (int t = 0; t < kThreads; ++t) handles.push_back(open_sqlite_store(file));
  stress(*checker, [&](std::size_t t) -> Store& { return *handles[t]; });
  handles.clear();
  checker.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("threads stress: 8 engines on one shared memory store, own cases and shared races") {
  auto store = make_memory_store();
  stress(*store, [&](std::size_t) -> Store& { return *store; });
}
