// What only a shared database shows: several handles (as several izin nodes)
// on one schema conflict instead of overwriting, keep idempotency keys unique,
// number the change feed in commit order; a schema that is not izin's, or a
// newer izin's, is refused unchanged; a damaged row quarantines one case.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <functional>
#include <set>
#include <thread>
#include <vector>

#include "fixtures.hpp"
#include "izin/open_store.hpp"
#include "izin/store_unavailable.hpp"
#include "postgres_factory.hpp"

using namespace izin;
using namespace izin::testing;
using Catch::Matchers::Contains;

namespace {
// "pbg-000042".
std::string detail_id(int n) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "pbg-%06d", n);
  return digits;
}

std::string store_error(const std::function<void()>& action) {
  try {
    action();
  } catch (const StoreError& e) {
    return e.what();
  }
  FAIL("no StoreError");
  return {};
}
}  // namespace

TEST_CASE("two nodes: a commit on a revision another node moved past is refused, nothing written", "[postgres]") {
  PostgresStoreFactory db;
  auto a = db.make();
  auto b = db.make();
  const Case c = opened_case("pbg-000001");
  a->commit({open_commit(c)});
  const auto first = fire_commit(c, "periksa", "verifikasi");
  b->commit({first});
  REQUIRE_THROWS_AS(a->commit({fire_commit(c, "tolak", "ditolak")}), ConflictError);
  CHECK(a->load_case(c.id) == first.after);
  CHECK(a->journal(c.id).size() == 2);
}

TEST_CASE("two nodes: an idempotency key is journaled once even when both race with it", "[postgres]") {
  PostgresStoreFactory db;
  auto setup = db.make();
  std::vector<Case> cases;
  for (int i = 1; i <= 20; ++i) {
    cases.push_back(opened_case(detail_id(i)));
    setup->commit({open_commit(cases.back())});
  }
  std::atomic<int> won{0}, refused{0};
  auto race = [&] {
    auto node = db.make();
    for (const Case& c : cases) {
      try {
        node->commit({fire_commit(c, "periksa", "verifikasi", std::nullopt, "k-" + c.id)});
        ++won;
      } catch (const ConflictError&) {
        ++refused;
      }
    }
  };
  std::thread one(race), two(race);
  one.join();
  two.join();
  CHECK(won == 20);
  CHECK(refused == 20);
  for (const Case& c : cases) CHECK(setup->journal(c.id).size() == 2);
}

TEST_CASE("two nodes: a reader following the change feed while both write misses no change", "[postgres]") {
  PostgresStoreFactory db;
  auto reader = db.make();
  std::atomic<int> writing{2};
  auto write = [&](int from) {
    auto node = db.make();
    for (int i = from; i < from + 40; ++i) node->commit({open_commit(opened_case(detail_id(i)))});
    --writing;
  };
  std::thread one(write, 1), two(write, 101);
  // A sequence number handed out before another but committed after it would be skipped here.
  std::set<std::string> seen;
  std::uint64_t last = 0;
  auto follow = [&] {
    for (const Change& change : reader->changes_since(last, 1000)) {
      CHECK(change.sequence > last);
      last = change.sequence;
      seen.insert(change.case_id);
    }
  };
  while (writing > 0) follow();
  one.join();
  two.join();
  follow();
  CHECK(seen.size() == 80);
}

TEST_CASE("two nodes allocate distinct case ids", "[postgres]") {
  PostgresStoreFactory db;
  auto a = db.make();
  auto b = db.make();
  std::set<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.insert(a->allocate_case_id("pbg"));
    ids.insert(b->allocate_case_id("pbg"));
  }
  CHECK(ids.size() == 10);
}

TEST_CASE("two nodes claiming due cases split them and a claim ends with its lease", "[postgres]") {
  PostgresStoreFactory db;
  auto a = db.make(), b = db.make();
  for (int i = 1; i <= 3; ++i) a->commit({open_commit(opened_case(detail_id(i)), at(10 * i))});
  a->commit({open_commit(opened_case(detail_id(4)), at(500))});  // not due yet
  const Instant now = at(60);
  const std::chrono::seconds lease{30};
  CHECK(a->claim_due(now, 2, lease) == std::vector<std::string>{detail_id(1), detail_id(2)});
  CHECK(b->claim_due(now, 5, lease) == std::vector<std::string>{detail_id(3)});
  CHECK(a->claim_due(now, 5, lease).empty());
  CHECK(a->due(now, 10).size() == 3);  // a claim hides nothing from due()
  // Node a died holding its claims: once the lease has passed, b takes them.
  db.sql("UPDATE cases SET claimed_until = claimed_until - 31 WHERE id IN ('pbg-000001', 'pbg-000002')");
  CHECK(b->claim_due(now, 5, lease) == std::vector<std::string>{detail_id(1), detail_id(2)});
}

TEST_CASE("a schema holding another program's tables is refused unchanged", "[postgres]") {
  PostgresStoreFactory db;
  db.sql("CREATE TABLE invoices (id integer)");
  CHECK_THAT(store_error([&] { db.make(); }), Contains("not an izin store") && Contains("Nothing was changed"));
  CHECK(db.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") == "1");
}

TEST_CASE("a schema written by a newer izin is refused", "[postgres]") {
  PostgresStoreFactory db;
  db.make().reset();
  CHECK(db.sql("SELECT version FROM schema_version") == "3");
  db.sql("UPDATE schema_version SET version = 99");
  CHECK_THAT(store_error([&] { db.make(); }), Contains("newer izin") && Contains("99"));
}

TEST_CASE("a damaged snapshot quarantines its case only", "[postgres]") {
  PostgresStoreFactory db;
  auto store = db.make();
  const Case good = opened_case("pbg-000001"), bad = opened_case("pbg-000002");
  store->commit({open_commit(good), open_commit(bad)});
  db.sql("UPDATE cases SET snapshot = '{not json' WHERE id = 'pbg-000002'");
  CHECK_THROWS_AS(store->load_case(bad.id), DamagedCaseError);
  CHECK(store->load_cases({}) == std::vector<Case>{good});
  const auto damaged = store->damaged_cases();
  REQUIRE(damaged.size() == 1);
  CHECK(damaged[0].case_id == bad.id);
  CHECK(damaged[0].where == "cases row");
}

TEST_CASE("a schema-1 store gains its listing columns from the snapshots and a damaged one stays out", "[postgres]") {
  PostgresStoreFactory db;
  auto store = db.make();
  Case open = opened_case("pbg-000001"), closed = opened_case("pbg-000002"), bad = opened_case("pbg-000003");
  store->commit({open_commit(open), open_commit(closed), open_commit(bad)});
  CaseCommit grant = fire_commit(closed, "setujui", "terbit");
  grant.after.outcome = "granted";
  store->commit({grant});
  const CasePage before = store->query_cases(CaseQuery{});
  store.reset();
  // Schema 1 as the previous release wrote it: no listing columns, no worklist index.
  db.sql("DROP INDEX cases_open_due");
  db.sql("DROP INDEX outbox_case");
  db.sql("ALTER TABLE cases DROP COLUMN opened_at, DROP COLUMN closed_at, DROP COLUMN outcome, "
         "DROP COLUMN claimed_until");
  db.sql("UPDATE schema_version SET version = 1");
  db.sql("UPDATE cases SET snapshot = '{not json' WHERE id = 'pbg-000003'");
  store = db.make();
  CHECK(db.sql("SELECT version FROM schema_version") == "3");
  // pg_indexes lists every schema's: parallel tests have their own.
  CHECK(db.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
               "AND indexname = 'cases_open_due'") == "1");
  CHECK(db.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
               "AND indexname = 'outbox_case'") == "1");
  const CasePage after = store->query_cases(CaseQuery{});
  REQUIRE(after.total == 2);
  CHECK(after.cases[0] == before.cases[0]);
  CHECK(after.cases[1] == before.cases[1]);
  CHECK(after.cases[1].outcome == "granted");
  CHECK(after.cases[1].closed_at.has_value());
}

TEST_CASE("text is kept byte for byte, quotes and non-ASCII included", "[postgres]") {
  PostgresStoreFactory db;
  auto store = db.make();
  const ProcedureSource source{"pbg", 1, "pbg.izin", "procedure pbg \"Persetujuan\" — izin'; DROP TABLE cases; --\n",
                               "h1"};
  store->save_procedure(source);
  CHECK(db.make()->load_procedures() == std::vector<ProcedureSource>{source});
}

TEST_CASE("open_store picks PostgreSQL for a postgresql:// or postgres:// URL", "[postgres]") {
  PostgresStoreFactory db;
  db.make()->save_procedure({"pbg", 1, "pbg.izin", "procedure pbg", "h1"});
  CHECK(open_store(db.url())->load_procedures().size() == 1);
  std::string other = db.url();
  other.replace(0, std::string("postgresql").size(), "postgres");
  CHECK(open_store(other)->load_procedures().size() == 1);
  CHECK_THAT(store_error([&] { open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"); }),
             Contains("cannot connect"));
}

TEST_CASE("a handle whose connection was cut says so once, then reconnects by itself", "[postgres]") {
  PostgresStoreFactory db;
  const std::string victim = "v_" + db.schema;
  auto store = open_postgres_store(db.url() + "&application_name=" + victim);
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  db.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + victim + "'");
  // Passing, so a server answers 503 and the client retries: StoreUnavailableError, not a plain StoreError.
  CHECK_THROWS_AS(store->load_cases({}), StoreUnavailableError);
  CHECK(store->load_cases({}) == std::vector<Case>{c});
  store->commit({fire_commit(c, "periksa", "verifikasi")});  // prepared statements are made again
  CHECK(store->journal(c.id).size() == 2);
}
