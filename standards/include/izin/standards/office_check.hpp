// `izin check --office FILE`: the service standard components office.yaml
// leaves empty (IZ805) and an office.yaml that cannot be read (IZ806).
#pragma once

#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::standards {

// Reads `office_path` and reports, at each procedure's `procedure` line, every
// office.yaml value its published standard would lack (IZ805, warning); a
// malformed or unreadable file is one IZ806 error at its line instead.
// Only the newest version of each procedure id is reported.
std::vector<Diagnostic> office_standard_diagnostics(const std::vector<ProcedurePtr>& procedures,
                                                    const std::string& office_path, Language lang);

}  // namespace izin::standards
