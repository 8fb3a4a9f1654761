// SLA with paused states, fees, idempotency keys, version pinning, calendar
// replacement, batches: the bookkeeping around events.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"
#include "engine_journal.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// A PBG case with complete documents for 150 m2 hunian.
std::string complete_case(EngineFixture& f, const std::string& at = "2026-03-16T09:00") {
  return f.open_pbg(at, {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}},
                    {"ktp", "bukti_tanah", "gambar"});
}
}  // namespace

TEST_CASE("SLA starts on first entry to its state and is pushed back by paused working days") {
  EngineFixture f;
  const std::string id = complete_case(f);
  SlaStatus s = f.engine.sla(f.get(id), wita("2026-03-16T12:00"));
  CHECK(s.declared);
  CHECK_FALSE(s.started);  // `sla 28 working days from pemeriksaan`
  REQUIRE(f.fire(id, "2026-03-17T10:00", "verifikasi", "verifikator").accepted);
  s = f.engine.sla(f.get(id), wita("2026-03-17T12:00"));
  CHECK(s.started);
  CHECK(s.due == Date::from_ymd(2026, 5, 5));  // 28 working days after 17 Mar on belu 2026
  REQUIRE(f.fire(id, "2026-03-25T10:00", "revisi", "tpa").accepted);
  s = f.engine.sla(f.get(id), wita("2026-03-27T12:00"));
  CHECK(s.paused);
  CHECK(s.due == Date::from_ymd(2026, 5, 7));  // 26 and 27 Mar paused so far
  CHECK(s.working_days_used == 1);             // 25 Mar only
  REQUIRE(f.fire(id, "2026-03-31T10:00", "kirim_ulang", "pemohon").accepted);
  const Case c = f.get(id);
  CHECK(c.sla.paused_working_days == 4);  // 26, 27, 30, 31 Mar: after entry up to and including exit
  s = f.engine.sla(c, wita("2026-05-11T23:59"));
  CHECK(s.due == Date::from_ymd(2026, 5, 11));
  CHECK_FALSE(s.paused);
  CHECK_FALSE(s.breached);
  CHECK(f.engine.sla(c, wita("2026-05-12T00:00")).breached);
}

TEST_CASE("SLA of a case closed in time is not breached later") {
  EngineFixture f;
  const std::string id = complete_case(f);
  f.fire(id, "2026-03-17T10:00", "verifikasi", "verifikator");
  f.fire(id, "2026-03-25T10:00", "setujui", "tpa");
  REQUIRE(f.fire(id, "2026-03-26T10:00", "terbitkan", "kepala_dinas").accepted);
  const SlaStatus s = f.engine.sla(f.get(id), wita("2026-12-01T00:00"));
  CHECK_FALSE(s.breached);
  CHECK(s.working_days_used == 2);  // 25 and 26 Mar
}

TEST_CASE("fees: unknown while inputs are missing, never zero") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"fungsi", "usaha"}}, {});
  auto fees = f.engine.fees(f.get(id));
  REQUIRE(fees.size() == 1);
  CHECK_FALSE(fees[0].amount);
  CHECK(fees[0].missing_fields == std::vector<std::string>{"luas_bangunan"});
  const Outcome o = f.fire(id, "2026-03-16T10:00", "kembalikan", "front_office", {{"luas_bangunan", Value(*Decimal::parse("33.33"))}});
  REQUIRE(o.fees.size() == 1);
  REQUIRE(o.fees[0].amount);
  CHECK(*o.fees[0].amount == Decimal(499950));  // 33.33 * 10000 * 1.5, exact
}

TEST_CASE("a repeated idempotency key returns the first result and applies nothing") {
  EngineFixture f;
  const std::string id = complete_case(f);
  const Outcome first = f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator", {}, {}, "k1");
  REQUIRE(first.accepted);
  const Case after_first = f.get(id);
  const Outcome again = f.fire(id, "2026-03-20T10:00", "verifikasi", "verifikator", {}, {}, "k1");
  CHECK(again.repeated);
  CHECK(again.accepted);
  Outcome expected = first;
  expected.repeated = true;
  CHECK(again == expected);
  CHECK(f.get(id) == after_first);
  // A refusal is returned again too.
  const Outcome no = f.fire(id, "2026-03-16T11:00", "terbitkan", "tpa", {}, {}, "k2");
  REQUIRE_FALSE(no.accepted);
  const Outcome no_again = f.fire(id, "2026-03-16T12:00", "terbitkan", "tpa", {}, {}, "k2");
  CHECK(no_again.repeated);
  CHECK(no_again.refusal == no.refusal);
  CHECK(f.get(id).state == after_first.state);
  CHECK(f.engine.replay(id) == f.get(id));
}

TEST_CASE("fire_batch: one commit, keys and repeated cases inside the batch") {
  EngineFixture f;
  const std::string a = complete_case(f), b = complete_case(f);
  f.clock.set(wita("2026-03-16T10:00"));
  const Actor v{"budi", "verifikator"}, t{"tia", "tpa"};
  const auto out = f.engine.fire_batch({{a, EventRequest{"verifikasi", v, {}, {}, "x"}},
                                        {b, EventRequest{"verifikasi", v, {}, {}, ""}},
                                        {a, EventRequest{"setujui", t, {}, {}, ""}},
                                        {a, EventRequest{"verifikasi", v, {}, {}, "x"}},
                                        {"pbg-404", EventRequest{"verifikasi", v, {}, {}, ""}}});
  REQUIRE(out.size() == 5);
  CHECK(out[0].accepted);
  CHECK(out[1].accepted);
  CHECK(out[2].to == "penerbitan");
  CHECK(out[3].repeated);
  CHECK(out[3].to == "pemeriksaan");
  CHECK(out[4].refusal->code == RefusalCode::UnknownCase);
  CHECK(f.store->journal(a).size() == 3);  // open, verifikasi, setujui
  CHECK(f.get(a).state == 3);
  CHECK(f.engine.replay(a) == f.get(a));
  CHECK(f.engine.replay(b) == f.get(b));
}

TEST_CASE("open cases keep their version, new cases use the newest") {
  EngineFixture f;
  const std::string old_case = complete_case(f);
  auto v4 = make_pbg(4);
  v4->states[0].transitions[0].documents = {0};  // version 4 asks only for the KTP
  f.engine.add_procedure(v4);
  const std::string new_case = f.open_pbg("2026-03-16T09:30", {{"luas_bangunan", 150}}, {"ktp"});
  CHECK(f.get(old_case).version == 3);
  CHECK(f.get(new_case).version == 4);
  CHECK(f.fire(new_case, "2026-03-16T10:00", "verifikasi", "verifikator").accepted);
  const std::string v3_case = f.get(old_case).id;
  f.clock.set(wita("2026-03-16T10:00"));
  CHECK(f.engine.procedure("pbg")->version == 4);
  CHECK(f.engine.procedure("pbg", 3)->version == 3);
  CHECK(f.engine.procedures().size() == 2);
  // The old case still runs version 3's requirements.
  const Case before = f.get(old_case);
  CHECK(f.fire(old_case, "2026-03-16T10:00", "kembalikan", "pemohon").refusal->code == RefusalCode::RoleNotAllowed);
  CHECK(f.get(v3_case) == before);
  CHECK(f.engine.replay(new_case) == f.get(new_case));
}

TEST_CASE("replacing a calendar moves open deadlines, records why, and replays") {
  EngineFixture f;
  const std::string id = complete_case(f, "2026-04-06T09:00");  // Monday
  REQUIRE(f.get(id).pending.at(0).due == wita("2026-04-10T00:00"));  // 3 working days: 7, 8, 9 Apr
  const CalendarPtr changed = belu_plus(Holiday{Date::from_ymd(2026, 4, 8), "Libur daerah", "holiday"});
  f.clock.set(wita("2026-04-07T08:00"));
  const auto moved = f.engine.set_calendar(changed);
  REQUIRE(moved.size() == 1);
  REQUIRE(moved[0].records.size() == 1);
  const HistoryRecord& r = moved[0].records[0];
  CHECK(r.kind == RecordKind::DeadlineMoved);
  CHECK(r.note == "calendar belu changed: 2026-04-08 is now a holiday; due moved from 2026-04-09T16:00:00Z to "
                  "2026-04-10T16:00:00Z");
  const Case c = f.get(id);
  CHECK(c.pending.at(0).due == wita("2026-04-11T00:00"));
  CHECK(f.store->journal(id).back().kind == JournalEntry::Kind::Calendar);
  CHECK(f.engine.replay(id) == c);
  // New deadlines use the new calendar too.
  f.fire(id, "2026-04-07T09:00", "verifikasi", "verifikator");
  CHECK(f.get(id).pending.at(0).due == wita("2026-04-23T00:00"));  // 10 working days after 7 Apr, skipping 8 Apr: 22 Apr
  CHECK(f.engine.replay(id) == f.get(id));
  CHECK(f.engine.set_calendar(changed).empty());  // the same calendar again moves nothing
}

TEST_CASE("a journaled calendar reads back equal, names with quotes included") {
  const CalendarPtr cal = belu();
  std::vector<Holiday> holidays = cal->holidays();
  holidays.push_back(Holiday{Date::from_ymd(2026, 12, 31), "Hari \"khusus\" \\ daerah\n", "cuti_bersama"});
  const WorkingDayCalendar odd(cal->id(), cal->name(), cal->timezone(), cal->utc_offset_minutes(), cal->weekend(),
                               holidays);
  const std::string text = detail::encode_calendar(odd);
  const CalendarPtr back = detail::decode_calendar(text);
  CHECK(detail::encode_calendar(*back) == text);
  REQUIRE(back->holidays().size() == holidays.size());
  CHECK(back->holidays().back().name == "Hari \"khusus\" \\ daerah\n");
  CHECK(back->weekend() == cal->weekend());
  CHECK(back->utc_offset_minutes() == 480);
}

TEST_CASE("available events name the roles that may fire each, in file order") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}}, {"ktp", "bukti_tanah"});
  using Offer = std::vector<AvailableEvent>;
  CHECK(f.engine.available_events(f.get(id)) == Offer{{"verifikasi", {"verifikator"}},
                                                      {"kembalikan", {"verifikator", "front_office"}},
                                                      {"tolak", {"verifikator"}}});
  REQUIRE(f.fire(id, "2026-03-16T10:00", "tolak", "verifikator", {{"lokasi_sengketa", true}}).accepted);
  CHECK(f.engine.available_events(f.get(id)).empty());  // closed: nothing more
  // One transition without `by` opens the event to any role.
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(belu());
  auto pbg = make_pbg();
  pbg->states[0].transitions.push_back(on(*pbg, "tolak", {}, "ditolak"));
  engine.add_procedure(pbg);
  const Outcome opened = engine.open(OpenRequest{"pbg", {}, {}, {}, ""});
  REQUIRE(opened.accepted);
  CHECK(engine.available_events(*engine.find(opened.case_id)).back() == AvailableEvent{"tolak", {}});
}
