// The Store contract for the notification outbox and the change feed, run
// against every store (memory and SQLite), like store_suite_test.cpp.
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
#define STORE_TEST(title) TEMPLATE_TEST_CASE(title, "[store][outbox]", IZIN_STORE_FACTORIES)

namespace {
// An escalation of case `id` raised by its history record `record`, at minute `minute`.
Notification escalation(const std::string& id, int record, int minute) {
  return Notification{id, "kepala", "terlambat " + std::to_string(record), at(minute), "berkas",
                      id + "/" + std::to_string(record)};
}

// The delivery ids of outbox entries, in order.
std::vector<std::string> ids(const std::vector<OutboxNotification>& kept) {
  std::vector<std::string> out;
  for (const auto& k : kept) out.push_back(k.notification.id);
  return out;
}

// A commit of case `c` that raises `notes`.
CaseCommit raising(const Case& c, const std::string& event, std::vector<Notification> notes) {
  CaseCommit commit = fire_commit(c, event, "penilaian");
  commit.notifications = std::move(notes);
  return commit;
}
}  // namespace

STORE_TEST("a commit keeps its notifications undelivered, each due at its own instant") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  CHECK(store->undelivered_notifications(100).empty());
  const Notification early = escalation(c.id, 2, 5), late = escalation(c.id, 3, 30);
  store->commit({raising(c, "lengkap", {late, early})});
  // Listed in the order committed; due by their instant, earliest first.
  CHECK(ids(store->undelivered_notifications(100)) == std::vector<std::string>{late.id, early.id});
  CHECK(ids(store->undelivered_notifications(1)) == std::vector<std::string>{late.id});
  CHECK(store->due_notifications(at(4), 100).empty());
  CHECK(ids(store->due_notifications(at(5), 100)) == std::vector<std::string>{early.id});
  CHECK(ids(store->due_notifications(at(30), 100)) == std::vector<std::string>{early.id, late.id});
  CHECK(ids(store->due_notifications(at(30), 1)) == std::vector<std::string>{early.id});
  const auto kept = store->find_notification(late.id);
  REQUIRE(kept);
  CHECK(*kept == OutboxNotification{late, 0, "", late.at, std::nullopt});
  CHECK_FALSE(store->find_notification("pbg-000001/9"));
}

STORE_TEST("a notification id already kept conflicts, and the commit writes nothing") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  const Notification n = escalation(c.id, 2, 5);
  const CaseCommit first = raising(c, "lengkap", {n});
  store->commit({first});
  const auto changes = store->changes_since(0, 100);
  // The same id again, from a later change of the case: refused whole.
  CaseCommit again = raising(first.after, "periksa", {n});
  REQUIRE_THROWS_AS(store->commit({again}), ConflictError);
  CHECK(store->load_case(c.id) == first.after);
  CHECK(store->journal(c.id).size() == 2);
  CHECK(store->changes_since(0, 100) == changes);
  // Twice within one batch is refused too.
  CaseCommit twice = raising(first.after, "periksa", {escalation(c.id, 4, 6), escalation(c.id, 4, 6)});
  REQUIRE_THROWS_AS(store->commit({twice}), ConflictError);
  CHECK(store->undelivered_notifications(100).size() == 1);
  CHECK(store->load_case(c.id) == first.after);
}

STORE_TEST("a batch that conflicts keeps none of its notifications") {
  TestType factory;
  auto store = factory.make();
  const Case a = opened_case("pbg-000001"), b = opened_case("pbg-000002");
  store->commit({open_commit(a), open_commit(b)});
  const auto changes = store->changes_since(0, 100);
  CaseCommit stale = fire_commit(b, "lengkap", "penilaian");
  stale.expected_revision = 7;
  REQUIRE_THROWS_AS(store->commit({raising(a, "lengkap", {escalation(a.id, 2, 5)}), stale}), ConflictError);
  CHECK(store->undelivered_notifications(100).empty());
  CHECK_FALSE(store->find_notification(a.id + "/2"));
  CHECK(store->changes_since(0, 100) == changes);
}

STORE_TEST("tries are recorded: a delivered notification is done, a failed one waits with its error") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c)});
  const Notification ok = escalation(c.id, 2, 5), bad = escalation(c.id, 3, 5);
  store->commit({raising(c, "lengkap", {ok, bad})});
  store->record_deliveries({DeliveryAttempt{ok.id, at(10), true, "", at(10)},
                            DeliveryAttempt{bad.id, at(10), false, "smtp down", at(11)}});
  CHECK(store->find_notification(ok.id)->delivered_at == at(10));
  CHECK(store->find_notification(ok.id)->attempts == 0);
  const auto waiting = store->find_notification(bad.id);
  REQUIRE(waiting);
  CHECK(*waiting == OutboxNotification{bad, 1, "smtp down", at(11), std::nullopt});
  CHECK(ids(store->undelivered_notifications(100)) == std::vector<std::string>{bad.id});
  CHECK(store->due_notifications(at(10), 100).empty());
  CHECK(ids(store->due_notifications(at(11), 100)) == std::vector<std::string>{bad.id});
  // A second failure counts on; then it is delivered, and later tries change nothing.
  store->record_deliveries({DeliveryAttempt{bad.id, at(11), false, "still down", at(13)}});
  CHECK(store->find_notification(bad.id)->attempts == 2);
  CHECK(store->find_notification(bad.id)->last_error == "still down");
  store->record_deliveries({DeliveryAttempt{bad.id, at(13), true, "", at(13)}});
  store->record_deliveries({DeliveryAttempt{bad.id, at(20), false, "late", at(21)},
                            DeliveryAttempt{ok.id, at(20), true, "", at(20)},
                            DeliveryAttempt{"pbg-000099/1", at(20), true, "", at(20)}});
  CHECK(*store->find_notification(bad.id) == OutboxNotification{bad, 2, "still down", at(13), at(13)});
  CHECK(store->find_notification(ok.id)->delivered_at == at(10));
  CHECK(store->undelivered_notifications(100).empty());
  CHECK(store->due_notifications(at(1000), 100).empty());
  CHECK_FALSE(store->find_notification("pbg-000099/1"));
}

STORE_TEST("every commit that moves a case is numbered store-wide, in commit order") {
  TestType factory;
  auto store = factory.make();
  CHECK(store->changes_since(0, 100).empty());
  const Case a = opened_case("pbg-000001"), b = opened_case("pbg-000002");
  store->commit({open_commit(a)});
  CHECK(store->last_commit_changes() == std::vector<Change>{Change{1, a.id, 1, JournalEntry::Kind::Open, a.opened_at}});
  const CaseCommit a2 = fire_commit(a, "lengkap", "penilaian");
  store->commit({open_commit(b), a2});
  // A refused event is journaled but moves nothing: no change.
  CaseCommit refused = fire_commit(a2.after, "setujui", "penilaian");
  refused.after = a2.after;
  refused.entry.accepted = false;
  store->commit({refused});
  CHECK(store->last_commit_changes().empty());
  const CaseCommit b2 = fire_commit(b, "tolak", "ditolak");
  store->commit({b2});
  const std::vector<Change> all{Change{1, a.id, 1, JournalEntry::Kind::Open, a.opened_at},
                                Change{2, b.id, 1, JournalEntry::Kind::Open, b.opened_at},
                                Change{3, a.id, 2, JournalEntry::Kind::Fire, a2.entry.at},
                                Change{4, b.id, 2, JournalEntry::Kind::Fire, b2.entry.at}};
  CHECK(store->changes_since(0, 100) == all);
  CHECK(store->last_commit_changes() == std::vector<Change>{all[3]});
  CHECK(store->changes_since(1, 2) == std::vector<Change>{all[1], all[2]});
  CHECK(store->changes_since(4, 100).empty());
  CHECK(store->changes_since(~std::uint64_t{0}, 100).empty());
  CHECK(store->journal(a.id).size() == 3);
}

STORE_TEST("a case's notifications are its own, delivered or not, in the order raised") {
  TestType factory;
  auto store = factory.make();
  const Case c = opened_case("pbg-000001"), longer = opened_case("pbg-000001/b");  // its ids start with c's
  store->commit({open_commit(c), open_commit(longer)});
  CHECK(store->case_notifications(c.id).empty());
  // As the engine raises them: each an escalation record of the history, its id "<case>/<record>".
  CaseCommit escalated = raising(c, "lengkap", {escalation(c.id, 2, 5), escalation(c.id, 3, 7)});
  HistoryRecord& second = escalated.after.history.back();
  second.kind = RecordKind::Notification;
  HistoryRecord third = second;
  third.sequence = 3;
  escalated.after.history.push_back(third);
  CaseCommit other = raising(longer, "lengkap", {escalation(longer.id, 2, 6)});
  other.after.history.back().kind = RecordKind::Notification;
  store->commit({escalated, other});
  store->record_deliveries({DeliveryAttempt{c.id + "/2", at(8), true, "", {}}});
  CHECK(ids(store->case_notifications(c.id)) == std::vector<std::string>{c.id + "/2", c.id + "/3"});
  CHECK(ids(store->case_notifications(longer.id)) == std::vector<std::string>{longer.id + "/2"});
  CHECK(store->case_notifications("pbg-000009").empty());
}
