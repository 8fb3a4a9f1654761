// The SKM report as data: JSON for other systems, CSV for spreadsheets.
#include <nlohmann/json.hpp>

#include <sstream>

#include "report_text.hpp"

namespace izin::standards {
namespace {

nlohmann::json index_json(const SkmIndex& index) {
  nlohmann::json elements = nlohmann::json::array();
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    const ElementScore& s = index.elements[e];
    elements.push_back({{"element", "U" + std::to_string(e + 1)},
                        {"name", element_name(e, Language::Indonesian)},
                        {"total", s.total.to_string()},
                        {"nrr", detail::fixed(s.nrr, 3)},
                        {"weighted", s.weighted.to_string()},
                        {"grade", std::string(1, grade_letter(s.grade))}});
  }
  return {{"elements", elements},
          {"ikm", index.ikm.to_string()},
          {"unit_value", detail::fixed(index.unit_value, 2)},
          {"grade", std::string(1, grade_letter(index.grade))}};
}

nlohmann::json counts_json(const ProfileCounts& counts) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [value, n] : counts) out[value] = n;
  return out;
}

nlohmann::json figures_json(const CaseFigures& f) {
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& [name, n] : f.missing_requirements) missing.push_back({{"requirement", name}, {"count", n}});
  const auto days = [](const std::optional<int>& d) { return d ? nlohmann::json(*d) : nlohmann::json(nullptr); };
  return {{"cases", f.cases},        {"closed", f.closed},
          {"sla_cases", f.sla_cases}, {"sla_met", f.sla_met},
          {"median_working_days", days(f.median_working_days)},
          {"p90_working_days", days(f.p90_working_days)},
          {"deemed", f.deemed},      {"missing_requirements", missing}};
}

nlohmann::json section_json(const ServiceSkm& s) {
  nlohmann::json trend = nlohmann::json::array();
  for (const auto& p : s.trend)
    trend.push_back({{"period", p.period},
                     {"respondents", p.respondents},
                     {"unit_value", p.unit_value ? nlohmann::json(detail::fixed(*p.unit_value, 2)) : nlohmann::json()}});
  nlohmann::json follow = nlohmann::json::array();
  for (std::size_t e : s.follow_up) follow.push_back("U" + std::to_string(e + 1));
  return {{"service", s.service},
          {"title", s.title},
          {"respondents", s.respondents},
          {"minimum_sample", s.minimum_sample},
          {"index", s.index ? index_json(*s.index) : nlohmann::json()},
          {"profile",
           {{"sex", counts_json(s.profile.sex)},
            {"age_group", counts_json(s.profile.age_group)},
            {"education", counts_json(s.profile.education)},
            {"occupation", counts_json(s.profile.occupation)}}},
          {"suggestions", s.suggestions},
          {"trend", trend},
          {"follow_up", follow},
          {"cases", figures_json(s.figures)}};
}

}  // namespace

std::string render_skm_json(const SkmReport& r) {
  nlohmann::json services = nlohmann::json::array();
  for (const auto& s : r.services) services.push_back(section_json(s));
  const nlohmann::json out = {
      {"period", {{"name", r.period.name}, {"first", r.period.first.to_string()}, {"last", r.period.last.to_string()}}},
      {"weight", r.weight == SkmWeight::Regulation ? "0.111" : "1/9"},
      {"nrr_decimals", 3},
      {"unit_value_decimals", 2},
      {"complaints",
       {{"procedure", r.complaint_procedure}, {"opened", r.complaints_opened}, {"resolved", r.complaints_resolved}}},
      {"office", section_json(r.office)},
      {"services", services}};
  return out.dump(2) + "\n";
}

std::string render_skm_csv(const SkmReport& r) {
  std::ostringstream out;
  out << "period,service,respondents,minimum_sample,item,score,weighted,unit_value,grade\n";
  const auto rows = [&](const ServiceSkm& s) {
    if (!s.index) return;
    const std::string head = r.period.name + "," + (s.service.empty() ? "*" : s.service) + "," +
                             std::to_string(s.respondents) + "," + std::to_string(s.minimum_sample) + ",";
    for (std::size_t e = 0; e < kSkmElements; ++e) {
      const ElementScore& el = s.index->elements[e];
      out << head << 'U' << e + 1 << ',' << detail::fixed(el.nrr, 3) << ',' << el.weighted << ",,"
          << grade_letter(el.grade) << '\n';
    }
    out << head << "IKM," << s.index->ikm << ",," << detail::fixed(s.index->unit_value, 2) << ','
        << grade_letter(s.index->grade) << '\n';
  };
  rows(r.office);
  for (const auto& s : r.services) rows(s);
  return out.str();
}

}  // namespace izin::standards
