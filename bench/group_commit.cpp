// Figure 8: group commit. 32 callers, each firing one event at a time and
// waiting for it, through one CommitQueue on the SQLite store with
// synchronous=FULL: what a busy service gets with single-event semantics.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "izin/commit_queue.hpp"
#include "parts.hpp"

namespace izin::bench {

namespace fs = std::filesystem;

namespace {

// Caller `t` of `callers` takes every callers-th case down the path, one event at a time.
void take_down_path(CommitQueue& queue, const std::vector<std::string>& ids, std::size_t t, std::size_t callers,
                    std::atomic<std::size_t>& accepted) {
  for (std::size_t i = t; i < ids.size(); i += callers)
    for (const EventRequest& e : pbg_path()) accepted += queue.fire(ids[i], e).accepted ? 1 : 0;
}

}  // namespace

void measure_group_commit(Table& table, const Office& office, const Sizes& sizes, const fs::path& dir) {
  constexpr std::size_t kCallers = 32;
  const fs::path db = dir / "group-commit.db";
  const std::vector<std::string> ids = open_on_sqlite(office, db.string(), sizes.group_commit_cases);
  FakeClock clock(wita(2026, 7, 6, 10));
  auto store = open_sqlite_store(db.string(), SqliteOptions{true, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  std::atomic<std::size_t> accepted{0};
  CommitQueueStats stats;
  Stopwatch w;
  {
    CommitQueue queue(engine);
    std::vector<std::thread> callers;
    for (std::size_t t = 0; t < kCallers; ++t)
      callers.emplace_back([&, t] { take_down_path(queue, ids, t, kCallers, accepted); });
    for (auto& c : callers) c.join();
    stats = queue.stats();
  }
  const double s = w.seconds();
  const std::size_t events = ids.size() * pbg_path().size();
  require(accepted == events, "every event through the commit queue accepted");
  const std::optional<Case> last = engine.find(ids.back());
  require(last && last->outcome == "granted" && last->history.size() == 6, "last case approved on disk");
  table.add({"8 group commit", "32 callers, one event at a time each, one CommitQueue (" + std::to_string(events) +
                                   " events)",
             static_cast<double>(events) / s, "ev/s", "≥ 10,000", events / s >= 10000});
  table.add({"8 group commit", "mean events per transaction",
             static_cast<double>(stats.events) / static_cast<double>(stats.commits), "ev/txn", "", std::nullopt});
}

}  // namespace izin::bench
