// The engine's private state: registered procedures and calendars, the
// store, and a cache of live cases so the hot path does not reload them.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine_runtime.hpp"
#include "izin/engine.hpp"

namespace izin {

// A case the engine holds in memory. Journal entries are written with
// sequence 0: the store numbers them (store_rules.hpp), so a cached case
// needs no journal read.
struct LiveCase {
  Case c;
};

// Hashes a std::string and a std::string_view alike: looking a case up by a view allocates nothing.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
};

// Work in progress of one fire or fire_batch: commits queued, keys seen,
// what to return. The engine reuses one between calls (its capacity kept).
struct FireBatch {
  Instant at;
  std::vector<CaseCommit> commits;
  std::pmr::unsynchronized_pool_resource pool;  // the map's nodes, kept for the next call
  // case id (the caller's string, alive for the call) → its newest commit
  std::pmr::map<std::string_view, std::size_t> last_commit{&pool};
  // (case, key) → outcome index and the request's comparable text (same_request)
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::string>> keys;
  std::vector<Outcome> outcomes;  // kept by reset(): the next call fills them again
  std::vector<Notification> notifications;
  // The last call's journal payloads, emptied, for this call's entries to write into.
  std::vector<std::string> texts;
  // Empties it for the next call, keeping what it allocated.
  void reset();
  // A recycled payload buffer, or a new one.
  std::string text();
};

struct Engine::Impl {
  Impl(const Clock& clock_, Store& store_, Language lang_);

  const Clock& clock;
  Store& store;
  Language lang;
  NotificationSink* sink = nullptr;
  std::map<std::string, std::vector<ProcedurePtr>, std::less<>> procedures;  // by id, oldest version first
  std::map<std::string, CalendarPtr, std::less<>> calendars;                 // current, by id
  std::map<std::string, std::string, std::less<>> calendar_texts;            // current JSON, by id
  std::map<std::string, std::string, std::less<>> calendar_prints;           // fingerprint of that JSON, by id
  std::map<std::string, CalendarPtr, std::less<>> calendar_versions;         // every one seen, by fingerprint
  CalendarPtr fallback;                          // Mon–Fri UTC, for procedures without `calendar`
  std::unordered_map<std::string, LiveCase, IdHash, std::equal_to<>> cache;
  std::size_t cache_limit = Engine::kDefaultCaseCache;  // cases kept in memory between calls
  using CacheNode = decltype(cache)::node_type;
  // Cases trim_cache dropped, kept (at most cache_limit / 2) so the next ones
  // cached reuse their nodes and buffers instead of allocating afresh.
  std::vector<CacheNode> dropped;
  FireBatch spare;            // the batch of a call, unless a subscriber fires from inside one
  bool spare_taken = false;
  class BatchLease;           // hands a call the spare batch, or its own (engine_fire.cpp)

  // A version of a procedure (0 = newest), or nullptr.
  const Procedure* find_procedure(std::string_view id, int version) const;
  // The calendar a procedure runs on now; throws std::logic_error when the
  // procedure names a calendar the engine was never given.
  const WorkingDayCalendar& calendar_for(const Procedure& p) const;
  // Fingerprint of the calendar a procedure runs on now.
  const std::string& calendar_print(const Procedure& p) const;
  // The case from the cache or the store; nullptr when there is none.
  LiveCase* live(const std::string& id);
  // Halves the cache when it grew past its limit (only between calls).
  void trim_cache();
  // The cache's slot for a case, made from a dropped one when it is not cached.
  LiveCase& slot(const std::string& id);
  // Writes a batch; on any failure forgets the cached cases it touched and
  // rethrows. Returns the changes the store numbered, for announce (none without subscribers).
  std::vector<Change> commit(std::vector<CaseCommit>& batch);
  // Moves committed cases back into the cache after a successful commit.
  void restore(std::vector<CaseCommit>& batch);
  // Fills `o` with what a step did to its case since history index `start`,
  // reusing o's strings and vectors (a caller firing in a loop allocates nothing for it).
  void describe(const detail::Step& s, std::size_t start, const std::string& from, Outcome& o) const;
  // Fires events; one store commit for all of them. The outcomes are left in b.outcomes.
  void fire_all(std::span<const std::pair<const std::string*, const EventRequest*>> events, FireBatch& b);
  // fire_all for each event on its own, after a batch failed as a whole.
  void fire_each(std::span<const std::pair<const std::string*, const EventRequest*>> events, FireBatch& b);
  // Fires one event of a batch at the batch's instant, queuing its commit.
  // Its outcome is b.outcomes[index].
  void fire_in(FireBatch& b, const std::string& id, const EventRequest& req, std::size_t index);
  // One attempt of fire_all; throws ConflictError when another process won.
  void try_fire_all(std::span<const std::pair<const std::string*, const EventRequest*>> events, FireBatch& b);
  // Re-projects the open cases on calendar `id` onto the version now in
  // force (`before`: the one replaced, for cases that do not record theirs).
  std::vector<Outcome> recalendar(const std::string& id, const WorkingDayCalendar& before);
  // Brings a case onto the version of its calendar now in force, when it is
  // on another (set by another process, or before this engine started): its
  // pending deadlines are re-projected, stamped at `at` (never before its
  // last record), and a Calendar entry is journaled so replay does the same.
  // `before` serves cases that do not record their version. nullopt when
  // the case is on it already, closed, or its version is unknown.
  std::optional<CaseCommit> align_calendar(Case& c, const Procedure& p, Instant at,
                                           const WorkingDayCalendar* before = nullptr);
  // A calendar version by fingerprint, from the engine or the store; nullptr when neither has it.
  CalendarPtr calendar_version(const std::string& print);
  // A case rebuilt from its journal entries alone.
  Case rebuild(const std::vector<JournalEntry>& entries) const;
  // One attempt of advance_to over these due cases; damaged ones are skipped.
  std::vector<Outcome> try_advance(Instant t, const std::vector<std::string>& ids);
  std::vector<Outcome> advance_batch(Instant t, const std::vector<std::string>& ids);
  // Whether a case with this id is stored (a damaged one counts).
  bool case_exists(const std::string& id);

  // --- The outbox and the change feed (engine_outbox.cpp) ---
  std::map<std::size_t, std::function<void(const Change&)>> subscribers;  // by subscription id
  std::size_t next_subscription = 1;
  std::deque<Change> unpublished;  // committed, not yet handed to every subscriber
  bool publishing = false;         // a subscriber is running (it may commit again)
  // After a successful commit (and restore): tells subscribers, then delivers
  // what the commit put in the outbox. Never throws.
  void announce(const std::vector<Change>& changes, const std::vector<Notification>& notes);
  // Hands the changes to every subscriber, in commit order, once each.
  void publish(const std::vector<Change>& changes);
  // Hands each notification to the sink and records the tries; `failed`
  // gives the attempts each already had (absent: none).
  std::vector<DeliveryAttempt> try_deliver(const std::vector<Notification>& notes,
                                           const std::vector<std::uint32_t>& failed);
};

}  // namespace izin
