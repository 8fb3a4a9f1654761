// A store in a PostgreSQL database (library izin_postgres): several izin
// processes, on one machine or many, may share one database.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <memory>
#include <string>

#include "izin/store.hpp"

namespace izin {

// Whether a --db location names a PostgreSQL database: it starts with
// "postgresql://" or "postgres://".
bool is_postgres_url(const std::string& location);

// Connects to the database at `url` (libpq's URL form, e.g.
// "postgresql://izin@db.example/izin"; options such as
// "?options=-csearch_path%3Doffice" select a schema) and brings its izin
// tables to the current schema version. One connection per handle: a handle
// may be used by one thread at a time (calls are serialized), and each thread
// or process wanting concurrency opens its own. Throws StoreError, naming the
// database without its password, when it cannot connect, the schema holds
// tables that are not izin's, or a newer izin made it.
std::unique_ptr<Store> open_postgres_store(const std::string& url);

}  // namespace izin

#pragma GCC visibility pop
