// The SQLite store's schema, its version (PRAGMA user_version) and the
// forward migrations that bring an older izin database up to date.
#pragma once

#include <string>
#include <vector>

#include "sqlite_store_db.hpp"

namespace izin::detail {

// The schema version this program reads and writes.
constexpr int kSqliteSchemaVersion = 9;

// PRAGMA application_id of an izin database ("IZIN" in ASCII).
constexpr int kSqliteApplicationId = 0x495A494E;

// What a file turned out to be, read before anything is written to it.
enum class SqliteFileKind { Izin, Empty };

// Reads the application id and schema of the open file, writing nothing.
// Izin: ours (any schema version up to ours, or older files without the
// id). Empty: no tables yet. Throws StoreError, naming the file and saying
// it was not changed, for another program's file or a newer izin's.
SqliteFileKind identify_sqlite(SqliteDb& db);

// Migration i takes a database from schema version i to i + 1 (SQL, then
// for some steps work SQL cannot do: migrate_sqlite runs both).
const std::vector<std::string>& sqlite_migrations();
// Step 4 → 5 after its SQL: each case's snapshot gains its calendar version, from its journal.
void record_case_calendars(SqliteDb& db);

// Brings the database to kSqliteSchemaVersion (and our application id) in
// one transaction. Throws StoreError, changing nothing, for a newer schema
// or a non-izin database.
void migrate_sqlite(SqliteDb& db);

// For a read-only connection: throws StoreError unless the schema is
// exactly ours (an older one is upgraded by the next writing command).
void require_current_schema(SqliteDb& db);

}  // namespace izin::detail
