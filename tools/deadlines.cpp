// `izin deadlines PROC --from DATE [--procedures DIR]`: the dates a clerk
// tells a citizen at the counter for a case opened on DATE.
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "izin/load.hpp"
#include "izin/preview.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {

namespace {

// What `izin deadlines` was asked for.
struct DeadlineOptions {
  std::string procedure;
  std::string from;
  std::string dir = "procedures";
  std::string lang;  // --lang; "" : from the environment
};

// The opening instant: DATE alone means 08:00 local, when the counter opens.
std::optional<Instant> opening(const std::string& text, int offset) {
  return parse_instant(text.size() == 10 ? text + "T08:00" : text, offset);
}

// "after 26 working days -> disetujui (deemed)" or "after 3 working days notify kepala_dinas", in `lang`.
std::string deadline_text(const PreviewDeadline& d, Language lang) {
  const std::string after = phrase(Word::After, lang, {duration_text(d.after, lang)});
  if (!d.automatic) return after + phrase(Word::Notify, lang) + d.notify;
  return after + " -> " + d.target + (d.deemed ? phrase(Word::Deemed, lang) : "");
}

// Prints one step of the main path and its deadlines.
void print_step(const PreviewStep& s, const WorkingDayCalendar& cal, Language lang) {
  std::cout << "  " << s.id << (s.label.empty() ? "" : "  \"" + s.label + "\"")
            << (s.paused ? phrase(Word::DeadlinesPaused, lang) : "") << "\n";
  for (const auto& d : s.deadlines)
    std::cout << "      " << deadline_text(d, lang) << (d.conditional ? phrase(Word::DeadlinesConditional, lang) : "")
              << phrase(Word::DeadlinesByEnd, lang, {day_text(d.last_day, lang)})
              << (d.provisional ? " (" + phrase(Word::Provisional, lang) + ")" : "") << "\n";
  if (!s.leave_by.empty())
    std::cout << "      "
              << phrase(Word::DeadlinesAssumed,
                        lang, {deadline_event_text(s.leave_by, lang), day_text(cal.local_date(s.left), lang)})
              << "\n";
}

// Prints the whole preview: header, steps, outcome and SLA.
void print_preview(const Procedure& p, const WorkingDayCalendar& cal, Instant opened,
                   const DeadlinePreview& pv, Language lang) {
  std::cout << phrase(Word::DeadlinesHeader, lang, {p.title, p.id, std::to_string(p.version), cal.name()}) << "\n"
            << phrase(Word::DeadlinesOpened, lang, {day_text(cal.local_date(opened), lang)}) << "\n";
  for (const auto& s : pv.steps) print_step(s, cal, lang);
  if (pv.reached_final)
    std::cout << phrase(Word::DeadlinesOutcome, lang, {outcome_text(pv.outcome, lang)})
              << (pv.deemed ? phrase(Word::Deemed, lang) : "") << "\n";
  if (!pv.sla_due) return;
  std::cout << phrase(Word::DeadlinesSla, lang, {std::to_string(p.sla->working_days), day_text(*pv.sla_due, lang)});
  if (pv.paused_working_days > 0)
    std::cout << phrase(Word::DeadlinesPausedDays, lang, {std::to_string(pv.paused_working_days)});
  std::cout << (pv.sla_provisional ? " (" + phrase(Word::Provisional, lang) + ")" : "") << "\n";
}

// The whole command once parsed; the process exit status.
int run_deadlines(const DeadlineOptions& o) {
  LoadOptions lo;
  lo.language = choose_language(o.lang);
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
  add_language_option(*cmd, options->lang);
  cmd->callback([options] { exit_status() = run_deadlines(*options); });
}

}  // namespace izin::cli
