// The SQLite store's outbox and change feed (see sqlite_store_outbox.hpp).
#include "sqlite_store_outbox.hpp"

#include <limits>

#include "codec.hpp"
#include "store_rules.hpp"

namespace izin::detail {

namespace {
std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }
Instant instant(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

// SQLite's LIMIT takes a signed 64-bit number; a larger limit means "all".
std::int64_t sql_limit(std::size_t limit) {
  constexpr auto most = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  return static_cast<std::int64_t>(limit < most ? limit : most);
}

#define IZIN_OUTBOX_COLUMNS "id, case_id, role, message, at, state, attempts, last_error, next_attempt, delivered_at"

// An outbox row, columns as IZIN_OUTBOX_COLUMNS.
OutboxNotification outbox_row(const SqliteQuery& q) {
  OutboxNotification o;
  o.notification = Notification{q.text(1), q.text(2), q.text(3), instant(q.integer(4)), q.text(5), q.text(0)};
  o.attempts = static_cast<std::uint32_t>(q.integer(6));
  o.last_error = q.text(7);
  o.next_attempt = instant(q.integer(8));
  if (!q.is_null(9)) o.delivered_at = instant(q.integer(9));
  return o;
}

std::vector<OutboxNotification> outbox_rows(SqliteQuery& q) {
  std::vector<OutboxNotification> out;
  while (q.step()) out.push_back(outbox_row(q));
  return out;
}

void keep_notification(SqliteDb& db, const Notification& n) {
  {
    SqliteQuery q(db, "SELECT 1 FROM outbox WHERE id = ?", "checking a notification id");
    if (q.bind(1, n.id).step()) throw ConflictError(duplicate_notification(n.id));
  }
  SqliteQuery q(db, "INSERT INTO outbox (id, case_id, role, message, at, state, next_attempt) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)", "keeping a notification in the outbox");
  q.bind(1, n.id).bind(2, n.case_id).bind(3, n.role).bind(4, n.message).bind(5, seconds(n.at)).bind(6, n.state).run();
}
}  // namespace

std::optional<Change> write_outbox(SqliteDb& db, const CaseCommit& commit) {
  for (const Notification& n : commit.notifications) keep_notification(db, n);
  if (!advances_case(commit)) return std::nullopt;
  const Change change{0, commit.after.id, commit.after.revision, commit.entry.kind, commit.entry.at};
  SqliteQuery q(db, "INSERT INTO changes (case_id, revision, kind, at) VALUES (?, ?, ?, ?)", "numbering a change");
  q.bind(1, change.case_id).bind(2, static_cast<std::int64_t>(change.revision));
  q.bind(3, journal_kind_name(change.kind)).bind(4, seconds(change.at)).run();
  Change numbered = change;
  numbered.sequence = static_cast<std::uint64_t>(sqlite3_last_insert_rowid(db.handle()));
  return numbered;
}

std::vector<OutboxNotification> sqlite_due_notifications(SqliteDb& db, Instant at, std::size_t limit) {
  SqliteQuery q(db, "SELECT " IZIN_OUTBOX_COLUMNS " FROM outbox WHERE delivered_at IS NULL AND next_attempt <= ? "
                    "ORDER BY next_attempt, rowid LIMIT ?", "finding notifications due for delivery");
  q.bind(1, seconds(at)).bind(2, sql_limit(limit));
  return outbox_rows(q);
}

std::vector<OutboxNotification> sqlite_undelivered_notifications(SqliteDb& db, std::size_t limit) {
  SqliteQuery q(db, "SELECT " IZIN_OUTBOX_COLUMNS " FROM outbox WHERE delivered_at IS NULL ORDER BY rowid LIMIT ?",
                "listing undelivered notifications");
  q.bind(1, sql_limit(limit));
  return outbox_rows(q);
}

std::optional<OutboxNotification> sqlite_find_notification(SqliteDb& db, const std::string& id) {
  SqliteQuery q(db, "SELECT " IZIN_OUTBOX_COLUMNS " FROM outbox WHERE id = ?", "reading a notification");
  if (!q.bind(1, id).step()) return std::nullopt;
  return outbox_row(q);
}

std::vector<OutboxNotification> sqlite_case_notifications(SqliteDb& db, const std::string& case_id) {
  // '0' follows '/': the range is every id that starts with "<case>/"; case_id drops a longer case id's.
  SqliteQuery q(db, "SELECT " IZIN_OUTBOX_COLUMNS " FROM outbox WHERE id > ?1 || '/' AND id < ?1 || '0' "
                    "AND case_id = ?1 ORDER BY rowid", "reading a case's notifications");
  q.bind(1, case_id);
  return outbox_rows(q);
}

void sqlite_record_deliveries(SqliteDb& db, const std::vector<DeliveryAttempt>& attempts) {
  if (attempts.empty()) return;
  SqliteTransaction tx(db);
  for (const DeliveryAttempt& a : attempts) {
    if (a.delivered) {
      SqliteQuery q(db, "UPDATE outbox SET delivered_at = ?2 WHERE id = ?1 AND delivered_at IS NULL",
                    "marking a notification delivered");
      q.bind(1, a.id).bind(2, seconds(a.at)).run();
      continue;
    }
    SqliteQuery q(db, "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt = ?3 "
                      "WHERE id = ?1 AND delivered_at IS NULL", "recording a failed delivery");
    q.bind(1, a.id).bind(2, a.error).bind(3, seconds(a.next_attempt)).run();
  }
  tx.commit();
}

std::vector<Change> sqlite_changes_since(SqliteDb& db, std::uint64_t after, std::size_t limit) {
  SqliteQuery q(db, "SELECT sequence, case_id, revision, kind, at FROM changes WHERE sequence > ? "
                    "ORDER BY sequence LIMIT ?", "reading the change feed");
  if (after > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return {};
  q.bind(1, static_cast<std::int64_t>(after)).bind(2, sql_limit(limit));
  std::vector<Change> out;
  while (q.step()) {
    JournalEntry::Kind kind;
    try {
      kind = journal_kind_from_name(q.text(3));
    } catch (const CodecError& e) {
      throw StoreError("database " + db.path() + ": change " + std::to_string(q.integer(0)) + " is damaged (" +
                       e.what() + "); restore the file from a backup");
    }
    out.push_back(Change{static_cast<std::uint64_t>(q.integer(0)), q.text(1), static_cast<std::uint64_t>(q.integer(2)),
                         kind, instant(q.integer(4))});
  }
  return out;
}

}  // namespace izin::detail
