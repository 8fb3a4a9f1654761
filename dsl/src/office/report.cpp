// The office report, built from the store's cases and journals alone.
#include <algorithm>
#include <map>

#include "izin/office.hpp"
#include "office/refusals.hpp"

namespace izin {
namespace {

// When the case reached its final state: its last history record.
Instant closed_at(const Case& c) { return c.history.empty() ? c.opened_at : c.history.back().at; }

// Counts one case into its procedure's summary.
void count_case(const Engine& engine, const Procedure& p, const WorkingDayCalendar* cal,
                const Case& c, Instant as_of, ProcedureSummary& s, std::map<std::string, int>& states,
                double& working_days) {
  ++s.cases;
  if (c.state >= 0) ++states[p.states[static_cast<std::size_t>(c.state)].id];
  s.escalations += static_cast<int>(std::count_if(c.history.begin(), c.history.end(), [](const HistoryRecord& r) {
    return r.kind == RecordKind::Notification;
  }));
  const SlaStatus sla = engine.sla(c, c.closed ? closed_at(c) : as_of);
  if (c.closed) {
    ++s.closed;
    if (c.deemed && c.outcome == "granted") ++s.deemed;
    if (cal) working_days += cal->working_days_between(cal->local_date(c.opened_at), cal->local_date(closed_at(c)));
    if (sla.declared && sla.started) {
      ++s.sla_cases;
      if (!sla.breached) ++s.sla_met;
    }
  } else if (sla.breached) {
    ++s.overdue;
    ++s.sla_cases;
  }
  const bool pending_provisional =
      std::any_of(c.pending.begin(), c.pending.end(), [](const PendingDeadline& d) { return d.provisional; });
  if (!c.closed && ((sla.started && sla.provisional) || pending_provisional)) ++s.provisional;
}

// When the case last moved or took an event: its last record that is not a reminder.
Instant last_activity(const Case& c) {
  for (auto it = c.history.rbegin(); it != c.history.rend(); ++it)
    if (it->kind != RecordKind::Notification) return it->at;
  return c.opened_at;
}

// The open case as a waiting line of the report.
WaitingCase waiting_case(const Procedure& p, const WorkingDayCalendar* cal, const Case& c, Instant as_of) {
  WaitingCase w{c.id, c.procedure, c.state >= 0 ? p.states[static_cast<std::size_t>(c.state)].id : "", last_activity(c), 0};
  if (cal) w.working_days = cal->working_days_between(cal->local_date(w.since), cal->local_date(as_of));
  return w;
}

// What the report gathers across procedures while it reads the store.
struct Gathered {
  std::map<std::string, int> missing;
  detail::RefusalCounts refusals;
  std::vector<WaitingCase> waiting;
};

// One procedure's summary from its cases in the store.
ProcedureSummary summarise(const Engine& engine, Store& store, const Library& lib, const ProcedurePtr& p,
                           Instant as_of, Gathered& gathered) {
  ProcedureSummary s;
  s.procedure = p->id;
  s.title = p->title;
  const CalendarPtr cal = p->calendar.empty() ? nullptr : lib.calendars.find(p->calendar);
  std::map<std::string, int> states;
  double working_days = 0;
  for (const Case& c : store.load_cases(CaseFilter{p->id, "", false})) {
    const ProcedurePtr version = engine.procedure(c.procedure, c.version);
    count_case(engine, version ? *version : *p, cal.get(), c, as_of, s, states, working_days);
    detail::count_refusals(store, version ? *version : *p, c, gathered.refusals, gathered.missing);
    if (!c.closed) gathered.waiting.push_back(waiting_case(version ? *version : *p, cal.get(), c, as_of));
  }
  for (const auto& state : p->states) {
    if (auto it = states.find(state.id); it != states.end()) s.cases_per_state.emplace_back(state.id, it->second);
  }
  if (s.closed > 0) s.average_working_days = working_days / s.closed;
  return s;
}

}  // namespace

OfficeReport office_report(const Engine& engine, Store& store, const Library& library, Instant as_of) {
  OfficeReport report;
  report.as_of = as_of;
  Gathered gathered;
  std::vector<std::string> seen;
  for (const auto& p : library.procedures) {
    if (!report.calendar && !p->calendar.empty()) report.calendar = library.calendars.find(p->calendar);
    if (std::find(seen.begin(), seen.end(), p->id) != seen.end()) continue;
    seen.push_back(p->id);
    report.procedures.push_back(summarise(engine, store, library, library.newest(p->id), as_of, gathered));
  }
  report.refusals = detail::sorted_tallies(gathered.refusals);
  std::stable_sort(gathered.waiting.begin(), gathered.waiting.end(),
                   [](const WaitingCase& a, const WaitingCase& b) { return a.since < b.since; });
  if (gathered.waiting.size() > 5) gathered.waiting.resize(5);
  report.waiting = std::move(gathered.waiting);
  report.missing_requirements.assign(gathered.missing.begin(), gathered.missing.end());
  std::stable_sort(report.missing_requirements.begin(), report.missing_requirements.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return report;
}

}  // namespace izin
