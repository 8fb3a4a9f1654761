// The PostgreSQL store's schema, its version (table schema_version) and the
// forward migrations that bring an older izin schema up to date.
#pragma once

#include <string>
#include <vector>

#include "pg_db.hpp"

namespace izin::detail {

// The schema version this program reads and writes.
constexpr int kPostgresSchemaVersion = 3;

// Migration i takes the schema from version i to i + 1.
const std::vector<std::string>& postgres_migrations();

// Brings the connection's current schema (search_path) to
// kPostgresSchemaVersion in one transaction, holding an advisory lock so that
// nodes starting together migrate once. Throws StoreError, changing nothing,
// for a newer izin's schema or one holding tables that are not izin's.
void migrate_postgres(PgDb& db);

}  // namespace izin::detail
