// The validator: semantic checks on a compiled procedure, before rollout.
#pragma once

#include <string_view>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// Structure, time, requirement, ambiguity and service-standard checks on a
// procedure that compiled without errors (codes IZ4xx–IZ8xx), sorted by
// line and column.
std::vector<Diagnostic> validate(const Procedure& procedure, Language lang);

// Whether a final state's outcome grants what was applied for, so a deemed
// decision (silence) may lead to it: granted, approved, verified, issued.
bool is_granting_outcome(std::string_view outcome);

}  // namespace izin::detail
