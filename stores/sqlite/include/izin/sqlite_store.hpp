// The embedded default store: one SQLite file (library izin_sqlite, beside
// the engine, so the engine core itself links no database).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <memory>
#include <string>

#include "izin/store.hpp"

namespace izin {

// Options of the SQLite store.
struct SqliteOptions {
  bool synchronous_full = true;  // FULL: an acknowledged event survives power loss;
                                 // NORMAL: faster, may lose the last events on power loss
  int busy_timeout_ms = 5000;    // how long to wait for a lock held by another process
  bool read_only = false;        // open for reading only: never writes, never waits for the write lock
  bool create_missing = true;    // a path where no file exists becomes a new izin database
  bool adopt_empty = false;      // an existing empty file (0 bytes, or SQLite without tables) becomes one
};

// The embedded default: one SQLite file in WAL mode. Throws StoreError
// naming the file when it cannot be opened or is not an izin database.
// The file is identified (application id, schema) before anything is
// written to it, the switch to WAL included: a file that is not ours is
// refused unchanged.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options = {});

// Copies the izin database at `path` into a new single file `to` (SQLite's
// online backup, consistent while others write; no -wal beside it). Throws
// StoreError when `to` exists or `path` is not an izin database.
void backup_sqlite_store(const std::string& path, const std::string& to);

// Replaces the contents of the izin database at `path` (created when absent)
// with the backup `from`, through SQLite, so no stale -wal can be replayed
// onto it; leaves no -wal behind. Throws StoreError, changing nothing, when
// `from` or an existing `path` is not an izin database.
void restore_sqlite_store(const std::string& from, const std::string& path);

}  // namespace izin

#pragma GCC visibility pop
