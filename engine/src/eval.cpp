// Evaluation of checked expressions with exact arithmetic and docs/language.md's
// rules for missing values.
#include <algorithm>
#include <array>
#include <compare>
#include <string>

#include "engine_runtime.hpp"
#include "izin/expr.hpp"
#include "izin/procedure.hpp"

namespace izin {

namespace {

// An evaluation that failed with `message`, naming the expression.
Evaluation failure(const std::string& message, const Expr& e, const EvalContext& ctx) {
  return Evaluation{Value{}, message + " in `" + render(e, ctx.procedure) + "`"};
}

// A null or false condition counts as false; only a true bool is true.
bool holds(const Value& v) { return v.is_bool() && v.boolean(); }

// Whether two present values are equal under the language's rules
// (enums by symbol, dates by day, text exactly, numbers exactly).
bool equal(const Value& a, const Value& b) {
  if (a.is_enum() && b.is_text()) return a.enum_value().symbol == b.text();
  if (a.is_text() && b.is_enum()) return a.text() == b.enum_value().symbol;
  return a == b;
}

// Orders two present values of the same ordered type; nullopt when unordered.
std::optional<std::strong_ordering> order(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.number() <=> b.number();
  if (a.is_date() && b.is_date()) return a.date() <=> b.date();
  if (a.is_text() && b.is_text()) return a.text() <=> b.text();
  return std::nullopt;
}

// A comparison operator applied to two present values; nullopt when they
// cannot be compared.
std::optional<bool> compare(Op op, const Value& a, const Value& b) {
  if (op == Op::Eq) return equal(a, b);
  if (op == Op::Ne) return !equal(a, b);
  const auto o = order(a, b);
  if (!o) return std::nullopt;
  switch (op) {
    case Op::Lt:
      return std::is_lt(*o);
    case Op::Le:
      return std::is_lteq(*o);
    case Op::Gt:
      return std::is_gt(*o);
    case Op::Ge:
      return std::is_gteq(*o);
    default:
      return std::nullopt;
  }
}

// + - * / on two numbers; throws ArithmeticError on overflow or division by zero.
Decimal arithmetic(Op op, const Decimal& a, const Decimal& b) {
  switch (op) {
    case Op::Add:
      return a + b;
    case Op::Sub:
      return a - b;
    case Op::Mul:
      return a * b;
    default:
      return a / b;
  }
}

// The value of a data field; null when the case has none yet.
Evaluation evaluate_field(const Expr& e, const EvalContext& ctx) {
  if (e.index < 0 || e.index >= static_cast<int>(ctx.procedure.data.size()))
    return Evaluation{Value{}, "reference to an unknown data field"};
  if (e.index >= static_cast<int>(ctx.data.size())) return Evaluation{};
  return Evaluation{ctx.data[static_cast<std::size_t>(e.index)], {}};
}

// `not x` and `-x`.
Evaluation evaluate_unary(const Expr& e, const EvalContext& ctx) {
  if (e.args.size() != 1) return failure("malformed operator", e, ctx);
  Evaluation arg = evaluate(e.args[0], ctx);
  if (!arg.ok()) return arg;
  if (e.op == Op::Not) return Evaluation{Value(!holds(arg.value)), {}};
  if (arg.value.is_null()) return Evaluation{};
  if (!arg.value.is_number()) return failure("negation of a value that is not a number", e, ctx);
  try {
    return Evaluation{Value(-arg.value.number()), {}};
  } catch (const ArithmeticError& err) {
    return failure(err.what(), e, ctx);
  }
}

// `c ? a : b`: a null condition takes the else branch.
Evaluation evaluate_conditional(const Expr& e, const EvalContext& ctx) {
  if (e.args.size() != 3) return failure("malformed conditional", e, ctx);
  Evaluation cond = evaluate(e.args[0], ctx);
  if (!cond.ok()) return cond;
  return evaluate(e.args[holds(cond.value) ? 1 : 2], ctx);
}

// `and`/`or` with short-circuit; a null operand counts as false.
Evaluation evaluate_logic(const Expr& e, const EvalContext& ctx) {
  Evaluation left = evaluate(e.args[0], ctx);
  if (!left.ok()) return left;
  const bool l = holds(left.value);
  if (e.op == Op::And && !l) return Evaluation{Value(false), {}};
  if (e.op == Op::Or && l) return Evaluation{Value(true), {}};
  Evaluation right = evaluate(e.args[1], ctx);
  if (!right.ok()) return right;
  return Evaluation{Value(holds(right.value)), {}};
}

// Comparisons and arithmetic; a missing operand makes a comparison false
// and arithmetic give no value.
Evaluation evaluate_binary(const Expr& e, const EvalContext& ctx) {
  if (e.args.size() != 2) return failure("malformed operator", e, ctx);
  if (e.op == Op::And || e.op == Op::Or) return evaluate_logic(e, ctx);
  Evaluation left = evaluate(e.args[0], ctx);
  if (!left.ok()) return left;
  Evaluation right = evaluate(e.args[1], ctx);
  if (!right.ok()) return right;
  const Value& a = left.value;
  const Value& b = right.value;
  const bool arithmetic_op = e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mul || e.op == Op::Div;
  if (a.is_null() || b.is_null()) return arithmetic_op ? Evaluation{} : Evaluation{Value(false), {}};
  if (!arithmetic_op) {
    const auto result = compare(e.op, a, b);
    if (!result) return failure("values that cannot be compared", e, ctx);
    return Evaluation{Value(*result), {}};
  }
  if (!a.is_number() || !b.is_number()) return failure("arithmetic on a value that is not a number", e, ctx);
  try {
    return Evaluation{Value(arithmetic(e.op, a.number(), b.number())), {}};
  } catch (const ArithmeticError& err) {
    return failure(err.what(), e, ctx);
  }
}

// submitted(REQ): whether the case holds that document.
Evaluation evaluate_submitted(const Expr& e, const EvalContext& ctx) {
  if (e.index < 0 || e.index >= static_cast<int>(ctx.procedure.requirements.size()))
    return Evaluation{Value{}, "reference to an unknown requirement"};
  const auto i = static_cast<std::size_t>(e.index);
  return Evaluation{Value(i < ctx.documents.size() && ctx.documents[i]), {}};
}

// round, ceil, floor, min, max on numbers; a missing argument gives no value.
Evaluation evaluate_call(const Expr& e, const EvalContext& ctx) {
  if (e.func == Func::Submitted) return evaluate_submitted(e, ctx);
  const std::size_t arity = (e.func == Func::Min || e.func == Func::Max) ? 2 : 1;
  if (e.args.size() != arity) return failure("wrong number of arguments", e, ctx);
  std::array<Decimal, 2> numbers;  // on the stack: fees call round() on every event
  for (std::size_t i = 0; i < arity; ++i) {
    Evaluation v = evaluate(e.args[i], ctx);
    if (!v.ok()) return v;
    if (v.value.is_null()) return Evaluation{};
    if (!v.value.is_number()) return failure("a function of a value that is not a number", e, ctx);
    numbers[i] = v.value.number();
  }
  switch (e.func) {
    case Func::Round:
      return Evaluation{Value(numbers[0].round()), {}};
    case Func::Ceil:
      return Evaluation{Value(numbers[0].ceil()), {}};
    case Func::Floor:
      return Evaluation{Value(numbers[0].floor()), {}};
    case Func::Min:
      return Evaluation{Value(std::min(numbers[0], numbers[1])), {}};
    default:
      return Evaluation{Value(std::max(numbers[0], numbers[1])), {}};
  }
}

// Appends the indexes of `kind` nodes of `e` to `out`, skipping those already there.
void collect(const Expr& e, Expr::Kind kind, std::vector<int>& out) {
  if (e.kind == kind && std::find(out.begin(), out.end(), e.index) == out.end()) out.push_back(e.index);
  for (const Expr& arg : e.args) collect(arg, kind, out);
}

// How many rule evaluations are under way on this thread: a hand-built model
// with a rule that uses itself stops here instead of overflowing the stack.
thread_local std::size_t rules_in_progress = 0;

// A rule read like a field: always true or false.
Evaluation evaluate_rule(const Expr& e, const EvalContext& ctx) {
  if (e.index < 0 || e.index >= static_cast<int>(ctx.procedure.rules.size()))
    return Evaluation{Value{}, "reference to an unknown rule"};
  if (rules_in_progress > ctx.procedure.rules.size())
    return Evaluation{Value{}, "rule '" + ctx.procedure.rules[static_cast<std::size_t>(e.index)].id + "' uses itself"};
  ++rules_in_progress;
  const bool value = rule_holds(e.index, ctx);
  --rules_in_progress;
  return Evaluation{Value(value), {}};
}

}  // namespace

Evaluation evaluate(const Expr& e, const EvalContext& ctx) {
  switch (e.kind) {
    case Expr::Kind::Literal:
      return Evaluation{e.literal, {}};
    case Expr::Kind::Field:
      return evaluate_field(e, ctx);
    case Expr::Kind::Unary:
      return evaluate_unary(e, ctx);
    case Expr::Kind::Binary:
      return evaluate_binary(e, ctx);
    case Expr::Kind::Conditional:
      return evaluate_conditional(e, ctx);
    case Expr::Kind::Call:
      return evaluate_call(e, ctx);
    case Expr::Kind::Rule:
      return evaluate_rule(e, ctx);
  }
  return Evaluation{Value{}, "malformed expression"};
}

std::vector<int> fields_read(const Expr& e) {
  std::vector<int> out;
  collect(e, Expr::Kind::Field, out);
  return out;
}

std::vector<int> rules_named(const Expr& e) {
  std::vector<int> out;
  collect(e, Expr::Kind::Rule, out);
  return out;
}

namespace detail {
bool reads_missing_field(const Expr& e, const std::vector<Value>& data) {
  if (e.kind == Expr::Kind::Field &&
      (e.index < 0 || e.index >= static_cast<int>(data.size()) || data[static_cast<std::size_t>(e.index)].is_null()))
    return true;
  for (const Expr& arg : e.args)
    if (reads_missing_field(arg, data)) return true;
  return false;
}
}  // namespace detail

bool rule_holds(int index, const EvalContext& ctx) {
  if (index < 0 || index >= static_cast<int>(ctx.procedure.rules.size())) return false;
  const Rule& rule = ctx.procedure.rules[static_cast<std::size_t>(index)];
  if (detail::reads_missing_field(rule.condition, ctx.data)) return false;
  const Evaluation ev = evaluate(rule.condition, ctx);
  return ev.ok() && holds(ev.value);
}

}  // namespace izin
