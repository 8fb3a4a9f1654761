// Syntax tree → izin::Procedure: names resolved, expressions type-checked.
#pragma once

#include <string>
#include <vector>

#include "ast.hpp"
#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// Compiles a parsed procedure; problems are appended to `diagnostics`. The
// procedure is complete only when no error was added. Without calendars the
// calendar id is not checked.
Procedure compile_ast(const ast::ProcedureDecl& decl, const std::string& file, Language lang,
                      const CalendarSet* calendars, std::vector<Diagnostic>& diagnostics);

}  // namespace izin::detail
