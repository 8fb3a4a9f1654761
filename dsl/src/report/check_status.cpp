// When `izin check` fails, with or without --werror.
#include <algorithm>

#include "izin/report.hpp"

namespace izin {

bool check_fails(const std::vector<Diagnostic>& diagnostics, bool warnings_are_errors) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::Error || (warnings_are_errors && d.severity == Severity::Warning);
  });
}

}  // namespace izin
