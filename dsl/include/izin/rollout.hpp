// Checking new procedure versions against those already deployed
// (`izin check --against DIR`), codes IZ9xx.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/load.hpp"
#include "izin/procedure.hpp"

namespace izin {

// Compares candidate versions with deployed ones: IZ901 a deployed id and
// version whose text changed; IZ902 a version newer than the deployed
// newest that drops one of its states (open cases may sit there); IZ903 a
// version lower than the deployed newest. Findings sit in the candidate file.
std::vector<Diagnostic> check_rollout(const std::vector<ProcedurePtr>& candidate,
                                      const std::vector<ProcedurePtr>& deployed, Language lang = Language::English);

// The same over two loaded libraries (their procedures without errors).
std::vector<Diagnostic> check_rollout(const Library& candidate, const Library& deployed,
                                      Language lang = Language::English);

}  // namespace izin

#pragma GCC visibility pop
