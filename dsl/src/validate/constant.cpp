#include "validate/constant.hpp"

#include <vector>

namespace izin::detail {

namespace {
// True when the expression reads neither a field nor a document.
bool reads_nothing(const Expr& e) {
  if (e.kind == Expr::Kind::Field || e.kind == Expr::Kind::Rule) return false;  // a rule reads the case
  if (e.kind == Expr::Kind::Call && e.func == Func::Submitted) return false;
  for (const auto& a : e.args)
    if (!reads_nothing(a)) return false;
  return true;
}
}  // namespace

std::optional<bool> constant_condition(const Expr& condition, const Procedure& procedure) {
  if (condition.kind == Expr::Kind::Binary && condition.op == Op::And)
    for (const auto& a : condition.args)
      if (constant_condition(a, procedure) == false) return false;
  if (!reads_nothing(condition)) return std::nullopt;
  const std::vector<Value> data(procedure.data.size());
  const std::vector<bool> documents(procedure.requirements.size(), false);
  const Evaluation result = evaluate(condition, EvalContext{procedure, data, documents});
  if (!result.ok() || !result.value.is_bool()) return std::nullopt;
  return result.value.boolean();
}

bool same_expression(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.op != b.op || a.func != b.func || a.index != b.index || !(a.literal == b.literal) ||
      a.args.size() != b.args.size())
    return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same_expression(a.args[i], b.args[i])) return false;
  return true;
}

}  // namespace izin::detail
