// Each case records the calendar version its deadlines were projected on, so
// an engine that holds another version (started before an edit, or given the
// new file without the store's history) brings the case onto its own first,
// journaled, and replay agrees whichever engine did the work.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "../store/raw_sqlite.hpp"
#include "codec.hpp"
#include "engine_fixture.hpp"
#include "engine_journal.hpp"
#include "izin/sqlite_store.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// belu with 8 April 2026 made a regional holiday.
CalendarPtr belu_with_holiday() { return belu_plus(Holiday{Date::from_ymd(2026, 4, 8), "Libur daerah", "holiday"}); }

std::string complete_case(EngineFixture& f, const std::string& at) {
  return f.open_pbg(at, {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}}, {"ktp", "bukti_tanah", "gambar"});
}

// Whether every record is at or after the one before it.
bool in_time_order(const Case& c) {
  for (std::size_t i = 1; i < c.history.size(); ++i)
    if (c.history[i].at < c.history[i - 1].at) return false;
  return true;
}
}  // namespace

TEST_CASE("a case records the calendar version it opened on") {
  EngineFixture f;
  const std::string id = complete_case(f, "2026-04-06T09:00");
  CHECK(f.get(id).calendar == detail::fingerprint(detail::encode_calendar(*belu())));
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("an engine given a new calendar version without the store's history re-projects a case on first touch") {
  EngineFixture f;
  const std::string id = complete_case(f, "2026-04-06T09:00");  // Monday; due 10 Apr 00:00 WITA
  // Another program on the same store, given the edited file directly (no restore_calendars).
  Engine fresh{f.clock, *f.store};
  fresh.add_procedure(make_pbg());
  CHECK(fresh.set_calendar(belu_with_holiday()).empty());  // nothing to replace in this engine
  f.clock.set(wita("2026-04-07T08:00"));
  const Outcome o = fresh.fire(id, EventRequest{"catatan_tidak_ada", {"ani", "verifikator"}, {}, {}, ""});
  CHECK_FALSE(o.accepted);  // refused, but the case was brought onto the new version first
  const Case c = *fresh.find(id);
  CHECK(c.pending.at(0).due == wita("2026-04-11T00:00"));
  CHECK(c.calendar == detail::fingerprint(detail::encode_calendar(*belu_with_holiday())));
  CHECK(c.history.back().kind == RecordKind::DeadlineMoved);
  CHECK(fresh.replay(id) == c);
  CHECK(f.engine.replay(id) == c);
  // The first engine still holds the old version: its next step brings the case back, again journaled.
  f.clock.set(wita("2026-04-07T09:00"));
  REQUIRE(f.fire(id, "2026-04-07T09:00", "verifikasi", "verifikator").accepted);
  const Case back = f.get(id);
  CHECK(back.calendar == detail::fingerprint(detail::encode_calendar(*belu())));
  CHECK(f.engine.replay(id) == back);
  CHECK(fresh.replay(id) == back);
  CHECK(in_time_order(back));
}

TEST_CASE("deadlines due under the new version fire at their own instants, after the move is recorded") {
  EngineFixture f;
  const std::string id = complete_case(f, "2026-04-06T09:00");
  Engine fresh{f.clock, *f.store};
  fresh.add_procedure(make_pbg());
  fresh.set_calendar(belu_with_holiday());
  f.clock.set(wita("2026-04-20T09:00"));  // long past both due instants
  const auto fired = fresh.advance_to(f.clock.now());
  REQUIRE(fired.size() == 1);
  const Case c = *fresh.find(id);
  CHECK(in_time_order(c));
  const auto deadline = std::find_if(c.history.begin(), c.history.end(),
                                     [](const HistoryRecord& r) { return r.kind == RecordKind::Notification; });
  REQUIRE(deadline != c.history.end());
  CHECK(deadline->at == wita("2026-04-11T00:00"));  // the new projection, not the old one nor the tick
  CHECK(fresh.replay(id) == c);
}

TEST_CASE("a calendar installed while the clock is behind a case is stamped no earlier than its last record") {
  EngineFixture f;
  const std::string id = complete_case(f, "2026-04-06T09:00");
  f.clock.set(wita("2026-04-01T08:00"));  // set back before the case opened
  REQUIRE(f.engine.set_calendar(belu_with_holiday()).size() == 1);
  const Case c = f.get(id);
  CHECK(c.history.back().kind == RecordKind::DeadlineMoved);
  CHECK(c.history.back().at == wita("2026-04-06T09:00"));
  CHECK(in_time_order(c));
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("a schema-4 database learns each case's calendar version from its journal") {
  const auto dir = std::filesystem::temp_directory_path() / ("izin-calver-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "izin.db").string();
  std::string id;
  Case stored;
  {
    FakeClock clock{wita("2026-04-06T09:00")};
    auto store = open_sqlite_store(path);
    Engine engine{clock, *store};
    engine.set_calendar(belu());
    engine.add_procedure(make_pbg());
    const Outcome o = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 150}}, {"ktp"}, {"ani", "front_office"}, ""});
    REQUIRE(o.accepted);
    id = o.case_id;
    clock.set(wita("2026-04-07T08:00"));
    REQUIRE(engine.set_calendar(belu_with_holiday()).size() == 1);  // the version now comes from a Calendar entry
    stored = *engine.find(id);
  }
  // As the release before per-case versions left it: JSON text, no calendar in the snapshot, and its
  // history in a table of its own (schema 3 to 6), not in the journal rows.
  const auto quoted = [](std::string text) {
    for (std::size_t i = 0; (i = text.find('\'', i)) != std::string::npos; i += 2) text.insert(i, 1, '\'');
    return "'" + text + "'";
  };
  Case before_versions = stored;
  before_versions.calendar.clear();
  std::string sql = "UPDATE cases SET snapshot = " + quoted(detail::encode_snapshot(before_versions)) +
                    "; DROP TABLE outbox; DROP TABLE changes; DROP TABLE history_base; PRAGMA user_version = 4; "
                    "CREATE TABLE history (case_id TEXT NOT NULL, sequence INTEGER NOT NULL, "
                    "record TEXT NOT NULL, PRIMARY KEY (case_id, sequence)) WITHOUT ROWID;";
  for (std::size_t i = 0; i < stored.history.size(); ++i)
    sql += "INSERT INTO history VALUES (" + quoted(id) + ", " + std::to_string(i + 1) + ", " +
           quoted(detail::encode_record(stored.history[i])) + ");";
  testing::raw_sql(path, sql);
  FakeClock clock{wita("2026-04-07T09:00")};
  auto store = open_sqlite_store(path);
  CHECK(store->load_case(id) == stored);
  Engine engine{clock, *store};
  engine.add_procedure(make_pbg());
  engine.restore_calendars();
  CHECK(engine.replay(id) == stored);
  std::filesystem::remove_all(dir);
}
