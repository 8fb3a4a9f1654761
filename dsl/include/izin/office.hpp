// The office at work: a simulated month of cases over whatever procedures
// are loaded, and the office report a head of office reads.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "izin/clock.hpp"
#include "izin/engine.hpp"
#include "izin/load.hpp"
#include "izin/store.hpp"
#include "izin/time.hpp"

namespace izin {

// What month to simulate and how busy the office is.
struct OfficeMonth {
  Date first = Date::from_ymd(2026, 3, 9);  // spans Idul Fitri 2026 (18–24 March)
  Date last = Date::from_ymd(2026, 4, 10);
  int cases = 40;             // applications, spread over the procedures
  std::uint64_t seed = 2026;  // same seed, same month
};

// What the simulation did, for the report's header.
struct OfficeActivity {
  int opened = 0;
  int events = 0;     // accepted events fired by staff and applicants
  int refusals = 0;   // refused events
  int resubmitted = 0;  // refusals for missing documents later fixed
};

// Opens and works cases on `engine` from `month.first` to `month.last`,
// moving `clock`; every procedure of `library` gets cases. Deterministic
// for a seed. The engine must already know the procedures and calendars.
OfficeActivity simulate_office_month(Engine& engine, FakeClock& clock, const Library& library,
                                     const OfficeMonth& month);

// One procedure's lines of the office report.
struct ProcedureSummary {
  std::string procedure;
  std::string title;
  std::vector<std::pair<std::string, int>> cases_per_state;  // state id, count (file order, non-zero)
  int cases = 0;
  int closed = 0;
  int overdue = 0;           // open cases past their SLA due date
  int sla_cases = 0;         // cases whose SLA outcome is known (closed, or open and breached)
  int sla_met = 0;           // of those, closed in time
  double average_working_days = 0;  // opening to decision, closed cases
  int deemed = 0;            // deemed approvals (fiktif positif)
  int escalations = 0;       // `notify` escalations sent
  int provisional = 0;       // open cases with a provisional SLA or deadline date (calendar lacks their holidays)
};

// Refused events of one procedure for one reason, so the report says why
// cases stand still and not only how many finished in time.
struct RefusalTally {
  std::string procedure;
  RefusalCode code = RefusalCode::GuardFalse;
  // GuardFalse: the condition as written; MissingDocuments: the document's
  // label (id); RoleNotAllowed: "role -> event"; NoSuchEvent: the event; else the message.
  std::string detail;
  int count = 0;
};

// An open case and how long it has stood since its last event or move.
struct WaitingCase {
  std::string case_id, procedure, state;
  Instant since;          // the last history record that was not a reminder
  int working_days = 0;   // working days since then, up to the report's date
};

// The office report: built from the store's cases and journals alone.
struct OfficeReport {
  Instant as_of;
  CalendarPtr calendar;  // the office's (first procedure's) calendar, to show local times; may be null
  std::vector<ProcedureSummary> procedures;
  // "pbg: gambar (Dokumen rencana teknis)", times refused for it; most first.
  std::vector<std::pair<std::string, int>> missing_requirements;
  std::vector<RefusalTally> refusals;  // every refused event by reason; most first
  std::vector<WaitingCase> waiting;    // open cases longest without an event first (at most 5)
};

// Reads every case and journal of the store as of `as_of`.
OfficeReport office_report(const Engine& engine, Store& store, const Library& library, Instant as_of);

// The report as text for a terminal or a printout.
std::string render_office_report(const OfficeReport& report, Language lang = Language::English);

}  // namespace izin

#pragma GCC visibility pop
