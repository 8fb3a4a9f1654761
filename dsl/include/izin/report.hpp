// Diagnostics for machines: JSON for scripts and SARIF 2.1.0 for code
// scanning (GitHub), plus the catalog of documented codes behind them.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin {

// One documented diagnostic code (docs/diagnostics.md): what it means and
// how to fix it, in English.
struct DiagnosticRule {
  std::string_view code;
  Severity severity = Severity::Error;  // the severity it is reported with
  std::string_view summary;             // one line: what is wrong
  std::string_view help;                // how to fix it
};

// The codes the validator and the rollout comparison emit (IZ4xx–IZ9xx),
// in code order.
const std::vector<DiagnosticRule>& diagnostic_rules();

// The catalog entry for `code`; for a code not in it (the front end's
// IZ0xx–IZ3xx), a generic entry naming its family. `code` of the result
// views the argument.
DiagnosticRule diagnostic_rule(std::string_view code);

// Whether a check with these diagnostics fails: any error, or with
// `warnings_are_errors` (`izin check --werror`) any warning too.
bool check_fails(const std::vector<Diagnostic>& diagnostics, bool warnings_are_errors);

// JSON: {"diagnostics": [{file, line, column, severity, code, message}…],
// "summary": {errors, warnings, notes, files}} where files is the number of
// files checked.
std::string render_json(const std::vector<Diagnostic>& diagnostics, std::size_t files_checked);

// A SARIF 2.1.0 log with one run of tool "izin": a rule per code (catalog
// and any other code reported) and a result per diagnostic, located by
// relative URI (base %SRCROOT%) or file:// URI, line and column.
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, std::string_view tool_version = "0.1.0");

}  // namespace izin

#pragma GCC visibility pop
