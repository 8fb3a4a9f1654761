// The office report, built from the store's cases and journals alone.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "izin/office.hpp"

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

// Missing requirements of the case's refused events, from its journal.
void count_refusals(Store& store, const Procedure& p, const Case& c, std::map<std::string, int>& missing) {
  for (const auto& entry : store.journal(c.id)) {
    if (entry.accepted || entry.result.empty()) continue;
    const nlohmann::json result = nlohmann::json::parse(entry.result, nullptr, false);
    if (result.is_discarded() || !result.contains("refusal") || !result["refusal"].is_object()) continue;
    const nlohmann::json& refusal = result["refusal"];
    if (refusal.value("code", "") != "missing_documents" || !refusal.contains("missing")) continue;
    for (const auto& m : refusal["missing"]) {
      const std::string id = m.value("requirement", "");
      const int index = p.requirement_index(id);
      const std::string label = index >= 0 ? p.requirements[static_cast<std::size_t>(index)].label : "";
      ++missing[p.id + ": " + id + (label.empty() ? "" : " (" + label + ")")];
    }
  }
}

// One procedure's summary from its cases in the store.
ProcedureSummary summarise(const Engine& engine, Store& store, const Library& lib, const ProcedurePtr& p,
                           Instant as_of, std::map<std::string, int>& missing) {
  ProcedureSummary s;
  s.procedure = p->id;
  s.title = p->title;
  const CalendarPtr cal = p->calendar.empty() ? nullptr : lib.calendars.find(p->calendar);
  std::map<std::string, int> states;
  double working_days = 0;
  for (const Case& c : store.load_cases(CaseFilter{p->id, "", false})) {
    const ProcedurePtr version = engine.procedure(c.procedure, c.version);
    count_case(engine, version ? *version : *p, cal.get(), c, as_of, s, states, working_days);
    count_refusals(store, version ? *version : *p, c, missing);
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
  std::map<std::string, int> missing;
  std::vector<std::string> seen;
  for (const auto& p : library.procedures) {
    if (std::find(seen.begin(), seen.end(), p->id) != seen.end()) continue;
    seen.push_back(p->id);
    report.procedures.push_back(summarise(engine, store, library, library.newest(p->id), as_of, missing));
  }
  report.missing_requirements.assign(missing.begin(), missing.end());
  std::stable_sort(report.missing_requirements.begin(), report.missing_requirements.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return report;
}

}  // namespace izin
