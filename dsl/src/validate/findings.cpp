#include "validate/findings.hpp"

namespace izin::detail {

void Findings::add(Severity severity, const char* code, SourceLoc loc, const std::string& en,
                   const std::string& id) {
  const SourceLoc at = loc.line > 0 ? loc : procedure.loc;
  out.push_back(Diagnostic{severity, code, procedure.file, at.line, at.column,
                           language == Language::Indonesian ? id : en});
}

std::string quoted(const std::string& name) { return "'" + name + "'"; }

std::string line_ref(SourceLoc loc, Language language) {
  return (language == Language::Indonesian ? "baris " : "line ") + std::to_string(loc.line);
}

}  // namespace izin::detail
