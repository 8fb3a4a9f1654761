// Group commit under ThreadSanitizer: 32 callers fire through one
// CommitQueue on one SQLite file; each returns only after its own event's
// commit, many events share a transaction, and a failing store, a refused
// event or a caller on the committer thread harm nobody else.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../support/forwarding_store.hpp"
#include "izin/commit_queue.hpp"
#include "threads_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {

// Counts, per case, the accepted events the inner store has committed;
// fails every commit while `failing` is set.
class WatchedStore final : public ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  void commit(const std::vector<CaseCommit>& batch) override {
    if (failing) throw StoreError("the disk is full (a test)");
    ForwardingStore::commit(batch);
    std::lock_guard lock(mutex_);
    for (const CaseCommit& c : batch)
      if (c.entry.kind == JournalEntry::Kind::Fire && c.entry.accepted) ++committed_[c.after.id];
  }
  int committed(const std::string& id) {
    std::lock_guard lock(mutex_);
    return committed_[id];
  }
  std::atomic<bool> failing{false};

 private:
  std::mutex mutex_;
  std::map<std::string, int> committed_;
};

// An engine on `store` with the PBG procedure and the belu calendar.
struct Desk {
  explicit Desk(Store& store) : engine(clock, store) {
    engine.set_calendar(belu());
    engine.add_procedure(make_pbg());
  }
  FakeClock clock{wita("2026-03-16T09:00")};
  Engine engine;
};

}  // namespace

TEST_CASE("group commit: 32 callers on one SQLite file, each acknowledged after its own commit", "[threads]") {
  constexpr int kCallers = 32;
  const auto dir = std::filesystem::temp_directory_path() / ("izin-queue-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "queue.db").string();
  std::vector<std::string> ids;
  {
    auto sqlite = open_sqlite_store(file, SqliteOptions{true, 5000});
    WatchedStore watched(*sqlite);
    Desk desk(watched);
    for (int i = 0; i < kCallers; ++i) ids.push_back(desk.engine.open(pbg_application(150)).case_id);
    std::atomic<int> refused{0}, early{0}, wrong_refusals{0};
    CommitQueueStats stats;
    {
      CommitQueue queue(desk.engine);
      std::vector<std::thread> callers;
      for (int t = 0; t < kCallers; ++t)
        callers.emplace_back([&, id = ids[static_cast<std::size_t>(t)]] {
          // A refused event among the others' accepted ones changes nothing for them.
          if (queue.fire(id, by("setujui", "pemohon")).accepted) ++wrong_refusals;
          for (std::size_t k = 0; k < pbg_path().size(); ++k) {
            if (!queue.fire(id, pbg_path()[k]).accepted) ++refused;
            if (watched.committed(id) != static_cast<int>(k + 1)) ++early;  // returned before its commit
          }
        });
      for (auto& c : callers) c.join();
      stats = queue.stats();
    }
    CHECK(refused == 0);
    CHECK(early == 0);
    CHECK(wrong_refusals == 0);
    CHECK(stats.events == kCallers * 6u);
    CHECK(stats.largest_batch > 1);  // 32 callers waiting on fsyncs share transactions
    CHECK(stats.commits < stats.events);
  }
  // Every case is approved on disk, read back by a fresh handle.
  auto reread = open_sqlite_store(file);
  Desk check(*reread);
  for (const std::string& id : ids) {
    const std::optional<Case> c = check.engine.find(id);
    REQUIRE(c);
    CHECK(c->outcome == "granted");
    CHECK(c->history.size() == 6);
    CHECK(check.engine.replay(id) == c);
  }
  reread.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("group commit: a failing store reaches every caller of its batch and changes nothing", "[threads]") {
  auto memory = make_memory_store();
  WatchedStore watched(*memory);
  Desk desk(watched);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(desk.engine.open(pbg_application(150)).case_id);
  CommitQueue queue(desk.engine);
  watched.failing = true;
  std::vector<std::future<Outcome>> waiting;
  for (const std::string& id : ids) waiting.push_back(queue.submit(id, pbg_path()[0]));
  for (auto& w : waiting) CHECK_THROWS_AS(w.get(), StoreError);
  watched.failing = false;
  for (const std::string& id : ids) {
    std::size_t records = 0;  // read on the committer thread, checked here: Catch2 stays on this one
    queue.post([&](Engine& e) { records = e.find(id)->history.size(); }).get();
    CHECK(records == 1);
    CHECK(queue.fire(id, pbg_path()[0]).accepted);  // the store works again: so does the queue
    CHECK(watched.committed(id) == 1);
  }
}

TEST_CASE("group commit: work posted to the queue runs between commits, and the queue refuses to wait on itself",
          "[threads]") {
  auto memory = make_memory_store();
  Desk desk(*memory);
  std::atomic<CommitQueue*> queue_seen{nullptr};
  std::atomic<int> refused_from_inside{0};
  desk.engine.subscribe([&](const Change& change) {
    try {
      if (CommitQueue* q = queue_seen.load()) q->fire(change.case_id, pbg_path()[1]);
    } catch (const std::logic_error&) {
      ++refused_from_inside;  // a subscriber runs on the committer thread: waiting would never end
    }
  });
  std::string id;
  std::vector<std::future<Outcome>> waiting;
  {
    CommitQueue queue(desk.engine);
    queue.post([&](Engine& e) { id = e.open(pbg_application(150)).case_id; }).get();
    REQUIRE_FALSE(id.empty());
    queue_seen = &queue;
    CHECK(queue.fire(id, pbg_path()[0]).accepted);
    queue_seen = nullptr;
    // Submitted and left: the queue's end still commits them, in order.
    for (std::size_t k = 1; k < pbg_path().size(); ++k) waiting.push_back(queue.submit(id, pbg_path()[k]));
  }
  CHECK(refused_from_inside == 1);
  for (auto& w : waiting) CHECK(w.get().accepted);
  CHECK(memory->load_case(id)->outcome == "granted");
}
