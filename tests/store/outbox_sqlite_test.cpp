// The outbox and the change feed in one SQLite file shared by several
// handles (processes), and the upgrade of a file from before them.
#include <catch2/catch.hpp>

#include "codec.hpp"
#include "fixtures.hpp"
#include "raw_sqlite.hpp"
#include "sqlite_store_schema.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;

TEST_CASE("two handles on one file share one change feed, numbered in commit order", "[sqlite][outbox]") {
  TempDir dir;
  auto first = open_sqlite_store(dir.file("izin.db"));
  auto second = open_sqlite_store(dir.file("izin.db"));
  const Case a = opened_case("pbg-000001"), b = opened_case("pbg-000002");
  first->commit({open_commit(a)});
  second->commit({open_commit(b)});
  const CaseCommit a2 = fire_commit(a, "lengkap", "penilaian");
  first->commit({a2});
  const CaseCommit b2 = fire_commit(b, "tolak", "ditolak");
  second->commit({b2});
  CHECK(first->last_commit_changes() == std::vector<Change>{Change{3, a.id, 2, JournalEntry::Kind::Fire, a2.entry.at}});
  CHECK(second->last_commit_changes() == std::vector<Change>{Change{4, b.id, 2, JournalEntry::Kind::Fire, b2.entry.at}});
  const auto seen_by_first = first->changes_since(0, 100);
  CHECK(seen_by_first == second->changes_since(0, 100));
  std::vector<std::string> order;
  for (const Change& c : seen_by_first) order.push_back(c.case_id + "@" + std::to_string(c.revision));
  CHECK(order == std::vector<std::string>{a.id + "@1", b.id + "@1", a.id + "@2", b.id + "@2"});
  // A reader that saw up to 2 continues with exactly what came after.
  CHECK(second->changes_since(2, 100) == std::vector<Change>{seen_by_first[2], seen_by_first[3]});
  // The outbox is shared too: what one handle commits, the other delivers.
  CaseCommit raising = fire_commit(a2.after, "periksa", "penilaian");
  raising.notifications = {Notification{a.id, "kepala", "terlambat", at(40), "penilaian", a.id + "/3"}};
  first->commit({raising});
  REQUIRE(second->undelivered_notifications(10).size() == 1);
  second->record_deliveries({DeliveryAttempt{a.id + "/3", at(41), true, "", at(41)}});
  CHECK(first->find_notification(a.id + "/3")->delivered_at == at(41));
}

TEST_CASE("a change sequence is never handed out twice, even after the newest row is gone", "[sqlite][outbox]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  auto store = open_sqlite_store(path);
  const Case a = opened_case("pbg-000001"), b = opened_case("pbg-000002");
  store->commit({open_commit(a)});
  store->commit({open_commit(b)});
  raw_sql(path, "DELETE FROM changes WHERE sequence = 2;");
  store->commit({fire_commit(a, "lengkap", "penilaian")});
  CHECK(store->last_commit_changes().at(0).sequence == 3);
}

TEST_CASE("a schema-4 database (the release before the outbox) gains an empty outbox and change feed, cases intact",
          "[sqlite][outbox]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = fire_commit(opened_case("pbg-000001"), "lengkap", "penilaian").after;
  const auto& steps = detail::sqlite_migrations();
  raw_sql(path, steps[0] + steps[1] + steps[2] + steps[3] + "PRAGMA user_version = 4;");
  raw_sql(path, "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, "
                "last_sequence, history_length) VALUES ('pbg-000001', 'pbg', 3, 'penilaian', 2, 0, '" +
                    std::string(detail::encode_snapshot(c)) + "', NULL, 2, 0);");
  auto store = open_sqlite_store(path);
  CHECK(store->undelivered_notifications(10).empty());
  CHECK(store->changes_since(0, 10).empty());  // the feed starts at the upgrade
  const auto loaded = store->load_case(c.id);
  REQUIRE(loaded);
  CHECK(loaded->revision == 2);
  CaseCommit next = fire_commit(c, "periksa", "penilaian");
  next.notifications = {Notification{c.id, "kepala", "terlambat", at(40), "penilaian", c.id + "/9"}};
  store->commit({next});
  CHECK(store->changes_since(0, 10) ==
        std::vector<Change>{Change{1, c.id, 3, JournalEntry::Kind::Fire, next.entry.at}});
  CHECK(store->undelivered_notifications(10).size() == 1);
  auto reopened = open_sqlite_store(path, SqliteOptions{true, 5000, true, false, false});  // read-only
  CHECK(reopened->changes_since(0, 10).size() == 1);
}
