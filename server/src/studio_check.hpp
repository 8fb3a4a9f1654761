// Checking a procedure text posted from the studio exactly as `izin check`
// does (the same front end, the directory's calendars), and its diagnostics as data.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "izin/load.hpp"
#include "izin/server/studio.hpp"

namespace izin::server {

// A posted text checked in the company of its directory.
struct StudioCheck {
  Library library;         // the directory as loaded: calendars, scenario files, the other procedures
  CompileResult compiled;  // the posted text, parsed, compiled and validated
  bool ok() const { return compiled.procedure && !has_errors(compiled.diagnostics); }
};

// Checks `text` as the file `file` of `dir` (validated, against the directory's calendars).
// In the returned library the posted version stands in for every version of its procedure id,
// so the scenarios of the directory run against it.
StudioCheck studio_check(const std::filesystem::path& dir, const std::string& file, const std::string& text, Language lang);

// "what is wrong; how to fix it" → {"what is wrong", "how to fix it"}; the hint is "" when the message has none.
std::pair<std::string, std::string> split_hint(const std::string& message);

// The diagnostics as a JSON array: severity, code, line, column, message, hint.
nlohmann::json diagnostics_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace izin::server
