// Connection, statements, transactions and error messages of the SQLite store.
#include "sqlite_store_db.hpp"

#include <filesystem>
#include <stdexcept>

#include "izin/store.hpp"

namespace izin::detail {
namespace {

// What the person running izin should do about a failure with this code.
std::string advice(int primary, int busy_timeout_ms) {
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "is locked by another process (waited " + std::to_string(busy_timeout_ms) +
             " ms); let the other izin program finish or close it, then retry";
    case SQLITE_FULL:
      return "is full (no space left on the disk, or the database reached its size limit); "
             "free some space, then retry";
    case SQLITE_READONLY:
      return "is read-only; make the file and its folder writable (chmod u+w), or copy it somewhere writable";
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return "is not an izin database or is damaged; restore it from a backup, or pass another --db path";
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "cannot be opened; check that the folder exists and that you may read and write there";
    case SQLITE_IOERR:
      return "could not be read or written (I/O error); check the disk, then retry";
    default:
      return "reported an error";
  }
}

}  // namespace

SqliteDb::SqliteDb(const std::string& path, int busy_timeout_ms, Mode mode)
    : path_(path), busy_timeout_ms_(busy_timeout_ms) {
  // A file marked read-only is refused even for root, who could write it anyway.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (mode != ReadOnly && !ec && std::filesystem::is_regular_file(status) &&
      (status.permissions() & std::filesystem::perms::owner_write) == std::filesystem::perms::none)
    throw StoreError("database " + path + " " + advice(SQLITE_READONLY, busy_timeout_ms));
  const int flags = mode == ReadOnly ? SQLITE_OPEN_READONLY
                    : mode == ReadWrite ? SQLITE_OPEN_READWRITE
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = "database " + path + " " + advice(rc & 0xff, busy_timeout_ms) +
                                " (" + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) + ")";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  if (mode != ReadOnly && sqlite3_db_readonly(db_, "main") == 1) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("database " + path + " " + advice(SQLITE_READONLY, busy_timeout_ms));
  }
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

void SqliteDb::exec(const std::string& sql, std::string_view doing) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, doing);
}

sqlite3_stmt* SqliteDb::borrow(const char* sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "preparing a statement");
    it = statements_.emplace(sql, Cached{stmt, false}).first;
  }
  // A programming error, not a database one: the store must finish one query before reusing its SQL.
  if (it->second.lent) throw std::logic_error(std::string("SQLite statement used while already in use: ") + sql);
  it->second.lent = true;
  return it->second.stmt;
}

void SqliteDb::give_back(const char* sql) {
  Cached& cached = statements_.at(sql);
  sqlite3_reset(cached.stmt);
  sqlite3_clear_bindings(cached.stmt);
  cached.lent = false;
}

void SqliteDb::fail(int rc, std::string_view doing) const {
  const int primary = rc & 0xff;
  const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (primary == SQLITE_CONSTRAINT)
    throw ConflictError("database " + path_ + ": " + std::string(doing) + " clashed with a change already stored (" +
                        detail + "); nothing was written, reload the case and retry");
  throw StoreError("database " + path_ + " " + advice(primary, busy_timeout_ms_) + "; " +
                   std::string(doing) + " failed (" + detail + "); nothing of this change was written");
}

SqliteQuery::SqliteQuery(SqliteDb& db, const char* sql, std::string_view doing)
    : db_(db), sql_(sql), stmt_(db.borrow(sql)), doing_(doing) {}

SqliteQuery::~SqliteQuery() { db_.give_back(sql_); }

SqliteQuery& SqliteQuery::bind(int index, std::string_view text) {
  const int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, doing_);
  return *this;
}

SqliteQuery& SqliteQuery::bind(int index, std::int64_t number) {
  const int rc = sqlite3_bind_int64(stmt_, index, number);
  if (rc != SQLITE_OK) db_.fail(rc, doing_);
  return *this;
}

SqliteQuery& SqliteQuery::bind_blob(int index, std::string_view bytes) {
  const int rc = sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, doing_);
  return *this;
}

SqliteQuery& SqliteQuery::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_.fail(rc, doing_);
  return *this;
}

bool SqliteQuery::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, doing_);
}

void SqliteQuery::run() {
  while (step()) {
  }
}

std::int64_t SqliteQuery::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string SqliteQuery::text(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool SqliteQuery::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// Cached statements, not sqlite3_exec: reading one case would otherwise parse BEGIN and ROLLBACK each time.
namespace {
constexpr const char* kBeginWrite = "BEGIN IMMEDIATE";
constexpr const char* kBeginRead = "BEGIN";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";
}  // namespace

SqliteTransaction::SqliteTransaction(SqliteDb& db, Kind kind) : db_(db) {
  if (kind == Write) SqliteQuery(db_, kBeginWrite, "taking the write lock").run();
  else SqliteQuery(db_, kBeginRead, "starting a read").run();
}

SqliteTransaction::~SqliteTransaction() {
  // SQLite may already have rolled back (e.g. on SQLITE_FULL); then there is nothing to undo.
  if (done_ || sqlite3_get_autocommit(db_.handle()) != 0) return;
  try {
    SqliteQuery(db_, kRollback, "rolling back").run();
  } catch (...) {  // a destructor must not throw: the plain call, whose failure nothing can act on
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void SqliteTransaction::commit() {
  SqliteQuery(db_, kCommit, "committing").run();
  done_ = true;
}

}  // namespace izin::detail
