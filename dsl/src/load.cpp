// compile_procedure: text → syntax tree → Procedure (+ validator checks).
#include "izin/load.hpp"

#include <algorithm>

#include "compile.hpp"
#include "parse.hpp"
#include "source_text.hpp"
#include "validate/validate.hpp"

namespace izin {

namespace {
// Orders one file's diagnostics by position (stable: same place keeps order).
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}
}  // namespace

CompileResult compile_procedure(std::string_view text, const std::string& file, const LoadOptions& options,
                                const CalendarSet* calendars) {
  CompileResult result;
  const detail::LineIndex lines(text);
  auto parsed = detail::parse_procedure(text, lines, file, options.language);
  result.diagnostics = std::move(parsed.diagnostics);
  // Names and types are checked only on a complete tree, so that a syntax
  // error does not also show up as a cascade of undefined names.
  if (has_errors(result.diagnostics)) {
    sort_by_position(result.diagnostics);
    return result;
  }
  auto procedure = std::make_shared<Procedure>(
      detail::compile_ast(parsed.procedure, file, options.language, calendars, result.diagnostics));
  sort_by_position(result.diagnostics);
  if (has_errors(result.diagnostics)) return result;
  procedure->file = file;
  procedure->source = std::string(text);
  procedure->source_hash = detail::fnv1a_hex(text);
  if (options.validate) {
    auto checks = detail::validate(*procedure, options.language);
    sort_by_position(checks);
    result.diagnostics.insert(result.diagnostics.end(), checks.begin(), checks.end());
    if (has_errors(result.diagnostics)) return result;
  }
  result.procedure = std::move(procedure);
  return result;
}

}  // namespace izin
