// What the cases measured: SLA kept, working days to decision, deemed
// decisions and the requirements citizens most often lacked.
#include "case_figures.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace izin::standards::detail {
namespace {

Instant decided_at(const Case& c) { return c.history.empty() ? c.opened_at : c.history.back().at; }

Date local_date(const WorkingDayCalendar* cal, Instant t) {
  if (cal) return cal->local_date(t);
  return Date{static_cast<std::int32_t>(std::chrono::floor<std::chrono::days>(t).time_since_epoch().count())};
}

// "gambar (Dokumen rencana teknis)": a requirement as citizens read it.
std::string requirement_name(const Procedure& p, const std::string& id) {
  const int index = p.requirement_index(id);
  const std::string label = index >= 0 ? p.requirements[static_cast<std::size_t>(index)].label : "";
  return label.empty() ? id : id + " (" + label + ")";
}

// Counts every document the case's refused events said was missing.
void count_missing(Store& store, const Procedure& p, const Case& c, std::map<std::string, int>& missing) {
  const std::string code = refusal_code_name(RefusalCode::MissingDocuments);
  for (const auto& entry : store.journal(c.id)) {
    if (entry.accepted || entry.result.empty()) continue;
    const auto result = nlohmann::json::parse(entry.result, nullptr, false);
    if (result.is_discarded() || !result.contains("refusal") || !result["refusal"].is_object()) continue;
    const auto& refusal = result["refusal"];
    if (refusal.value("code", "") != code || !refusal.contains("missing") || !refusal["missing"].is_array()) continue;
    for (const auto& m : refusal["missing"])
      if (m.is_object()) ++missing[requirement_name(p, m.value("requirement", ""))];
  }
}

std::vector<std::pair<std::string, int>> most_first(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// Counts one closed case: its days, its SLA, whether it was deemed.
void count_closed(const Engine& engine, const WorkingDayCalendar* cal, const Case& c, MeasuredCases& m) {
  ++m.figures.closed;
  if (c.deemed) ++m.figures.deemed;
  const Instant decided = decided_at(c);
  if (cal) m.days.push_back(cal->working_days_between(cal->local_date(c.opened_at), cal->local_date(decided)));
  const SlaStatus sla = engine.sla(c, decided);
  if (sla.declared && sla.started) {
    ++m.figures.sla_cases;
    if (!sla.breached) ++m.figures.sla_met;
  }
}

}  // namespace

std::optional<int> percentile(const std::vector<int>& sorted, int p) {
  if (sorted.empty()) return std::nullopt;
  const std::size_t rank = (sorted.size() * static_cast<std::size_t>(p) + 99) / 100;  // ceil(p/100 × n)
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

MeasuredCases measure_cases(const CaseSource& source, const std::string& procedure, const Period& period) {
  MeasuredCases m;
  if (!source.engine || !source.store || !source.library) return m;
  const ProcedurePtr newest = source.library->newest(procedure);
  if (!newest) return m;
  const CalendarPtr cal = newest->calendar.empty() ? nullptr : source.library->calendars.find(newest->calendar);
  std::map<std::string, int> missing;
  for (const Case& c : source.store->load_cases(CaseFilter{procedure, "", false})) {
    const Date opened = local_date(cal.get(), c.opened_at);
    if (opened < period.first || period.last < opened) continue;
    ++m.figures.cases;
    const ProcedurePtr version = source.engine->procedure(c.procedure, c.version);
    if (c.closed) count_closed(*source.engine, cal.get(), c, m);
    count_missing(*source.store, version ? *version : *newest, c, missing);
  }
  std::sort(m.days.begin(), m.days.end());
  m.figures.median_working_days = percentile(m.days, 50);
  m.figures.p90_working_days = percentile(m.days, 90);
  m.figures.missing_requirements = most_first(missing);
  return m;
}

void add_measured(MeasuredCases& total, const MeasuredCases& part, const std::string& service) {
  CaseFigures& t = total.figures;
  const CaseFigures& p = part.figures;
  t.cases += p.cases;
  t.closed += p.closed;
  t.sla_cases += p.sla_cases;
  t.sla_met += p.sla_met;
  t.deemed += p.deemed;
  total.days.insert(total.days.end(), part.days.begin(), part.days.end());
  std::sort(total.days.begin(), total.days.end());
  t.median_working_days = percentile(total.days, 50);
  t.p90_working_days = percentile(total.days, 90);
  std::map<std::string, int> missing;
  for (const auto& [name, n] : t.missing_requirements) missing[name] += n;
  for (const auto& [name, n] : p.missing_requirements) missing[service + ": " + name] += n;
  t.missing_requirements = most_first(missing);
}

}  // namespace izin::standards::detail
