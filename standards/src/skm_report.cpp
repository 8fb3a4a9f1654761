// Building the SKM report from the survey and the case store.
#include "izin/standards/skm_report.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "case_figures.hpp"

namespace izin::standards {
namespace {

ProfileCounts counted(const std::vector<SurveyResponse>& rs, std::string SurveyResponse::*field) {
  std::map<std::string, int> counts;
  for (const auto& r : rs) ++counts[(r.*field).empty() ? "-" : r.*field];
  ProfileCounts out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::vector<SkmAnswers> answers_of(const std::vector<SurveyResponse>& rs) {
  std::vector<SkmAnswers> out;
  for (const auto& r : rs) out.push_back(r.answers);
  return out;
}

std::optional<SkmIndex> index_of(const std::vector<SurveyResponse>& rs, SkmWeight weight) {
  if (rs.empty()) return std::nullopt;
  return compute_ikm(answers_of(rs), weight);
}

// Elements from the lowest NRR up: where the follow-up plan starts.
std::vector<std::size_t> lowest_first(const SkmIndex& index) {
  std::vector<std::size_t> order(kSkmElements);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return index.elements[a].nrr < index.elements[b].nrr; });
  return order;
}

// The responses of one service, or all of them for service "".
std::vector<SurveyResponse> of_service(const std::vector<SurveyResponse>& rs, const std::string& service) {
  if (service.empty()) return rs;
  std::vector<SurveyResponse> out;
  std::copy_if(rs.begin(), rs.end(), std::back_inserter(out),
               [&](const SurveyResponse& r) { return r.service == service; });
  return out;
}

// Each earlier period's unit value, then this one's.
std::vector<TrendPoint> trend_of(SurveyStore& survey, const Period& period, const std::string& service,
                                 const SkmReportOptions& o) {
  std::vector<Period> periods = period.previous(o.trend_periods);
  periods.push_back(period);
  std::vector<TrendPoint> out;
  for (const auto& p : periods) {
    const auto rs = of_service(survey.responses(p.first, p.last), service);
    const auto index = index_of(rs, o.weight);
    out.push_back({p.name, rs.size(), index ? std::optional(index->unit_value) : std::nullopt});
  }
  return out;
}

// One section: the survey's side from `rs`, the cases' side from `measured`.
ServiceSkm section(SurveyStore& survey, const Period& period, const std::string& service, std::string title,
                   const std::vector<SurveyResponse>& all, const detail::MeasuredCases& measured,
                   const SkmReportOptions& o) {
  const auto rs = of_service(all, service);
  ServiceSkm s;
  s.service = service;
  s.title = std::move(title);
  s.figures = measured.figures;
  s.minimum_sample = minimum_sample(measured.figures.cases);
  s.respondents = rs.size();
  s.index = index_of(rs, o.weight);
  if (s.index) s.follow_up = lowest_first(*s.index);
  s.profile = {counted(rs, &SurveyResponse::sex), counted(rs, &SurveyResponse::age_group),
               counted(rs, &SurveyResponse::education), counted(rs, &SurveyResponse::occupation)};
  for (const auto& r : rs)
    if (!r.suggestion.empty()) s.suggestions.push_back(r.suggestion);
  s.trend = trend_of(survey, period, service, o);
  return s;
}

// The services of the report: loaded procedures, then surveyed services not loaded.
std::vector<std::pair<std::string, std::string>> services_of(const CaseSource& cases,
                                                             const std::vector<SurveyResponse>& rs) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto known = [&](const std::string& id) {
    return std::any_of(out.begin(), out.end(), [&](const auto& s) { return s.first == id; });
  };
  if (cases.library)
    for (const auto& p : cases.library->procedures)
      if (!known(p->id)) out.emplace_back(p->id, cases.library->newest(p->id)->title);
  for (const auto& r : rs)
    if (!known(r.service)) out.emplace_back(r.service, r.service);
  return out;
}

}  // namespace

SkmReport skm_report(SurveyStore& survey, const Period& period, const CaseSource& cases,
                     const SkmReportOptions& options) {
  SkmReport report;
  report.period = period;
  report.weight = options.weight;
  report.complaint_procedure = options.complaint_procedure;
  const auto responses = survey.responses(period.first, period.last);
  detail::MeasuredCases office;
  for (const auto& [id, title] : services_of(cases, responses)) {
    const auto measured = detail::measure_cases(cases, id, period);
    detail::add_measured(office, measured, id);
    if (measured.figures.cases == 0 && of_service(responses, id).empty()) continue;  // nothing to say this period
    report.services.push_back(section(survey, period, id, title, responses, measured, options));
    if (id == options.complaint_procedure) {
      report.complaints_opened = measured.figures.cases;
      report.complaints_resolved = measured.figures.closed;
    }
  }
  report.office = section(survey, period, "", "", responses, office, options);
  return report;
}

}  // namespace izin::standards
