// Backup and restore of the SQLite store through SQLite's online backup API:
// copying the file by hand can pair it with a -wal file that is not its own,
// which SQLite then replays onto it.
#include <filesystem>

#include "izin/sqlite_store.hpp"
#include "sqlite_store_db.hpp"
#include "sqlite_store_schema.hpp"

namespace izin {
namespace {

// Copies every page of `from` into `to` in one step; throws StoreError naming `doing`.
void copy_pages(detail::SqliteDb& from, detail::SqliteDb& to, const std::string& doing) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (!backup) to.fail(sqlite3_extended_errcode(to.handle()), doing);
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) to.fail(step, doing);
  if (finish != SQLITE_OK) to.fail(finish, doing);
}

// Opens an existing file read-only and checks that it is an izin database.
void require_izin(detail::SqliteDb& db, const std::string& role) {
  if (detail::identify_sqlite(db) != detail::SqliteFileKind::Izin)
    throw StoreError(role + " " + db.path() + " is an empty file, not an izin database. The file was not changed");
}

// The options every backup connection uses: wait for a writer as a store would.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

void backup_sqlite_store(const std::string& path, const std::string& to) {
  std::error_code ec;
  if (std::filesystem::exists(to, ec))
    throw StoreError("backup file " + to + " already exists; a backup never overwrites a file, choose a new name");
  if (!std::filesystem::exists(path, ec)) throw StoreError("database " + path + " does not exist; check the --db path");
  detail::SqliteDb source(path, kBusyTimeoutMs, detail::SqliteDb::ReadOnly);
  require_izin(source, "database");
  try {
    detail::SqliteDb target(to, kBusyTimeoutMs, detail::SqliteDb::ReadWriteCreate);
    copy_pages(source, target, "writing the backup");
    // One self-contained file: the copied header asks for WAL, which would make a -wal beside it.
    target.exec("PRAGMA journal_mode = DELETE", "finishing the backup");
  } catch (const StoreError&) {
    std::filesystem::remove(to, ec);  // a half-written backup is worse than none
    throw;
  }
}

void restore_sqlite_store(const std::string& from, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(from, ec)) throw StoreError("backup file " + from + " does not exist");
  detail::SqliteDb backup(from, kBusyTimeoutMs, detail::SqliteDb::ReadOnly);
  require_izin(backup, "backup file");
  const bool exists = std::filesystem::exists(path, ec);
  detail::SqliteDb target(path, kBusyTimeoutMs, exists ? detail::SqliteDb::ReadWrite : detail::SqliteDb::ReadWriteCreate);
  if (exists) require_izin(target, "database");  // never overwrite a file that is not ours
  // Opening the target already brought its own -wal into it; the copy then
  // replaces every page through SQLite, and the checkpoint empties the WAL.
  copy_pages(backup, target, "restoring the backup");
  target.exec("PRAGMA wal_checkpoint(TRUNCATE)", "emptying the write-ahead log");
  // Without a -wal file at all when no other program has the file open (the next writer switches back).
  sqlite3_exec(target.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
}

}  // namespace izin
