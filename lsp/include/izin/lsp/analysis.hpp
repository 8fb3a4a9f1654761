// izin check's and izin test's findings for texts not yet saved: what an
// editor (izin lsp, the studio) shows while someone types.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"

namespace izin::lsp {

// The calendars of the nearest `calendars/` folder at or above `file`'s
// folder, as `izin check FILE` finds them; an empty set when there is none.
CalendarSet nearest_calendars(const std::filesystem::path& file, Language lang);

// The diagnostics `izin check` gives for this procedure text: parsed,
// compiled and validated; `calendars` empty means the calendar is not checked.
std::vector<Diagnostic> check_procedure_text(std::string_view text, const std::string& file, Language lang,
                                             const CalendarSet& calendars);

// The diagnostics of a scenario text (*.test.yaml): YAML, its keys, and the
// events, states, roles and fields it names, against the procedures and
// calendars found in the scenario file's folder.
std::vector<Diagnostic> check_scenario_text(const std::string& text, const std::filesystem::path& file, Language lang);

// Whether a path names a scenario file rather than a procedure.
bool is_scenario_file(const std::filesystem::path& file);

}  // namespace izin::lsp
