// Where cases, their journals and procedure sources are kept.
#pragma once

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
  // Matching cases by id; damaged (quarantined) cases are left out, see damaged_cases().
  virtual std::vector<Case> load_cases(const CaseFilter& filter) = 0;

  // Writes every commit of the batch in one transaction, or none of them.
  // Throws ConflictError when a case's stored revision differs from
  // expected_revision (or an open's id exists), StoreError on I/O failure.
  virtual void commit(const std::vector<CaseCommit>& batch) = 0;

  // Ids of cases with a pending deadline due at or before `upto`, earliest first.
  virtual std::vector<std::string> due_cases(Instant upto) = 0;
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

// Options of the SQLite store.
struct SqliteOptions {
  bool synchronous_full = true;  // FULL: an acknowledged event survives power loss;
                                 // NORMAL: faster, may lose the last events on power loss
  int busy_timeout_ms = 5000;    // how long to wait for a lock held by another process
  bool read_only = false;        // open for reading only: never writes, never waits for the write lock
  bool create_missing = true;    // a path where no file exists becomes a new izin database
  bool adopt_empty = false;      // an existing empty file (0 bytes, or SQLite without tables) becomes one
};

// The embedded default: one SQLite file in WAL mode. Throws StoreError
// naming the file when it cannot be opened or is not an izin database.
// The file is identified (application id, schema) before anything is
// written to it, the switch to WAL included: a file that is not ours is
// refused unchanged.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options = {});

// Copies the izin database at `path` into a new single file `to` (SQLite's
// online backup, consistent while others write; no -wal beside it). Throws
// StoreError when `to` exists or `path` is not an izin database.
void backup_sqlite_store(const std::string& path, const std::string& to);

// Replaces the contents of the izin database at `path` (created when absent)
// with the backup `from`, through SQLite, so no stale -wal can be replayed
// onto it; leaves no -wal behind. Throws StoreError, changing nothing, when
// `from` or an existing `path` is not an izin database.
void restore_sqlite_store(const std::string& from, const std::string& path);

}  // namespace izin
