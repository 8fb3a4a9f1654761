// The SQLite store's schema, its version (PRAGMA user_version) and the
// forward migrations that bring an older izin database up to date.
#pragma once

#include <string>
#include <vector>

#include "sqlite_store_db.hpp"

namespace izin::detail {

// The schema version this program reads and writes.
constexpr int kSqliteSchemaVersion = 3;

// Migration i takes a database from schema version i to i + 1.
const std::vector<std::string>& sqlite_migrations();

// Brings the database to kSqliteSchemaVersion in one transaction. Throws
// StoreError, changing nothing, for a newer schema or a non-izin database.
void migrate_sqlite(SqliteDb& db);

}  // namespace izin::detail
