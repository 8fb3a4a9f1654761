// Turning procedure files into the engine's model, with diagnostics.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin {

// How to load.
struct LoadOptions {
  Language language = Language::English;
  bool validate = true;  // run the validator's checks after compiling
};

// The result of parsing and compiling one procedure text.
struct CompileResult {
  ProcedurePtr procedure;  // nullptr when there were errors
  std::vector<Diagnostic> diagnostics;
};

// Parses and compiles one .izin text. `file` names it in diagnostics.
// Never throws for bad input. Without calendars, the calendar id is not checked.
CompileResult compile_procedure(std::string_view text, const std::string& file,
                                const LoadOptions& options = {},
                                const CalendarSet* calendars = nullptr);

// Everything found under some paths: procedures, calendars, scenario files.
struct Library {
  std::vector<ProcedurePtr> procedures;  // those without errors
  CalendarSet calendars;
  std::vector<std::filesystem::path> scenario_files;  // *.test.yaml
  std::vector<Diagnostic> diagnostics;                // all files
  std::map<std::string, std::string> sources;         // file → text, for carets

  bool has_errors() const { return izin::has_errors(diagnostics); }
  // Newest version of a procedure, or nullptr.
  ProcedurePtr newest(std::string_view id) const;
  // The source line a diagnostic points at ("" when unknown).
  std::string_view source_line(const Diagnostic& d) const;
};

// Loads files and directories: *.izin at any depth, calendars/*.yaml,
// *.test.yaml. A missing path is a diagnostic (code IZ001).
Library load(const std::vector<std::filesystem::path>& paths, const LoadOptions& options = {});

// `izin check`'s calendar warnings: IZ060 for each procedure whose calendar
// coverage ends on or before today + 90 days (already ended included), IZ061
// when it covers nothing; procedures without `calendar` never get one.
std::vector<Diagnostic> calendar_coverage_warnings(const Library& library, Date today, Language lang);

// Every diagnostic as `izin check` prints it: `file:line:col: error[CODE]:
// message`, then the source line and a caret. ANSI colour when `colour`.
std::string format_diagnostics(const Library& library, bool colour = false);

// The closing line of a check: "1 file checked: 2 errors, 1 warning" (or in
// Indonesian), with a trailing newline.
std::string summarize(const Library& library, Language language);

// The exit status of a check: 0 no errors, 1 errors, 2 a path missing or
// unreadable (IZ001, IZ002).
int check_exit_status(const Library& library);

}  // namespace izin

#pragma GCC visibility pop
