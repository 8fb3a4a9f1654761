// Text → syntax tree, reporting every independent syntax error: the file is
// parsed one declaration or state item at a time, and after an error the
// parser skips to the next line that starts a declaration, state or item.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "izin/diagnostic.hpp"
#include "source_text.hpp"

namespace izin::detail {

// The syntax tree (possibly partial) and the syntax diagnostics.
struct ParseResult {
  ast::ProcedureDecl procedure;
  std::vector<Diagnostic> diagnostics;
};

// Parses one procedure text; `file` names it in diagnostics.
ParseResult parse_procedure(std::string_view text, const LineIndex& lines, const std::string& file, Language lang);

}  // namespace izin::detail
