// The SQLite Store: one file in WAL mode; a batch is one IMMEDIATE
// transaction; revisions are checked by the UPDATE itself.
#include "sqlite_store.hpp"

#include <filesystem>
#include <mutex>
#include <span>

#include <nlohmann/json.hpp>

#include "case_query.hpp"
#include "codec.hpp"
#include "engine_journal.hpp"
#include "sqlite_case_cache.hpp"
#include "sqlite_store_codec.hpp"
#include "sqlite_store_db.hpp"
#include "sqlite_store_outbox.hpp"
#include "sqlite_store_schema.hpp"
#include "store_rules.hpp"

namespace izin {
namespace {

using detail::SqliteQuery;

// Seconds since the epoch, as stored.
std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }
Instant instant(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

// Applies the connection settings: WAL, durability, foreign keys, size cap.
void configure(detail::SqliteDb& db, const SqliteOptions& options, std::int64_t max_page_count) {
  {
    SqliteQuery q(db, "PRAGMA journal_mode = WAL", "switching to WAL mode");
    if (!q.step() || q.text(0) != "wal")
      throw StoreError("database " + db.path() + " cannot use WAL mode; put it on a local, writable disk");
  }
  db.exec(options.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", "configuring");
  db.exec("PRAGMA foreign_keys = ON", "configuring");
  // Checkpoint every 1,000 pages (4 MB), SQLite's default: the WAL then restarts from its
  // start and a commit overwrites blocks the file has, whose fdatasync costs a third less on
  // ext4 than one that grows the file. A batch of 1,000 events writes about 115 pages.
  db.exec("PRAGMA wal_autocheckpoint = 1000", "configuring");
  if (max_page_count > 0) db.exec("PRAGMA max_page_count = " + std::to_string(max_page_count), "configuring");
}

// A Store over one SQLite connection.
class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const SqliteOptions& options, std::int64_t max_page_count)
      : read_only_(options.read_only), db_(path, options.busy_timeout_ms, open_mode(path, options, fresh_)) {
    // Identify the file before anything is written to it, the WAL switch included.
    const bool empty = detail::identify_sqlite(db_) == detail::SqliteFileKind::Empty;
    if (empty && (read_only_ || !(fresh_ || options.adopt_empty)))
      throw StoreError("database " + path + " is an empty file, not an izin database; " +
                       (read_only_ ? std::string("open it with a writing command and --create to make it one")
                                   : std::string("pass --create to make it one, or another --db path")) +
                       ". The file was not changed");
    if (read_only_) {
      detail::require_current_schema(db_);
      return;
    }
    configure(db_, options, max_page_count);
    detail::migrate_sqlite(db_);
  }

  void save_procedure(const ProcedureSource& s) override {
    std::lock_guard lock(mutex_);
    {
      // A plain read first: INSERT OR IGNORE would take the write lock even when it inserts nothing.
      SqliteQuery q(db_, "SELECT 1 FROM procedures WHERE id = ? AND version = ?", "reading procedure sources");
      if (q.bind(1, s.id).bind(2, std::int64_t{s.version}).step()) return;
    }
    if (read_only_) return;  // a read never writes; the next writing command keeps the source
    SqliteQuery q(db_, "INSERT OR IGNORE INTO procedures (id, version, file, source, hash) VALUES (?, ?, ?, ?, ?)",
                  "saving a procedure source");
    q.bind(1, s.id).bind(2, std::int64_t{s.version}).bind(3, s.file).bind(4, s.source).bind(5, s.hash).run();
  }

  std::vector<ProcedureSource> load_procedures() override {
    std::lock_guard lock(mutex_);
    SqliteQuery q(db_, "SELECT id, version, file, source, hash FROM procedures ORDER BY id, version",
                  "reading procedure sources");
    std::vector<ProcedureSource> out;
    while (q.step()) out.push_back({q.text(0), static_cast<int>(q.integer(1)), q.text(2), q.text(3), q.text(4)});
    return out;
  }

  void save_calendar(const CalendarSource& s) override {
    std::lock_guard lock(mutex_);
    if (read_only_) return;  // a read never writes; the next writing command keeps the version
    SqliteQuery q(db_, "INSERT INTO calendars (hash, id, text, installed) "
                       "VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(installed), 0) + 1 FROM calendars)) "
                       "ON CONFLICT (hash) DO UPDATE SET installed = excluded.installed",
                  "saving a calendar version");
    q.bind(1, s.hash).bind(2, s.id).bind(3, s.text).run();
  }

  std::vector<CalendarSource> load_calendars() override {
    std::lock_guard lock(mutex_);
    SqliteQuery q(db_, "SELECT id, hash, text FROM calendars ORDER BY installed", "reading calendar versions");
    std::vector<CalendarSource> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
    return out;
  }

  std::string allocate_case_id(const std::string& procedure) override {
    std::lock_guard lock(mutex_);
    detail::SqliteTransaction tx(db_);
    std::uint64_t n = 0;
    {
      SqliteQuery q(db_, "SELECT last FROM counters WHERE procedure = ?", "allocating a case id");
      if (q.bind(1, procedure).step()) n = static_cast<std::uint64_t>(q.integer(0));
    }
    std::string id;
    do {
      id = detail::format_case_id(procedure, ++n);
    } while (stored_revision(id).has_value());
    SqliteQuery q(db_, "INSERT INTO counters (procedure, last) VALUES (?1, ?2) "
                       "ON CONFLICT (procedure) DO UPDATE SET last = ?2", "allocating a case id");
    q.bind(1, procedure).bind(2, static_cast<std::int64_t>(n)).run();
    tx.commit();
    return id;
  }

  std::optional<Case> load_case(const std::string& id) override {
    std::lock_guard lock(mutex_);
    if (auto kept = cache_.find(db_, id)) return kept;
    detail::SqliteTransaction read(db_, detail::SqliteTransaction::Read);  // snapshot and history from one commit
    std::string snapshot;
    {
      SqliteQuery q(db_, "SELECT snapshot FROM cases WHERE id = ?", "reading a case");
      if (!q.bind(1, id).step()) return std::nullopt;
      snapshot = q.text(0);
    }
    Case c = decode_case(id, snapshot);
    cache_.keep(c);
    return c;
  }

  std::vector<Case> load_cases(const CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    detail::SqliteTransaction read(db_, detail::SqliteTransaction::Read);
    SqliteQuery q(db_, "SELECT id, snapshot FROM cases WHERE (?1 = '' OR procedure = ?1) "
                       "AND (?2 = '' OR state = ?2) AND (?3 = 0 OR closed = 0) ORDER BY id", "listing cases");
    q.bind(1, filter.procedure).bind(2, filter.state).bind(3, std::int64_t{filter.open_only});
    std::vector<Case> out;
    while (q.step()) {
      try {
        out.push_back(decode_case(q.text(0), q.text(1)));
      } catch (const DamagedCaseError&) {
        // Quarantined: one damaged case must not hide every other; damaged_cases() names it.
      }
    }
    return out;
  }

  void commit(const std::vector<CaseCommit>& batch) override {
    std::lock_guard lock(mutex_);
    for (const auto& change : batch) cache_.drop(change.after.id);  // also when the commit fails
    detail::SqliteTransaction tx(db_);
    std::vector<Change> changes;
    for (const auto& change : batch) {
      write(change);
      if (auto numbered = detail::write_outbox(db_, change)) changes.push_back(std::move(*numbered));
    }
    tx.commit();
    last_commit_ = std::move(changes);
    // What was just written is what a read would decode (the inbox and the next request read it at once);
    // a large batch would only flush the cache it filled.
    if (batch.size() <= kKeepAfterCommit)
      for (const auto& change : batch) cache_.keep(change.after);
  }

  std::vector<std::string> due_cases(Instant upto) override {
    std::lock_guard lock(mutex_);
    SqliteQuery q(db_, "SELECT id FROM cases WHERE next_due IS NOT NULL AND next_due <= ? ORDER BY next_due, id",
                  "finding due cases");
    q.bind(1, seconds(upto));
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
  }

  // Procedure, status and overdue are filtered by indexed columns; the rest
  // (opened/closed instants, data, version) by decoding each remaining
  // snapshot in-process, without its history: no migration, and a data index
  // per field would not pay (about 0.1 s for 5,000 cases, docs/engine.md).
  CasePage query_cases(const CaseQuery& query) override {
    detail::check_resolved(query);
    std::lock_guard lock(mutex_);
    detail::SqliteTransaction read(db_, detail::SqliteTransaction::Read);  // the count and the page from one commit
    SqliteQuery q(db_, "SELECT id, state, next_due, snapshot FROM cases WHERE (?1 = '' OR procedure = ?1) "
                       "AND (?2 = 0 OR closed = 0) AND (?3 = 0 OR closed = 1) "
                       "AND (?4 IS NULL OR (next_due IS NOT NULL AND next_due <= ?4))", "finding cases");
    q.bind(1, query.procedure).bind(2, std::int64_t{query.status == CaseQuery::Status::Open});
    q.bind(3, std::int64_t{query.status == CaseQuery::Status::Closed});
    if (query.overdue_at) q.bind(4, seconds(*query.overdue_at));
    else q.bind_null(4);
    std::vector<CaseSummary> matches;
    while (q.step()) {
      Case c;
      try {
        c = detail::decode_stored_case(q.text(3));
      } catch (const CodecError&) {
        continue;  // quarantined, as in load_cases; damaged_cases() names it
      }
      const std::optional<Instant> due = q.is_null(2) ? std::nullopt : std::optional<Instant>(instant(q.integer(2)));
      CaseSummary s = detail::summarize(c, q.text(1), due);
      s.id = q.text(0);
      if (detail::matches(query, s, c.data)) matches.push_back(std::move(s));
    }
    return detail::page_of(std::move(matches), query);
  }

  std::vector<DueCase> due(Instant upto, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    SqliteQuery q(db_, "SELECT id, next_due FROM cases WHERE next_due IS NOT NULL AND next_due <= ? "
                       "ORDER BY next_due, id LIMIT ?", "finding due cases");
    q.bind(1, seconds(upto)).bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    std::vector<DueCase> out;
    while (q.step()) out.push_back({q.text(0), instant(q.integer(1))});
    return out;
  }

  std::vector<JournalEntry> journal(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    SqliteQuery q(db_, "SELECT sequence, at, kind, actor_user, actor_role, event, payload, result, key, accepted "
                       "FROM journal WHERE case_id = ? ORDER BY sequence", "reading a journal");
    q.bind(1, case_id);
    std::vector<JournalEntry> out;
    while (q.step()) out.push_back(entry_from(q, case_id));
    return out;
  }

  std::optional<JournalEntry> find_key(const std::string& case_id, const std::string& key) override {
    std::lock_guard lock(mutex_);
    if (key.empty()) return std::nullopt;
    SqliteQuery q(db_, "SELECT sequence, at, kind, actor_user, actor_role, event, payload, result, key, accepted "
                       "FROM journal WHERE case_id = ? AND key = ?", "looking up an idempotency key");
    if (!q.bind(1, case_id).bind(2, key).step()) return std::nullopt;
    return entry_from(q, case_id);
  }

  std::vector<DamagedCase> damaged_cases() override {
    std::lock_guard lock(mutex_);
    detail::SqliteTransaction read(db_, detail::SqliteTransaction::Read);
    std::vector<std::pair<std::string, std::string>> rows;  // id, snapshot
    {
      SqliteQuery q(db_, "SELECT id, snapshot FROM cases ORDER BY id", "checking every case");
      while (q.step()) rows.emplace_back(q.text(0), q.text(1));
    }
    std::vector<DamagedCase> out;
    for (const auto& [id, snapshot] : rows) {
      try {
        decode_case(id, snapshot);
        check_journal(id);
      } catch (const DamagedCaseError& e) {
        out.push_back(e.damage);
      }
    }
    return out;
  }

  void repair_case(const Case& c, std::optional<Instant> next_due) override {
    std::lock_guard lock(mutex_);
    cache_.drop(c.id);
    detail::SqliteTransaction tx(db_);
    {
      SqliteQuery q(db_, "UPDATE cases SET procedure = ?2, version = ?3, state = ?4, revision = ?5, closed = ?6, "
                         "snapshot = ?7, next_due = ?8, history_length = ?9 WHERE id = ?1", "repairing a case");
      q.bind(1, c.id).bind(2, c.procedure).bind(3, std::int64_t{c.version}).bind(4, detail::current_state_id(c));
      q.bind(5, static_cast<std::int64_t>(c.revision)).bind(6, std::int64_t{c.closed});
      q.bind_blob(7, encode_case_binary(c)).bind(9, static_cast<std::int64_t>(c.history.size()));
      if (next_due) q.bind(8, seconds(*next_due));
      else q.bind_null(8);
      q.run();
    }
    if (sqlite3_changes(db_.handle()) != 1)
      throw StoreError("database " + db_.path() + ": case " + c.id + " does not exist; nothing was repaired");
    // The rebuilt history replaces what the journal rows carried.
    SqliteQuery clear(db_, "UPDATE journal SET records = NULL WHERE case_id = ?", "repairing a case's history");
    clear.bind(1, c.id).run();
    SqliteQuery q(db_, "INSERT INTO history_base (case_id, records) VALUES (?1, ?2) "
                       "ON CONFLICT (case_id) DO UPDATE SET records = ?2", "repairing a case's history");
    q.bind(1, c.id).bind_blob(2, records_from(c, 0)).run();
    tx.commit();
  }

  // --- The notification outbox and the change feed (sqlite_store_outbox.hpp) ---
  std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::sqlite_due_notifications(db_, at, limit);
  }
  std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::sqlite_undelivered_notifications(db_, limit);
  }
  std::optional<OutboxNotification> find_notification(const std::string& id) override {
    std::lock_guard lock(mutex_);
    return detail::sqlite_find_notification(db_, id);
  }
  std::vector<OutboxNotification> case_notifications(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    return detail::sqlite_case_notifications(db_, case_id);
  }
  void record_deliveries(const std::vector<DeliveryAttempt>& attempts) override {
    std::lock_guard lock(mutex_);
    detail::sqlite_record_deliveries(db_, attempts);
  }
  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::sqlite_changes_since(db_, after, limit);
  }
  std::vector<Change> last_commit_changes() override {
    std::lock_guard lock(mutex_);
    return last_commit_;
  }

 private:
  // What a commit checks and continues from: the stored row's counters, and its indexed
  // columns (written only when they change).
  struct Stored {
    std::uint64_t revision = 0;
    std::uint64_t last_sequence = 0;   // journal
    std::uint64_t history_length = 0;  // history records stored
    std::string procedure;
    std::optional<std::int64_t> next_due;
  };

  std::optional<Stored> stored_revision(const std::string& id) {
    SqliteQuery q(db_, "SELECT revision, last_sequence, history_length, procedure, next_due FROM cases WHERE id = ?",
                  "reading a case revision");
    if (!q.bind(1, id).step()) return std::nullopt;
    const auto count = [&](int column) { return static_cast<std::uint64_t>(q.integer(column)); };
    return Stored{count(0), count(1), count(2), q.text(3),
                  q.is_null(4) ? std::nullopt : std::optional<std::int64_t>(q.integer(4))};
  }

  // Writes one change inside the open transaction; throws ConflictError on a stale revision.
  void write(const CaseCommit& change) {
    const auto& id = change.after.id;
    const auto stored = stored_revision(id);
    const bool open = change.entry.kind == JournalEntry::Kind::Open;
    if (open && stored) throw ConflictError("case " + id + " already exists; nothing was written");
    if (!open && !stored) throw ConflictError("case " + id + " does not exist; nothing was written");
    const std::uint64_t sequence = detail::journal_sequence(change.entry, stored ? stored->last_sequence : 0, id);
    if (open) insert_case(change, sequence);
    else update_case(change, sequence, *stored);
    insert_entry(id, change.entry, sequence, change.after, stored ? stored->history_length : 0);
  }

  // History only grows: the records past `from` (the journal row's `records`).
  static std::string records_from(const Case& c, std::uint64_t from) {
    return encode_records_binary(std::span(c.history).subspan(static_cast<std::size_t>(from)));
  }

  // Binds the snapshot columns shared by insert and update (parameters 1–9 and 11).
  static void bind_case(SqliteQuery& q, const CaseCommit& change, std::uint64_t sequence) {
    const Case& c = change.after;
    q.bind(1, c.id).bind(2, c.procedure).bind(3, std::int64_t{c.version}).bind(4, detail::current_state_id(c));
    q.bind(5, static_cast<std::int64_t>(c.revision)).bind(6, std::int64_t{c.closed});
    q.bind_blob(7, encode_case_binary(c)).bind(9, static_cast<std::int64_t>(sequence));
    q.bind(11, static_cast<std::int64_t>(c.history.size()));
    if (change.next_due) q.bind(8, seconds(*change.next_due));
    else q.bind_null(8);
  }

  void insert_case(const CaseCommit& change, std::uint64_t sequence) {
    SqliteQuery q(db_, "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, "
                       "last_sequence, history_length) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11)", "opening a case");
    bind_case(q, change, sequence);
    q.run();
  }

  // The revision check is in the WHERE clause: a stale change updates nothing. SQLite
  // rewrites an index entry whenever its column is set, even to the same value, so the
  // indexed columns (procedure, next_due) are set only when they change.
  void update_case(const CaseCommit& change, std::uint64_t sequence, const Stored& stored) {
    const std::optional<std::int64_t> due =
        change.next_due ? std::optional<std::int64_t>(seconds(*change.next_due)) : std::nullopt;
    {
      SqliteQuery q(db_, due == stored.next_due ? kUpdateKeepingDue : kUpdateMovingDue, "changing a case");
      bind_case(q, change, sequence);
      q.bind(10, static_cast<std::int64_t>(change.expected_revision)).run();
      if (sqlite3_changes(db_.handle()) != 1)
        throw ConflictError(detail::revision_conflict(change.after.id, stored.revision, change.expected_revision));
    }
    if (change.after.procedure != stored.procedure) {
      SqliteQuery q(db_, "UPDATE cases SET procedure = ?2 WHERE id = ?1", "changing a case");
      q.bind(1, change.after.id).bind(2, change.after.procedure).run();
    }
  }
  static constexpr const char* kUpdateMovingDue =
      "UPDATE cases SET version = ?3, state = ?4, revision = ?5, closed = ?6, snapshot = ?7, next_due = ?8, "
      "last_sequence = ?9, history_length = ?11 WHERE id = ?1 AND revision = ?10";
  static constexpr const char* kUpdateKeepingDue =
      "UPDATE cases SET version = ?3, state = ?4, revision = ?5, closed = ?6, snapshot = ?7, "
      "last_sequence = ?9, history_length = ?11 WHERE id = ?1 AND revision = ?10";

  // The journal row, with the history records the change added past `stored_history`.
  void insert_entry(const std::string& id, const JournalEntry& e, std::uint64_t sequence, const Case& after,
                    std::uint64_t stored_history) {
    if (!e.key.empty() && find_key_locked(id, e.key))
      throw ConflictError("case " + id + ": idempotency key '" + e.key + "' was already used");
    SqliteQuery q(db_, "INSERT INTO journal (case_id, sequence, at, kind, actor_user, actor_role, event, payload, "
                       "result, key, accepted, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  "journaling an event");
    q.bind(1, id).bind(2, static_cast<std::int64_t>(sequence)).bind(3, seconds(e.at));
    q.bind(4, detail::journal_kind_name(e.kind)).bind(5, e.actor.user).bind(6, e.actor.role).bind(7, e.event);
    q.bind(8, payload_derived(e) ? std::string_view("") : std::string_view(e.payload));
    q.bind(9, e.result).bind(10, e.key).bind(11, std::int64_t{e.accepted});
    if (after.history.size() > stored_history) q.bind_blob(12, records_from(after, stored_history));
    else q.bind_null(12);
    q.run();
  }

  // Most events carry no data and no documents: their payload says no more than the row's
  // event, actor and key columns, so it is stored as '' (never a payload of its own: that is
  // a JSON object) and written again, byte for byte, when read. A third of a journal row.
  static std::string derived_payload(const JournalEntry& e) {
    return detail::encode_event(EventRequest{e.event, e.actor, {}, {}, e.key});  // the engine's own encoder
  }
  static bool payload_derived(const JournalEntry& e) {
    return e.kind == JournalEntry::Kind::Fire && e.payload.find(R"("data":[],"documents":[])") != std::string::npos &&
           e.payload == derived_payload(e);
  }

  bool find_key_locked(const std::string& id, const std::string& key) {
    SqliteQuery q(db_, "SELECT 1 FROM journal WHERE case_id = ? AND key = ?", "looking up an idempotency key");
    return q.bind(1, id).bind(2, key).step();
  }

  // A journal row (columns as selected above) as an entry; DamagedCaseError naming the row when unreadable.
  JournalEntry entry_from(const SqliteQuery& q, const std::string& case_id) const {
    JournalEntry e;
    e.sequence = static_cast<std::uint64_t>(q.integer(0));
    try {
      e.kind = detail::journal_kind_from_name(q.text(2));
    } catch (const CodecError& error) {
      throw damaged(case_id, "journal row " + std::to_string(e.sequence), error.what());
    }
    e.at = instant(q.integer(1));
    e.actor = {q.text(3), q.text(4)};
    e.event = q.text(5);
    e.payload = q.text(6);
    e.result = q.text(7);
    e.key = q.text(8);
    e.accepted = q.integer(9) != 0;
    if (e.payload.empty() && e.kind == JournalEntry::Kind::Fire) e.payload = derived_payload(e);
    return e;
  }

  // Reads every journal row of a case; DamagedCaseError for the first bad one.
  void check_journal(const std::string& id) {
    SqliteQuery q(db_, "SELECT sequence, at, kind, actor_user, actor_role, event, payload, result, key, accepted "
                       "FROM journal WHERE case_id = ? ORDER BY sequence", "checking a journal");
    q.bind(1, id);
    std::uint64_t expected = 1;
    while (q.step()) {
      const JournalEntry e = entry_from(q, id);
      const std::string where = "journal row " + std::to_string(e.sequence);
      if (e.sequence != expected++) throw damaged(id, where, "rows are missing before it");
      // What the payload and result mean is the engine's to judge (replay); the store checks they are JSON.
      if (!nlohmann::json::accept(e.payload)) throw damaged(id, where, "its payload is not JSON");
      if (!e.result.empty() && !nlohmann::json::accept(e.result)) throw damaged(id, where, "its result is not JSON");
    }
  }

  // The error for a damaged row of a case, naming the file, the case and the row.
  DamagedCaseError damaged(const std::string& id, const std::string& where, const std::string& problem) const {
    return DamagedCaseError(DamagedCase{id, where, problem},
                            "database " + db_.path() + ": case " + id + " is stored damaged (" + where + ": " +
                                problem + "); the case is quarantined, other cases keep working; "
                                "see izin doctor, or restore the file from a backup");
  }

  // A stored snapshot with its history (history_base, then the records of
  // each journal row), or DamagedCaseError naming the file, the case and the row.
  Case decode_case(const std::string& id, const std::string& stored) {
    Case c;
    try {
      c = detail::decode_stored_case(stored);
    } catch (const CodecError& e) {
      throw damaged(id, "cases row", e.what());
    }
    {
      SqliteQuery q(db_, "SELECT records FROM history_base WHERE case_id = ?", "reading a case's history");
      if (q.bind(1, id).step()) append_records(c, id, q.text(0), "history_base row");
    }
    SqliteQuery q(db_, "SELECT sequence, records FROM journal WHERE case_id = ? AND records IS NOT NULL "
                       "ORDER BY sequence", "reading a case's history");
    q.bind(1, id);
    while (q.step())
      append_records(c, id, q.text(1), "journal row " + std::to_string(q.integer(0)) + " (history records)");
    return c;
  }

  // Appends a row's stored history records; DamagedCaseError naming `where` when unreadable.
  void append_records(Case& c, const std::string& id, const std::string& stored, const std::string& where) const {
    try {
      detail::append_stored_records(stored, c.history);
    } catch (const CodecError& e) {
      throw damaged(id, where, e.what());
    }
  }

  // How to open the file; refuses, before touching it, a missing file that
  // may not be created and an empty one that may not be adopted.
  static detail::SqliteDb::Mode open_mode(const std::string& path, const SqliteOptions& o, bool& fresh) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && (o.read_only || !o.create_missing))
      throw StoreError("database " + path + " does not exist; check the --db path" +
                       (o.read_only ? std::string(", or open a case there first (izin case open)")
                                    : std::string(", or pass --create to make a new one")));
    const bool zero = exists && std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0;
    if (zero && !o.adopt_empty)
      throw StoreError("database " + path + " is an empty file (0 bytes), not an izin database; pass --create to "
                       "make it one, or another --db path. The file was not changed");
    fresh = !exists || zero;
    if (o.read_only) return detail::SqliteDb::ReadOnly;
    return exists ? detail::SqliteDb::ReadWrite : detail::SqliteDb::ReadWriteCreate;
  }

  static constexpr std::size_t kKeepAfterCommit = 64;
  bool read_only_ = false;
  bool fresh_ = false;  // the file did not exist, or was 0 bytes and may be adopted
  std::vector<Change> last_commit_;  // what the last successful commit numbered
  std::mutex mutex_;
  detail::SqliteDb db_;
  detail::SqliteCaseCache cache_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options) {
  return std::make_unique<SqliteStore>(path, options, 0);
}

namespace detail {
std::unique_ptr<Store> open_sqlite_store_limited(const std::string& path, const SqliteOptions& options,
                                                 std::int64_t max_page_count) {
  return std::make_unique<SqliteStore>(path, options, max_page_count);
}
}  // namespace detail

}  // namespace izin
