// `izin deadlines PROC --from DATE [--procedures DIR]`: the dates a clerk
// tells a citizen at the counter for a case opened on DATE.
#include <array>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "izin/load.hpp"
#include "izin/preview.hpp"

namespace izin::cli {

namespace {

// What `izin deadlines` was asked for.
struct DeadlineOptions {
  std::string procedure;
  std::string from;
  std::string dir = "procedures";
};

// "Monday 2026-03-16" (or "Senin 2026-03-16" in Indonesian).
std::string day_text(Date d, Language lang) {
  static const std::array<const char*, 7> en{"Sunday", "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
  static const std::array<const char*, 7> id{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
  const unsigned w = d.weekday().c_encoding();
  return std::string(lang == Language::Indonesian ? id[w] : en[w]) + " " + d.to_string();
}

// The opening instant: DATE alone means 08:00 local, when the counter opens.
std::optional<Instant> opening(const std::string& text, int offset) {
  return parse_instant(text.size() == 10 ? text + "T08:00" : text, offset);
}

// The counter's words, in the clerk's language.
struct Words {
  const char* paused;
  const char* conditional;
  const char* by_end_of;
  const char* assumed;
  const char* on;
  const char* calendar;
  const char* opened;
  const char* outcome;
  const char* deemed;
  const char* sla_due;
  const char* paused_days;
  const char* provisional;
};

// The counter's words for a language.
const Words& words(Language lang) {
  static const Words en{"[clock paused]", " (conditional)", ": by end of ", "assumed: ", " on ", "calendar ",
                        "Opened ", "Outcome at the latest: ", " (deemed)", " working days) due by end of ",
                        " working days paused while the applicant acts",
                        " (provisional: the calendar has no holidays for these dates yet)"};
  static const Words id{"[waktu layanan berhenti]", " (bersyarat)", ": paling lambat ", "diasumsikan: ", " pada ",
                        "kalender ", "Diajukan ", "Hasil paling lambat: ", " (fiktif positif)",
                        " hari kerja) jatuh tempo ", " hari kerja berhenti selama pemohon bertindak",
                        " (sementara: kalender belum memuat hari libur untuk tanggal ini)"};
  return lang == Language::Indonesian ? id : en;
}

// Prints one step of the main path and its deadlines.
void print_step(const PreviewStep& s, const WorkingDayCalendar& cal, Language lang) {
  const Words& w = words(lang);
  std::cout << "  " << s.id << (s.label.empty() ? "" : "  \"" + s.label + "\"")
            << (s.paused ? std::string("  ") + w.paused : "") << "\n";
  for (const auto& d : s.deadlines)
    std::cout << "      " << d.text << (d.conditional ? w.conditional : "") << w.by_end_of
              << day_text(d.last_day, lang) << (d.provisional ? w.provisional : "") << "\n";
  if (!s.leave_by.empty())
    std::cout << "      " << w.assumed << s.leave_by << w.on << day_text(cal.local_date(s.left), lang) << "\n";
}

// Prints the whole preview: header, steps, outcome and SLA.
void print_preview(const Procedure& p, const WorkingDayCalendar& cal, Instant opened,
                   const DeadlinePreview& pv, Language lang) {
  const Words& w = words(lang);
  std::cout << p.title << " (" << p.id << " v" << p.version << "), " << w.calendar << cal.name() << "\n"
            << w.opened << day_text(cal.local_date(opened), lang) << "\n";
  for (const auto& s : pv.steps) print_step(s, cal, lang);
  if (pv.reached_final) std::cout << w.outcome << pv.outcome << (pv.deemed ? w.deemed : "") << "\n";
  if (!pv.sla_due) return;
  std::cout << "SLA (" << p.sla->working_days << w.sla_due << day_text(*pv.sla_due, lang);
  if (pv.paused_working_days > 0) std::cout << " (" << pv.paused_working_days << w.paused_days << ")";
  std::cout << (pv.sla_provisional ? w.provisional : "") << "\n";
}

// The whole command once parsed; the process exit status.
int run_deadlines(const DeadlineOptions& o) {
  LoadOptions lo;
  lo.language = language_from_environment();
  const Library lib = load({o.dir}, lo);
  const ProcedurePtr p = lib.newest(o.procedure);
  if (!p) {
    // Say why it is missing (a duplicated version, a syntax error), not only that it is.
    for (const auto& d : lib.diagnostics)
      if (d.severity == Severity::Error) {
        const std::string text = format_diagnostic(d, lib.source_line(d));
        std::cerr << text << (text.ends_with('\n') ? "" : "\n");
      }
    std::cerr << "izin deadlines: no procedure `" << o.procedure << "` under " << o.dir << "\n";
    return 2;
  }
  const CalendarPtr cal = lib.calendars.find(p->calendar);
  if (!cal) {
    std::cerr << "izin deadlines: calendar `" << p->calendar << "` not found under " << o.dir << "/calendars\n";
    return 2;
  }
  const auto opened = opening(o.from, cal->utc_offset_minutes());
  if (!opened) {
    std::cerr << "izin deadlines: --from wants YYYY-MM-DD or YYYY-MM-DDTHH:MM, not `" << o.from << "`\n";
    return 2;
  }
  print_preview(*p, *cal, *opened, preview_deadlines(*p, *cal, *opened), lo.language);
  return 0;
}

}  // namespace

void add_deadlines_command(CLI::App& app) {
  auto options = std::make_shared<DeadlineOptions>();
  auto* cmd = app.add_subcommand("deadlines", "Preview the deadline dates of a case opened on a date");
  cmd->add_option("procedure", options->procedure, "Procedure id")->required();
  cmd->add_option("--from", options->from, "Opening date YYYY-MM-DD[THH:MM], local time")->required();
  cmd->add_option("--procedures", options->dir, "Procedure directory (default: procedures)");
  cmd->callback([options] { exit_status() = run_deadlines(*options); });
}

}  // namespace izin::cli
