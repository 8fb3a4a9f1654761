// The SKM report as Markdown, for the office's own document and the forum.
#include <sstream>

#include "report_text.hpp"

namespace izin::standards {
namespace {

using detail::tr;

// A citizen's text on one Markdown line: line breaks would end the list item.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

void elements_table(std::ostream& out, const SkmIndex& index, Language lang) {
  out << tr(lang, "| Unsur | NRR | NRR tertimbang | Mutu |\n", "| Element | NRR | Weighted NRR | Grade |\n")
      << "|---|---:|---:|---|\n";
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    const ElementScore& s = index.elements[e];
    out << "| " << detail::element_label(e, lang) << " | " << detail::fixed(s.nrr, 3) << " | " << s.weighted
        << " | " << detail::grade_text(s.grade, lang) << " |\n";
  }
  out << "\n**IKM " << index.ikm << "**; " << tr(lang, "nilai konversi ", "unit value ")
      << detail::fixed(index.unit_value, 2) << tr(lang, ", mutu ", ", grade ") << detail::grade_text(index.grade, lang)
      << "\n\n";
}

void profile(std::ostream& out, const RespondentProfile& p, Language lang) {
  out << "### " << tr(lang, "Profil responden", "Respondents") << "\n\n"
      << tr(lang, "- Jenis kelamin: ", "- Sex: ") << detail::counts_text(p.sex) << '\n'
      << tr(lang, "- Umur: ", "- Age: ") << detail::counts_text(p.age_group) << '\n'
      << tr(lang, "- Pendidikan: ", "- Education: ") << detail::counts_text(p.education) << '\n'
      << tr(lang, "- Pekerjaan: ", "- Occupation: ") << detail::counts_text(p.occupation) << "\n\n";
}

void trend(std::ostream& out, const std::vector<TrendPoint>& points, Language lang) {
  out << "### " << tr(lang, "Tren", "Trend") << "\n\n"
      << tr(lang, "| Periode | Responden | Nilai konversi |\n", "| Period | Respondents | Unit value |\n")
      << "|---|---:|---:|\n";
  for (const auto& p : points)
    out << "| " << p.period << " | " << p.respondents << " | "
        << (p.unit_value ? detail::fixed(*p.unit_value, 2) : "-") << " |\n";
  out << '\n';
}

void follow_up(std::ostream& out, const ServiceSkm& s, Language lang) {
  out << "### " << tr(lang, "Rencana tindak lanjut (draf, dari unsur terendah)", "Follow-up plan (draft, lowest element first)")
      << "\n\n"
      << tr(lang, "| No | Unsur | NRR | Kegiatan | Penanggung jawab | Waktu (pendek < 12 bln, menengah < 24 bln, panjang) |\n",
            "| No | Element | NRR | Action | Responsible unit | Time frame (short < 12 months, medium < 24, long) |\n")
      << "|---:|---|---:|---|---|---|\n";
  for (std::size_t i = 0; i < s.follow_up.size(); ++i) {
    const std::size_t e = s.follow_up[i];
    out << "| " << i + 1 << " | " << detail::element_label(e, lang) << " | "
        << detail::fixed(s.index->elements[e].nrr, 3) << " | ______ | ______ | ______ |\n";
  }
  out << '\n';
}

void figures(std::ostream& out, const CaseFigures& f, Language lang) {
  const auto days = [](const std::optional<int>& d) { return d ? std::to_string(*d) : std::string("-"); };
  out << "### " << tr(lang, "Kinerja terukur dari kasus", "Measured on the cases") << "\n\n"
      << tr(lang, "- Kasus masuk: ", "- Cases opened: ") << f.cases << tr(lang, ", selesai: ", ", decided: ") << f.closed
      << '\n'
      << tr(lang, "- Selesai dalam SLA: ", "- Decided within the SLA: ") << detail::share(f.sla_met, f.sla_cases, lang)
      << '\n'
      << tr(lang, "- Hari kerja sampai keputusan: median ", "- Working days to decision: median ")
      << days(f.median_working_days) << ", p90 " << days(f.p90_working_days) << '\n'
      << tr(lang, "- Keputusan fiktif positif: ", "- Deemed decisions: ") << f.deemed << '\n'
      << tr(lang, "- Persyaratan paling sering kurang: ", "- Requirements most often missing: ");
  if (f.missing_requirements.empty()) out << '-';
  for (std::size_t i = 0; i < f.missing_requirements.size() && i < 5; ++i)
    out << (i ? "; " : "") << f.missing_requirements[i].first << " × " << f.missing_requirements[i].second;
  out << "\n\n";
}

void section(std::ostream& out, const ServiceSkm& s, Language lang) {
  out << "## " << detail::section_title(s, lang) << "\n\n"
      << tr(lang, "Responden: ", "Respondents: ") << s.respondents
      << tr(lang, "; sampel minimum ", "; minimum sample ") << s.minimum_sample
      << tr(lang, " untuk ", " for ") << s.figures.cases << tr(lang, " kasus", " cases")
      << (s.respondents >= static_cast<std::size_t>(s.minimum_sample) ? "" : tr(lang, " (kurang)", " (short)"))
      << "\n\n";
  if (s.index) elements_table(out, *s.index, lang);
  else out << tr(lang, "Belum ada responden pada periode ini.\n\n", "No respondents in this period.\n\n");
  profile(out, s.profile, lang);
  if (!s.suggestions.empty()) {
    out << "### " << tr(lang, "Saran dan masukan", "Suggestions") << "\n\n";
    for (const auto& text : s.suggestions) out << "- " << one_line(text) << '\n';
    out << '\n';
  }
  trend(out, s.trend, lang);
  if (s.index) follow_up(out, s, lang);
  figures(out, s.figures, lang);
}

}  // namespace

std::string render_skm_markdown(const SkmReport& r, Language lang) {
  std::ostringstream out;
  out << "# " << tr(lang, "Laporan Survei Kepuasan Masyarakat (SKM) ", "Community Satisfaction Survey (SKM) report ")
      << r.period.name << " (" << r.period.first.to_string() << tr(lang, " s.d. ", " to ") << r.period.last.to_string()
      << ")\n\n"
      << detail::method_note(r.weight, lang) << "\n\n";
  if (!r.complaint_procedure.empty())
    out << tr(lang, "Pengaduan (", "Complaints (") << r.complaint_procedure << tr(lang, "): masuk ", "): opened ")
        << r.complaints_opened << tr(lang, ", selesai ", ", resolved ") << r.complaints_resolved << "\n\n";
  section(out, r.office, lang);
  for (const auto& s : r.services) section(out, s, lang);
  return out.str();
}

}  // namespace izin::standards
