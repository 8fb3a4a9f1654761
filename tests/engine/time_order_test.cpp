// Time only moves forward for a case (issue #17 item 5, #11 item 7): an event
// before the case's last record is refused, advance_to never runs past the
// clock, and a deadline loop catches up at most kCatchUpRecordLimit records per step.
#include <catch2/catch.hpp>

#include <chrono>

#include "engine_fixture.hpp"
#include "engine_runtime.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// Whether every record of the case is at or after the one before it.
bool in_time_order(const Case& c) {
  for (std::size_t i = 1; i < c.history.size(); ++i)
    if (c.history[i].at < c.history[i - 1].at) return false;
  return true;
}

// The records of one kind in a case's history.
std::size_t count_kind(const Case& c, RecordKind kind) {
  std::size_t n = 0;
  for (const auto& r : c.history) n += r.kind == kind ? 1 : 0;
  return n;
}

// `a` re-entered by its own hourly deadline, `b` <-> `c` a two-state loop of
// 2-hour deadlines with an escalation on the way; `stop` ends either.
std::shared_ptr<Procedure> make_loops() {
  auto p = std::make_shared<Procedure>();
  p->id = "loop";
  p->version = 1;
  p->roles = {Role{"petugas", {}}};
  for (const char* s : {"a", "b", "c", "done"}) p->states.push_back(State{s, "", false, false, "", false, {}, {}, {}});
  p->states[0].initial = true;
  p->initial_state = 0;
  p->states[3].final = true;
  p->states[3].outcome = "granted";
  const auto h = DurationUnit::Hours;
  p->states[0].transitions = {on(*p, "stop", {}, "done"), on(*p, "pindah", {}, "b")};
  p->states[0].deadlines = {after(*p, 1, h, "a")};
  p->states[1].transitions = {on(*p, "stop", {}, "done")};
  p->states[1].deadlines = {notify(*p, 1, h, "petugas", "b menunggu"), after(*p, 2, h, "c")};
  p->states[2].transitions = {on(*p, "stop", {}, "done")};
  p->states[2].deadlines = {after(*p, 2, h, "b")};
  return p;
}

// The fixture with the loop procedure.
struct LoopFixture : EngineFixture {
  LoopFixture() { engine.add_procedure(make_loops()); }
  std::string open_loop(const std::string& at) {
    clock.set(wita(at));
    const Outcome o = engine.open(OpenRequest{"loop", {}, {}, Actor{"ani", "petugas"}, ""});
    REQUIRE(o.accepted);
    return o.case_id;
  }
};

constexpr auto kYear = std::chrono::days{365};
}  // namespace

TEST_CASE("an event before the case's last record is refused and changes nothing (clock set back a month)") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-04-16T09:00", {{"luas_bangunan", 80}, {"lantai", 1}, {"fungsi", "hunian"}},
                                    {"ktp", "bukti_tanah"});
  const Case before = f.get(id);
  // Before the fix `kembalikan` was accepted at 16 March, and its `after 5 working
  // days -> ditolak` rejected the case on a day before it was opened.
  const Outcome back = f.fire(id, "2026-03-16T09:00", "kembalikan", "verifikator");
  CHECK_FALSE(back.accepted);
  REQUIRE(back.refusal);
  CHECK(back.refusal->code == RefusalCode::ClockBehind);
  CHECK(refusal_code_name(back.refusal->code) == "clock_behind");
  CHECK(back.refusal->message.find("2026-04-16T01:00:00Z") != std::string::npos);  // where history ends
  CHECK(back.refusal->message.find("2026-03-16T01:00:00Z") != std::string::npos);  // the instant refused
  CHECK(back.records.empty());
  const Case after = f.get(id);
  CHECK(after.history == before.history);
  CHECK(after.state == before.state);
  CHECK(after.pending == before.pending);
  CHECK(after.revision == before.revision);
  // Corrected clock: nothing was rejected, the case goes on as if the mistake never happened.
  CHECK(f.advance("2026-04-17T09:00").empty());
  CHECK(f.fire(id, "2026-04-17T09:00", "kembalikan", "verifikator").to == "perbaikan");
  const Case now = f.get(id);
  CHECK_FALSE(now.closed);
  CHECK(in_time_order(now));
  CHECK(f.engine.replay(id) == now);
}

TEST_CASE("an event before the opening does not start the SLA in the past") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-04-16T09:00", {{"luas_bangunan", 80}, {"lantai", 1}, {"fungsi", "hunian"}},
                                    {"ktp", "bukti_tanah"});
  // Before the fix this was accepted and the SLA (from pemeriksaan) started a month early.
  const Outcome early = f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator");
  REQUIRE(early.refusal);
  CHECK(early.refusal->code == RefusalCode::ClockBehind);
  CHECK_FALSE(f.get(id).sla.start);
  // The same event at the opening instant itself is not in the past: accepted.
  CHECK(f.fire(id, "2026-04-16T09:00", "verifikasi", "verifikator").accepted);
  const Case c = f.get(id);
  REQUIRE(c.sla.start);
  CHECK(*c.sla.start == Date::from_ymd(2026, 4, 16));
  CHECK(f.engine.sla(c, wita("2026-04-21T12:00")).working_days_used == 3);  // 17, 20, 21 April
}

TEST_CASE("the clock-behind refusal speaks Indonesian, is journaled, and replays") {
  FakeClock clock{wita("2026-04-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store, Language::Indonesian};
  engine.set_calendar(belu());
  engine.add_procedure(make_pbg());
  const Outcome opened = engine.open(OpenRequest{"pbg", {{"luas_bangunan", 80}}, {"ktp"}, Actor{"ani", "front_office"}, ""});
  REQUIRE(opened.accepted);
  clock.set(wita("2026-04-15T09:00"));
  const Outcome o = engine.fire(opened.case_id, EventRequest{"kembalikan", Actor{"b", "verifikator"}, {}, {}, "k1"});
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::ClockBehind);
  CHECK(o.refusal->message.find("menulis ulang masa lalunya") != std::string::npos);
  // The same key once the clock is right returns the first result: the refusal.
  clock.set(wita("2026-04-17T09:00"));
  const Outcome again = engine.fire(opened.case_id, EventRequest{"kembalikan", Actor{"b", "verifikator"}, {}, {}, "k1"});
  CHECK(again.repeated);
  CHECK(again.refusal == o.refusal);
  const auto journal = store->journal(opened.case_id);
  REQUIRE(journal.size() == 2);
  CHECK_FALSE(journal.back().accepted);
  CHECK(engine.replay(opened.case_id) == engine.find(opened.case_id));
}

TEST_CASE("a batch refuses only the events of a case whose history is ahead of the clock") {
  EngineFixture f;
  const std::string late = f.open_pbg("2026-04-16T09:00", {{"luas_bangunan", 80}}, {"ktp"});
  const std::string early = f.open_pbg("2026-04-10T09:00", {{"luas_bangunan", 80}}, {"ktp"});
  f.clock.set(wita("2026-04-13T09:00"));
  const auto out = f.engine.fire_batch({{late, EventRequest{"kembalikan", Actor{"b", "verifikator"}, {}, {}, ""}},
                                        {early, EventRequest{"kembalikan", Actor{"b", "verifikator"}, {}, {}, ""}}});
  REQUIRE(out.size() == 2);
  REQUIRE(out[0].refusal);
  CHECK(out[0].refusal->code == RefusalCode::ClockBehind);
  CHECK(out[1].accepted);
  CHECK(f.get(late).state == 0);
  CHECK(f.get(early).state == 2);
}

TEST_CASE("advance_to later than the clock fires only what is due by the clock") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-04-16T09:00", {{"luas_bangunan", 80}}, {"ktp"});
  REQUIRE(f.fire(id, "2026-04-16T10:00", "kembalikan", "verifikator").to == "perbaikan");  // after 5 wd -> ditolak
  // Before the fix this rejected the case at its due instant, a week after the clock's now.
  CHECK(f.engine.advance_to(wita("2026-06-01T00:00")).empty());
  const Case waiting = f.get(id);
  CHECK_FALSE(waiting.closed);
  REQUIRE(waiting.pending.size() == 1);
  // The applicant answers in time, at the clock's now: history stays in order.
  CHECK(f.fire(id, "2026-04-17T09:00", "kirim_ulang", "pemohon").to == "pemeriksaan");
  const Case c = f.get(id);
  CHECK(in_time_order(c));
  CHECK(f.store->journal(id).back().at == wita("2026-04-17T09:00"));
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("an advance clamped to the clock journals the clock's instant and fires what was due by it") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-04-16T09:00", {{"luas_bangunan", 80}}, {"ktp"});
  REQUIRE(f.fire(id, "2026-04-16T10:00", "kembalikan", "verifikator").to == "perbaikan");
  const Instant due = f.get(id).pending.front().due;
  f.clock.set(due + std::chrono::hours{1});
  const auto outcomes = f.engine.advance_to(due + kYear);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].to == "ditolak");
  CHECK(f.store->journal(id).back().at == due + std::chrono::hours{1});
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("a state re-entered by its own hourly deadline fires every round, a step at most kCatchUpRecordLimit records") {
  LoopFixture f;
  const std::string id = f.open_loop("2026-04-16T09:00");
  // Ordinary steps fire every round due, as the language says.
  REQUIRE(f.advance("2026-04-16T10:00").front().records.size() == 1);
  REQUIRE(f.advance("2026-04-16T13:00").front().records.size() == 3);
  CHECK(count_kind(f.get(id), RecordKind::Deadline) == 4);
  // 500 years ahead: one full step, not 4.4 million records, and quickly.
  f.clock.set(wita("2026-04-16T13:00") + 500 * kYear);
  const auto started = std::chrono::steady_clock::now();
  const auto outcomes = f.engine.advance_to(f.clock.now());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(seconds < 5.0);
  REQUIRE(outcomes.size() == 1);
  const auto& records = outcomes[0].records;
  REQUIRE(records.size() == detail::kCatchUpRecordLimit);
  CHECK(records.front().at == wita("2026-04-16T14:00"));
  CHECK(records.back().at == wita("2026-04-16T14:00") + std::chrono::hours{detail::kCatchUpRecordLimit - 1});
  // Still behind: the next step continues with the next round, and an event at now is not lost.
  const Instant next = records.back().at + std::chrono::hours{1};
  CHECK(f.engine.advance_to(f.clock.now()).front().records.front().at == next);
  const Outcome stop = f.engine.fire(id, EventRequest{"stop", Actor{"b", "petugas"}, {}, {}, ""});
  CHECK(stop.accepted);
  REQUIRE(stop.records.size() == detail::kCatchUpRecordLimit + 1);  // a full step of rounds, then the event
  CHECK(stop.records.back().at == f.clock.now());
  const Case c = f.get(id);
  CHECK(c.closed);
  CHECK(c.history.size() == 1 + 4 + 3 * detail::kCatchUpRecordLimit + 1);
  CHECK(in_time_order(c));
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("a loop through two states by deadlines alternates every round, escalations included, and is bounded per step") {
  LoopFixture f;
  const std::string id = f.open_loop("2026-04-16T09:00");
  REQUIRE(f.fire(id, "2026-04-16T09:00", "pindah", "petugas").to == "b");
  // b: notify 10:00, -> c 11:00; c: -> b 13:00; b: notify 14:00, -> c 15:00; c: -> b 17:00.
  const auto short_jump = f.advance("2026-04-16T17:00");
  REQUIRE(short_jump.size() == 1);
  CHECK(short_jump[0].records.size() == 6);
  CHECK(short_jump[0].to == "b");
  CHECK(f.sink.sent.size() == 2);
  f.clock.set(wita("2026-04-16T17:00") + 500 * kYear);
  const auto outcomes = f.engine.advance_to(f.clock.now());
  REQUIRE(outcomes.size() == 1);
  REQUIRE(outcomes[0].records.size() == detail::kCatchUpRecordLimit);
  std::size_t notes = 0;
  for (const auto& r : outcomes[0].records) notes += r.kind == RecordKind::Notification ? 1 : 0;
  CHECK(notes == detail::kCatchUpRecordLimit / 3 + 1);  // one in every three records, starting with one
  CHECK(f.sink.sent.size() == 2 + notes);
  const Case c = f.get(id);
  CHECK(in_time_order(c));
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("a loop caught up over many steps replays to the same case") {
  LoopFixture f;
  const std::string a = f.open_loop("2026-04-16T09:00");
  const std::string b = f.open_loop("2026-04-16T09:30");
  REQUIRE(f.fire(b, "2026-04-16T09:30", "pindah", "petugas").to == "b");
  for (int week = 1; week <= 20; ++week) {
    f.clock.set(wita("2026-04-16T09:00") + std::chrono::days{week * 7});
    f.engine.advance_to(f.clock.now());
  }
  for (const std::string& id : {a, b}) {
    const Case c = f.get(id);
    CHECK(in_time_order(c));
    CHECK(f.engine.replay(id) == c);
  }
  // Every hourly round of twenty weeks fired: each step is far below the limit.
  CHECK(count_kind(f.get(a), RecordKind::Deadline) == 20 * 7 * 24);
}
