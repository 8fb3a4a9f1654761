// Group commit: many threads fire events through one Engine. Events that
// arrive while a commit is under way go into the next one together, so a
// busy service pays one transaction (one fsync) for many events, and every
// caller still returns only after its own event's commit.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "izin/engine.hpp"

namespace izin {

struct CommitQueueOptions {
  std::size_t max_batch = 1000;  // events in one transaction at most
};

// What the queue has done so far.
struct CommitQueueStats {
  std::uint64_t events = 0;       // fired (accepted or refused) or failed with the store
  std::uint64_t commits = 0;      // Engine::fire_batch calls, one transaction each
  std::size_t largest_batch = 0;  // events in the largest of them
};

// Owns an Engine's thread: from construction to destruction only the queue's
// committer thread calls the engine; everyone else goes through fire, submit
// or post, from any number of threads.
class CommitQueue {
 public:
  explicit CommitQueue(Engine& engine, CommitQueueOptions options = {});
  // Finishes everything already submitted or posted, then stops the thread.
  ~CommitQueue();
  CommitQueue(const CommitQueue&) = delete;
  CommitQueue& operator=(const CommitQueue&) = delete;

  // Fires the event and returns its outcome once its commit is durable (as
  // durable as the store makes a commit). Events of one batch are fired in
  // arrival order, each with the outcome it would have alone. Throws what
  // the store threw (StoreError, StoreUnavailable): that event was not
  // committed. Throws std::logic_error when called from the committer thread
  // (a notification sink or a change subscriber), which would wait on itself.
  Outcome fire(const std::string& case_id, const EventRequest& request);
  // The same without waiting: the future is ready after the commit.
  std::future<Outcome> submit(std::string case_id, EventRequest request);
  // Runs `work` on the committer thread between two commits (open cases,
  // advance_to, queries); the future is ready when it has run.
  std::future<void> post(std::function<void(Engine&)> work);

  CommitQueueStats stats() const;

 private:
  struct Pending {
    std::pair<std::string, EventRequest> event;
    std::promise<Outcome> done;
  };
  void run();
  void commit(std::vector<Pending>& batch);
  void check_caller() const;

  Engine& engine_;
  CommitQueueOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Pending> events_;
  std::deque<std::packaged_task<void(Engine&)>> work_;
  CommitQueueStats stats_;
  bool stopping_ = false;
  std::thread committer_;  // last: started once everything above exists
};

}  // namespace izin

#pragma GCC visibility pop
