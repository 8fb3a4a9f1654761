// The PostgreSQL store under test: each factory is a fresh schema in the
// throw-away cluster scripts/pg.sh started (ctest's fixture "postgres").
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "izin/postgres_store.hpp"

namespace izin::testing {

// The test cluster's URL: $IZIN_PG_URL, else line 2 of the file $IZIN_PG_STATE names.
inline std::string test_postgres_url() {
  if (const char* url = std::getenv("IZIN_PG_URL"); url && *url) return url;
  const char* state = std::getenv("IZIN_PG_STATE");
  std::ifstream in(state ? state : "");
  std::string dir, url;
  if (!state || !std::getline(in, dir) || !std::getline(in, url) || url.empty())
    throw std::runtime_error("the PostgreSQL tests need a running cluster: run them through ctest (its fixture "
                             "runs scripts/pg.sh start), or set IZIN_PG_URL; PostgreSQL 15 comes from scripts/deps.sh");
  return url;
}

// One SQL statement on a fresh connection to the test cluster (setup and inspection).
inline std::string test_postgres_sql(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test cluster at " + url + ": " + message);
  }
  PGresult* r = PQexec(conn, ("SET client_min_messages = warning; " + sql).c_str());
  const auto status = PQresultStatus(r);
  std::string out = status == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
  const std::string error = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(sql + ": " + error);
  return out;
}

// A fresh schema; make() opens a store on it (again and again, like reopening a file).
struct PostgresStoreFactory {
  static constexpr const char* name = "postgres";
  PostgresStoreFactory() {
    static std::atomic<int> counter{0};
    schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    test_postgres_sql(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  }
  ~PostgresStoreFactory() {
    try {
      test_postgres_sql(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (const std::exception&) {
      // The cluster is thrown away after the run anyway.
    }
  }
  PostgresStoreFactory(const PostgresStoreFactory&) = delete;
  PostgresStoreFactory& operator=(const PostgresStoreFactory&) = delete;

  // The URL of the schema.
  std::string url() const { return base + "?options=-csearch_path%3D" + schema; }
  std::unique_ptr<Store> make() { return open_postgres_store(url()); }
  // Runs SQL inside the schema (to damage rows, read the schema version).
  std::string sql(const std::string& statement) const { return test_postgres_sql(url(), statement); }

  std::string base = test_postgres_url();
  std::string schema;
};

}  // namespace izin::testing
