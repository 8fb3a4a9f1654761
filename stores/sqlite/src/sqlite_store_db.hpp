// A thin layer over the SQLite C API for the SQLite store: one connection,
// cached prepared statements, transactions, and errors that name the file
// and say what to do. Private: SQLite types never reach a public header.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace izin::detail {

// One open connection to a database file.
class SqliteDb {
 public:
  // How to open the file.
  enum Mode { ReadWrite, ReadWriteCreate, ReadOnly };
  // Opens the file; throws StoreError naming it.
  SqliteDb(const std::string& path, int busy_timeout_ms, Mode mode = ReadWriteCreate);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  // Runs SQL that returns no rows (pragmas, DDL, BEGIN/COMMIT).
  void exec(const std::string& sql, std::string_view doing);
  // The prepared statement for `sql`, prepared once per connection and lent
  // to one SqliteQuery at a time: a nested use would reset the outer one's rows.
  sqlite3_stmt* borrow(const char* sql);
  void give_back(const char* sql);
  // Throws the StoreError (or ConflictError for constraints) for an SQLite result code.
  [[noreturn]] void fail(int rc, std::string_view doing) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 0;
  struct Cached {
    sqlite3_stmt* stmt;
    bool lent;
  };
  std::map<const char*, Cached> statements_;  // by the address of the SQL literal
};

// One use of a cached statement: bind, step, read; reset when it ends.
class SqliteQuery {
 public:
  SqliteQuery(SqliteDb& db, const char* sql, std::string_view doing);
  ~SqliteQuery();
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  SqliteQuery& bind(int index, std::string_view text);
  SqliteQuery& bind(int index, std::int64_t number);
  SqliteQuery& bind_null(int index);
  SqliteQuery& bind_blob(int index, std::string_view bytes);
  // Steps once: true while there is a row to read, false when done.
  bool step();
  // Steps to completion, expecting no rows.
  void run();
  std::int64_t integer(int column) const;
  // A TEXT or BLOB column's bytes (a binary snapshot is a BLOB).
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  SqliteDb& db_;
  const char* sql_;
  sqlite3_stmt* stmt_;
  std::string_view doing_;
};

// BEGIN IMMEDIATE … COMMIT: takes the write lock first (waiting up to the
// busy timeout), and rolls back if left without commit(). A Read transaction
// (plain BEGIN) only makes several SELECTs see one commit; it ends with the scope.
class SqliteTransaction {
 public:
  enum Kind { Write, Read };
  explicit SqliteTransaction(SqliteDb& db, Kind kind = Write);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit();

 private:
  SqliteDb& db_;
  bool done_ = false;
};

}  // namespace izin::detail
