// Expressions back to source-like text, with only the parentheses the
// precedence table of docs/language.md needs.
#include <string>

#include "izin/expr.hpp"
#include "izin/names.hpp"
#include "izin/procedure.hpp"

namespace izin {

namespace {

// Binding strength, loosest first: ?:, or, and, not, comparisons, + -, * /, unary -.
enum Precedence : int { kCond = 1, kOr, kAnd, kNot, kCompare, kSum, kProduct, kNegate, kAtom };

// How tightly an expression binds as a whole.
int precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Conditional:
      return kCond;
    case Expr::Kind::Unary:
      return e.op == Op::Not ? kNot : kNegate;
    case Expr::Kind::Binary:
      switch (e.op) {
        case Op::Or:
          return kOr;
        case Op::And:
          return kAnd;
        case Op::Add:
        case Op::Sub:
          return kSum;
        case Op::Mul:
        case Op::Div:
          return kProduct;
        default:
          return kCompare;
      }
    case Expr::Kind::Literal:
      return e.literal.is_number() && e.literal.number() < 0 ? kNegate : kAtom;
    default:
      return kAtom;
  }
}

// The operator as written in a procedure file.
std::string_view op_text(Op op) {
  switch (op) {
    case Op::Or:
      return "or";
    case Op::And:
      return "and";
    case Op::Not:
      return "not";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Neg:
      return "-";
    case Op::Cond:
      return "?";
  }
  return "?";
}

// `e` in parentheses when it binds looser than `min_precedence` requires.
std::string operand(const Expr& e, const Procedure& p, int min_precedence) {
  const std::string text = render(e, p);
  return precedence(e) < min_precedence ? "(" + text + ")" : text;
}

// A literal as source text: strings quoted, dates as YYYY-MM-DD.
std::string literal_text(const Value& v) { return v.is_null() ? "null" : v.to_string(); }

// Name of an indexed item, or a placeholder when the index is out of range.
template <class Items>
std::string name_at(const Items& items, int index) {
  if (index < 0 || index >= static_cast<int>(items.size())) return "<" + std::to_string(index) + ">";
  return items[static_cast<std::size_t>(index)].id;
}

// Binary operators are left-associative; comparisons do not chain.
std::string binary_text(const Expr& e, const Procedure& p) {
  const int prec = precedence(e);
  const int left_min = prec == kCompare ? prec + 1 : prec;
  return operand(e.args[0], p, left_min) + " " + std::string(op_text(e.op)) + " " +
         operand(e.args[1], p, prec + 1);
}

// `name(arg, …)`; submitted() names a requirement.
std::string call_text(const Expr& e, const Procedure& p) {
  if (e.func == Func::Submitted) return "submitted(" + name_at(p.requirements, e.index) + ")";
  std::string out = std::string(to_string(e.func)) + "(";
  for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + render(e.args[i], p);
  return out + ")";
}

}  // namespace

std::string render(const Expr& e, const Procedure& p) {
  switch (e.kind) {
    case Expr::Kind::Literal:
      return literal_text(e.literal);
    case Expr::Kind::Field:
      return name_at(p.data, e.index);
    case Expr::Kind::Rule:
      return name_at(p.rules, e.index);
    case Expr::Kind::Call:
      return call_text(e, p);
    default:
      break;
  }
  if (e.kind == Expr::Kind::Unary && e.args.size() == 1) {
    // `not not x` reads fine; `- -x` would read as `--x`, so it gets parentheses.
    if (e.op == Op::Not) return "not " + operand(e.args[0], p, kNot);
    return "-" + operand(e.args[0], p, kNegate + 1);
  }
  if (e.kind == Expr::Kind::Binary && e.args.size() == 2) return binary_text(e, p);
  if (e.kind == Expr::Kind::Conditional && e.args.size() == 3)
    return operand(e.args[0], p, kCond + 1) + " ? " + operand(e.args[1], p, kCond + 1) + " : " +
           operand(e.args[2], p, kCond);
  return "<malformed>";
}

}  // namespace izin
