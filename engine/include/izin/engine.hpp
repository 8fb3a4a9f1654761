// The engine: opens cases, takes events, fires deadlines.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/case.hpp"
#include "izin/case_view.hpp"
#include "izin/clock.hpp"
#include "izin/outcome.hpp"
#include "izin/procedure.hpp"
#include "izin/store.hpp"

namespace izin {

// Field values as given by a caller, by field id; checked against the procedure.
using DataInput = std::vector<std::pair<std::string, Value>>;

// A request to open a case.
struct OpenRequest {
  std::string procedure;         // id; the newest version is used
  DataInput data;
  std::vector<std::string> documents;
  Actor actor{"system", "system"};
  std::string case_id;           // empty: the store allocates one
};

// An event fired on a case by a person.
struct EventRequest {
  std::string event;
  Actor actor;
  DataInput data;                   // applied before guards and requirements
  std::vector<std::string> documents;  // newly submitted
  std::string key;                  // idempotency key; empty when none
};

// Where escalations go (e-mail, SMS, a dashboard …).
class NotificationSink {
 public:
  virtual ~NotificationSink() = default;
  virtual void notify(const Notification& n) = 0;
};

// The SLA promise of a case, as of an instant.
struct SlaStatus {
  bool declared = false;          // the procedure has an `sla`
  bool started = false;           // the clock has started
  std::optional<Date> due;        // last local working day of the promise
  int working_days_used = 0;      // clock running, up to the instant
  bool paused = false;            // in a `clock paused` state now
  bool breached = false;          // past due and not closed in time
  bool provisional = false;       // due counted (or paused days counted) over days the calendar does not cover
};

// An event the case's current state takes, and who may fire it.
struct AvailableEvent {
  std::string event;
  std::vector<std::string> roles;  // role ids, in file order; empty: any role
  friend bool operator==(const AvailableEvent&, const AvailableEvent&) = default;
};

// Runs cases through procedures. Reads time only from its Clock, keeps
// cases in its Store, and never changes a case when an event is refused.
class Engine {
 public:
  Engine(const Clock& clock, Store& store, Language lang = Language::English);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  void set_notification_sink(NotificationSink* sink);
  // How many cases the engine keeps decoded in memory between calls (about
  // 1.5–3 KB each), so their next event does not reload them from the store.
  // Default kDefaultCaseCache; raise it when many more cases than that get
  // events in turn on a store that reloads slowly (SQLite, PostgreSQL).
  void set_case_cache(std::size_t cases);
  static constexpr std::size_t kDefaultCaseCache = 16384;

  // Registers a procedure version and saves its source in the store. New
  // cases use the newest version; open cases keep theirs.
  void add_procedure(ProcedurePtr procedure);
  // Adds a calendar, or replaces one while cases are open: their pending
  // deadlines are recomputed and each move is recorded in their history.
  // The calendar becomes the one in force and is kept in the store, so a
  // later engine on the same store can replay and re-project with it.
  std::vector<Outcome> set_calendar(CalendarPtr calendar);
  // Registers every calendar version kept in the store (for replay) and puts
  // the last one in force of each id back in force, without re-projecting:
  // a fresh engine then sees a changed calendar file as a change. Returns
  // those in force. Throws StoreError when a kept version does not decode.
  std::vector<CalendarPtr> restore_calendars();
  // The calendar in force with this id, or nullptr.
  CalendarPtr calendar(std::string_view id) const;

  // A version (0 = newest), or nullptr.
  ProcedurePtr procedure(std::string_view id, int version = 0) const;
  std::vector<ProcedurePtr> procedures() const;

  // Opens a case at clock.now().
  Outcome open(const OpenRequest& request);
  // Fires an event at clock.now(), after any deadline due by then; refused
  // (ClockBehind) when now is before the case's last history record.
  Outcome fire(const std::string& case_id, const EventRequest& request);
  // The same, into `outcome`, whose strings and vectors are reused: a desk
  // firing in a loop with one Outcome allocates nothing for the result.
  // Left as it was when fire throws.
  void fire(const std::string& case_id, const EventRequest& request, Outcome& outcome);
  // Fires many events in one store transaction (group commit).
  std::vector<Outcome> fire_batch(const std::vector<std::pair<std::string, EventRequest>>& events);
  // Fires every deadline due at or before t, across all cases, in time order.
  // A t later than clock.now() is clamped to now, so history stays in time order.
  // On a store several nodes share, due cases are claimed kClaimBatch at a
  // time (Store::claim_due), so the nodes split a burst; time order then holds
  // within each batch, and a node killed while holding claims delays their
  // deadlines by kClaimLease at most.
  std::vector<Outcome> advance_to(Instant t);
  static constexpr std::size_t kClaimBatch = 500;
  static constexpr std::chrono::seconds kClaimLease{30};

  std::optional<Case> find(const std::string& case_id);
  // The case rebuilt from its journal alone (for verification).
  // Throws DamagedCaseError naming the journal row that cannot be read.
  std::optional<Case> replay(const std::string& case_id);
  // Rebuilds a quarantined case's stored snapshot and history from its
  // intact journal; false when the case has no journal. Throws
  // DamagedCaseError when the journal itself is damaged.
  bool repair(const std::string& case_id);

  SlaStatus sla(const Case& c, Instant at) const;
  std::vector<FeeValue> fees(const Case& c) const;
  // The events the case's state takes now, in file order, each with the roles
  // that may fire it (for front ends; guards and documents are checked on fire).
  std::vector<AvailableEvent> available_events(const Case& c) const;
  // The case in its procedure's names; throws std::invalid_argument when its
  // procedure version is not registered.
  CaseView view(const Case& c) const;

  // One page of the store's cases matching `query`, with `role` (some event of
  // the case's state names it, or names no role) and `field` resolved against
  // every registered version. Throws QueryError for a role or field that no
  // registered procedure declares, a value that cannot be in that field, or a cursor not issued.
  CasePage find_cases(const CaseQuery& query) const;
  // Open cases the role may act on now: earliest pending deadline first,
  // cases without one last, ties by id; paged like find_cases. The total
  // counts up to kWorklistCountUpto (total_capped when more wait).
  static constexpr std::size_t kWorklistCountUpto = 10'000;
  CasePage worklist(const std::string& role, std::size_t limit = 50, const std::string& cursor = "") const;

  // The calendar the case's procedure runs on now (Monday–Friday UTC when it
  // names none), so front ends show its instants in the office's local time;
  // nullptr when the case's version or its calendar is unknown.
  CalendarPtr calendar(const Case& c) const;

  // --- The notification outbox and the change feed (docs/engine.md) --------
  // Notifications are kept in the store with the change that raised them and
  // handed to the sink right after that commit; a sink that throws leaves them
  // undelivered, to be retried here. Delivery is at least once: receivers drop
  // a Notification::id they have seen.

  // Tries the undelivered notifications due at clock.now(), at most `max`,
  // earliest due first, and records each try: delivered (with the instant) or
  // failed (attempts + 1, the error text, next try 1 min after, doubling each
  // failure, at most 1 h). Tries nothing without a sink. A throwing sink never
  // makes it throw; a store that cannot record the tries throws StoreError
  // (those tried stay undelivered and will be tried again).
  std::vector<DeliveryAttempt> deliver_notifications(std::size_t max = 100);
  // Notifications not delivered yet, oldest commit first, at most `max`.
  std::vector<OutboxNotification> undelivered_notifications(std::size_t max = 100);
  // Calls `callback` once per change this engine commits (opens, accepted
  // events, advances, calendar moves), after the commit, in commit order;
  // each carries the store-wide sequence that Store::changes_since continues
  // from. An exception from a callback is caught and dropped: the commit
  // stands, the call returns its outcomes, and the other callbacks still run.
  // Returns the id unsubscribe takes.
  std::size_t subscribe(std::function<void(const Change&)> callback);
  void unsubscribe(std::size_t subscription);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace izin

#pragma GCC visibility pop
