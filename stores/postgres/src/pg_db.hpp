// A thin layer over libpq for the PostgreSQL store: one connection, prepared
// statements with text parameters passed with their lengths, transactions,
// and errors that name the database and say what to do. Private: libpq types
// never reach a public header.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace izin::detail {

// One parameter of a statement: text, a number, or NULL.
class PgParam {
 public:
  PgParam(std::string_view text) : value_(text) {}  // NOLINT: implicit by design
  PgParam(const std::string& text) : value_(text) {}  // NOLINT
  PgParam(const char* text) : value_(text) {}  // NOLINT
  PgParam(std::int64_t number) : value_(std::to_string(number)) {}  // NOLINT
  PgParam(std::optional<std::int64_t> number)  // NOLINT
      : value_(number ? std::to_string(*number) : std::string()), null_(!number) {}
  const char* data() const { return null_ ? nullptr : value_.data(); }
  int size() const { return static_cast<int>(value_.size()); }

 private:
  std::string value_;
  bool null_ = false;
};

// The rows (or the count of changed rows) of one statement.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PgResult& operator=(PgResult&&) = delete;

  const PGresult* raw() const { return result_; }
  int rows() const { return PQntuples(result_); }
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  bool boolean(int row, int column) const { return text(row, column) == "t"; }
  // Rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;

 private:
  PGresult* result_;
};

// One connection to a database.
class PgDb {
 public:
  // Connects; throws StoreError naming the database (never its password).
  explicit PgDb(const std::string& url);
  ~PgDb();
  PgDb(const PgDb&) = delete;
  PgDb& operator=(const PgDb&) = delete;

  // "PostgreSQL database izin at /run/pg:5432 (schema office)", for messages.
  const std::string& where() const { return where_; }
  // Runs SQL without parameters (DDL, BEGIN/COMMIT; several statements allowed).
  void exec(const std::string& sql, std::string_view doing);
  // Runs `sql` as a statement prepared once per connection (keyed by the
  // literal's address). Throws ConflictError for a unique-key violation, a
  // serialization failure or a deadlock; StoreError for anything else.
  PgResult run(const char* sql, std::initializer_list<PgParam> params, std::string_view doing);
  // Runs SQL built for one call (not prepared: planned for these values).
  PgResult run_once(const std::string& sql, const std::vector<PgParam>& params, std::string_view doing);

 private:
  friend class PgTransaction;
  [[noreturn]] void fail(const PGresult* result, std::string_view doing);
  void reconnect_if_lost();
  const std::string& prepared(const char* sql, int parameters, std::string_view doing);

  PGconn* conn_ = nullptr;
  std::string where_;
  std::map<const char*, std::string> statements_;  // SQL literal → prepared statement name
  // Inside BEGIN … COMMIT a lost connection is never silently replaced:
  // the rest of the transaction would run on the new one without its start.
  bool in_transaction_ = false;
};

// BEGIN … COMMIT; rolls back if left without commit(). A Read transaction
// is REPEATABLE READ and READ ONLY: several SELECTs see one snapshot.
class PgTransaction {
 public:
  enum Kind { Write, Read };
  explicit PgTransaction(PgDb& db, Kind kind = Write);
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  void commit();

 private:
  PgDb& db_;
  bool done_ = false;
};

}  // namespace izin::detail
