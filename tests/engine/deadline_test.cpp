// Deadlines: ladders, chains, guards false at the due instant, self-transition
// restarts, firing at the exact due instant, global order across cases.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// A small procedure with a ladder in `a` and a chain b -> c -> e.
std::shared_ptr<Procedure> make_ladder() {
  auto p = std::make_shared<Procedure>();
  p->id = "uji";
  p->version = 1;
  p->calendar = "belu";
  p->roles = {Role{"petugas", {}}};
  p->data = {DataField{"aktif", "", Type::Bool, {}, {}}};
  for (const char* s : {"a", "b", "c", "d", "e"}) p->states.push_back(State{s, "", false, false, "", false, {}, {}, {}});
  p->states[0].initial = true;
  p->initial_state = 0;
  p->states[3].final = p->states[4].final = true;
  p->states[3].outcome = "rejected";
  p->states[4].outcome = "granted";
  const auto wd = DurationUnit::WorkingDays;
  p->states[0].transitions = {on(*p, "ping", {}, "a"), on(*p, "maju", {"petugas"}, "b")};
  Deadline guarded = after(*p, 3, wd, "c");
  guarded.guard = field(*p, "aktif");
  p->states[0].deadlines = {notify(*p, 1, wd, "petugas", "satu"), notify(*p, 2, wd, "petugas", "dua"), guarded,
                            after(*p, 4, wd, "d")};
  p->states[1].deadlines = {after(*p, 2, DurationUnit::Hours, "c")};
  p->states[2].deadlines = {after(*p, 1, DurationUnit::Hours, "e", true)};
  return p;
}

// The fixture with the ladder procedure too.
struct LadderFixture : EngineFixture {
  LadderFixture() { engine.add_procedure(make_ladder()); }
  std::string open_uji(const std::string& at, DataInput data = {}) {
    clock.set(wita(at));
    const Outcome o = engine.open(OpenRequest{"uji", std::move(data), {}, Actor{"ani", "petugas"}, ""});
    REQUIRE(o.accepted);
    return o.case_id;
  }
};

// The kinds of a list of records.
std::vector<RecordKind> kinds(const std::vector<HistoryRecord>& records) {
  std::vector<RecordKind> out;
  for (const auto& r : records) out.push_back(r.kind);
  return out;
}
}  // namespace

TEST_CASE("a ladder fires each line once, a false guard spends its line") {
  LadderFixture f;
  const std::string id = f.open_uji("2026-04-06T09:00");  // Monday
  const auto outcomes = f.advance("2026-04-20T00:00");
  REQUIRE(outcomes.size() == 1);
  const Outcome& o = outcomes[0];
  CHECK(kinds(o.records) == std::vector<RecordKind>{RecordKind::Notification, RecordKind::Notification,
                                                      RecordKind::DeadlineSpent, RecordKind::Deadline});
  CHECK(o.records[0].at == wita("2026-04-08T00:00"));
  CHECK(o.records[1].at == wita("2026-04-09T00:00"));
  CHECK(o.records[2].at == wita("2026-04-10T00:00"));
  CHECK(o.records[2].note == "condition aktif was false at the due instant");
  CHECK(o.records[3].at == wita("2026-04-11T00:00"));
  CHECK(o.to == "d");
  REQUIRE(f.sink.sent.size() == 2);
  CHECK(f.sink.sent[0].message == "satu");
  CHECK(f.sink.sent[1].message == "dua");
  CHECK(f.advance("2026-05-20T00:00").empty());  // nothing fires twice
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("a true guard at the due instant takes its transition, chains count from the due instant") {
  LadderFixture f;
  const std::string id = f.open_uji("2026-04-06T09:00", {{"aktif", true}});
  const auto outcomes = f.advance("2026-04-20T00:00");
  REQUIRE(outcomes.size() == 1);
  const Outcome& o = outcomes[0];
  REQUIRE(o.records.size() == 4);
  CHECK(o.records[2].kind == RecordKind::Deadline);
  CHECK(o.records[2].to == "c");
  CHECK(o.records[3].at == wita("2026-04-10T01:00"));  // c's 1 hour counts from its entry at the due instant
  CHECK(o.records[3].deemed);
  const Case c = f.get(id);
  CHECK(c.outcome == "granted");
  CHECK(c.deemed);
}

TEST_CASE("a chain of hour deadlines fires in one advance") {
  LadderFixture f;
  const std::string id = f.open_uji("2026-04-06T09:00");
  CHECK(f.fire(id, "2026-04-06T10:00", "maju", "petugas").to == "b");
  CHECK(f.advance("2026-04-06T11:59").empty());
  const auto outcomes = f.advance("2026-04-06T13:00");
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].records.size() == 2);
  CHECK(outcomes[0].to == "e");
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("a self-transition is a new visit: its after lines restart") {
  LadderFixture f;
  const std::string id = f.open_uji("2026-04-06T09:00");
  REQUIRE(f.advance("2026-04-08T00:00").size() == 1);  // "satu" sent
  CHECK(f.sink.sent.size() == 1);
  const Outcome ping = f.fire(id, "2026-04-08T10:00", "ping", "petugas");
  CHECK(ping.from == "a");
  CHECK(ping.to == "a");
  REQUIRE(ping.deadlines.size() == 4);
  CHECK(ping.deadlines[0].due == wita("2026-04-10T00:00"));  // 1 working day after Wed 8 Apr
  f.advance("2026-04-10T00:00");
  REQUIRE(f.sink.sent.size() == 2);
  CHECK(f.sink.sent[1].message == "satu");
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("an event at the exact due instant comes after the deadline, a refused event keeps fired deadlines") {
  LadderFixture f;
  const std::string id = f.open_uji("2026-04-06T09:00");
  const Outcome refused = f.fire(id, "2026-04-08T00:00", "mundur", "petugas");
  CHECK_FALSE(refused.accepted);
  REQUIRE(refused.records.size() == 1);
  CHECK(refused.records[0].kind == RecordKind::Notification);
  CHECK(refused.notifications.size() == 1);
  CHECK(f.get(id).revision == 2);  // the deadline happened
  const Outcome o = f.fire(id, "2026-04-09T00:00", "maju", "petugas");
  CHECK(kinds(o.records) == std::vector<RecordKind>{RecordKind::Notification, RecordKind::Event});
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("advance fires across cases in time order, ties by case id") {
  LadderFixture f;
  const std::string second = f.open_uji("2026-04-06T09:00");
  const std::string first = f.open_uji("2026-04-06T08:00");
  REQUIRE(second < first);  // ids are allocated in order: uji-000001 opened later in the day
  f.advance("2026-04-09T00:00");
  REQUIRE(f.sink.sent.size() == 4);
  CHECK(f.sink.sent[0].case_id == second);
  CHECK(f.sink.sent[0].message == "satu");
  CHECK(f.sink.sent[1].case_id == first);
  CHECK(f.sink.sent[1].message == "satu");
  CHECK(f.sink.sent[2].case_id == second);
  CHECK(f.sink.sent[2].message == "dua");
  CHECK(f.store->journal(first).back().kind == JournalEntry::Kind::Advance);
}
