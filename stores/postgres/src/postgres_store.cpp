// The PostgreSQL Store: one connection per handle; a batch is one
// transaction; each changed case row is locked (FOR UPDATE) and its revision
// checked before it is written, so concurrent writers on any node conflict
// instead of overwriting each other.
#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

#include "codec.hpp"
#include "izin/postgres_store.hpp"
#include "pg_case_query.hpp"
#include "pg_db.hpp"
#include "pg_outbox.hpp"
#include "pg_schema.hpp"
#include "store_rules.hpp"

namespace izin {
namespace {

using detail::PgDb;
using detail::PgResult;
using detail::PgTransaction;
using detail::pg_instant;
using detail::pg_seconds;

#define IZIN_PG_JOURNAL_COLUMNS "sequence, at, kind, actor_user, actor_role, event, payload, result, key, accepted"

// A stored next_due (NULL when none), as a parameter.
std::optional<std::int64_t> due_param(const std::optional<Instant>& due) {
  return due ? std::optional<std::int64_t>(pg_seconds(*due)) : std::nullopt;
}

// When a case closed (it entered its final state then), as a parameter; NULL while open.
std::optional<std::int64_t> closed_at(const Case& c) {
  return c.closed ? std::optional<std::int64_t>(pg_seconds(c.entered_at)) : std::nullopt;
}

// A Store over one PostgreSQL connection.
class PostgresStore final : public Store {
 public:
  explicit PostgresStore(const std::string& url) : db_(url) { detail::migrate_postgres(db_); }

  void save_procedure(const ProcedureSource& s) override {
    std::lock_guard lock(mutex_);
    db_.run("INSERT INTO procedures (id, version, file, source, hash) VALUES ($1, $2, $3, $4, $5) "
            "ON CONFLICT (id, version) DO NOTHING",
            {s.id, std::int64_t{s.version}, s.file, s.source, s.hash}, "saving a procedure source");
  }

  std::vector<ProcedureSource> load_procedures() override {
    std::lock_guard lock(mutex_);
    const PgResult r = db_.run("SELECT id, version, file, source, hash FROM procedures ORDER BY id, version", {},
                               "reading procedure sources");
    std::vector<ProcedureSource> out;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({r.text(i, 0), static_cast<int>(r.integer(i, 1)), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
    return out;
  }

  void save_calendar(const CalendarSource& s) override {
    std::lock_guard lock(mutex_);
    db_.run("INSERT INTO calendars (hash, id, text, installed) VALUES ($1, $2, $3, nextval('calendar_installs')) "
            "ON CONFLICT (hash) DO UPDATE SET installed = excluded.installed",
            {s.hash, s.id, s.text}, "saving a calendar version");
  }

  std::vector<CalendarSource> load_calendars() override {
    std::lock_guard lock(mutex_);
    const PgResult r = db_.run("SELECT id, hash, text FROM calendars ORDER BY installed", {},
                               "reading calendar versions");
    std::vector<CalendarSource> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
    return out;
  }

  std::string allocate_case_id(const std::string& procedure) override {
    std::lock_guard lock(mutex_);
    PgTransaction tx(db_);
    db_.run("INSERT INTO counters (procedure, last) VALUES ($1, 0) ON CONFLICT (procedure) DO NOTHING",
            {procedure}, "allocating a case id");
    // The counter row stays locked until COMMIT: two nodes never hand out one id.
    auto n = static_cast<std::uint64_t>(
        db_.run("SELECT last FROM counters WHERE procedure = $1 FOR UPDATE", {procedure}, "allocating a case id")
            .integer(0, 0));
    std::string id;
    do {
      id = detail::format_case_id(procedure, ++n);
    } while (db_.run("SELECT 1 FROM cases WHERE id = $1", {id}, "allocating a case id").rows() > 0);
    db_.run("UPDATE counters SET last = $2 WHERE procedure = $1", {procedure, static_cast<std::int64_t>(n)},
            "allocating a case id");
    tx.commit();
    return id;
  }

  std::optional<Case> load_case(const std::string& id) override {
    std::lock_guard lock(mutex_);
    PgTransaction read(db_, PgTransaction::Read);  // snapshot and history from one commit
    const PgResult r = db_.run("SELECT snapshot FROM cases WHERE id = $1", {id}, "reading a case");
    if (r.rows() == 0) return std::nullopt;
    return decode_case(id, r.text(0, 0));
  }

  std::vector<Case> load_cases(const CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    PgTransaction read(db_, PgTransaction::Read);
    const PgResult r = db_.run("SELECT id, snapshot FROM cases WHERE ($1 = '' OR procedure = $1) "
                               "AND ($2 = '' OR state = $2) AND (NOT $3::boolean OR NOT closed) ORDER BY id",
                               {filter.procedure, filter.state, filter.open_only ? "t" : "f"}, "listing cases");
    std::vector<Case> out;
    for (int i = 0; i < r.rows(); ++i) {
      try {
        out.push_back(decode_case(r.text(i, 0), r.text(i, 1)));
      } catch (const DamagedCaseError&) {
        // Quarantined: one damaged case must not hide every other; damaged_cases() names it.
      }
    }
    return out;
  }

  void commit(const std::vector<CaseCommit>& batch) override {
    std::lock_guard lock(mutex_);
    PgTransaction tx(db_);
    for (const auto& change : batch) {
      write(change);
      detail::pg_keep_notifications(db_, change);
    }
    std::vector<Change> changes = detail::pg_number_changes(db_, batch);
    tx.commit();
    last_commit_ = std::move(changes);
  }

  std::vector<std::string> due_cases(Instant upto) override {
    std::lock_guard lock(mutex_);
    const PgResult r = db_.run("SELECT id FROM cases WHERE next_due IS NOT NULL AND next_due <= $1 "
                               "ORDER BY next_due, id", {pg_seconds(upto)}, "finding due cases");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  }

  CasePage query_cases(const CaseQuery& query) override {
    std::lock_guard lock(mutex_);
    PgTransaction read(db_, PgTransaction::Read);  // the count and the page from one snapshot
    return detail::pg_query_cases(db_, query);
  }

  // Claims by the database's clock, so the nodes' clocks need not agree; a
  // commit leaves the claim to expire, so this node's next batch moves on.
  std::vector<std::string> claim_due(Instant upto, std::size_t limit, std::chrono::seconds lease) override {
    std::lock_guard lock(mutex_);
    const auto most = static_cast<std::size_t>(INT64_MAX);
    const PgResult r = db_.run(
        "WITH now AS (SELECT extract(epoch FROM clock_timestamp())::bigint AS s), "
        "due AS (SELECT id FROM cases, now WHERE next_due IS NOT NULL AND next_due <= $1 "
        "AND (claimed_until IS NULL OR claimed_until <= now.s) ORDER BY next_due, id LIMIT $2 FOR UPDATE OF cases "
        "SKIP LOCKED) "
        "UPDATE cases SET claimed_until = now.s + $3 FROM due, now WHERE cases.id = due.id "
        "RETURNING cases.id, cases.next_due",
        {pg_seconds(upto), static_cast<std::int64_t>(std::min(limit, most)), std::int64_t{lease.count()}},
        "claiming due cases");
    std::vector<std::pair<std::int64_t, std::string>> claimed;
    for (int i = 0; i < r.rows(); ++i) claimed.emplace_back(r.integer(i, 1), r.text(i, 0));
    std::sort(claimed.begin(), claimed.end());  // RETURNING keeps no order
    std::vector<std::string> out;
    for (auto& [due, id] : claimed) out.push_back(std::move(id));
    return out;
  }

  std::vector<DueCase> due(Instant upto, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    const auto most = static_cast<std::size_t>(INT64_MAX);
    const PgResult r = db_.run("SELECT id, next_due FROM cases WHERE next_due IS NOT NULL AND next_due <= $1 "
                               "ORDER BY next_due, id LIMIT $2",
                               {pg_seconds(upto), static_cast<std::int64_t>(std::min(limit, most))},
                               "finding due cases");
    std::vector<DueCase> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), pg_instant(r.integer(i, 1))});
    return out;
  }

  std::vector<JournalEntry> journal(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    const PgResult r = db_.run("SELECT " IZIN_PG_JOURNAL_COLUMNS " FROM journal WHERE case_id = $1 ORDER BY sequence",
                               {case_id}, "reading a journal");
    std::vector<JournalEntry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(entry_from(r, i, case_id));
    return out;
  }

  std::optional<JournalEntry> find_key(const std::string& case_id, const std::string& key) override {
    std::lock_guard lock(mutex_);
    if (key.empty()) return std::nullopt;
    const PgResult r = db_.run("SELECT " IZIN_PG_JOURNAL_COLUMNS " FROM journal WHERE case_id = $1 AND key = $2",
                               {case_id, key}, "looking up an idempotency key");
    if (r.rows() == 0) return std::nullopt;
    return entry_from(r, 0, case_id);
  }

  std::vector<DamagedCase> damaged_cases() override {
    std::lock_guard lock(mutex_);
    PgTransaction read(db_, PgTransaction::Read);
    const PgResult r = db_.run("SELECT id, snapshot FROM cases ORDER BY id", {}, "checking every case");
    std::vector<DamagedCase> out;
    for (int i = 0; i < r.rows(); ++i) {
      try {
        decode_case(r.text(i, 0), r.text(i, 1));
        check_journal(r.text(i, 0));
      } catch (const DamagedCaseError& e) {
        out.push_back(e.damage);
      }
    }
    return out;
  }

  void repair_case(const Case& c, std::optional<Instant> next_due) override {
    std::lock_guard lock(mutex_);
    PgTransaction tx(db_);
    const PgResult r = db_.run(
        "UPDATE cases SET procedure = $2, version = $3, state = $4, revision = $5, closed = $6, "
        "snapshot = $7, next_due = $8, history_length = $9, opened_at = $10, closed_at = $11, outcome = $12 "
        "WHERE id = $1",
        {c.id, c.procedure, std::int64_t{c.version}, detail::current_state_id(c), static_cast<std::int64_t>(c.revision),
         c.closed ? "t" : "f", detail::encode_snapshot(c), due_param(next_due),
         static_cast<std::int64_t>(c.history.size()), pg_seconds(c.opened_at), closed_at(c), c.outcome},
        "repairing a case");
    if (r.affected() != 1)
      throw StoreError(db_.where() + ": case " + c.id + " does not exist; nothing was repaired");
    db_.run("DELETE FROM history WHERE case_id = $1", {c.id}, "repairing a case's history");
    append_history(c, 0);
    tx.commit();
  }

  // --- The notification outbox and the change feed (pg_outbox.hpp) ---
  std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::pg_due_notifications(db_, at, limit);
  }
  std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::pg_undelivered_notifications(db_, limit);
  }
  std::optional<OutboxNotification> find_notification(const std::string& id) override {
    std::lock_guard lock(mutex_);
    return detail::pg_find_notification(db_, id);
  }
  std::vector<OutboxNotification> case_notifications(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    return detail::pg_case_notifications(db_, case_id);
  }
  void record_deliveries(const std::vector<DeliveryAttempt>& attempts) override {
    std::lock_guard lock(mutex_);
    detail::pg_record_deliveries(db_, attempts);
  }
  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return detail::pg_changes_since(db_, after, limit);
  }
  std::vector<Change> last_commit_changes() override {
    std::lock_guard lock(mutex_);
    return last_commit_;
  }

 private:
  // What a commit checks and continues from: the stored row's counters.
  struct Stored {
    std::uint64_t revision = 0;
    std::uint64_t last_sequence = 0;   // journal
    std::uint64_t history_length = 0;  // rows in `history`
  };

  // The case row's counters, locked until the transaction ends.
  std::optional<Stored> lock_stored(const std::string& id) {
    const PgResult r = db_.run("SELECT revision, last_sequence, history_length FROM cases WHERE id = $1 FOR UPDATE",
                               {id}, "reading a case revision");
    if (r.rows() == 0) return std::nullopt;
    const auto count = [&](int column) { return static_cast<std::uint64_t>(r.integer(0, column)); };
    return Stored{count(0), count(1), count(2)};
  }

  // Writes one change inside the open transaction; throws ConflictError on a stale revision.
  void write(const CaseCommit& change) {
    const auto& id = change.after.id;
    const bool open = change.entry.kind == JournalEntry::Kind::Open;
    const auto stored = open ? std::nullopt : lock_stored(id);
    if (!open && !stored) throw ConflictError("case " + id + " does not exist; nothing was written");
    if (stored && stored->revision != change.expected_revision)
      throw ConflictError(detail::revision_conflict(id, stored->revision, change.expected_revision));
    const std::uint64_t sequence = detail::journal_sequence(change.entry, stored ? stored->last_sequence : 0, id);
    write_case(change, sequence, open);
    append_history(change.after, stored ? stored->history_length : 0);
    insert_entry(id, change.entry, sequence);
  }

  // Inserts an opened case (ConflictError when its id exists) or updates the locked row.
  void write_case(const CaseCommit& change, std::uint64_t sequence, bool open) {
    const Case& c = change.after;
    std::initializer_list<detail::PgParam> params = {
        c.id, c.procedure, std::int64_t{c.version}, detail::current_state_id(c), static_cast<std::int64_t>(c.revision),
        c.closed ? "t" : "f", detail::encode_snapshot(c), due_param(change.next_due),
        static_cast<std::int64_t>(sequence), static_cast<std::int64_t>(c.history.size()), pg_seconds(c.opened_at),
        closed_at(c), c.outcome};
    if (open) {
      const PgResult r = db_.run(
          "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, last_sequence, "
          "history_length, opened_at, closed_at, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
          "$13) ON CONFLICT (id) DO NOTHING",
          params, "opening a case");
      if (r.affected() != 1) throw ConflictError("case " + c.id + " already exists; nothing was written");
      return;
    }
    db_.run("UPDATE cases SET procedure = $2, version = $3, state = $4, revision = $5, closed = $6, snapshot = $7, "
            "next_due = $8, last_sequence = $9, history_length = $10, opened_at = $11, closed_at = $12, outcome = $13 "
            "WHERE id = $1",
            params, "changing a case");
  }

  // History only grows: write the records past what is stored.
  void append_history(const Case& c, std::uint64_t stored_length) {
    for (std::size_t i = stored_length; i < c.history.size(); ++i)
      db_.run("INSERT INTO history (case_id, sequence, record) VALUES ($1, $2, $3)",
              {c.id, static_cast<std::int64_t>(i + 1), detail::encode_record(c.history[i])}, "recording history");
  }

  // The database's unique index refuses a key a concurrent writer used first (ConflictError too).
  void insert_entry(const std::string& id, const JournalEntry& e, std::uint64_t sequence) {
    if (!e.key.empty() &&
        db_.run("SELECT 1 FROM journal WHERE case_id = $1 AND key = $2", {id, e.key}, "looking up an idempotency key")
                .rows() > 0)
      throw ConflictError("case " + id + ": idempotency key '" + e.key + "' was already used");
    db_.run("INSERT INTO journal (case_id, sequence, at, kind, actor_user, actor_role, event, payload, result, key, "
            "accepted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            {id, static_cast<std::int64_t>(sequence), pg_seconds(e.at), detail::journal_kind_name(e.kind), e.actor.user,
             e.actor.role, e.event, e.payload, e.result, e.key, e.accepted ? "t" : "f"},
            "journaling an event");
  }

  // A journal row (columns as IZIN_PG_JOURNAL_COLUMNS) as an entry; DamagedCaseError naming the row when unreadable.
  JournalEntry entry_from(const PgResult& r, int row, const std::string& case_id) const {
    JournalEntry e;
    e.sequence = static_cast<std::uint64_t>(r.integer(row, 0));
    try {
      e.kind = detail::journal_kind_from_name(r.text(row, 2));
    } catch (const CodecError& error) {
      throw damaged(case_id, "journal row " + std::to_string(e.sequence), error.what());
    }
    e.at = pg_instant(r.integer(row, 1));
    e.actor = {r.text(row, 3), r.text(row, 4)};
    e.event = r.text(row, 5);
    e.payload = r.text(row, 6);
    e.result = r.text(row, 7);
    e.key = r.text(row, 8);
    e.accepted = r.boolean(row, 9);
    return e;
  }

  // Reads every journal row of a case; DamagedCaseError for the first bad one.
  void check_journal(const std::string& id) {
    const PgResult r = db_.run("SELECT " IZIN_PG_JOURNAL_COLUMNS " FROM journal WHERE case_id = $1 ORDER BY sequence",
                               {id}, "checking a journal");
    std::uint64_t expected = 1;
    for (int i = 0; i < r.rows(); ++i) {
      const JournalEntry e = entry_from(r, i, id);
      const std::string where = "journal row " + std::to_string(e.sequence);
      if (e.sequence != expected++) throw damaged(id, where, "rows are missing before it");
      if (!nlohmann::json::accept(e.payload)) throw damaged(id, where, "its payload is not JSON");
      if (!e.result.empty() && !nlohmann::json::accept(e.result)) throw damaged(id, where, "its result is not JSON");
    }
  }

  // The error for a damaged row of a case, naming the database, the case and the row.
  DamagedCaseError damaged(const std::string& id, const std::string& where, const std::string& problem) const {
    return DamagedCaseError(DamagedCase{id, where, problem},
                            db_.where() + ": case " + id + " is stored damaged (" + where + ": " + problem +
                                "); the case is quarantined, other cases keep working; "
                                "see izin doctor, or restore the database from a backup");
  }

  // A stored snapshot with its history rows, or DamagedCaseError naming the row.
  Case decode_case(const std::string& id, const std::string& text) {
    Case c;
    try {
      c = detail::decode<Case>(text);
    } catch (const CodecError& e) {
      throw damaged(id, "cases row", e.what());
    }
    const PgResult r = db_.run("SELECT sequence, record FROM history WHERE case_id = $1 ORDER BY sequence", {id},
                               "reading a case's history");
    for (int i = 0; i < r.rows(); ++i) {
      try {
        c.history.push_back(detail::decode<HistoryRecord>(r.text(i, 1)));
      } catch (const CodecError& e) {
        throw damaged(id, "history row " + r.text(i, 0), e.what());
      }
    }
    return c;
  }

  std::vector<Change> last_commit_;  // what the last successful commit numbered
  std::mutex mutex_;
  PgDb db_;
};

}  // namespace

bool is_postgres_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
  if (!is_postgres_url(url))
    throw StoreError("'" + url + "' is not a PostgreSQL URL; it must start with postgresql:// or postgres://");
  return std::make_unique<PostgresStore>(url);
}

}  // namespace izin
