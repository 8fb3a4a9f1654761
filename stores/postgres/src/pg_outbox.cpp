// The PostgreSQL store's outbox and change feed (see pg_outbox.hpp).
#include "pg_outbox.hpp"

#include <limits>

#include "codec.hpp"
#include "store_rules.hpp"

namespace izin::detail {

namespace {

// LIMIT takes a signed 64-bit number; a larger limit means "all".
std::int64_t sql_limit(std::size_t limit) {
  constexpr auto most = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  return static_cast<std::int64_t>(limit < most ? limit : most);
}

#define IZIN_PG_OUTBOX_COLUMNS "id, case_id, role, message, at, state, attempts, last_error, next_attempt, delivered_at"

// Outbox rows, columns as IZIN_PG_OUTBOX_COLUMNS.
std::vector<OutboxNotification> outbox_rows(const PgResult& r) {
  std::vector<OutboxNotification> out;
  for (int i = 0; i < r.rows(); ++i) {
    OutboxNotification o;
    o.notification = Notification{r.text(i, 1), r.text(i, 2), r.text(i, 3), pg_instant(r.integer(i, 4)),
                                  r.text(i, 5), r.text(i, 0)};
    o.attempts = static_cast<std::uint32_t>(r.integer(i, 6));
    o.last_error = r.text(i, 7);
    o.next_attempt = pg_instant(r.integer(i, 8));
    if (!r.is_null(i, 9)) o.delivered_at = pg_instant(r.integer(i, 9));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

void pg_keep_notifications(PgDb& db, const CaseCommit& commit) {
  for (const Notification& n : commit.notifications) {
    // ON CONFLICT DO NOTHING instead of a failed INSERT, which would abort the whole transaction's statements.
    const PgResult r = db.run("INSERT INTO outbox (id, case_id, role, message, at, state, next_attempt) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $5) ON CONFLICT (id) DO NOTHING",
                              {n.id, n.case_id, n.role, n.message, pg_seconds(n.at), n.state},
                              "keeping a notification in the outbox");
    if (r.affected() != 1) throw ConflictError(duplicate_notification(n.id));
  }
}

std::vector<Change> pg_number_changes(PgDb& db, const std::vector<CaseCommit>& batch) {
  std::vector<Change> out;
  for (const CaseCommit& commit : batch) {
    if (!advances_case(commit)) continue;
    if (out.empty())  // taken last, so no row lock is awaited while holding it
      db.run("SELECT pg_advisory_xact_lock(hashtext('izin-changes:' || current_schema()))", {},
             "waiting for the change feed");
    Change change{0, commit.after.id, commit.after.revision, commit.entry.kind, commit.entry.at};
    const PgResult r = db.run("INSERT INTO changes (sequence, case_id, revision, kind, at) "
                              "VALUES (nextval('change_numbers'), $1, $2, $3, $4) RETURNING sequence",
                              {change.case_id, static_cast<std::int64_t>(change.revision),
                               journal_kind_name(change.kind), pg_seconds(change.at)},
                              "numbering a change");
    change.sequence = static_cast<std::uint64_t>(r.integer(0, 0));
    out.push_back(std::move(change));
  }
  return out;
}

std::vector<OutboxNotification> pg_due_notifications(PgDb& db, Instant at, std::size_t limit) {
  return outbox_rows(db.run("SELECT " IZIN_PG_OUTBOX_COLUMNS " FROM outbox WHERE delivered_at IS NULL "
                            "AND next_attempt <= $1 ORDER BY next_attempt, position LIMIT $2",
                            {pg_seconds(at), sql_limit(limit)}, "finding notifications due for delivery"));
}

std::vector<OutboxNotification> pg_undelivered_notifications(PgDb& db, std::size_t limit) {
  return outbox_rows(db.run("SELECT " IZIN_PG_OUTBOX_COLUMNS " FROM outbox WHERE delivered_at IS NULL "
                            "ORDER BY position LIMIT $1", {sql_limit(limit)}, "listing undelivered notifications"));
}

std::optional<OutboxNotification> pg_find_notification(PgDb& db, const std::string& id) {
  auto rows = outbox_rows(db.run("SELECT " IZIN_PG_OUTBOX_COLUMNS " FROM outbox WHERE id = $1", {id},
                                 "reading a notification"));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<OutboxNotification> pg_case_notifications(PgDb& db, const std::string& case_id) {
  return outbox_rows(db.run("SELECT " IZIN_PG_OUTBOX_COLUMNS " FROM outbox WHERE case_id = $1 ORDER BY position",
                            {case_id}, "reading a case's notifications"));
}

void pg_record_deliveries(PgDb& db, const std::vector<DeliveryAttempt>& attempts) {
  if (attempts.empty()) return;
  PgTransaction tx(db);
  for (const DeliveryAttempt& a : attempts) {
    if (a.delivered)
      db.run("UPDATE outbox SET delivered_at = $2 WHERE id = $1 AND delivered_at IS NULL",
             {a.id, pg_seconds(a.at)}, "marking a notification delivered");
    else
      db.run("UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt = $3 "
             "WHERE id = $1 AND delivered_at IS NULL", {a.id, a.error, pg_seconds(a.next_attempt)},
             "recording a failed delivery");
  }
  tx.commit();
}

std::vector<Change> pg_changes_since(PgDb& db, std::uint64_t after, std::size_t limit) {
  if (after > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return {};
  const PgResult r = db.run("SELECT sequence, case_id, revision, kind, at FROM changes WHERE sequence > $1 "
                            "ORDER BY sequence LIMIT $2", {static_cast<std::int64_t>(after), sql_limit(limit)},
                            "reading the change feed");
  std::vector<Change> out;
  for (int i = 0; i < r.rows(); ++i) {
    JournalEntry::Kind kind;
    try {
      kind = journal_kind_from_name(r.text(i, 3));
    } catch (const CodecError& e) {
      throw StoreError(db.where() + ": change " + r.text(i, 0) + " is damaged (" + e.what() +
                       "); restore the database from a backup");
    }
    out.push_back(Change{static_cast<std::uint64_t>(r.integer(i, 0)), r.text(i, 1),
                         static_cast<std::uint64_t>(r.integer(i, 2)), kind, pg_instant(r.integer(i, 4))});
  }
  return out;
}

}  // namespace izin::detail
