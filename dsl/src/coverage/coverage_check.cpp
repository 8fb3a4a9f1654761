// `izin check`'s calendar coverage warnings (IZ060, IZ061): a calendar that
// runs out of listed holidays soon makes working-day dates provisional.
#include <sstream>

#include "izin/load.hpp"

namespace izin {
namespace {

// How far ahead of today a coverage end is worth a warning (docs/language.md: 90 days).
constexpr int kWarnDays = 90;

// The line and column of the procedure's `calendar` declaration in its text (1, 1 when not found).
std::pair<int, int> calendar_line(const Library& library, const std::string& file) {
  const auto it = library.sources.find(file);
  if (it == library.sources.end()) return {1, 1};
  std::istringstream in(it->second);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const auto start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 9, "calendar ") == 0) return {n, static_cast<int>(start) + 1};
  }
  return {1, 1};
}

// The warning for one procedure's calendar, if its coverage needs one.
std::optional<Diagnostic> coverage_warning(const Library& library, const Procedure& p, const WorkingDayCalendar& cal,
                                           Date today, Language lang) {
  const Coverage& c = cal.coverage();
  const bool id = lang == Language::Indonesian;
  const auto [line, column] = calendar_line(library, p.file);
  if (c.empty()) {
    return Diagnostic{Severity::Warning, "IZ061", p.file, line, column,
                      id ? "kalender `" + cal.id() + "` tidak memuat hari libur dan tidak menyatakan `covers`: setiap "
                               "tanggal hari kerja prosedur " + p.id + " bersifat sementara (hanya akhir pekan dihitung)"
                         : "calendar `" + cal.id() + "` lists no holidays and has no `covers`: every working-day date "
                               "of procedure " + p.id + " is provisional (weekends only are counted)"};
  }
  if (c.to > today + kWarnDays) return std::nullopt;
  const std::string end = c.to.to_string(), now = today.to_string();
  const bool ended = c.to < today;
  return Diagnostic{
      Severity::Warning, "IZ060", p.file, line, column,
      id ? "kalender `" + cal.id() + "` memuat hari libur hanya sampai " + end +
               (ended ? " (sudah lewat per " + now + ")" : " (dalam 90 hari dari " + now + ")") +
               ": tanggal hari kerja prosedur " + p.id + " sesudahnya bersifat sementara; tambahkan hari libur tahun berikutnya"
         : "calendar `" + cal.id() + "` lists holidays only up to " + end +
               (ended ? " (already past on " + now + ")" : " (within 90 days of " + now + ")") +
               ": working-day dates of procedure " + p.id + " after it are provisional; add the next year's holidays"};
}

}  // namespace

std::vector<Diagnostic> calendar_coverage_warnings(const Library& library, Date today, Language lang) {
  std::vector<Diagnostic> out;
  for (const auto& p : library.procedures) {
    if (p->calendar.empty()) continue;  // the built-in Mon–Fri calendar is never provisional
    const CalendarPtr cal = library.calendars.find(p->calendar);
    if (!cal) continue;  // already an error of its own (IZ208)
    if (auto d = coverage_warning(library, *p, *cal, today, lang)) out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace izin
