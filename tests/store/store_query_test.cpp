// Finding cases and due instants, run against every store (memory and SQLite):
// paging, each criterion, ordering, and refused queries.
#include <catch2/catch.hpp>

#include <set>

#include "fixtures.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;

// tests/postgres runs this suite against PostgreSQL by defining IZIN_STORE_FACTORIES first.
#ifndef IZIN_STORE_FACTORIES
#define IZIN_STORE_FACTORIES MemoryStoreFactory, SqliteStoreFactory
#endif
#undef STORE_TEST  // a unity build joins this file to others that define theirs
#define STORE_TEST(title) TEMPLATE_TEST_CASE(title, "[store][query]", IZIN_STORE_FACTORIES)

namespace {

// Opens case `id` at `opened` minutes with its earliest deadline due at `due` minutes (none when nullopt).
Case put(Store& store, const std::string& id, int opened, std::optional<int> due, const std::string& procedure = "pbg") {
  Case c = opened_case(id, procedure);
  c.opened_at = c.entered_at = at(opened);
  c.pending.clear();
  if (due) c.pending.push_back(PendingDeadline{0, at(*due)});
  store.commit({open_commit(c, due ? std::optional<Instant>(at(*due)) : std::nullopt)});
  return c;
}

// Closes `c` as granted at `when` minutes, with no deadline left.
Case close(Store& store, const Case& c, int when) {
  CaseCommit change = fire_commit(c, "setujui", "terbit");
  change.after.entered_at = at(when);
  change.after.outcome = "granted";
  change.after.pending.clear();
  store.commit({change});
  return change.after;
}

// Moves `c` to state `to` keeping it open, with its next deadline at `due` minutes.
Case move(Store& store, const Case& c, const std::string& to, std::optional<int> due) {
  CaseCommit change = fire_commit(c, "lengkap", to, due ? std::optional<Instant>(at(*due)) : std::nullopt);
  change.after.pending.clear();
  if (due) change.after.pending.push_back(PendingDeadline{0, at(*due)});
  store.commit({change});
  return change.after;
}

std::vector<std::string> ids(const CasePage& page) {
  std::vector<std::string> out;
  for (const auto& s : page.cases) out.push_back(s.id);
  return out;
}

// Every id of every page, walking next_cursor from the first page.
std::vector<std::string> walk(Store& store, CaseQuery q) {
  std::vector<std::string> out;
  q.cursor.clear();
  for (int pages = 0; pages < 100; ++pages) {
    const CasePage page = store.query_cases(q);
    REQUIRE(page.cases.size() <= q.limit);
    for (const auto& s : page.cases) out.push_back(s.id);
    if (page.next_cursor.empty()) return out;
    q.cursor = page.next_cursor;
  }
  FAIL("the cursor never reached the end");
  return out;
}

CaseQuery query(std::size_t limit = 50) {
  CaseQuery q;
  q.limit = limit;
  return q;
}

}  // namespace

STORE_TEST("a page by id respects the limit, counts every match, and its cursor walks all exactly once") {
  TestType factory;
  auto store = factory.make();
  for (int i = 7; i >= 1; --i) put(*store, "pbg-00000" + std::to_string(i), i, std::nullopt);
  const CasePage first = store->query_cases(query(3));
  CHECK(ids(first) == std::vector<std::string>{"pbg-000001", "pbg-000002", "pbg-000003"});
  CHECK(first.total == 7);
  REQUIRE_FALSE(first.next_cursor.empty());
  CaseQuery next = query(3);
  next.cursor = first.next_cursor;
  const CasePage second = store->query_cases(next);
  CHECK(ids(second) == std::vector<std::string>{"pbg-000004", "pbg-000005", "pbg-000006"});
  CHECK(second.total == 7);
  CHECK(walk(*store, query(3)) ==
        std::vector<std::string>{"pbg-000001", "pbg-000002", "pbg-000003", "pbg-000004", "pbg-000005", "pbg-000006",
                                 "pbg-000007"});
  // A page that ends exactly at the last match says so.
  CHECK(store->query_cases(query(7)).next_cursor.empty());
}

STORE_TEST("count_upto stops the total at the cap and says so while pages stay the same") {
  TestType factory;
  auto store = factory.make();
  for (int i = 1; i <= 5; ++i) put(*store, "pbg-00000" + std::to_string(i), i, std::nullopt);
  CaseQuery q = query(2);
  q.count_upto = 3;
  const CasePage capped = store->query_cases(q);
  CHECK(capped.total == 3);
  CHECK(capped.total_capped);
  CHECK(ids(capped) == std::vector<std::string>{"pbg-000001", "pbg-000002"});
  CHECK(walk(*store, q).size() == 5);
  q.count_upto = 5;  // exactly as many as match: the count is whole
  CHECK(store->query_cases(q).total == 5);
  CHECK_FALSE(store->query_cases(q).total_capped);
  q.count_upto.reset();
  CHECK(store->query_cases(q).total == 5);
  CHECK_FALSE(store->query_cases(q).total_capped);
}

STORE_TEST("limit 0 only counts, an empty store gives an empty last page") {
  TestType factory;
  auto store = factory.make();
  CHECK(store->query_cases(query()).total == 0);
  CHECK(store->query_cases(query()).next_cursor.empty());
  put(*store, "pbg-000001", 0, std::nullopt);
  put(*store, "pbg-000002", 0, std::nullopt);
  const CasePage count = store->query_cases(query(0));
  CHECK(count.cases.empty());
  CHECK(count.total == 2);
  CHECK(count.next_cursor.empty());
}

STORE_TEST("a case changed between pages appears once, and none vanishes") {
  TestType factory;
  auto store = factory.make();
  std::vector<Case> cases;
  for (int i = 1; i <= 6; ++i) cases.push_back(put(*store, "pbg-00000" + std::to_string(i), i, 100 + i));
  CaseQuery q = query(3);
  q.status = CaseQuery::Status::Open;
  const CasePage first = store->query_cases(q);
  REQUIRE(ids(first) == std::vector<std::string>{"pbg-000001", "pbg-000002", "pbg-000003"});
  // Between the pages another desk changes a case already listed and one still to come.
  move(*store, cases[1], "penilaian", 5);
  move(*store, cases[4], "penilaian", 1);
  q.cursor = first.next_cursor;
  const CasePage second = store->query_cases(q);
  CHECK(ids(second) == std::vector<std::string>{"pbg-000004", "pbg-000005", "pbg-000006"});
  CHECK(second.cases[1].state == "penilaian");
  CHECK(second.next_cursor.empty());
}

STORE_TEST("a summary carries the case's listing facts and no more") {
  TestType factory;
  auto store = factory.make();
  const Case open = put(*store, "pbg-000001", 5, 90);
  const Case closed = close(*store, put(*store, "pbg-000002", 7, std::nullopt), 300);
  const CasePage page = store->query_cases(query());
  REQUIRE(page.cases.size() == 2);
  CHECK(page.cases[0] == CaseSummary{"pbg-000001", "pbg", 3, "berkas", at(5), false, std::nullopt, "", at(90), 1});
  CHECK(page.cases[1] == CaseSummary{"pbg-000002", "pbg", 3, "terbit", at(7), true, at(300), "granted", std::nullopt,
                                     closed.revision});
  CHECK(open.revision == 1);
}

STORE_TEST("cases are found by procedure, state, open or closed") {
  TestType factory;
  auto store = factory.make();
  const Case a = put(*store, "pbg-000001", 0, std::nullopt);
  put(*store, "pbg-000002", 0, std::nullopt);
  put(*store, "sip-000001", 0, std::nullopt, "sip");
  move(*store, a, "penilaian", std::nullopt);
  close(*store, put(*store, "pbg-000003", 0, std::nullopt), 50);
  CaseQuery q = query();
  q.procedure = "sip";
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"sip-000001"});
  q = query();
  q.states = {"penilaian", "terbit"};
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000001", "pbg-000003"});
  q = query();
  q.procedure = "pbg";
  q.status = CaseQuery::Status::Open;
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000001", "pbg-000002"});
  q.status = CaseQuery::Status::Closed;
  const CasePage closed = store->query_cases(q);
  CHECK(ids(closed) == std::vector<std::string>{"pbg-000003"});
  CHECK(closed.total == 1);
}

STORE_TEST("opened and closed ranges include their start and exclude their end") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 10, std::nullopt);
  put(*store, "pbg-000002", 20, std::nullopt);
  close(*store, put(*store, "pbg-000003", 30, std::nullopt), 100);
  close(*store, put(*store, "pbg-000004", 40, std::nullopt), 200);
  CaseQuery q = query();
  q.opened_from = at(20);
  q.opened_before = at(40);
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000002", "pbg-000003"});
  q = query();
  q.closed_from = at(100);
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000003", "pbg-000004"});
  q.closed_before = at(200);
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000003"});
  q = query();
  q.closed_before = at(1000);  // open cases have no closing instant: never in a closed range
  CHECK(store->query_cases(q).total == 2);
}

STORE_TEST("overdue as of an instant means a pending deadline due at or before it") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, 100);
  put(*store, "pbg-000002", 0, 101);
  put(*store, "pbg-000003", 0, std::nullopt);
  put(*store, "pbg-000004", 0, 50);
  CaseQuery q = query();
  q.overdue_at = at(100);
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000001", "pbg-000004"});
  q.overdue_at = at(49);
  CHECK(store->query_cases(q).total == 0);
}

STORE_TEST("a data field equal to a value is matched at its slot in the case's version") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, std::nullopt);  // data[1] == "Jl. Merdeka 1", version 3
  Case other = opened_case("pbg-000002");
  other.data[1] = Value("Jl. Sudirman 9");
  store->commit({open_commit(other)});
  Case old = opened_case("pbg-000003");
  old.version = 2;  // in version 2 the address is field 0, which holds a number
  store->commit({open_commit(old)});
  CaseQuery q = query();
  q.field = "alamat";
  q.equals = Value("Jl. Merdeka 1");
  q.field_slots = std::vector<FieldSlot>{{"pbg", 3, 1}, {"pbg", 2, 0}};
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000001"});
  q.equals = Value(Decimal(150));
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000003"});
  q.field_slots = std::vector<FieldSlot>{};  // no version has the field: nothing matches
  CHECK(store->query_cases(q).total == 0);
}

STORE_TEST("in_states keeps cases whose procedure, version and state are listed") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, std::nullopt);
  move(*store, put(*store, "pbg-000002", 0, std::nullopt), "penilaian", std::nullopt);
  put(*store, "sip-000001", 0, std::nullopt, "sip");
  CaseQuery q = query();
  q.in_states = std::vector<StateRef>{{"pbg", 3, "penilaian"}, {"sip", 3, "berkas"}, {"pbg", 2, "berkas"}};
  CHECK(ids(store->query_cases(q)) == std::vector<std::string>{"pbg-000002", "sip-000001"});
  q.in_states = std::vector<StateRef>{};
  CHECK(store->query_cases(q).total == 0);
}

STORE_TEST("by next due: earliest first, no deadline last, ties by id, and the cursor walks that order") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, std::nullopt);
  put(*store, "pbg-000002", 0, 300);
  put(*store, "pbg-000003", 0, 100);
  put(*store, "pbg-000004", 0, std::nullopt);
  put(*store, "pbg-000005", 0, 100);
  CaseQuery q = query(2);
  q.order = CaseOrder::ByNextDue;
  CHECK(walk(*store, q) ==
        std::vector<std::string>{"pbg-000003", "pbg-000005", "pbg-000002", "pbg-000001", "pbg-000004"});
  q.limit = 3;
  CHECK(walk(*store, q).size() == 5);
}

STORE_TEST("a cursor not issued for the query's order is refused") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, 100);
  put(*store, "pbg-000002", 0, 200);
  CaseQuery by_id = query(1);
  const std::string id_cursor = store->query_cases(by_id).next_cursor;
  CaseQuery by_due = query(1);
  by_due.order = CaseOrder::ByNextDue;
  by_due.cursor = id_cursor;
  CHECK_THROWS_AS(store->query_cases(by_due), QueryError);
  by_due.cursor = "due:soon:pbg-000001";
  CHECK_THROWS_AS(store->query_cases(by_due), QueryError);
  by_id.cursor = "pbg-000001";
  CHECK_THROWS_WITH(store->query_cases(by_id), Catch::Contains("cursor 'pbg-000001'"));
}

STORE_TEST("a role or field the store cannot resolve is refused, naming it") {
  TestType factory;
  auto store = factory.make();
  CaseQuery q = query();
  q.role = "verifikator";
  CHECK_THROWS_WITH(store->query_cases(q), Catch::Contains("role 'verifikator'") && Catch::Contains("Engine::find_cases"));
  q = query();
  q.field = "alamat";
  CHECK_THROWS_AS(store->query_cases(q), QueryError);
}

STORE_TEST("due gives case ids with their instants, earliest first, up to the limit") {
  TestType factory;
  auto store = factory.make();
  put(*store, "pbg-000001", 0, 300);
  put(*store, "pbg-000002", 0, 100);
  put(*store, "pbg-000003", 0, std::nullopt);
  put(*store, "pbg-000004", 0, 100);
  put(*store, "pbg-000005", 0, 500);
  CHECK(store->due(at(300), 10) ==
        std::vector<DueCase>{{"pbg-000002", at(100)}, {"pbg-000004", at(100)}, {"pbg-000001", at(300)}});
  CHECK(store->due(at(300), 2) == std::vector<DueCase>{{"pbg-000002", at(100)}, {"pbg-000004", at(100)}});
  CHECK(store->due(at(99), 10).empty());
  // due_cases keeps answering as before, in the same order.
  CHECK(store->due_cases(at(300)) == std::vector<std::string>{"pbg-000002", "pbg-000004", "pbg-000001"});
}
