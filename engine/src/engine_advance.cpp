// Time passing: every deadline due by an instant, across all cases, fired in
// global time order (ties by case id, then deadline index).
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>
#include <tuple>

#include "engine_impl.hpp"

namespace izin {

namespace {
// One case's share of an advance.
struct AdvanceWork {
  LiveCase* lc;
  std::unique_ptr<detail::Step> step;
  std::size_t start;  // history size before the advance
  std::string from;   // state before the advance
  std::uint64_t expected;
  bool held = false;  // a looping deadline waits for the next step
};

// The next deadline of a case, as the global queue orders it.
using DueItem = std::tuple<Instant, std::string, int>;
using DueQueue = std::priority_queue<DueItem, std::vector<DueItem>, std::greater<>>;

// Queues the case's earliest deadline when it is due by `t` and not held for the next step.
void queue_next(DueQueue& queue, const AdvanceWork& w, Instant t) {
  const Case& c = w.lc->c;
  if (!w.held && !c.closed && !c.pending.empty() && c.pending.front().due <= t)
    queue.emplace(c.pending.front().due, c.id, c.pending.front().deadline);
}
}  // namespace

std::vector<Outcome> Engine::Impl::try_advance(Instant t, const std::vector<std::string>& ids) {
  std::map<std::string, AdvanceWork> work;
  std::vector<std::string> order;  // cases in order of their first deadline
  std::vector<CaseCommit> aligned;  // cases brought onto the calendar version in force
  DueQueue queue;
  for (const std::string& id : ids) {
    LiveCase* lc = nullptr;
    try {
      lc = live(id);
    } catch (const DamagedCaseError&) {
      continue;  // quarantined: `izin doctor` lists it; the other cases must still advance
    }
    if (!lc || work.count(id)) continue;
    const Procedure* p = find_procedure(lc->c.procedure, lc->c.version);
    if (!p) continue;
    // On the calendar version in force first; stamped at its last record, so due deadlines keep their instants.
    if (auto a = align_calendar(lc->c, *p, Instant{})) aligned.push_back(std::move(*a));
    auto step = std::make_unique<detail::Step>(detail::Step{*p, calendar_for(*p), lc->c, lang, {}, false});
    const std::string from = p->states[static_cast<std::size_t>(lc->c.state)].id;
    const auto placed = work.emplace(id, AdvanceWork{lc, std::move(step), lc->c.history.size(), from, lc->c.revision});
    queue_next(queue, placed.first->second, t);
  }
  std::vector<Notification> notes;
  std::set<std::string> held;  // cases whose next deadline would fall past 9999-12-31: left as stored
  try {
    while (!queue.empty()) {
      const auto [due, id, index] = queue.top();
      queue.pop();
      AdvanceWork& w = work.at(id);
      if (w.lc->c.history.size() == w.start) order.push_back(id);
      const std::size_t sent = w.step->notifications.size();
      try {
        w.held = !detail::fire_due(*w.step, due, w.start);
      } catch (const std::out_of_range&) {
        held.insert(id);  // never stored half-moved: the store keeps its last good state
        continue;
      }
      notes.insert(notes.end(), w.step->notifications.begin() + static_cast<std::ptrdiff_t>(sent),
                   w.step->notifications.end());
      queue_next(queue, w, t);
    }
  } catch (...) {
    for (const auto& [id, w] : work) cache.erase(id);
    throw;
  }
  for (const std::string& id : held) cache.erase(id);
  std::erase_if(order, [&](const std::string& id) { return held.count(id) > 0; });
  std::erase_if(notes, [&](const Notification& n) { return held.count(n.case_id) > 0; });
  std::vector<Outcome> outcomes;
  std::vector<CaseCommit> commits = std::move(aligned);
  for (const std::string& id : order) {
    AdvanceWork& w = work.at(id);
    Case& c = w.lc->c;
    ++c.revision;
    Outcome o;
    describe(*w.step, w.start, w.from, o);
    o.accepted = true;
    outcomes.push_back(std::move(o));
    JournalEntry e{0, t, JournalEntry::Kind::Advance, Actor{"system", "system"}, "", "{}", "", "", true};
    const std::optional<Instant> due = detail::next_due(c);
    commits.push_back(CaseCommit{std::move(c), w.expected, std::move(e), due, w.step->notifications});
  }
  std::vector<Change> changes;
  if (!commits.empty()) {
    changes = commit(commits);
    restore(commits);
  }
  announce(changes, notes);
  return outcomes;
}

// One claimed batch: twice as a whole (another process may have changed a case
// we held, and the cache was dropped), then one case at a time, so a case
// another desk keeps changing costs only its own deadlines (left for the next tick).
std::vector<Outcome> Engine::Impl::advance_batch(Instant t, const std::vector<std::string>& ids) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      return try_advance(t, ids);
    } catch (const ConflictError&) {
    }
  }
  std::vector<Outcome> out;
  for (const std::string& id : ids) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        auto done = try_advance(t, {id});
        out.insert(out.end(), std::make_move_iterator(done.begin()), std::make_move_iterator(done.end()));
        break;
      } catch (const ConflictError&) {
      }
    }
  }
  return out;
}

std::vector<Outcome> Engine::advance_to(Instant t) {
  // Never past the clock: a deadline may not fire before its time, nor history run ahead of now.
  t = std::min(t, impl_->clock.now());
  impl_->trim_cache();
  std::vector<Outcome> out;
  std::set<std::string> tried;  // held, quarantined or still racing after a batch: left for the next tick
  for (;;) {
    std::vector<std::string> ids = impl_->store.claim_due(t, kClaimBatch, kClaimLease);
    std::erase_if(ids, [&](const std::string& id) { return !tried.insert(id).second; });
    if (ids.empty()) return out;
    auto done = impl_->advance_batch(t, ids);
    out.insert(out.end(), std::make_move_iterator(done.begin()), std::make_move_iterator(done.end()));
  }
}

}  // namespace izin
