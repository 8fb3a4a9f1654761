// Firing events on cases, alone or in a batch with one store commit.
#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "engine_impl.hpp"
#include "engine_journal.hpp"
#include "izin/utf8.hpp"
#include "refusal.hpp"

namespace izin {

namespace {
// A refused outcome that touched no case.
Outcome refused(const std::string& case_id, Refusal r) {
  Outcome o;
  o.case_id = case_id;
  o.refusal = std::move(r);
  return o;
}

// Leaves the batch with one outcome: its only event, refused.
void refuse_alone(FireBatch& b, const std::string& case_id, Refusal r) {
  b.reset();
  b.outcomes.assign(1, refused(case_id, std::move(r)));
}

// What makes two requests under one key the same (event, role, data,
// documents; not the user, the key or the instant), as comparable text.
std::string request_text(EventRequest r) {
  r.actor.user.clear();
  r.key.clear();
  std::sort(r.data.begin(), r.data.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(r.documents.begin(), r.documents.end());
  return detail::encode_event(r);
}

// The first result of a repeated idempotency key, from this batch or the
// journal; a refusal (key_reused) when the key came with another request.
std::optional<Outcome> repeat(Store& store, FireBatch& b, const std::string& id, const EventRequest& req, Language lang) {
  if (req.key.empty()) return std::nullopt;
  std::optional<Outcome> first;
  std::string first_request;
  if (const auto it = b.keys.find({id, req.key}); it != b.keys.end()) {
    first = b.outcomes[it->second.first];
    first_request = it->second.second;
  } else if (const auto e = store.find_key(id, req.key)) {
    first = detail::decode_outcome(e->result);
    first_request = request_text(detail::decode_event(e->payload));
  }
  if (!first) return std::nullopt;
  if (first_request != request_text(req)) return refused(id, detail::refuse_key_reused(id, req.key, lang));
  first->repeated = true;
  return first;
}
}  // namespace

void Engine::Impl::fire_in(FireBatch& b, const std::string& id, const EventRequest& req, std::size_t index) {
  Outcome& o = b.outcomes[index];
  // Checked first: a key, event or data that is not UTF-8 could be neither looked up nor journaled.
  if (const auto what = detail::invalid_text(id, req, lang)) {
    o = refused(first_invalid_utf8(id) ? std::string() : id, detail::refuse_invalid_text(*what, lang));
    return;
  }
  if (auto first = repeat(store, b, id, req, lang)) {
    o = std::move(*first);
    return;
  }
  LiveCase* lc = live(id);
  if (!lc) {
    o = refused(id, detail::refuse_unknown_case(id, lang));
    return;
  }
  const Procedure* p = find_procedure(lc->c.procedure, lc->c.version);
  if (!p) throw std::logic_error("case " + id + " needs procedure " + lc->c.procedure + " version " +
                                 std::to_string(lc->c.version) + ", which the engine was not given");
  // A case fired twice in one batch: its earlier commit keeps a snapshot.
  if (const auto it = b.last_commit.find(id); it != b.last_commit.end()) b.commits[it->second].after = lc->c;
  const std::size_t start = lc->c.history.size();
  // Stamped at its last record, so deadlines due since still fire at their own instants.
  if (auto aligned = align_calendar(lc->c, *p, Instant{})) {
    b.commits.push_back(std::move(*aligned));
    b.last_commit[id] = b.commits.size() - 1;
  }
  detail::Step s{*p, calendar_for(*p), lc->c, lang, {}, false};
  const std::string& from = p->states[static_cast<std::size_t>(lc->c.state)].id;  // the procedure outlives the call
  const std::uint64_t expected = lc->c.revision;
  std::optional<Refusal> refusal = detail::take_event(s, req, b.at);
  if (s.changed) ++lc->c.revision;
  describe(s, start, from, o);
  o.accepted = !refusal;
  o.refusal = std::move(refusal);
  const bool keep_result = !req.key.empty() || !o.accepted;
  std::string payload = b.text();
  detail::encode_event(req, payload);
  JournalEntry e{0, b.at, JournalEntry::Kind::Fire, req.actor, req.event,
                 std::move(payload), keep_result ? detail::encode_outcome(o) : std::string(), req.key, o.accepted};
  b.commits.push_back(CaseCommit{Case{}, expected, std::move(e), detail::next_due(lc->c), s.notifications});
  b.last_commit[id] = b.commits.size() - 1;
  if (!req.key.empty()) b.keys[{id, req.key}] = {index, request_text(req)};
  b.notifications.insert(b.notifications.end(), s.notifications.begin(), s.notifications.end());
}

// The engine's spare batch for one call, or a fresh one when a call running
// further up the stack (a subscriber firing from inside it) holds the spare.
class Engine::Impl::BatchLease {
 public:
  explicit BatchLease(Impl& impl) : impl_(impl), spare_(!impl.spare_taken) {
    if (!spare_) {
      own_.emplace();
      return;
    }
    impl.spare_taken = true;
    impl.spare.reset();
  }
  ~BatchLease() {
    if (spare_) impl_.spare_taken = false;
  }
  BatchLease(const BatchLease&) = delete;
  BatchLease& operator=(const BatchLease&) = delete;
  FireBatch& batch() { return spare_ ? impl_.spare : *own_; }

 private:
  Impl& impl_;
  bool spare_;
  std::optional<FireBatch> own_;
};

void FireBatch::reset() {
  at = Instant{};
  constexpr std::size_t kKeptTexts = 64;  // a batch of thousands need not keep thousands
  for (CaseCommit& c : commits)
    if (texts.size() < kKeptTexts && c.entry.payload.capacity() > 0) texts.push_back(std::move(c.entry.payload));
  commits.clear();
  last_commit.clear();
  keys.clear();
  notifications.clear();
}

std::string FireBatch::text() {
  if (texts.empty()) return {};
  std::string t = std::move(texts.back());
  texts.pop_back();
  return t;
}

void Engine::Impl::try_fire_all(std::span<const std::pair<const std::string*, const EventRequest*>> events,
                                FireBatch& b) {
  b.reset();
  b.at = clock.now();
  b.outcomes.resize(events.size());
  try {
    for (std::size_t i = 0; i < events.size(); ++i) fire_in(b, *events[i].first, *events[i].second, i);
  } catch (...) {
    for (const auto& touched : b.last_commit)  // changed but never stored
      if (const auto it = cache.find(touched.first); it != cache.end()) cache.erase(it);
    throw;
  }
  for (const auto& [id, index] : b.last_commit) {
    const auto it = cache.find(id);
    if (it == cache.end()) throw std::logic_error("case " + std::string(id) + " left the cache while it was fired");
    b.commits[index].after = std::move(it->second.c);
  }
  std::vector<Change> changes;
  if (!b.commits.empty()) {
    changes = commit(b.commits);
    restore(b.commits);
  }
  announce(changes, b.notifications);
}

void Engine::Impl::fire_all(std::span<const std::pair<const std::string*, const EventRequest*>> events,
                            FireBatch& b) {
  trim_cache();
  // Another process may have changed a case we hold: the cache was dropped, try once more.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      return try_fire_all(events, b);
    } catch (const ConflictError&) {
    } catch (const std::out_of_range& e) {
      // A deadline past 9999-12-31: the batch was dropped unstored; only the event that caused it is refused.
      if (events.size() > 1) return fire_each(events, b);
      return refuse_alone(b, *events.front().first, detail::refuse_out_of_range(e.what(), lang));
    }
  }
  if (events.size() > 1) return fire_each(events, b);
  refuse_alone(b, *events.front().first, detail::refuse_conflict(*events.front().first, lang));
}

// A batch may carry unrelated callers' events (CommitQueue): one event's
// failure must not refuse the others, so each is fired alone, in order.
void Engine::Impl::fire_each(std::span<const std::pair<const std::string*, const EventRequest*>> events,
                             FireBatch& b) {
  b.reset();
  b.outcomes.clear();
  b.outcomes.reserve(events.size());
  for (const auto& event : events) {
    FireBatch one;
    fire_all({&event, 1}, one);
    b.outcomes.push_back(std::move(one.outcomes.front()));
  }
}

Outcome Engine::fire(const std::string& case_id, const EventRequest& request) {
  Outcome o;
  fire(case_id, request, o);
  return o;
}

void Engine::fire(const std::string& case_id, const EventRequest& request, Outcome& outcome) {
  const std::pair<const std::string*, const EventRequest*> one{&case_id, &request};
  Impl::BatchLease lease(*impl_);
  impl_->fire_all({&one, 1}, lease.batch());
  // Swapped, not copied: the batch keeps the caller's old outcome, whose buffers the next call fills.
  std::swap(outcome, lease.batch().outcomes.front());
}

std::vector<Outcome> Engine::fire_batch(const std::vector<std::pair<std::string, EventRequest>>& events) {
  std::vector<std::pair<const std::string*, const EventRequest*>> refs;
  refs.reserve(events.size());
  for (const auto& [id, req] : events) refs.emplace_back(&id, &req);
  Impl::BatchLease lease(*impl_);
  impl_->fire_all(refs, lease.batch());
  return std::move(lease.batch().outcomes);
}

}  // namespace izin
