// The validator's entry point: runs every check family, in a stable order.
#include "validate/validate.hpp"

#include <algorithm>

#include "validate/checks.hpp"

namespace izin::detail {

std::vector<Diagnostic> validate(const Procedure& procedure, Language lang) {
  std::vector<Diagnostic> out;
  Findings findings{procedure, lang, out};
  check_structure(findings);
  check_time(findings);
  check_requirements(findings);
  check_rules(findings);
  check_ambiguity(findings);
  check_service_standard(findings);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return out;
}

bool is_granting_outcome(std::string_view outcome) {
  return outcome == "granted" || outcome == "approved" || outcome == "verified" || outcome == "issued";
}

}  // namespace izin::detail
