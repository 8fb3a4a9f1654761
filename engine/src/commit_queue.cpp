// The commit queue: callers enqueue, one committer thread drains the queue
// into Engine::fire_batch and hands each caller its own outcome.
#include "izin/commit_queue.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <stdexcept>

namespace izin {

CommitQueue::CommitQueue(Engine& engine, CommitQueueOptions options)
    : engine_(engine), options_{std::max<std::size_t>(options.max_batch, 1)}, committer_([this] { run(); }) {}

CommitQueue::~CommitQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_one();
  committer_.join();
}

void CommitQueue::check_caller() const {
  if (std::this_thread::get_id() == committer_.get_id())
    throw std::logic_error("CommitQueue: called from its own committer thread (a notification sink or a change "
                           "subscriber); it would wait for itself. Use the Engine given to the callback's owner instead");
}

std::future<Outcome> CommitQueue::submit(std::string case_id, EventRequest request) {
  check_caller();
  Pending p{{std::move(case_id), std::move(request)}, {}};
  std::future<Outcome> done = p.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::logic_error("CommitQueue: submit after the queue began stopping");
    events_.push_back(std::move(p));
  }
  ready_.notify_one();
  return done;
}

Outcome CommitQueue::fire(const std::string& case_id, const EventRequest& request) {
  return submit(case_id, request).get();
}

std::future<void> CommitQueue::post(std::function<void(Engine&)> work) {
  check_caller();
  std::packaged_task<void(Engine&)> task(std::move(work));
  std::future<void> done = task.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::logic_error("CommitQueue: post after the queue began stopping");
    work_.push_back(std::move(task));
  }
  ready_.notify_one();
  return done;
}

CommitQueueStats CommitQueue::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void CommitQueue::run() {
  std::vector<Pending> batch;
  for (;;) {
    std::deque<std::packaged_task<void(Engine&)>> work;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return !events_.empty() || !work_.empty() || stopping_; });
      if (events_.empty() && work_.empty()) return;  // stopping, and nothing is left
      // Everything that arrived during the last commit goes into this one.
      const auto n = static_cast<std::ptrdiff_t>(std::min(events_.size(), options_.max_batch));
      batch.assign(std::make_move_iterator(events_.begin()), std::make_move_iterator(events_.begin() + n));
      events_.erase(events_.begin(), events_.begin() + n);
      work.swap(work_);
    }
    for (auto& task : work) task(engine_);  // a throwing task stores its exception in its future
    if (!batch.empty()) commit(batch);
    batch.clear();
  }
}

void CommitQueue::commit(std::vector<Pending>& batch) {
  std::vector<std::pair<std::string, EventRequest>> events;
  events.reserve(batch.size());
  for (Pending& p : batch) events.push_back(std::move(p.event));
  std::vector<Outcome> outcomes;
  std::exception_ptr failed;  // the store's: nothing of the batch was committed, and every caller hears why
  try {
    outcomes = engine_.fire_batch(events);
  } catch (...) {
    failed = std::current_exception();
  }
  {
    // Counted before anyone is answered: a caller that returns sees its event in the stats.
    std::lock_guard lock(mutex_);
    stats_.events += batch.size();
    ++stats_.commits;
    stats_.largest_batch = std::max(stats_.largest_batch, batch.size());
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (failed) batch[i].done.set_exception(failed);
    else batch[i].done.set_value(std::move(outcomes[i]));
  }
}

}  // namespace izin
