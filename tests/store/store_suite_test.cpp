// The Store contract, run against every store (memory and SQLite).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;

// tests/postgres runs this suite against PostgreSQL by defining IZIN_STORE_FACTORIES first.
#ifndef IZIN_STORE_FACTORIES
#define IZIN_STORE_FACTORIES MemoryStoreFactory, SqliteStoreFactory, TextStoreFactory
#endif
#undef STORE_TEST  // a unity build joins this file to others that define theirs
#define STORE_TEST(title) TEMPLATE_TEST_CASE(title, "[store]", IZIN_STORE_FACTORIES)

STORE_TEST("an opened case loads back exactly, with its journal entry") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  REQUIRE(store->load_case("pbg-000001") == c);
  const auto journal = store->journal("pbg-000001");
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].sequence == 1);
  CHECK(journal[0].kind == JournalEntry::Kind::Open);
  CHECK(journal[0].payload == R"({"procedure":"pbg"})");
  CHECK_FALSE(store->load_case("pbg-000002").has_value());
  CHECK(store->journal("pbg-000002").empty());
}

STORE_TEST("opening an existing id conflicts and changes nothing") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  Case other = opened_case("pbg-000001", "sip");
  REQUIRE_THROWS_AS(store->commit({open_commit(other)}), ConflictError);
  CHECK(store->load_case("pbg-000001") == c);
  CHECK(store->journal("pbg-000001").size() == 1);
}

STORE_TEST("a commit on a stale revision conflicts, the fresh one is written") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  const auto first = fire_commit(c, "lengkap", "penilaian");
  store->commit({first});
  // A second writer computed its change on revision 1 too.
  const auto stale = fire_commit(c, "tolak", "ditolak");
  REQUIRE_THROWS_AS(store->commit({stale}), ConflictError);
  const auto stored = store->load_case("pbg-000001");
  REQUIRE(stored == first.after);
  CHECK(stored->revision == 2);
  const auto journal = store->journal("pbg-000001");
  REQUIRE(journal.size() == 2);
  CHECK(journal[1].sequence == 2);
  CHECK(journal[1].event == "lengkap");
}

STORE_TEST("a change to every field of a case is kept, history appended") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  CaseCommit change = fire_commit(c, "setujui", "disetujui");
  Case& after = change.after;
  after.version = 4;
  after.data = {Value(Decimal::fraction(9, 4)), Value("Jl. Baru 2"), Value(Date::from_ymd(2026, 4, 1)), Value()};
  after.documents = {false, true, true};
  after.entered_at = at(500);
  after.pending = {PendingDeadline{1, at(900)}, PendingDeadline{2, at(950)}};
  after.sla = SlaClock{Date::from_ymd(2026, 3, 16), 3, Date::from_ymd(2026, 3, 20)};
  after.closed = true;
  after.outcome = "granted";
  after.deemed = true;
  store->commit({change});
  CHECK(store->load_case("pbg-000001") == after);
  CHECK(store->load_cases({}) == std::vector<Case>{after});
}

STORE_TEST("a conflict is a StoreError too, and firing on a missing case conflicts") {
  TestType factory;
  auto store = factory.make();
  const Case ghost = opened_case("pbg-000009");
  REQUIRE_THROWS_AS(store->commit({fire_commit(ghost, "lengkap", "penilaian")}), StoreError);
  CHECK_FALSE(store->load_case("pbg-000009").has_value());
}

STORE_TEST("a batch is all or nothing") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  const Case b = opened_case("pbg-000002");
  store->commit({open_commit(a), open_commit(b)});
  CHECK(store->load_cases({}).size() == 2);
  auto good = fire_commit(a, "lengkap", "penilaian", at(500));
  auto bad = fire_commit(b, "lengkap", "penilaian");
  bad.expected_revision = 7;
  REQUIRE_THROWS_AS(store->commit({good, bad}), ConflictError);
  CHECK(store->load_case("pbg-000001") == a);
  CHECK(store->journal("pbg-000001").size() == 1);
  CHECK(store->due_cases(at(100000)).empty());
  // An open that conflicts also undoes the rest of its batch.
  REQUIRE_THROWS_AS(store->commit({good, open_commit(b)}), ConflictError);
  CHECK(store->load_case("pbg-000001") == a);
}

STORE_TEST("several changes to one case in one batch apply in order") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  const auto second = fire_commit(a, "lengkap", "penilaian");
  const auto third = fire_commit(second.after, "setuju", "terbit");
  store->commit({open_commit(a), second, third});
  CHECK(store->load_case("pbg-000001") == third.after);
  const auto journal = store->journal("pbg-000001");
  REQUIRE(journal.size() == 3);
  CHECK(journal[2].event == "setuju");
  CHECK(journal[2].sequence == 3);
}

STORE_TEST("a refused event is journaled without changing the case") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  store->commit({open_commit(a)});
  CaseCommit refused{a, a.revision, {}, std::nullopt};
  refused.entry.kind = JournalEntry::Kind::Fire;
  refused.entry.event = "setuju";
  refused.entry.accepted = false;
  refused.entry.result = R"({"accepted":false})";
  store->commit({refused});
  CHECK(store->load_case("pbg-000001") == a);
  const auto journal = store->journal("pbg-000001");
  REQUIRE(journal.size() == 2);
  CHECK_FALSE(journal[1].accepted);
  // The next accepted change still computes on revision 1.
  store->commit({fire_commit(a, "lengkap", "penilaian")});
  CHECK(store->journal("pbg-000001").back().sequence == 3);
}

STORE_TEST("an explicit journal sequence must follow the last one") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  auto open = open_commit(a);
  open.entry.sequence = 1;
  store->commit({open});
  auto skip = fire_commit(a, "lengkap", "penilaian");
  skip.entry.sequence = 3;
  REQUIRE_THROWS_AS(store->commit({skip}), ConflictError);
  skip.entry.sequence = 2;
  store->commit({skip});
  CHECK(store->journal("pbg-000001").size() == 2);
}

STORE_TEST("the due index lists cases due by an instant, earliest first, and follows changes") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  const Case b = opened_case("pbg-000002");
  const Case c = opened_case("pbg-000003");
  store->commit({open_commit(a, at(300)), open_commit(b, at(100)), open_commit(c)});
  CHECK(store->due_cases(at(50)).empty());
  CHECK(store->due_cases(at(100)) == std::vector<std::string>{"pbg-000002"});
  CHECK(store->due_cases(at(1000)) == std::vector<std::string>{"pbg-000002", "pbg-000001"});
  // b's deadline moves later, a's is gone (closed).
  store->commit({fire_commit(b, "lengkap", "penilaian", at(400)), fire_commit(a, "setuju", "terbit")});
  CHECK(store->due_cases(at(1000)) == std::vector<std::string>{"pbg-000002"});
  CHECK(store->due_cases(at(399)).empty());
}

// The SQLite store writes the indexed columns only when they change: each way must still be right.
STORE_TEST("a deadline kept, moved, set and cleared by successive events stays right in the due index") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  store->commit({open_commit(a, at(300))});
  const CaseCommit kept = fire_commit(a, "lengkap", "penilaian", at(300));
  store->commit({kept});
  CHECK(store->due(at(1000), 10) == std::vector<DueCase>{{a.id, at(300)}});
  const CaseCommit moved = fire_commit(kept.after, "nilai", "rapat", at(500));
  store->commit({moved});
  CHECK(store->due_cases(at(499)).empty());
  CHECK(store->due(at(1000), 10) == std::vector<DueCase>{{a.id, at(500)}});
  const CaseCommit cleared = fire_commit(moved.after, "tunda", "ditunda");
  store->commit({cleared});
  CHECK(store->due_cases(at(100000)).empty());
  const CaseCommit still_none = fire_commit(cleared.after, "catat", "ditunda");
  store->commit({still_none});
  CHECK(store->due_cases(at(100000)).empty());
  const CaseCommit set_again = fire_commit(still_none.after, "lanjut", "rapat", at(700));
  store->commit({set_again});
  CHECK(store->due(at(1000), 10) == std::vector<DueCase>{{a.id, at(700)}});
  CHECK(store->load_case(a.id) == set_again.after);
}

STORE_TEST("cases are listed by procedure and state as they move, and by a procedure a commit gave them") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  const Case b = opened_case("pbg-000002");
  store->commit({open_commit(a), open_commit(b)});
  const CaseCommit moved = fire_commit(a, "lengkap", "penilaian");
  store->commit({moved});
  const auto ids = [&](const CaseFilter& f) {
    std::vector<std::string> out;
    for (const Case& c : store->load_cases(f)) out.push_back(c.id);
    return out;
  };
  CHECK(ids({"pbg", "penilaian", false}) == std::vector<std::string>{a.id});
  CHECK(ids({"pbg", "berkas", false}) == std::vector<std::string>{b.id});
  CaseCommit renamed = fire_commit(moved.after, "alih", "penilaian");
  renamed.after.procedure = "pbg_baru";
  store->commit({renamed});
  CHECK(ids({"pbg_baru", "", false}) == std::vector<std::string>{a.id});
  CHECK(ids({"pbg", "", false}) == std::vector<std::string>{b.id});
  CHECK(store->load_case(a.id) == renamed.after);
}

STORE_TEST("idempotency keys are found, and a used key cannot be journaled again") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  store->commit({open_commit(a)});
  const auto first = fire_commit(a, "lengkap", "penilaian", std::nullopt, "k-1");
  store->commit({first});
  const auto found = store->find_key("pbg-000001", "k-1");
  REQUIRE(found.has_value());
  CHECK(found->event == "lengkap");
  CHECK(found->sequence == 2);
  CHECK_FALSE(store->find_key("pbg-000001", "k-2").has_value());
  CHECK_FALSE(store->find_key("pbg-000002", "k-1").has_value());
  CHECK_FALSE(store->find_key("pbg-000001", "").has_value());
  REQUIRE_THROWS_AS(store->commit({fire_commit(first.after, "setuju", "terbit", std::nullopt, "k-1")}), ConflictError);
  CHECK(store->load_case("pbg-000001") == first.after);
}

STORE_TEST("case ids are allocated per procedure and never reused") {
  TestType factory;
  auto store = factory.make();
  CHECK(store->allocate_case_id("pbg") == "pbg-000001");
  CHECK(store->allocate_case_id("pbg") == "pbg-000002");
  CHECK(store->allocate_case_id("sip") == "sip-000001");
  // An id taken by a case opened under an explicit id is skipped.
  store->commit({open_commit(opened_case("pbg-000003"))});
  CHECK(store->allocate_case_id("pbg") == "pbg-000004");
}

STORE_TEST("cases are listed by procedure, state and openness") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001");
  const Case b = opened_case("pbg-000002");
  const Case s = opened_case("sip-000001", "sip");
  store->commit({open_commit(a), open_commit(b), open_commit(s)});
  store->commit({fire_commit(a, "setuju", "terbit")});
  const auto ids = [](const std::vector<Case>& cases) {
    std::vector<std::string> out;
    for (const auto& c : cases) out.push_back(c.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(ids(store->load_cases({})) == std::vector<std::string>{"pbg-000001", "pbg-000002", "sip-000001"});
  CHECK(ids(store->load_cases({"pbg", "", false})) == std::vector<std::string>{"pbg-000001", "pbg-000002"});
  CHECK(ids(store->load_cases({"", "berkas", false})) == std::vector<std::string>{"pbg-000002", "sip-000001"});
  CHECK(ids(store->load_cases({"pbg", "", true})) == std::vector<std::string>{"pbg-000002"});
  CHECK(ids(store->load_cases({"", "terbit", false})) == std::vector<std::string>{"pbg-000001"});
}

STORE_TEST("procedure sources are kept once per id and version") {
  TestType factory;
  auto store = factory.make();
  const ProcedureSource v3{"pbg", 3, "procedures/pbg.izin", "procedure pbg version 3 …", "h3"};
  const ProcedureSource v4{"pbg", 4, "procedures/pbg.izin", "procedure pbg version 4 …", "h4"};
  store->save_procedure(v4);
  store->save_procedure(v3);
  ProcedureSource changed = v3;
  changed.source = "something else";
  store->save_procedure(changed);
  const auto all = store->load_procedures();
  REQUIRE(all.size() == 2);
  CHECK(all[0] == v3);
  CHECK(all[1] == v4);
}

STORE_TEST("a healthy store has no quarantined cases") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c, at(100))});
  store->commit({fire_commit(c, "lengkap", "penilaian")});
  CHECK(store->damaged_cases().empty());
}

STORE_TEST("repair_case replaces snapshot, history and due time, and keeps the journal") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c, at(100))});
  const auto fired = fire_commit(c, "lengkap", "penilaian", at(500));
  store->commit({fired});
  // The rebuilt case: as after the event, with one history record fewer and another due time.
  Case rebuilt = fired.after;
  rebuilt.history.pop_back();
  rebuilt.revision = 7;
  store->repair_case(rebuilt, at(50));
  CHECK(store->load_case(c.id) == rebuilt);
  CHECK(store->due_cases(at(60)) == std::vector<std::string>{c.id});
  CHECK(store->due_cases(at(40)).empty());
  CHECK(store->journal(c.id).size() == 2);
  // The next commit continues from the repaired revision.
  REQUIRE_THROWS_AS(store->commit({fire_commit(fired.after, "tolak", "ditolak")}), ConflictError);
  store->commit({fire_commit(rebuilt, "tolak", "ditolak")});
  CHECK(store->journal(c.id).size() == 3);
  CHECK_THROWS_AS(store->repair_case(opened_case("pbg-000404"), std::nullopt), StoreError);
}

STORE_TEST("calendar versions are kept by hash, the last saved of an id is the one in force") {
  TestType factory;
  auto store = factory.make();
  CHECK(store->load_calendars().empty());
  const CalendarSource a1{"belu", "h1", "{\"id\":\"belu\",\"v\":1}"};
  const CalendarSource a2{"belu", "h2", "{\"id\":\"belu\",\"v\":2}"};
  const CalendarSource other{"kupang", "h3", "{\"id\":\"kupang\"}"};
  store->save_calendar(a1);
  store->save_calendar(other);
  store->save_calendar(a2);
  CHECK(store->load_calendars() == std::vector<CalendarSource>{a1, other, a2});
  // Going back to a known version keeps one row and puts it in force again.
  store->save_calendar(a1);
  CHECK(store->load_calendars() == std::vector<CalendarSource>{other, a2, a1});
}
