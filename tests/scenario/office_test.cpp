// The simulated office month and its report, on a memory store.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>

#include <nlohmann/json.hpp>

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
  // Cases are filed round-robin over the shipped procedures, so which of them
  // are left to their deadlines depends on the seed and on how many procedures
  // ship; with the nine of today, seed 2025 leaves one to a deemed approval.
  Month m(2025);
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

TEST_CASE("people act only in office hours on working days, the journal replays every case") {
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

TEST_CASE("the same seed gives the same report, another seed another month") {
  const std::string a = render_office_report(Month(5).report);
  CHECK(render_office_report(Month(5).report) == a);
  CHECK(render_office_report(Month(6).report) != a);
  // The end of 10 April in Belu, in the office's own time.
  CHECK_THAT(a, Catch::Contains("Office report as of 2026-04-11 00:00 WITA"));
  CHECK_THAT(render_office_report(Month(5).report, Language::Indonesian), Catch::Contains("Laporan kantor per"));
}

TEST_CASE("the report gives every refused event a reason, adding up to the journal's refusals", "[office]") {
  Month m(2026);
  int refused_entries = 0, missing_documents = 0;
  for (const Case& c : m.store->load_cases(CaseFilter{})) {
    for (const auto& e : m.store->journal(c.id)) {
      if (e.accepted) continue;
      const auto refusal = nlohmann::json::parse(e.result).at("refusal");
      if (refusal.at("code") == "missing_documents") missing_documents += static_cast<int>(refusal.at("missing").size());
      else ++refused_entries;
    }
  }
  int tallied_missing = 0, tallied_other = 0;
  for (const auto& t : m.report.refusals) {
    CHECK(t.count > 0);
    CHECK_FALSE(t.procedure.empty());
    (t.code == RefusalCode::MissingDocuments ? tallied_missing : tallied_other) += t.count;
  }
  CHECK(tallied_missing == missing_documents);
  CHECK(tallied_other == refused_entries);
  CHECK(m.activity.refusals > 0);
  for (std::size_t i = 1; i < m.report.refusals.size(); ++i)
    CHECK(m.report.refusals[i - 1].count >= m.report.refusals[i].count);
  const std::string text = render_office_report(m.report);
  CHECK_THAT(text, Catch::Contains("Refused events by reason:"));
  for (const auto& t : m.report.refusals) {
    INFO(t.procedure << " " << refusal_code_name(t.code) << " " << t.detail);
    CHECK_THAT(text, Catch::Contains(t.procedure + ": ") || Catch::Contains("  " + t.procedure + ": "));
    if (t.code == RefusalCode::MissingDocuments) CHECK_THAT(text, Catch::Contains("missing document: " + t.detail));
  }
}

TEST_CASE("the report's reasons say which guard, which document, which role", "[office]") {
  OfficeReport report;
  report.refusals = {{"pbg", RefusalCode::GuardFalse, "ronde < 5", 4},
                     {"pbg", RefusalCode::MissingDocuments, "gambar (Gambar rencana)", 3},
                     {"sip", RefusalCode::RoleNotAllowed, "front_office -> terbitkan", 2},
                     {"sip", RefusalCode::NoSuchEvent, "ambil", 1}};
  const std::string en = render_office_report(report);
  CHECK_THAT(en, Catch::Contains("4    pbg: condition not met: ronde < 5"));
  CHECK_THAT(en, Catch::Contains("pbg: missing document: gambar (Gambar rencana)"));
  CHECK_THAT(en, Catch::Contains("sip: wrong role: front_office may not do terbitkan"));
  CHECK_THAT(en, Catch::Contains("sip: not possible in this state: ambil"));
  const std::string id = render_office_report(report, Language::Indonesian);
  CHECK_THAT(id, Catch::Contains("pbg: syarat tidak terpenuhi: ronde < 5"));
  CHECK_THAT(id, Catch::Contains("sip: peran tidak berwenang: front_office tidak boleh melakukan terbitkan"));
  for (const std::string english : {"condition", "missing", "wrong role", "Refused", "waiting", "Office report", "none"}) {
    INFO(english);
    CHECK(id.find(english) == std::string::npos);
  }
}

TEST_CASE("the report lists the open cases that waited longest since their last event", "[office]") {
  Month m(2026);
  REQUIRE_FALSE(m.report.waiting.empty());
  CHECK(m.report.waiting.size() <= 5);
  for (std::size_t i = 1; i < m.report.waiting.size(); ++i)
    CHECK(m.report.waiting[i - 1].since <= m.report.waiting[i].since);
  const CalendarPtr belu = shipped().calendars.find("belu");
  for (const auto& w : m.report.waiting) {
    const auto c = m.engine.find(w.case_id);
    REQUIRE(c);
    CHECK_FALSE(c->closed);
    CHECK(w.working_days == belu->working_days_between(belu->local_date(w.since), belu->local_date(m.clock.now())));
  }
  // No open case outside the list waited longer than the last one in it.
  std::vector<std::string> listed;
  for (const auto& w : m.report.waiting) listed.push_back(w.case_id);
  for (const Case& c : m.store->load_cases(CaseFilter{})) {
    if (c.closed || std::find(listed.begin(), listed.end(), c.id) != listed.end()) continue;
    Instant last = c.opened_at;
    for (const auto& r : c.history)
      if (r.kind != RecordKind::Notification) last = r.at;
    CHECK(last >= m.report.waiting.back().since);
  }
  CHECK_THAT(render_office_report(m.report), Catch::Contains("Open cases waiting longest since their last event:") &&
                                                 Catch::Contains(m.report.waiting.front().case_id));
}

TEST_CASE("staff in the simulation do not ask for a step whose condition the file shows is false", "[office]") {
  // `setujui` needs a luas no application has (the simulation files 20 to 400):
  // staff who can read the file choose `tolak` instead of being refused forever.
  const auto dir = std::filesystem::temp_directory_path() / ("izin-office-guard-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream file(dir / "guarded.izin");
    file << "procedure guarded version 1 {\n  title \"Guarded\"\n  roles petugas\n"
            "  data {\n    luas: number \"Luas\"\n  }\n"
            "  initial state periksa \"Periksa\" {\n"
            "    on setujui by petugas when luas > 100000 -> terbit\n"
            "    on tolak by petugas -> ditolak\n  }\n"
            "  final state terbit \"Terbit\" outcome granted\n"
            "  final state ditolak \"Ditolak\" outcome rejected\n}\n";
  }
  const Library lib = load({dir});
  std::filesystem::remove_all(dir);
  REQUIRE_FALSE(lib.has_errors());
  auto store = make_memory_store();
  FakeClock clock;
  Engine engine(clock, *store);
  for (const auto& p : lib.procedures) engine.add_procedure(p);
  OfficeMonth month;
  month.cases = 6;
  const OfficeActivity activity = simulate_office_month(engine, clock, lib, month);
  CHECK(activity.opened == 6);
  CHECK(activity.refusals == 0);
  const OfficeReport report = office_report(engine, *store, lib, clock.now());
  CHECK(report.refusals.empty());
  REQUIRE(report.procedures.size() == 1);
  CHECK(report.procedures[0].closed >= 4);  // all but those left to deadlines (there are none here) or still open
}
