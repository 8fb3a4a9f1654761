#include "izin/diagnostic.hpp"

#include <cstdlib>
#include <string>

namespace izin {

std::optional<Language> parse_language(std::string_view text) {
  if (text == "en" || text.starts_with("en_") || text == "C" || text.starts_with("C.") || text == "POSIX")
    return Language::English;
  if (text == "id" || text.starts_with("id_") || text.starts_with("id.")) return Language::Indonesian;
  return std::nullopt;
}

Language language_from_environment() {
  if (const char* v = std::getenv("IZIN_LANG"); v != nullptr && *v != '\0')
    if (const auto lang = parse_language(v)) return *lang;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') return parse_language(v).value_or(Language::English);
  }
  return Language::English;
}

Language choose_language(std::string_view asked) {
  if (const auto lang = parse_language(asked)) return *lang;
  return language_from_environment();
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Width of the caret's indent: tabs are kept so the caret lines up in a terminal.
static std::string caret_indent(std::string_view line, int column) {
  std::string indent;
  int col = 1;
  for (char ch : line) {
    if (col >= column) break;
    // Continuation bytes of UTF-8 take no column of their own on screen.
    if ((static_cast<unsigned char>(ch) & 0xC0) == 0x80) continue;
    indent += ch == '\t' ? '\t' : ' ';
    ++col;
  }
  while (col < column) { indent += ' '; ++col; }
  return indent;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view source_line, bool colour) {
  const char* sev_colour = d.severity == Severity::Error ? "\x1b[1;31m" : d.severity == Severity::Warning ? "\x1b[1;35m" : "\x1b[1;36m";
  std::string out;
  if (colour) out += "\x1b[1m";
  out += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": ";
  if (colour) out += sev_colour;
  out += std::string(severity_name(d.severity)) + "[" + d.code + "]";
  if (colour) out += "\x1b[0m\x1b[1m";
  out += ": " + d.message;
  if (colour) out += "\x1b[0m";
  out += "\n";
  if (!source_line.empty() && d.line > 0) {
    out += "  " + std::string(source_line) + "\n";
    out += "  " + caret_indent(source_line, d.column > 0 ? d.column : 1);
    out += colour ? "\x1b[1;32m^\x1b[0m\n" : "^\n";
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace izin
