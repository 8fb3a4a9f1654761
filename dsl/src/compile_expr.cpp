// The compiler's expressions: resolving names (fields, enum symbols,
// requirements) and checking types (docs/language.md, Expressions).
#include <array>

#include "compiler.hpp"
#include "izin/decimal.hpp"

namespace izin::detail {

namespace {
// How deep the compiler follows a tree before refusing it (IZ105); the
// parser's own limits keep real files far below it.
constexpr int kMaxCompileDepth = 1000;

// Operators whose chains compile in a loop: their operands need no enum hint.
bool chains(const ast::Expr& e) {
  return e.kind == ast::Expr::Kind::Binary && (e.op == Op::And || e.op == Op::Or || (e.op >= Op::Add && e.op <= Op::Div));
}

bool numeric(Type t) { return t == Type::Number || t == Type::Integer; }

// The operator as written, for messages.
std::string_view op_text(Op op) {
  constexpr std::array<std::string_view, 15> kText{"?:", "or", "and", "not", "==", "!=", "<", "<=",
                                                   ">", ">=", "+", "-", "*", "/", "-"};
  return kText[static_cast<std::size_t>(op)];
}

// A literal zero (also `-0`), for division checks.
bool is_literal_zero(const Expr& e) {
  if (e.kind == Expr::Kind::Unary && e.op == Op::Neg) return is_literal_zero(e.args[0]);
  return e.kind == Expr::Kind::Literal && e.literal.is_number() && e.literal.number() == Decimal(0);
}

// A node with operands.
Expr node(Expr::Kind kind, Op op, Type type, SourceLoc loc, std::vector<Expr> args) {
  Expr e;
  e.kind = kind;
  e.op = op;
  e.type = type;
  e.loc = loc;
  e.args = std::move(args);
  return e;
}
}  // namespace

// A bare name that is neither a field nor a rule: it can only be an enum symbol.
bool Compiler::is_symbol_candidate(const ast::Expr& e) const {
  return e.kind == ast::Expr::Kind::Name && fields_.find(e.text) < 0 && rules_.find(e.text) < 0;
}

// IZ203 for a name that is no field (nor, when there are rules, a rule).
void Compiler::undefined_name(const ast::Expr& e) {
  if (rules_.names().empty()) {
    error(e.loc, Msg::UndefinedField, {e.text, did_you_mean(fields_.suggest(e.text), lang_)});
    return;
  }
  std::vector<std::string> names = fields_.names();
  names.insert(names.end(), rules_.names().begin(), rules_.names().end());
  error(e.loc, Msg::UndefinedName, {e.text, did_you_mean(closest_name(e.text, names), lang_)});
}

std::string Compiler::describe(const Typed& t) const {
  if (t.expr.type == Type::Enum && t.enum_field >= 0)
    return "enum (" + proc_.data[static_cast<std::size_t>(t.enum_field)].id + ")";
  return std::string(type_name(t.expr.type));
}

bool Compiler::same_enum(const Typed& a, const Typed& b) const {
  if (a.enum_field < 0 || b.enum_field < 0) return false;
  return proc_.data[static_cast<std::size_t>(a.enum_field)].enum_symbols ==
         proc_.data[static_cast<std::size_t>(b.enum_field)].enum_symbols;
}

std::optional<Expr> Compiler::condition(const ast::Expr& e) {
  auto t = expr(e);
  if (!t) return std::nullopt;
  if (t->expr.type != Type::Bool) {
    error(e.loc, Msg::NotBool, {word("this condition", "kondisi ini"), describe(*t)});
    return std::nullopt;
  }
  return std::move(t->expr);
}

std::optional<Typed> Compiler::expr(const ast::Expr& e, int enum_hint) {
  using K = ast::Expr::Kind;
  // The parser bounds nesting and height; this keeps the compiler safe on any tree.
  if (depth_ >= kMaxCompileDepth) {
    error(e.loc, Msg::TooDeep, {std::to_string(kMaxCompileDepth)});
    return std::nullopt;
  }
  ++depth_;
  std::optional<Typed> out;
  switch (e.kind) {
    case K::Number: case K::Text: case K::Bool: case K::Date: out = literal(e); break;
    case K::Name: out = name(e, enum_hint); break;
    case K::Unary: out = unary(e); break;
    case K::Binary: out = chains(e) ? chain(e) : comparison(e); break;
    case K::Conditional: out = conditional(e, enum_hint); break;
    case K::Call: out = call(e); break;
  }
  --depth_;
  return out;
}

std::optional<Typed> Compiler::literal(const ast::Expr& e) {
  Typed t;
  t.expr.kind = Expr::Kind::Literal;
  t.expr.loc = e.loc;
  if (e.kind == ast::Expr::Kind::Number) {
    const auto d = Decimal::parse(e.text);
    if (!d) { error(e.loc, Msg::NumberRange, {e.text}); return std::nullopt; }
    t.expr.literal = *d;
    t.expr.type = d->is_integer() ? Type::Integer : Type::Number;
  } else if (e.kind == ast::Expr::Kind::Date) {
    const auto d = Date::parse(e.text);
    if (!d) { error(e.loc, Msg::BadDate, {e.text}); return std::nullopt; }
    t.expr.literal = *d;
    t.expr.type = Type::Date;
  } else if (e.kind == ast::Expr::Kind::Text) {
    t.expr.literal = Value(e.text);
    t.expr.type = Type::Text;
  } else {
    t.expr.literal = Value(e.text == "true");
    t.expr.type = Type::Bool;
  }
  return t;
}

std::optional<Typed> Compiler::name(const ast::Expr& e, int enum_hint) {
  Typed t;
  t.expr.loc = e.loc;
  const int field = fields_.find(e.text);
  if (field >= 0) {
    t.expr.kind = Expr::Kind::Field;
    t.expr.index = field;
    t.expr.type = proc_.data[static_cast<std::size_t>(field)].type;
    if (t.expr.type == Type::Enum) t.enum_field = field;
    return t;
  }
  if (const int rule = rules_.find(e.text); rule >= 0) {
    t.expr.kind = Expr::Kind::Rule;
    t.expr.index = rule;
    t.expr.type = Type::Bool;
    return t;
  }
  if (enum_hint < 0) {
    undefined_name(e);
    return std::nullopt;
  }
  const DataField& f = proc_.data[static_cast<std::size_t>(enum_hint)];
  bool known = false;
  for (const auto& s : f.enum_symbols) known = known || s == e.text;
  if (!known) {
    std::string list;
    for (const auto& s : f.enum_symbols) list += (list.empty() ? "" : ", ") + s;
    error(e.loc, Msg::NotEnumSymbol, {e.text, f.id, list, did_you_mean(closest_name(e.text, f.enum_symbols), lang_)});
    return std::nullopt;
  }
  t.expr.kind = Expr::Kind::Literal;
  t.expr.literal = EnumValue{e.text};
  t.expr.type = Type::Enum;
  t.enum_field = enum_hint;
  return t;
}

std::optional<Typed> Compiler::unary(const ast::Expr& e) {
  auto operand = expr(e.args[0]);
  if (!operand) return std::nullopt;
  const Type ot = operand->expr.type;
  if (e.op == Op::Not && ot != Type::Bool) {
    error(e.args[0].loc, Msg::NotBool, {word("the operand of `not`", "operand `not`"), describe(*operand)});
    return std::nullopt;
  }
  if (e.op == Op::Neg && !numeric(ot)) {
    error(e.args[0].loc, Msg::ArithmeticType, {"-", describe(*operand)});
    return std::nullopt;
  }
  std::vector<Expr> args;
  args.push_back(std::move(operand->expr));
  return Typed{node(Expr::Kind::Unary, e.op, ot, e.loc, std::move(args)), -1};
}

// Both operands, the bare-name one (an enum symbol) compiled against the other.
std::optional<std::pair<Typed, Typed>> Compiler::operand_pair(const ast::Expr& a, const ast::Expr& b, int enum_hint) {
  std::optional<Typed> ta, tb;
  if (is_symbol_candidate(a) && !is_symbol_candidate(b)) {
    tb = expr(b, enum_hint);
    ta = expr(a, tb ? tb->enum_field : enum_hint);
  } else {
    ta = expr(a, enum_hint);
    tb = expr(b, ta && ta->enum_field >= 0 ? ta->enum_field : enum_hint);
  }
  if (!ta || !tb) return std::nullopt;
  return std::make_pair(std::move(*ta), std::move(*tb));
}

std::optional<Typed> Compiler::chain(const ast::Expr& e) {
  std::vector<const ast::Expr*> spine;  // outermost first
  const ast::Expr* left = &e;
  for (; chains(*left); left = &left->args[0]) spine.push_back(left);
  // Innermost left operand first, then each right operand outwards: the
  // order (and so the diagnostics) of a left-to-right recursive walk.
  std::optional<Typed> acc = expr(*left);
  for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
    std::optional<Typed> rhs = expr((*it)->args[1]);
    acc = link(**it, std::move(acc), std::move(rhs));
  }
  return acc;
}

std::optional<Typed> Compiler::link(const ast::Expr& e, std::optional<Typed> a, std::optional<Typed> b) {
  if (!a || !b) return std::nullopt;
  if (e.op == Op::And || e.op == Op::Or) return logical(e, std::move(*a), std::move(*b));
  return arithmetic(e, std::move(*a), std::move(*b));
}

std::optional<Typed> Compiler::logical(const ast::Expr& e, Typed a, Typed b) {
  for (const auto* t : {&a, &b})
    if (t->expr.type != Type::Bool) {
      error(t->expr.loc, Msg::NotBool, {word("each side of `", "setiap sisi `") + std::string(op_text(e.op)) + "`", describe(*t)});
      return std::nullopt;
    }
  std::vector<Expr> args;
  args.push_back(std::move(a.expr));
  args.push_back(std::move(b.expr));
  return Typed{node(Expr::Kind::Binary, e.op, Type::Bool, e.loc, std::move(args)), -1};
}

std::optional<Typed> Compiler::comparison(const ast::Expr& e) {
  auto pair = operand_pair(e.args[0], e.args[1], -1);
  if (!pair) return std::nullopt;
  auto& [a, b] = *pair;
  const Type ta = a.expr.type, tb = b.expr.type;
  const bool both_numeric = numeric(ta) && numeric(tb);
  const bool same = both_numeric || (ta == tb && (ta != Type::Enum || same_enum(a, b)));
  if (!same) {
    error(e.args[1].loc, Msg::CompareTypes, {describe(a), describe(b)});
    return std::nullopt;
  }
  const bool ordering = e.op != Op::Eq && e.op != Op::Ne;
  if (ordering && !both_numeric && ta != Type::Date) {
    error(e.args[0].loc, Msg::OrderType, {op_text(e.op), describe(a)});
    return std::nullopt;
  }
  std::vector<Expr> args;
  args.push_back(std::move(a.expr));
  args.push_back(std::move(b.expr));
  return Typed{node(Expr::Kind::Binary, e.op, Type::Bool, e.loc, std::move(args)), -1};
}

std::optional<Typed> Compiler::arithmetic(const ast::Expr& e, Typed a, Typed b) {
  for (const auto* t : {&a, &b})
    if (!numeric(t->expr.type)) {
      error(t->expr.loc, Msg::ArithmeticType, {op_text(e.op), describe(*t)});
      return std::nullopt;
    }
  if (e.op == Op::Div && is_literal_zero(b.expr)) {
    error(e.args[1].loc, Msg::DivideByZero, {});
    return std::nullopt;
  }
  const bool whole = a.expr.type == Type::Integer && b.expr.type == Type::Integer && e.op != Op::Div;
  std::vector<Expr> args;
  args.push_back(std::move(a.expr));
  args.push_back(std::move(b.expr));
  return Typed{node(Expr::Kind::Binary, e.op, whole ? Type::Integer : Type::Number, e.loc, std::move(args)), -1};
}

std::optional<Typed> Compiler::conditional(const ast::Expr& e, int enum_hint) {
  auto cond = condition(e.args[0]);
  auto pair = operand_pair(e.args[1], e.args[2], enum_hint);
  if (!cond || !pair) return std::nullopt;
  auto& [a, b] = *pair;
  const Type ta = a.expr.type, tb = b.expr.type;
  const bool both_numeric = numeric(ta) && numeric(tb);
  if (!both_numeric && (ta != tb || (ta == Type::Enum && !same_enum(a, b)))) {
    error(e.args[2].loc, Msg::BranchTypes, {describe(a), describe(b)});
    return std::nullopt;
  }
  const Type type = both_numeric ? (ta == Type::Integer && tb == Type::Integer ? Type::Integer : Type::Number) : ta;
  const int enum_field = a.enum_field;
  std::vector<Expr> args;
  args.push_back(std::move(*cond));
  args.push_back(std::move(a.expr));
  args.push_back(std::move(b.expr));
  return Typed{node(Expr::Kind::Conditional, Op::Cond, type, e.loc, std::move(args)), enum_field};
}

}  // namespace izin::detail
