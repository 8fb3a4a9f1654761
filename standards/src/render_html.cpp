// The SKM report as one HTML page: tables, the trend chart inline, no script.
#include <sstream>

#include "report_text.hpp"

namespace izin::standards {
namespace {

using detail::html_escape;
using detail::tr;

const char* const kStyle =
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
    "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.2em .5em;text-align:left}"
    "td.n{text-align:right}.short{color:#a00}@media print{section{break-inside:avoid}}";

void elements_table(std::ostream& out, const SkmIndex& index, Language lang) {
  out << "<table><tr><th>" << tr(lang, "Unsur", "Element") << "</th><th>NRR</th><th>"
      << tr(lang, "NRR tertimbang", "Weighted NRR") << "</th><th>" << tr(lang, "Mutu", "Grade") << "</th></tr>\n";
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    const ElementScore& s = index.elements[e];
    out << "<tr><td>" << html_escape(detail::element_label(e, lang)) << "</td><td class=\"n\">"
        << detail::fixed(s.nrr, 3) << "</td><td class=\"n\">" << s.weighted << "</td><td>"
        << html_escape(detail::grade_text(s.grade, lang)) << "</td></tr>\n";
  }
  out << "</table>\n<p><strong>IKM " << index.ikm << "</strong>; " << tr(lang, "nilai konversi ", "unit value ")
      << detail::fixed(index.unit_value, 2) << tr(lang, ", mutu ", ", grade ")
      << html_escape(detail::grade_text(index.grade, lang)) << "</p>\n";
}

void profile(std::ostream& out, const RespondentProfile& p, Language lang) {
  out << "<h3>" << tr(lang, "Profil responden", "Respondents") << "</h3>\n<ul>"
      << "<li>" << tr(lang, "Jenis kelamin: ", "Sex: ") << html_escape(detail::counts_text(p.sex)) << "</li>"
      << "<li>" << tr(lang, "Umur: ", "Age: ") << html_escape(detail::counts_text(p.age_group)) << "</li>"
      << "<li>" << tr(lang, "Pendidikan: ", "Education: ") << html_escape(detail::counts_text(p.education)) << "</li>"
      << "<li>" << tr(lang, "Pekerjaan: ", "Occupation: ") << html_escape(detail::counts_text(p.occupation))
      << "</li></ul>\n";
}

void follow_up(std::ostream& out, const ServiceSkm& s, Language lang) {
  out << "<h3>" << tr(lang, "Rencana tindak lanjut (draf, dari unsur terendah)", "Follow-up plan (draft, lowest element first)")
      << "</h3>\n<table><tr><th>No</th><th>" << tr(lang, "Unsur", "Element") << "</th><th>NRR</th><th>"
      << tr(lang, "Kegiatan", "Action") << "</th><th>" << tr(lang, "Penanggung jawab", "Responsible unit")
      << "</th><th>" << tr(lang, "Waktu (pendek &lt; 12 bln, menengah &lt; 24 bln, panjang)",
                           "Time frame (short &lt; 12 months, medium &lt; 24, long)")
      << "</th></tr>\n";
  for (std::size_t i = 0; i < s.follow_up.size(); ++i) {
    const std::size_t e = s.follow_up[i];
    out << "<tr><td class=\"n\">" << i + 1 << "</td><td>" << html_escape(detail::element_label(e, lang))
        << "</td><td class=\"n\">" << detail::fixed(s.index->elements[e].nrr, 3)
        << "</td><td></td><td></td><td></td></tr>\n";
  }
  out << "</table>\n";
}

void figures(std::ostream& out, const CaseFigures& f, Language lang) {
  const auto days = [](const std::optional<int>& d) { return d ? std::to_string(*d) : std::string("-"); };
  out << "<h3>" << tr(lang, "Kinerja terukur dari kasus", "Measured on the cases") << "</h3>\n<ul>"
      << "<li>" << tr(lang, "Kasus masuk: ", "Cases opened: ") << f.cases << tr(lang, ", selesai: ", ", decided: ")
      << f.closed << "</li><li>" << tr(lang, "Selesai dalam SLA: ", "Decided within the SLA: ")
      << detail::share(f.sla_met, f.sla_cases, lang) << "</li><li>"
      << tr(lang, "Hari kerja sampai keputusan: median ", "Working days to decision: median ")
      << days(f.median_working_days) << ", p90 " << days(f.p90_working_days) << "</li><li>"
      << tr(lang, "Keputusan fiktif positif: ", "Deemed decisions: ") << f.deemed << "</li><li>"
      << tr(lang, "Persyaratan paling sering kurang: ", "Requirements most often missing: ");
  if (f.missing_requirements.empty()) out << '-';
  for (std::size_t i = 0; i < f.missing_requirements.size() && i < 5; ++i)
    out << (i ? "; " : "") << html_escape(f.missing_requirements[i].first) << " × " << f.missing_requirements[i].second;
  out << "</li></ul>\n";
}

void section(std::ostream& out, const ServiceSkm& s, Language lang) {
  const bool short_sample = s.respondents < static_cast<std::size_t>(s.minimum_sample);
  out << "<section>\n<h2>" << html_escape(detail::section_title(s, lang)) << "</h2>\n<p"
      << (short_sample ? " class=\"short\"" : "") << ">" << tr(lang, "Responden: ", "Respondents: ") << s.respondents
      << tr(lang, "; sampel minimum ", "; minimum sample ") << s.minimum_sample << tr(lang, " untuk ", " for ")
      << s.figures.cases << tr(lang, " kasus", " cases") << "</p>\n";
  if (s.index) elements_table(out, *s.index, lang);
  else out << "<p>" << tr(lang, "Belum ada responden pada periode ini.", "No respondents in this period.") << "</p>\n";
  profile(out, s.profile, lang);
  if (!s.suggestions.empty()) {
    out << "<h3>" << tr(lang, "Saran dan masukan", "Suggestions") << "</h3>\n<ul>";
    for (const auto& text : s.suggestions) out << "<li>" << html_escape(text) << "</li>";
    out << "</ul>\n";
  }
  out << "<h3>" << tr(lang, "Tren", "Trend") << "</h3>\n" << trend_svg(s.trend) << '\n';
  if (s.index) follow_up(out, s, lang);
  figures(out, s.figures, lang);
  out << "</section>\n";
}

}  // namespace

std::string render_skm_html(const SkmReport& r, Language lang) {
  std::ostringstream out;
  const std::string title =
      std::string(tr(lang, "Laporan SKM ", "SKM report ")) + r.period.name;
  out << "<!DOCTYPE html>\n<html lang=\"" << tr(lang, "id", "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << html_escape(title)
      << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<h1>" << html_escape(title) << " ("
      << r.period.first.to_string() << tr(lang, " s.d. ", " to ") << r.period.last.to_string() << ")</h1>\n<p>"
      << html_escape(detail::method_note(r.weight, lang)) << "</p>\n";
  if (!r.complaint_procedure.empty())
    out << "<p>" << tr(lang, "Pengaduan (", "Complaints (") << html_escape(r.complaint_procedure)
        << tr(lang, "): masuk ", "): opened ") << r.complaints_opened << tr(lang, ", selesai ", ", resolved ")
        << r.complaints_resolved << "</p>\n";
  section(out, r.office, lang);
  for (const auto& s : r.services) section(out, s, lang);
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace izin::standards
