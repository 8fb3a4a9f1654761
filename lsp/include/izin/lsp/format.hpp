// `izin fmt`: canonical indentation and spacing of a .izin text that keeps
// every comment. It works on lines and tokens, never moves a token to
// another line, and only touches the space between tokens, so the
// formatted text parses to the same procedure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin::lsp {

// The formatted text: two spaces per open brace (two more on a line that
// continues an expression or list), one space between tokens, none before
// `,` or `)` or after `(`, spaces around `->`, a comment keeps the gap
// before it, at most one blank line in a row, LF line ends, one final
// newline. Applying it twice changes nothing more.
std::string format_text(std::string_view text);

// The result of formatting a procedure file.
struct Formatted {
  std::string text;                     // empty when refused
  std::vector<Diagnostic> refusal;      // the syntax errors that refused it
  bool ok() const { return refusal.empty(); }
};

// Formats a procedure text that parses; text with syntax errors is refused
// (the errors say why) so that a half-typed string never moves code.
Formatted format_procedure(std::string_view text, const std::string& file, Language lang);

}  // namespace izin::lsp
