// What `izin check` prints, in the library so that embedders print the same.
#include <map>
#include <memory>

#include "izin/load.hpp"
#include "source_text.hpp"

namespace izin {

namespace {
// The line as shown under a diagnostic: control characters (a NUL, say)
// become '?' so they cannot cut or garble the output.
std::string printable(std::string_view line) {
  std::string out(line);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = '?';
  return out;
}
}  // namespace

std::string format_diagnostics(const Library& library, bool colour) {
  std::map<std::string, std::unique_ptr<detail::LineIndex>> indexes;  // built once per file
  std::string out;
  for (const auto& d : library.diagnostics) {
    std::string line;
    const auto src = library.sources.find(d.file);
    if (src != library.sources.end() && d.line > 0) {
      auto& index = indexes[d.file];
      if (!index) index = std::make_unique<detail::LineIndex>(src->second);
      line = printable(index->line_text(d.line));
    }
    out += format_diagnostic(d, line, colour);
  }
  return out;
}

namespace {
// "1 error" / "2 errors" and the Indonesian, which has no plural.
std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}
}  // namespace

std::string summarize(const Library& library, Language language) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : library.diagnostics) {
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  const std::size_t files = library.sources.size();
  if (language == Language::Indonesian)
    return std::to_string(files) + " berkas diperiksa: " + std::to_string(errors) + " galat, " +
           std::to_string(warnings) + " peringatan\n";
  return count(files, "file", "files") + " checked: " + count(errors, "error", "errors") + ", " +
         count(warnings, "warning", "warnings") + "\n";
}

int check_exit_status(const Library& library) {
  for (const auto& d : library.diagnostics)
    if (d.code == "IZ001" || d.code == "IZ002") return 2;
  return library.has_errors() ? 1 : 0;
}

}  // namespace izin
