// The PostgreSQL store's outbox and change feed (tables `outbox` and
// `changes`): written inside the commit's transaction, read and marked by the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/store.hpp"
#include "pg_db.hpp"

namespace izin::detail {

// Inside the open write transaction: keeps the commit's notifications.
// Throws ConflictError when a notification id is already in the outbox.
void pg_keep_notifications(PgDb& db, const CaseCommit& commit);
// Inside the open write transaction, after every other write of it: numbers
// the commits that changed their case. The numbers come from a database
// sequence taken under a transaction lock held until COMMIT, so they follow
// commit order across processes and a reader never sees a later one first.
std::vector<Change> pg_number_changes(PgDb& db, const std::vector<CaseCommit>& batch);

std::vector<OutboxNotification> pg_due_notifications(PgDb& db, Instant at, std::size_t limit);
std::vector<OutboxNotification> pg_undelivered_notifications(PgDb& db, std::size_t limit);
std::optional<OutboxNotification> pg_find_notification(PgDb& db, const std::string& id);
// Every notification of one case, in commit order (index outbox_case).
std::vector<OutboxNotification> pg_case_notifications(PgDb& db, const std::string& case_id);
// Records the tries in one write transaction.
void pg_record_deliveries(PgDb& db, const std::vector<DeliveryAttempt>& attempts);
std::vector<Change> pg_changes_since(PgDb& db, std::uint64_t after, std::size_t limit);

// Seconds since the epoch, as stored, and back.
inline std::int64_t pg_seconds(Instant t) { return t.time_since_epoch().count(); }
inline Instant pg_instant(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

}  // namespace izin::detail
