// Problems in procedure and calendar files, as data with a stable code.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace izin {

// The language messages are written in for policy staff and clerks.
enum class Language : std::uint8_t { English, Indonesian };

// Language from the environment: IZIN_LANG first (en, id), then LC_ALL,
// LC_MESSAGES, LANG (id_ID.UTF-8 and other id* locales: Indonesian), else English.
Language language_from_environment();

// "en" or "id" (as given to --lang, or a locale such as id_ID.UTF-8); nullopt otherwise.
std::optional<Language> parse_language(std::string_view text);

// The language a front end uses: `asked` (--lang) when given, else the environment.
Language choose_language(std::string_view asked);

enum class Severity : std::uint8_t { Error, Warning, Note };

// "error", "warning", "note".
std::string_view severity_name(Severity severity);

// A place in a source file; line and column count from 1 (0: unknown).
struct SourceLoc {
  int line = 0;
  int column = 0;
  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

// One problem found in a file. `code` is stable (documented in
// docs/diagnostics.md) so CI and people can rely on it across releases.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // e.g. "IZ201"
  std::string file;     // path as given by the user
  int line = 0;
  int column = 0;
  std::string message;  // in the language asked for

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Renders `file:line:col: error[CODE]: message`, then the source line and a
// caret under the column when `source_line` is non-empty. ANSI colour when
// `colour` is set (only on a terminal).
std::string format_diagnostic(const Diagnostic& d, std::string_view source_line,
                              bool colour = false);

// True when any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace izin

#pragma GCC visibility pop
