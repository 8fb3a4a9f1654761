// Placeholder until the validator lands: no semantic checks yet.
#include "validate/validate.hpp"

namespace izin::detail {
std::vector<Diagnostic> validate(const Procedure&, Language) { return {}; }
}  // namespace izin::detail
