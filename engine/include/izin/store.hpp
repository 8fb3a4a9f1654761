// Where cases, their journals and procedure sources are kept.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "izin/case.hpp"
#include "izin/outcome.hpp"
#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin {

// The store could not do what was asked (corrupt file, newer schema, disk
// full, locked too long, read-only). The message names the file and what to do.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Another process changed the case since it was read; nothing was written.
struct ConflictError : StoreError {
  using StoreError::StoreError;
};

// One case the store cannot read back: a damaged snapshot, history or
// journal row. Such a case is quarantined; every other case keeps working.
struct DamagedCase {
  std::string case_id;
  std::string where;    // the row: "cases row", "history row 3", "journal row 2"
  std::string problem;  // what is wrong with it
  friend bool operator==(const DamagedCase&, const DamagedCase&) = default;
};

// Reading one case met a damaged row; only that case is affected.
struct DamagedCaseError : StoreError {
  DamagedCaseError(DamagedCase what_is_damaged, const std::string& message)
      : StoreError(message), damage(std::move(what_is_damaged)) {}
  DamagedCase damage;
};

// One input to a case, as journaled. Replaying a case's entries through the
// engine, in sequence order, rebuilds the case exactly.
struct JournalEntry {
  enum class Kind : std::uint8_t { Open, Fire, Advance, Calendar };
  std::uint64_t sequence = 0;  // per case, from 1, no gaps
  Instant at;
  Kind kind = Kind::Fire;
  Actor actor;
  std::string event;    // Fire: event name; Calendar: calendar id
  std::string payload;  // JSON: the request (data, documents, version …)
  std::string result;   // JSON: the Outcome
  std::string key;      // idempotency key; empty when none
  bool accepted = true;
  friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

// The exact text of one procedure version, kept forever.
struct ProcedureSource {
  std::string id;
  int version = 0;
  std::string file;
  std::string source;
  std::string hash;
  friend bool operator==(const ProcedureSource&, const ProcedureSource&) = default;
};

// One calendar version cases were computed on, as the engine journals it
// (canonical JSON), kept so a later run can replay and re-project them.
struct CalendarSource {
  std::string id;    // calendar id ("belu")
  std::string hash;  // fingerprint of text; one row per distinct text
  std::string text;  // canonical JSON
  friend bool operator==(const CalendarSource&, const CalendarSource&) = default;
};

// One case change to write: the journal entry and the case after it.
// Refused events are journaled too, with `after` equal to the case before.
struct CaseCommit {
  Case after;
  std::uint64_t expected_revision = 0;  // revision the change was computed on; 0 for open
  JournalEntry entry;
  std::optional<Instant> next_due;      // earliest pending deadline after the change
  // Escalations the change raised, ids set: kept in the outbox in the same transaction.
  std::vector<Notification> notifications{};
};

// --- The notification outbox and the change feed -------------------------

// A notification kept in the outbox until a sink has taken it.
struct OutboxNotification {
  Notification notification;              // its id is the delivery id
  std::uint32_t attempts = 0;             // failed tries so far
  std::string last_error{};               // what the sink said on the last failed try
  Instant next_attempt{};                 // not delivered: due for a try at or after this
  std::optional<Instant> delivered_at{};  // set once a sink took it
  friend bool operator==(const OutboxNotification&, const OutboxNotification&) = default;
};

// One try at handing a notification to the sink, as the outbox records it.
struct DeliveryAttempt {
  std::string id;          // Notification::id
  Instant at{};            // when it was tried
  bool delivered = false;
  std::string error{};     // not delivered: the sink's exception text
  Instant next_attempt{};  // not delivered: when it is due again
  friend bool operator==(const DeliveryAttempt&, const DeliveryAttempt&) = default;
};

// One committed case change (its revision advanced), numbered store-wide.
struct Change {
  std::uint64_t sequence = 0;  // strictly increasing over the whole store, across processes
  std::string case_id;
  std::uint64_t revision = 0;  // the case's revision after the change
  JournalEntry::Kind kind = JournalEntry::Kind::Fire;
  Instant at{};                // the journal entry's instant
  friend bool operator==(const Change&, const Change&) = default;
};

// --------------------------------------------------------------------------

// Which cases to list.
struct CaseFilter {
  std::string procedure;  // empty: all
  std::string state;      // empty: all
  bool open_only = false;
};

// One state of one procedure version ("pbg", 3, "verifikasi").
struct StateRef {
  std::string procedure;
  int version = 0;
  std::string state;  // state id
  friend bool operator==(const StateRef&, const StateRef&) = default;
};

// Where a data field sits in one procedure version (Case::data index).
struct FieldSlot {
  std::string procedure;
  int version = 0;
  int index = -1;
  friend bool operator==(const FieldSlot&, const FieldSlot&) = default;
};

// How a page of cases is ordered; ties always go by case id.
enum class CaseOrder : std::uint8_t {
  ById,       // case id ascending
  ByNextDue,  // earliest pending deadline first, cases without one last
};

// Which cases to find, and which page of them. Every set criterion must hold.
// Ranges are half-open: from <= t < before.
struct CaseQuery {
  std::string procedure;            // procedure id; empty: all
  std::vector<std::string> states;  // state ids; empty: all
  enum class Status : std::uint8_t { Any, Open, Closed } status = Status::Any;
  std::optional<Instant> opened_from, opened_before;
  std::optional<Instant> closed_from, closed_before;  // closed cases only
  std::optional<Instant> overdue_at;  // a pending deadline is due at or before it
  std::string field;                  // a data field id; empty: no data criterion
  Value equals;                       // … whose value equals this
  std::string role;                   // a role id that may act now; empty: any

  // The names above that need procedure models, resolved by Engine::find_cases
  // (a Store refuses `role` or `field` without them):
  std::optional<std::vector<StateRef>> in_states;    // the case's (procedure, version, state) is one of these
  std::optional<std::vector<FieldSlot>> field_slots;  // where `field` is in each version; no slot: no match

  CaseOrder order = CaseOrder::ById;
  std::size_t limit = 50;  // cases per page; 0 counts only
  // Stop counting matches past this many (a worklist of a million open cases
  // needs "10,000 or more", not the exact figure, on every page).
  std::optional<std::size_t> count_upto;
  std::string cursor;      // empty: the first page; else a next_cursor of the same query
};

// One case as a listing shows it: no data, no history.
struct CaseSummary {
  std::string id;
  std::string procedure;
  int version = 0;
  std::string state;  // state id
  Instant opened_at;
  bool closed = false;
  std::optional<Instant> closed_at;  // when it entered its final state
  std::string outcome;               // of the final state; empty while open
  std::optional<Instant> next_due;   // earliest pending deadline
  std::uint64_t revision = 0;
  friend bool operator==(const CaseSummary&, const CaseSummary&) = default;
};

// One page of a query.
struct CasePage {
  std::vector<CaseSummary> cases;
  std::string next_cursor;  // pass it back for the next page; empty: this was the last
  std::size_t total = 0;    // every case matching the query, on all pages
  bool total_capped = false;  // more than the query's count_upto match: total is count_upto
};

// A case with a pending deadline and when the earliest one falls due.
struct DueCase {
  std::string case_id;
  Instant due;
  friend bool operator==(const DueCase&, const DueCase&) = default;
};

// A query the store cannot run as given: an unknown cursor, an unresolved role or field.
struct QueryError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The persistence boundary (ninja's DiskInterface, for cases). Memory for
// tests, SQLite as the embedded default; both pass the same test suite.
class Store {
 public:
  virtual ~Store() = default;

  // Keeps a procedure version's source; the same id+version twice is a no-op
  // that does not write (so a read-only run that registers procedures never waits for a lock).
  virtual void save_procedure(const ProcedureSource& source) = 0;
  virtual std::vector<ProcedureSource> load_procedures() = 0;

  // Keeps a calendar version and makes it the one in force for its id
  // (saving a known hash again only makes it current again).
  virtual void save_calendar(const CalendarSource& source) = 0;
  // Every kept calendar version, least recently made current first: the
  // last of each id is the one in force.
  virtual std::vector<CalendarSource> load_calendars() = 0;

  // A fresh case id for the procedure, unique in this store ("pbg-000001").
  virtual std::string allocate_case_id(const std::string& procedure) = 0;
  // The case, or nullopt; throws DamagedCaseError when its rows are damaged.
  virtual std::optional<Case> load_case(const std::string& id) = 0;
  // load_case into `out`, which may hold an earlier case: false (and `out`
  // unspecified) when there is none. A store that keeps cases in memory
  // copies into out's buffers, so the engine's cache reloads without
  // allocating. The default moves load_case's result in.
  virtual bool load_case_into(const std::string& id, Case& out);
  // Matching cases by id; damaged (quarantined) cases are left out, see damaged_cases().
  virtual std::vector<Case> load_cases(const CaseFilter& filter) = 0;

  // Writes every commit of the batch in one transaction, or none of them.
  // Throws ConflictError when a case's stored revision differs from
  // expected_revision (or an open's id exists), StoreError on I/O failure.
  virtual void commit(const std::vector<CaseCommit>& batch) = 0;

  // Ids of cases with a pending deadline due at or before `upto`, earliest first.
  virtual std::vector<std::string> due_cases(Instant upto) = 0;
  // Due cases (as due_cases) for this handle to advance, which no handle gets
  // again until `lease` has passed (so a killed node delays them by the lease
  // at most); at most `limit` where several handles share the cases. The
  // default, for a store one process writes, claims nothing and gives every due case.
  virtual std::vector<std::string> claim_due(Instant upto, std::size_t limit, std::chrono::seconds lease);
  // One page of the cases matching `query`, with the count of all matches.
  // Walking next_cursor visits every match exactly once (ById: even when
  // cases change between pages). Throws QueryError for a cursor it did not
  // issue, or `role`/`field` left unresolved. The default reads load_cases.
  virtual CasePage query_cases(const CaseQuery& query);
  // Cases with a pending deadline due at or before `upto`, earliest first
  // (ties by id), at most `limit` of them. The default reads due_cases and load_case.
  virtual std::vector<DueCase> due(Instant upto, std::size_t limit);
  // The case's journal; throws DamagedCaseError when a row cannot be read.
  virtual std::vector<JournalEntry> journal(const std::string& case_id) = 0;
  // The journaled entry with this idempotency key, if any.
  virtual std::optional<JournalEntry> find_key(const std::string& case_id,
                                               const std::string& key) = 0;

  // Every quarantined case with its first damaged row, by case id (reads every row).
  virtual std::vector<DamagedCase> damaged_cases() = 0;
  // Replaces a stored case's snapshot, history and due time with `rebuilt`
  // (replayed from its intact journal); the journal is not touched. Throws
  // StoreError when the case does not exist.
  virtual void repair_case(const Case& rebuilt, std::optional<Instant> next_due) = 0;

  // --- The notification outbox and the change feed ------------------------
  // commit() keeps each CaseCommit's notifications (undelivered, due at their
  // instant) and numbers each commit that advanced a case's revision.

  // Undelivered notifications due for a try at or before `at`, earliest due first.
  virtual std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) = 0;
  // Every undelivered notification, in the order they were committed.
  virtual std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) = 0;
  // The outbox entry with this delivery id, delivered or not.
  virtual std::optional<OutboxNotification> find_notification(const std::string& id) = 0;
  // Every notification the case raised, delivered or not, in the order raised.
  // The default reads the case's history and looks each escalation up.
  virtual std::vector<OutboxNotification> case_notifications(const std::string& case_id);
  // Records tries in one transaction: delivered ones are marked with their
  // instant; failed ones count an attempt and wait for next_attempt. A try on
  // an unknown or already delivered id changes nothing.
  virtual void record_deliveries(const std::vector<DeliveryAttempt>& attempts) = 0;
  // Committed changes with a sequence greater than `after`, in sequence order.
  virtual std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) = 0;
  // The changes the last successful commit() through this handle numbered, in order.
  virtual std::vector<Change> last_commit_changes() = 0;
};

// Keeps everything in process memory; for tests and benchmarks.
std::unique_ptr<Store> make_memory_store();

// The SQLite store (open_sqlite_store) is declared in izin/sqlite_store.hpp,
// beside the engine in its own library, izin_sqlite.

}  // namespace izin

#pragma GCC visibility pop
