// Procedure texts generated for the compile benchmark: valid, varied, and
// as large as asked, written to docs/language.md.
#pragma once

#include <string>

namespace izin::bench {

// Procedure `gen_<n>` with `states` working states in a chain (each with
// roles, guards, requirements, `set`s, notify and automatic deadlines) and
// two final states.
std::string generated_procedure(int n, int states);

}  // namespace izin::bench
