// The simulated office month and its report, on a memory store.
#include <catch2/catch.hpp>

#include <numeric>

#include "izin/office.hpp"
#include "izin/izin.hpp"

using namespace izin;

namespace {

// The shipped procedures and calendars.
const Library& shipped() {
  static const Library lib = load({std::string(IZIN_SOURCE_DIR) + "/procedures"});
  return lib;
}

// One simulated month on a fresh memory store, with its report.
struct Month {
  std::unique_ptr<Store> store = make_memory_store();
  FakeClock clock;
  Engine engine{clock, *store};
  OfficeActivity activity;
  OfficeReport report;

  explicit Month(std::uint64_t seed) {
    for (const auto& cal : shipped().calendars.calendars) engine.set_calendar(cal);
    for (const auto& p : shipped().procedures) engine.add_procedure(p);
    OfficeMonth month;
    month.seed = seed;
    activity = simulate_office_month(engine, clock, shipped(), month);
    report = office_report(engine, *store, shipped(), clock.now());
  }
};

}  // namespace

TEST_CASE("the shipped procedures load cleanly for the demo") {
  REQUIRE_FALSE(shipped().has_errors());
  REQUIRE(shipped().procedures.size() >= 3);
}

TEST_CASE("a month opens every case, over every procedure, with refusals fixed and a deemed approval") {
  Month m(2026);
  CHECK(m.activity.opened == 40);
  CHECK(m.activity.refusals > 0);
  CHECK(m.activity.resubmitted > 0);
  int cases = 0, deemed = 0, closed = 0;
  for (const auto& s : m.report.procedures) {
    CHECK(s.cases > 0);
    const int in_states = std::accumulate(s.cases_per_state.begin(), s.cases_per_state.end(), 0,
                                          [](int n, const auto& e) { return n + e.second; });
    CHECK(in_states == s.cases);
    CHECK(s.sla_met <= s.sla_cases);
    cases += s.cases;
    deemed += s.deemed;
    closed += s.closed;
  }
  CHECK(cases == 40);
  CHECK(deemed >= 1);
  CHECK(closed > 0);
  // The month ends at the close of 10 April, local time in Belu (WITA, UTC+8).
  CHECK(m.clock.now() == parse_instant("2026-04-11T00:00", 8 * 60));
}

TEST_CASE("missing requirements in the report add up to the journal's refusals for documents") {
  Month m(7);
  int journal_missing = 0;
  for (const Case& c : m.store->load_cases(CaseFilter{})) {
    for (const auto& e : m.store->journal(c.id)) {
      if (!e.accepted && e.result.find("missing_documents") != std::string::npos) {
        // each refused entry names at least one requirement
        ++journal_missing;
      }
    }
  }
  int reported = 0;
  for (const auto& [what, count] : m.report.missing_requirements) reported += count;
  CHECK(journal_missing > 0);
  CHECK(reported >= journal_missing);
  for (std::size_t i = 1; i < m.report.missing_requirements.size(); ++i)
    CHECK(m.report.missing_requirements[i - 1].second >= m.report.missing_requirements[i].second);
}

TEST_CASE("people act only in office hours on working days; the journal replays every case") {
  Month m(11);
  const CalendarPtr belu = shipped().calendars.find("belu");
  REQUIRE(belu);
  for (const Case& c : m.store->load_cases(CaseFilter{})) {
    for (const auto& r : c.history) {
      if (r.kind != RecordKind::Event && r.kind != RecordKind::Opened) continue;
      const Date day = belu->local_date(r.at);
      INFO(c.id << " " << format_instant(r.at));
      CHECK(belu->is_working_day(day));
      CHECK(r.at - belu->start_of_day(day) >= std::chrono::hours(8));
      CHECK(r.at - belu->start_of_day(day) < std::chrono::hours(16));
    }
    CHECK(m.engine.replay(c.id) == c);
  }
}

TEST_CASE("the same seed gives the same report; another seed another month") {
  const std::string a = render_office_report(Month(5).report);
  CHECK(render_office_report(Month(5).report) == a);
  CHECK(render_office_report(Month(6).report) != a);
  CHECK_THAT(a, Catch::Contains("Office report as of 2026-04-10T16:00:00Z"));
  CHECK_THAT(render_office_report(Month(5).report, Language::Indonesian), Catch::Contains("Laporan kantor per"));
}
