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

// Prints one step of the main path and its deadlines.
void print_step(const PreviewStep& s, const WorkingDayCalendar& cal, Language lang) {
  std::cout << "  " << s.id << (s.label.empty() ? "" : "  \"" + s.label + "\"")
            << (s.paused ? "  [clock paused]" : "") << "\n";
  for (const auto& d : s.deadlines)
    std::cout << "      " << d.text << (d.conditional ? " (conditional)" : "") << ": by end of "
              << day_text(d.last_day, lang) << "\n";
  if (!s.leave_by.empty())
    std::cout << "      assumed: " << s.leave_by << " on " << day_text(cal.local_date(s.left), lang) << "\n";
}

// The whole command once parsed; the process exit status.
int run_deadlines(const DeadlineOptions& o) {
  LoadOptions lo;
  lo.language = language_from_environment();
  const Library lib = load({o.dir}, lo);
  const ProcedurePtr p = lib.newest(o.procedure);
  if (!p) {
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
  const DeadlinePreview pv = preview_deadlines(*p, *cal, *opened);
  std::cout << p->title << " (" << p->id << " v" << p->version << "), calendar " << cal->name() << "\n"
            << "Opened " << day_text(cal->local_date(*opened), lo.language) << "\n";
  for (const auto& s : pv.steps) print_step(s, *cal, lo.language);
  if (pv.reached_final)
    std::cout << "Outcome at the latest: " << pv.outcome << (pv.deemed ? " (deemed)" : "") << "\n";
  if (pv.sla_due)
    std::cout << "SLA (" << p->sla->working_days << " working days) due by end of "
              << day_text(*pv.sla_due, lo.language)
              << (pv.paused_working_days ? " (" + std::to_string(pv.paused_working_days) +
                                                " working days paused while the applicant acts)"
                                          : "")
              << "\n";
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
