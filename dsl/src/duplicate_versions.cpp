// refuse_duplicate_versions: two files claiming one procedure version are an
// error naming both, and neither runs, so nobody depends on which was read last.
#include "duplicate_versions.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "messages.hpp"

namespace izin::detail {

namespace {
// "file:line" of a procedure's `procedure` keyword.
std::string where(const Procedure& p) { return p.file + ":" + std::to_string(p.loc.line); }

// The places of every copy but `self`, joined with ", ".
std::string others(const std::vector<ProcedurePtr>& copies, const ProcedurePtr& self) {
  std::string out;
  for (const auto& p : copies)
    if (p != self) out += (out.empty() ? "" : ", ") + where(*p);
  return out;
}
}  // namespace

void refuse_duplicate_versions(Library& library, Language lang) {
  std::map<std::pair<std::string, int>, std::vector<ProcedurePtr>> by_version;
  for (const auto& p : library.procedures) by_version[{p->id, p->version}].push_back(p);
  for (const auto& [key, copies] : by_version) {
    if (copies.size() < 2) continue;
    for (const auto& p : copies)
      library.diagnostics.push_back({Severity::Error, std::string(message_code(Msg::DuplicateVersion)), p->file,
                                     p->loc.line, p->loc.column,
                                     message_text(Msg::DuplicateVersion, lang,
                                                  {p->id, std::to_string(p->version), others(copies, p)})});
  }
  std::erase_if(library.procedures, [&](const ProcedurePtr& p) { return by_version[{p->id, p->version}].size() > 1; });
}

}  // namespace izin::detail
