// Opening the store a --db location names: a PostgreSQL URL or an SQLite file.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <memory>
#include <string>

#include "izin/postgres_store.hpp"
#include "izin/sqlite_store.hpp"

namespace izin {

// "postgresql://…" or "postgres://…" opens that PostgreSQL database (the
// SQLite options do not apply); anything else is the path of an SQLite file,
// opened with `sqlite`. Throws StoreError as the chosen store does.
std::unique_ptr<Store> open_store(const std::string& location, const SqliteOptions& sqlite = {});

}  // namespace izin

#pragma GCC visibility pop
