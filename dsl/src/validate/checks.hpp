// The families of validator checks; each appends to the same Findings.
#pragma once

#include "validate/findings.hpp"

namespace izin::detail {

// IZ401/IZ402 initial states, IZ403 unreachable, IZ404 stuck, IZ405 final
// with a body, IZ406 deemed decisions that do not grant.
void check_structure(Findings& findings);

// IZ501 zero durations, IZ502 states without any deadline, IZ503
// escalations that can never fire, IZ504 SLA shorter than the deadlines allow.
void check_time(Findings& findings);

// IZ601 unused requirements, IZ602 `requires` of an optional one,
// IZ603/IZ604 conditions that are always or never true.
void check_requirements(Findings& findings);

// IZ310 a rule that is not true/false (hand-built models), IZ410 a rule that
// uses itself, IZ610 a rule no expression uses.
void check_rules(Findings& findings);

// IZ701 two transitions on one event that can both be allowed at once.
void check_ambiguity(Findings& findings);

// IZ801–IZ804 missing service-standard parts (UU 25/2009 Pasal 21).
void check_service_standard(Findings& findings);

}  // namespace izin::detail
