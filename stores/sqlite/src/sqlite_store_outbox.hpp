// The SQLite store's outbox and change feed (tables `outbox` and `changes`):
// written inside the commit's transaction, read and marked by the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/store.hpp"
#include "sqlite_store_db.hpp"

namespace izin::detail {

// Inside the open write transaction: keeps the commit's notifications and,
// when it changed its case, numbers it. Returns that change, if any. Throws
// ConflictError when a notification id is already in the outbox.
std::optional<Change> write_outbox(SqliteDb& db, const CaseCommit& commit);

std::vector<OutboxNotification> sqlite_due_notifications(SqliteDb& db, Instant at, std::size_t limit);
std::vector<OutboxNotification> sqlite_undelivered_notifications(SqliteDb& db, std::size_t limit);
std::optional<OutboxNotification> sqlite_find_notification(SqliteDb& db, const std::string& id);
// The case's notifications in the order kept, found by their ids ("<case>/<sequence>") in the id index.
std::vector<OutboxNotification> sqlite_case_notifications(SqliteDb& db, const std::string& case_id);
// Records the tries in one write transaction.
void sqlite_record_deliveries(SqliteDb& db, const std::vector<DeliveryAttempt>& attempts);
std::vector<Change> sqlite_changes_since(SqliteDb& db, std::uint64_t after, std::size_t limit);

}  // namespace izin::detail
