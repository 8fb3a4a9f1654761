// How the PostgreSQL store grows with open cases (bench/pg.sh): database
// bytes per open case, the `due` query with nothing due and with 10,000 due,
// and a worklist page, at each size given. Real cases are opened through the
// engine (procedure legalisir of procedures/); the rest are SQL copies of
// those rows under new ids, so a million cases load in minutes, not hours.
//   pg_scale --db URL --procedures DIR --sizes 100000,1000000
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "izin/izin.hpp"

namespace {

using namespace izin;
using steady = std::chrono::steady_clock;

constexpr int kSeeds = 1000;  // cases opened through the engine; the rest are copies

// One SQL statement on its own connection; the first value of the first row ("" when none).
std::string sql(const std::string& url, const std::string& statement) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect: " + message);
  }
  PGresult* r = PQexec(conn, statement.c_str());
  const auto status = PQresultStatus(r);
  const std::string out = status == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
  const std::string error = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error(statement + ": " + error);
  return out;
}

// Mean milliseconds of `runs` calls of `f`.
template <typename F>
double mean_ms(int runs, F&& f) {
  const auto start = steady::now();
  for (int i = 0; i < runs; ++i) f();
  return std::chrono::duration<double, std::milli>(steady::now() - start).count() / runs;
}

// Copies the seed cases (ids without '.') with their history and journal rows as `copies` × kSeeds
// new cases "<seed>.<n>", n from `first`; their deadlines lie ahead, spread over 60 days.
void copy_seeds(const std::string& url, long first, long copies) {
  const std::string range =
      "generate_series(" + std::to_string(first) + ", " + std::to_string(first + copies - 1) + ")";
  sql(url,
      "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, last_sequence, "
      "history_length, opened_at, closed_at, outcome) SELECT c.id || '.' || g, procedure, version, state, revision, "
      "closed, snapshot, coalesce(next_due, extract(epoch from now())::bigint) + 86400 * 30 + (g % 5184000), "
      "last_sequence, history_length, opened_at, closed_at, outcome FROM cases c, " +
          range + " g WHERE position('.' in c.id) = 0");
  sql(url, "INSERT INTO history SELECT h.case_id || '.' || g, sequence, record FROM history h, " + range +
               " g WHERE position('.' in h.case_id) = 0");
  sql(url,
      "INSERT INTO journal SELECT j.case_id || '.' || g, sequence, at, kind, actor_user, actor_role, event, "
      "payload, result, '', accepted FROM journal j, " +
          range + " g WHERE position('.' in j.case_id) = 0");
  sql(url, "VACUUM ANALYZE");
}

// The clerk's first worklist page and the page after it (the cursor's keyset), 50 cases each.
std::pair<double, double> worklist_ms(Engine& engine) {
  CasePage first;
  const double first_ms = mean_ms(10, [&] { first = engine.worklist("front_office", 50); });
  if (first.cases.size() != 50 || first.next_cursor.empty())
    throw std::runtime_error("the worklist's first page has " + std::to_string(first.cases.size()) + " cases");
  const double next_ms = mean_ms(10, [&] {
    if (engine.worklist("front_office", 50, first.next_cursor).cases.size() != 50)
      throw std::runtime_error("the worklist's second page is short");
  });
  return {first_ms, next_ms};
}

void measure(const std::string& url, Engine& engine, Store& store, long cases) {
  const Instant now = SystemClock{}.now();
  const double bytes = std::stod(sql(url,
                                     "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE n.nspname = current_schema() AND c.relkind = 'r'"));
  const double idle_due = mean_ms(50, [&] { (void)store.due(now, 1000); });
  const auto [worklist, next_page] = worklist_ms(engine);
  // 10,000 deadlines fall due: the first 10,000 cases by id.
  sql(url, "UPDATE cases SET next_due = " +
               std::to_string(
                   std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() - 60) +
               " WHERE id IN (SELECT id FROM cases ORDER BY id LIMIT 10000)");
  sql(url, "ANALYZE cases");
  std::size_t found = 0;
  const double busy_due = mean_ms(5, [&] { found = store.due(now, 100000).size(); });
  if (found != 10000) throw std::runtime_error("expected 10,000 due, found " + std::to_string(found));
  sql(url,
      "UPDATE cases SET next_due = next_due + 86400 * 90 WHERE next_due < " +
          std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count()));
  std::printf(
      "%9ld open cases | %6.0f bytes/case | due, none due %7.2f ms | due, 10,000 due %8.1f ms | "
      "worklist page (50) %6.1f ms, next page %6.1f ms\n",
      cases, bytes / static_cast<double>(cases), idle_due, busy_due, worklist, next_page);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, procedures;
  std::vector<long> sizes;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--db")
      url = v;
    else if (a == "--procedures")
      procedures = v;
    else if (a == "--sizes") {
      std::stringstream in(v);
      for (std::string n; std::getline(in, n, ',');) sizes.push_back(std::stol(n));
    }
  }
  if (url.empty() || procedures.empty() || sizes.empty()) {
    std::cerr << "usage: pg_scale --db postgresql://… --procedures DIR --sizes 100000,1000000\n";
    return 2;
  }
  try {
    auto store = open_store(url);
    SystemClock clock;
    Engine engine(clock, *store);
    reload(engine, store.get(), procedures);
    for (int i = 0; i < kSeeds; ++i)
      if (!engine.open(OpenRequest{"legalisir", {}, {}, {"loket", "front_office"}, ""}).accepted)
        throw std::runtime_error("a legalisir case was refused");
    long have = kSeeds, copied = 0;
    for (const long size : sizes) {
      const long copies = (size - have) / kSeeds;
      if (copies > 0) copy_seeds(url, copied + 1, copies);
      copied += copies > 0 ? copies : 0;
      have += copies > 0 ? copies * kSeeds : 0;
      measure(url, engine, *store, have);
    }
  } catch (const std::exception& e) {
    std::cerr << "pg_scale: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
