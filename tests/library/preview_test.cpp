// Deadline preview on a hand-built procedure and the 2026 Belu calendar
// around Idul Fitri (18-24 March 2026 off, Good Friday 3 April).
#include <catch2/catch.hpp>

#include "izin/preview.hpp"

namespace {

using izin::Date;
using izin::Duration;
using izin::DurationUnit;

// Belu's calendar for March-April 2026, as the joint decree and the regency list it.
izin::WorkingDayCalendar belu_spring_2026() {
  std::vector<izin::Holiday> days;
  for (const char* d : {"2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23",
                        "2026-03-24", "2026-04-03", "2026-04-05"})
    days.push_back({*Date::parse(d), "libur", "holiday"});
  return izin::WorkingDayCalendar("belu", "Kabupaten Belu", "Asia/Makassar", 480,
                                  {std::chrono::Saturday, std::chrono::Sunday}, days);
}

izin::State state(std::string id, bool initial = false) {
  izin::State s;
  s.id = std::move(id);
  s.initial = initial;
  return s;
}

izin::State final_state(std::string id, std::string outcome) {
  izin::State s = state(std::move(id));
  s.final = true;
  s.outcome = std::move(outcome);
  return s;
}

izin::Transition on(std::string event, int target) {
  izin::Transition t;
  t.event = std::move(event);
  t.target = target;
  return t;
}

izin::Deadline after(int n, DurationUnit unit, int target, bool deemed = false, int notify = -1) {
  izin::Deadline d;
  d.after = Duration{n, unit};
  d.target = target;
  d.deemed = deemed;
  d.notify_role = notify;
  return d;
}

// cek(0) --lengkap--> bayar(1, paused) --lunas--> proses(2) --terbitkan--> terbit(3);
// rejected(4) and voided(5) branches, a return to cek that loops, a deemed deadline.
izin::Procedure sample() {
  izin::Procedure p;
  p.id = "contoh";
  p.version = 1;
  p.roles = {{"kepala", {}}};
  p.sla = izin::Sla{5, -1, {}};
  izin::State cek = state("cek", true);
  cek.transitions = {on("kembalikan", 6), on("lengkap", 1)};
  cek.deadlines = {after(3, DurationUnit::WorkingDays, -1, false, 0)};
  izin::State bayar = state("bayar");
  bayar.clock_paused = true;
  bayar.transitions = {on("lunas", 2)};
  bayar.deadlines = {after(10, DurationUnit::Days, 5)};
  izin::State proses = state("proses");
  proses.transitions = {on("tolak", 4), on("terbitkan", 3)};
  proses.deadlines = {after(5, DurationUnit::WorkingDays, 3, true)};
  izin::State perbaikan = state("perbaikan");
  perbaikan.clock_paused = true;
  perbaikan.transitions = {on("kirim", 0)};
  perbaikan.deadlines = {after(5, DurationUnit::WorkingDays, 4)};
  p.states = {cek, bayar, proses, final_state("terbit", "granted"), final_state("ditolak", "rejected"),
              final_state("batal", "voided"), perbaikan};
  p.initial_state = 0;
  return p;
}

izin::Instant local(const izin::WorkingDayCalendar& cal, const char* text) {
  return *izin::parse_instant(text, cal.utc_offset_minutes());
}

}  // namespace

TEST_CASE("preview follows the main path at the last allowed moment across Idul Fitri") {
  const auto cal = belu_spring_2026();
  const auto pv = izin::preview_deadlines(sample(), cal, local(cal, "2026-03-16T09:00"));
  REQUIRE(pv.reached_final);
  REQUIRE(pv.steps.size() == 4);
  CHECK(pv.steps[0].id == "cek");  // `kembalikan` loops back, so `lengkap` is the main path
  CHECK(pv.steps[0].leave_by == "lengkap");
  // 3 working days from Monday 16 March: 17, then 25 and 26 after the Lebaran break.
  CHECK(pv.steps[0].deadlines.at(0).last_day == *Date::parse("2026-03-26"));
  CHECK(pv.steps[0].deadlines.at(0).text == "after 3 working days notify kepala");
  CHECK(pv.steps[1].id == "bayar");
  CHECK(pv.steps[1].deadlines.at(0).last_day == *Date::parse("2026-04-05"));  // 10 calendar days
  CHECK(pv.steps[1].deadlines.at(0).automatic);
  CHECK(pv.steps[2].id == "proses");
  CHECK(pv.steps[2].leave_by == "terbitkan");  // `tolak` ends rejected: skipped
  CHECK(pv.steps[2].deadlines.at(0).deemed);
  CHECK(pv.steps[2].deadlines.at(0).last_day == *Date::parse("2026-04-10"));
  CHECK(cal.local_date(pv.steps[2].left) == *Date::parse("2026-04-10"));
  CHECK(pv.steps[3].id == "terbit");
  CHECK(pv.outcome == "granted");
  CHECK_FALSE(pv.deemed);
}

TEST_CASE("preview pushes the SLA back by working days spent paused") {
  const auto cal = belu_spring_2026();
  const auto pv = izin::preview_deadlines(sample(), cal, local(cal, "2026-03-16T09:00"));
  // Paused in `bayar` from 26 March to 5 April: 27, 30, 31 March, 1 and 2 April.
  CHECK(pv.paused_working_days == 5);
  REQUIRE(pv.sla_start);
  CHECK(*pv.sla_start == *Date::parse("2026-03-16"));
  REQUIRE(pv.sla_due);
  CHECK(*pv.sla_due == *Date::parse("2026-04-07"));  // 5 + 5 working days after 16 March
}

TEST_CASE("preview takes a deemed deadline when no event leads to a grant") {
  const auto cal = belu_spring_2026();
  auto p = sample();
  p.states[2].transitions = {on("tolak", 4)};
  const auto pv = izin::preview_deadlines(p, cal, local(cal, "2026-03-16T09:00"));
  REQUIRE(pv.reached_final);
  CHECK(pv.deemed);
  CHECK(pv.steps[2].leave_by == "after 5 working days");
  CHECK(pv.steps[3].entered == cal.end_of_day(*Date::parse("2026-04-10")));
}

TEST_CASE("preview stops where no path leads to a good final") {
  const auto cal = belu_spring_2026();
  auto p = sample();
  p.states[2].transitions = {on("tolak", 4)};
  p.states[2].deadlines = {after(5, DurationUnit::WorkingDays, 4)};
  const auto pv = izin::preview_deadlines(p, cal, local(cal, "2026-03-16T09:00"));
  CHECK_FALSE(pv.reached_final);
  CHECK(pv.steps.size() == 1);  // from `cek` nothing leads on
}

TEST_CASE("SLA starts when its `from` state is first entered") {
  const auto cal = belu_spring_2026();
  auto p = sample();
  p.sla = izin::Sla{5, 2, {}};
  const auto pv = izin::preview_deadlines(p, cal, local(cal, "2026-03-16T09:00"));
  REQUIRE(pv.sla_start);
  CHECK(*pv.sla_start == *Date::parse("2026-04-05"));
  CHECK(pv.paused_working_days == 0);  // the pause came before the clock started
  CHECK(*pv.sla_due == *Date::parse("2026-04-10"));
}
