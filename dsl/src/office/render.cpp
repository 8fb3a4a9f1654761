// The office report as text for a terminal or a printout.
#include <cstdio>
#include <sstream>

#include "izin/office.hpp"
#include "izin/words.hpp"

namespace izin {
namespace {

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

// An instant in the office's local time, or ISO UTC when the report has no calendar.
std::string shown(Instant t, const OfficeReport& report) {
  return report.calendar ? format_local(t, *report.calendar) : format_instant(t);
}

// The table's header row.
void render_header(std::ostringstream& out, Language lang) {
  out << pad(phrase(Word::ReportProcedure, lang), 22) << pad(phrase(Word::ReportCases, lang), 7)
      << pad(phrase(Word::ReportClosed, lang), 8) << pad(phrase(Word::ReportOverdue, lang), 9)
      << pad(phrase(Word::ReportSlaMet, lang), 13) << pad(phrase(Word::ReportAverage, lang), 10)
      << pad(phrase(Word::ReportDeemed, lang), 8) << phrase(Word::ReportEscalations, lang) << '\n';
}

// The table row and the per-state line of one procedure.
void render_procedure(std::ostringstream& out, const ProcedureSummary& s, Language lang) {
  out << pad(s.procedure, 22) << pad(std::to_string(s.cases), 7) << pad(std::to_string(s.closed), 8)
      << pad(std::to_string(s.overdue), 9) << pad(sla_cell(s), 13)
      << pad(s.closed ? one_decimal(s.average_working_days) : "-", 10) << pad(std::to_string(s.deemed), 8)
      << s.escalations << '\n';
  out << "  " << phrase(Word::ReportStates, lang) << ":";
  for (const auto& [state, count] : s.cases_per_state) out << ' ' << state << '=' << count;
  out << '\n';
  if (s.provisional > 0) out << "  " << phrase(Word::ReportProvisional, lang) << ": " << s.provisional << '\n';
}

// Why an event was refused, in a few words with what it was about.
std::string reason_text(const RefusalTally& t, Language lang) {
  switch (t.code) {
    case RefusalCode::GuardFalse: return phrase(Word::ReasonGuard, lang, {t.detail});
    case RefusalCode::MissingDocuments: return phrase(Word::ReasonMissing, lang, {t.detail});
    case RefusalCode::RoleNotAllowed: {
      const auto arrow = t.detail.find(" -> ");
      if (arrow == std::string::npos) return phrase(Word::ReasonRole, lang, {t.detail, ""});
      return phrase(Word::ReasonRole, lang, {t.detail.substr(0, arrow), t.detail.substr(arrow + 4)});
    }
    case RefusalCode::NoSuchEvent: return phrase(Word::ReasonNoEvent, lang, {t.detail});
    case RefusalCode::CaseClosed: return phrase(Word::ReasonClosed, lang);
    default: return phrase(Word::ReasonOther, lang, {refusal_reason(t.code, lang) + ": " + t.detail});
  }
}

// Refused events by reason, most frequent first.
void render_refusals(std::ostringstream& out, const OfficeReport& report, Language lang) {
  out << '\n' << phrase(Word::ReportRefusals, lang) << ":\n";
  if (report.refusals.empty()) out << "  " << phrase(Word::ReportNone, lang) << '\n';
  for (const auto& t : report.refusals)
    out << phrase(Word::ReportRefusalLine, lang, {pad(std::to_string(t.count), 3), t.procedure, reason_text(t, lang)})
        << '\n';
}

// Open cases that have waited longest since their last event.
void render_waiting(std::ostringstream& out, const OfficeReport& report, Language lang) {
  out << '\n' << phrase(Word::ReportWaiting, lang) << ":\n";
  if (report.waiting.empty()) out << "  " << phrase(Word::ReportNone, lang) << '\n';
  for (const auto& w : report.waiting)
    out << phrase(Word::ReportWaitingLine, lang,
                  {w.case_id, w.procedure, w.state, std::to_string(w.working_days), shown(w.since, report)})
        << '\n';
}

}  // namespace

std::string render_office_report(const OfficeReport& report, Language lang) {
  std::ostringstream out;
  out << phrase(Word::ReportTitle, lang, {shown(report.as_of, report)}) << "\n\n";
  render_header(out, lang);
  for (const auto& s : report.procedures) render_procedure(out, s, lang);
  render_refusals(out, report, lang);
  out << '\n' << phrase(Word::ReportMissing, lang) << ":\n";
  if (report.missing_requirements.empty()) out << "  " << phrase(Word::ReportNone, lang) << '\n';
  for (const auto& [what, count] : report.missing_requirements) out << "  " << pad(std::to_string(count), 4) << what << '\n';
  render_waiting(out, report, lang);
  return out.str();
}

}  // namespace izin
