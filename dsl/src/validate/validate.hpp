// The validator: semantic checks on a compiled procedure, before rollout.
#pragma once

#include <vector>

#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// Structure, time, requirement, ambiguity and service-standard checks on a
// procedure that compiled without errors (codes IZ4xx–IZ8xx).
std::vector<Diagnostic> validate(const Procedure& procedure, Language lang);

}  // namespace izin::detail
