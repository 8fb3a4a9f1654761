// The office report as text for a terminal or a printout.
#include <cstdio>
#include <sstream>

#include "izin/office.hpp"

namespace izin {
namespace {

// English or Indonesian words for the report.
struct Words {
  const char* title;
  const char* header;
  const char* states;
  const char* missing;
  const char* none;
  const char* provisional;
};

const Words kEnglish{"Office report as of", "procedure", "states", "Most frequent missing requirements", "none",
                     "open cases with provisional dates (the calendar has no holidays for them yet)"};
const Words kIndonesian{"Laporan kantor per", "prosedur", "status", "Persyaratan yang paling sering kurang",
                        "tidak ada", "kasus terbuka dengan tanggal sementara (kalender belum memuat hari liburnya)"};

// Text padded on the right to `width` characters.
std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

// "3/4 (75%)", or "-" when nothing is known yet.
std::string sla_cell(const ProcedureSummary& s) {
  if (s.sla_cases == 0) return "-";
  return std::to_string(s.sla_met) + "/" + std::to_string(s.sla_cases) + " (" +
         std::to_string(s.sla_met * 100 / s.sla_cases) + "%)";
}

// One decimal place.
std::string one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// The table row and the per-state line of one procedure.
void render_procedure(std::ostringstream& out, const ProcedureSummary& s, const Words& w) {
  out << pad(s.procedure, 22) << pad(std::to_string(s.cases), 7) << pad(std::to_string(s.closed), 8)
      << pad(std::to_string(s.overdue), 9) << pad(sla_cell(s), 13)
      << pad(s.closed ? one_decimal(s.average_working_days) : "-", 10) << pad(std::to_string(s.deemed), 8)
      << s.escalations << '\n';
  out << "  " << w.states << ":";
  for (const auto& [state, count] : s.cases_per_state) out << ' ' << state << '=' << count;
  out << '\n';
  if (s.provisional > 0) out << "  " << w.provisional << ": " << s.provisional << '\n';
}

}  // namespace

std::string render_office_report(const OfficeReport& report, Language lang) {
  const Words& w = lang == Language::Indonesian ? kIndonesian : kEnglish;
  std::ostringstream out;
  out << w.title << ' ' << format_instant(report.as_of) << "\n\n";
  out << pad(w.header, 22) << pad(lang == Language::Indonesian ? "kasus" : "cases", 7)
      << pad(lang == Language::Indonesian ? "selesai" : "closed", 8)
      << pad(lang == Language::Indonesian ? "terlambat" : "overdue", 9)
      << pad(lang == Language::Indonesian ? "SLA tepat" : "SLA met", 13)
      << pad(lang == Language::Indonesian ? "rata2 hk" : "avg wdays", 10)
      << pad(lang == Language::Indonesian ? "fiktif+" : "deemed", 8)
      << (lang == Language::Indonesian ? "eskalasi" : "escalations") << '\n';
  for (const auto& s : report.procedures) render_procedure(out, s, w);
  out << '\n' << w.missing << ":\n";
  if (report.missing_requirements.empty()) out << "  " << w.none << '\n';
  for (const auto& [what, count] : report.missing_requirements) out << "  " << pad(std::to_string(count), 4) << what << '\n';
  return out.str();
}

}  // namespace izin
