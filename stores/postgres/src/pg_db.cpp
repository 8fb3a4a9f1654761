// Connection, statements, transactions and error messages of the PostgreSQL store.
#include "pg_db.hpp"

#include <cstdlib>
#include <vector>

#include "izin/store.hpp"
#include "izin/store_unavailable.hpp"

namespace izin::detail {
namespace {

// SQLSTATEs that mean another writer came first: the change can be retried on fresh state.
bool is_conflict(std::string_view state) {
  return state == "23505" /* unique_violation */ || state == "40001" /* serialization_failure */ ||
         state == "40P01" /* deadlock_detected */;
}

// SQLSTATEs that mean the server is unreachable or going away: retry once it is back.
bool is_outage(std::string_view state) {
  // 08: connection_exception; 57: operator_intervention (shutdown, restart)
  return state.substr(0, 2) == "08" || state.substr(0, 2) == "57";
}

// What the person running izin should do about a failure with this SQLSTATE.
std::string advice(std::string_view state) {
  if (state == "53100") return "is full (no space left on the database server's disk); free some space, then retry";
  if (state == "42501") return "refused the request: the user may not do this; grant it the izin schema's rights";
  if (state == "25006") return "is read-only (a standby?); point --db at the primary";
  if (state.substr(0, 2) == "08") return "cannot be reached; check the server, then retry";
  if (state.substr(0, 2) == "57") return "is shutting down or was restarted; retry when it is back";
  return "reported an error";
}

// The libpq message on one line.
std::string one_line(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

}  // namespace

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::int64_t PgResult::integer(int row, int column) const {
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::int64_t PgResult::affected() const {
  const char* count = PQcmdTuples(result_);
  return count && *count ? std::strtoll(count, nullptr, 10) : 0;
}

PgDb::PgDb(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = conn_ ? one_line(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError("cannot connect to the PostgreSQL database of --db (" + message +
                     "); check the URL, that the server runs, and the user's password");
  }
  where_ = std::string("PostgreSQL database ") + PQdb(conn_) + " at " + PQhost(conn_) + ":" + PQport(conn_);
  exec("SET client_min_messages = warning", "configuring the connection");
}

PgDb::~PgDb() { PQfinish(conn_); }

void PgDb::reconnect_if_lost() {
  if (PQstatus(conn_) == CONNECTION_OK) return;
  if (in_transaction_)
    throw StoreUnavailableError(where_ + ": the connection was lost inside a transaction; it was rolled back, "
                                "nothing of it was written; retry when the database is back");
  PQreset(conn_);
  statements_.clear();  // prepared statements died with the old session
  if (PQstatus(conn_) != CONNECTION_OK)
    throw StoreUnavailableError(where_ + " cannot be reached (" + one_line(PQerrorMessage(conn_)) +
                                "); nothing was written; retry when it is back");
  exec("SET client_min_messages = warning", "configuring the connection");
}

// Whether a statement succeeded.
static bool ok(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

void PgDb::exec(const std::string& sql, std::string_view doing) {
  reconnect_if_lost();
  PgResult result(PQexec(conn_, sql.c_str()));
  if (!ok(result.raw())) fail(result.raw(), doing);
}

const std::string& PgDb::prepared(const char* sql, int parameters, std::string_view doing) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  const std::string name = "izin_" + std::to_string(statements_.size() + 1);
  PgResult result(PQprepare(conn_, name.c_str(), sql, parameters, nullptr));
  if (!ok(result.raw())) fail(result.raw(), doing);
  return statements_.emplace(sql, name).first->second;
}

namespace {
// Parameters as libpq takes them: all text, with explicit lengths.
struct TextParams {
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  template <typename Range>
  explicit TextParams(const Range& params) : formats(std::size(params), 0) {
    for (const PgParam& p : params) {
      values.push_back(p.data());
      lengths.push_back(p.size());
    }
  }
};
}  // namespace

PgResult PgDb::run(const char* sql, std::initializer_list<PgParam> params, std::string_view doing) {
  reconnect_if_lost();
  const int count = static_cast<int>(params.size());
  const std::string& name = prepared(sql, count, doing);
  const TextParams p(params);
  PgResult result(PQexecPrepared(conn_, name.c_str(), count, p.values.data(), p.lengths.data(), p.formats.data(), 0));
  if (!ok(result.raw())) fail(result.raw(), doing);
  return result;
}

PgResult PgDb::run_once(const std::string& sql, const std::vector<PgParam>& params, std::string_view doing) {
  reconnect_if_lost();
  const TextParams p(params);
  PgResult result(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, p.values.data(),
                               p.lengths.data(), p.formats.data(), 0));
  if (!ok(result.raw())) fail(result.raw(), doing);
  return result;
}

void PgDb::fail(const PGresult* result, std::string_view doing) {
  const char* field = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field ? field : "";
  const std::string message = one_line(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (PQstatus(conn_) != CONNECTION_OK)
    throw StoreUnavailableError(where_ + ": the connection was lost while " + std::string(doing) + " (" + message +
                                "); a transaction it left open was rolled back, one it was committing may have "
                                "been written: reload the case before retrying");
  if (is_conflict(state))
    throw ConflictError(where_ + ": " + std::string(doing) + " met another writer's change (" + message +
                        "); nothing was written, reload the case and retry");
  if (is_outage(state))
    throw StoreUnavailableError(where_ + " " + advice(state) + " while " + std::string(doing) + " (" + message + ")");
  throw StoreError(where_ + " " + advice(state) + " while " + std::string(doing) + " (" + message + ")");
}

PgTransaction::PgTransaction(PgDb& db, Kind kind) : db_(db) {
  db_.exec(kind == Write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a transaction");
  db_.in_transaction_ = true;
}

PgTransaction::~PgTransaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK", "rolling back");
  } catch (const StoreError&) {
    // A lost connection rolled back already.
  }
  db_.in_transaction_ = false;
}

void PgTransaction::commit() {
  db_.exec("COMMIT", "committing");
  db_.in_transaction_ = false;
  done_ = true;
}

}  // namespace izin::detail
