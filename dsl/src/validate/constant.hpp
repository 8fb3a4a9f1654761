// Conditions whose value does not depend on the case.
#pragma once

#include <optional>

#include "izin/expr.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// The value a bool condition always has, whatever the case's data and
// documents: the condition folded when it reads no field and no
// submitted(), or false when it is an `and` with an always-false operand.
// nullopt when it depends on the case (or cannot be evaluated).
std::optional<bool> constant_condition(const Expr& condition, const Procedure& procedure);

// Whether two expressions are written the same way (same tree, same literals).
bool same_expression(const Expr& a, const Expr& b);

}  // namespace izin::detail
