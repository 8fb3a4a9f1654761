// The compiler's function calls: round, ceil, floor, min, max, submitted.
#include <array>

#include "compiler.hpp"

namespace izin::detail {

namespace {
// A built-in function and how many arguments it takes.
struct Builtin {
  std::string_view name;
  Func func;
  std::size_t arity;
};

constexpr std::array<Builtin, 6> kBuiltins{Builtin{"round", Func::Round, 1}, Builtin{"ceil", Func::Ceil, 1},
                                           Builtin{"floor", Func::Floor, 1}, Builtin{"min", Func::Min, 2},
                                           Builtin{"max", Func::Max, 2},     Builtin{"submitted", Func::Submitted, 1}};
}  // namespace

std::optional<Typed> Compiler::call(const ast::Expr& e) {
  const Builtin* builtin = nullptr;
  for (const auto& b : kBuiltins)
    if (b.name == e.text) builtin = &b;
  if (builtin == nullptr) {
    std::vector<std::string> names;
    for (const auto& b : kBuiltins) names.emplace_back(b.name);
    error(e.loc, Msg::UnknownFunction, {e.text, did_you_mean(closest_name(e.text, names), lang_)});
    return std::nullopt;
  }
  const bool submitted = builtin->func == Func::Submitted;
  const bool name_arg = e.args.size() == 1 && e.args[0].kind == ast::Expr::Kind::Name;
  if (e.args.size() != builtin->arity || (submitted && !name_arg)) {
    const std::string takes = submitted ? word("one requirement name", "satu nama persyaratan")
                              : builtin->arity == 1 ? word("one number", "satu angka")
                                                    : word("two numbers", "dua angka");
    error(e.loc, Msg::Arguments, {e.text, takes});
    return std::nullopt;
  }
  Typed t;
  t.expr.kind = Expr::Kind::Call;
  t.expr.func = builtin->func;
  t.expr.loc = e.loc;
  if (submitted) {
    t.expr.index = requirement_ref({e.args[0].text, e.args[0].loc});
    t.expr.type = Type::Bool;
    if (t.expr.index < 0) return std::nullopt;
    return t;
  }
  bool whole = true;
  for (const auto& a : e.args) {
    auto arg = expr(a);
    if (!arg) return std::nullopt;
    if (arg->expr.type != Type::Number && arg->expr.type != Type::Integer) {
      error(a.loc, Msg::ArithmeticType, {e.text, describe(*arg)});
      return std::nullopt;
    }
    whole = whole && arg->expr.type == Type::Integer;
    t.expr.args.push_back(std::move(arg->expr));
  }
  const bool rounds = builtin->func == Func::Round || builtin->func == Func::Ceil || builtin->func == Func::Floor;
  t.expr.type = rounds || whole ? Type::Integer : Type::Number;
  return t;
}

}  // namespace izin::detail
