// The grammar: no left recursion or empty loops, precedence, keywords that
// do not swallow identifiers, literals.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar.hpp"
#include "izin/load.hpp"

namespace {
// A small procedure around a fee expression and some declarations.
std::string with_fee(const std::string& fee_expr, const std::string& extra_data = "") {
  return "procedure t version 1 {\n"
         "  roles clerk\n"
         "  data { n: number  i: integer  s: text  b: bool  d: date  k: enum { a, b2 } " + extra_data + " }\n"
         "  requirements { ktp: \"KTP\" }\n"
         "  fee f \"F\" = " + fee_expr + "\n"
         "  initial state s0 { on go by clerk -> done }\n"
         "  final state done outcome granted\n"
         "}\n";
}

izin::CompileResult compile(const std::string& text) {
  return izin::compile_procedure(text, "t.izin", {izin::Language::English, false});
}

// The fee's compiled expression (the compile must succeed).
izin::Expr fee_of(const std::string& fee_expr) {
  const auto r = compile(with_fee(fee_expr));
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.line << ":" << d.column << " " << d.message);
  REQUIRE(r.procedure);
  return r.procedure->fees.at(0).amount;
}
}  // namespace

TEST_CASE("grammar: PEGTL analysis finds no problems") {
  CHECK(tao::pegtl::analyze<izin::detail::grammar::header>() == 0);
  CHECK(tao::pegtl::analyze<izin::detail::grammar::top_item>() == 0);
  CHECK(tao::pegtl::analyze<izin::detail::grammar::state_head>() == 0);
  CHECK(tao::pegtl::analyze<izin::detail::grammar::state_item>() == 0);
  CHECK(tao::pegtl::analyze<izin::detail::grammar::expr>() == 0);
}

TEST_CASE("grammar: * binds tighter than +, and both are left-associative") {
  const auto e = fee_of("1 + 2 * 3 - 4");
  CHECK(e.op == izin::Op::Sub);
  CHECK(e.args[0].op == izin::Op::Add);
  CHECK(e.args[0].args[1].op == izin::Op::Mul);
  const auto d = fee_of("8 / 2 / 2");
  CHECK(d.op == izin::Op::Div);
  CHECK(d.args[0].op == izin::Op::Div);
  CHECK(d.args[1].literal == izin::Value(2));
}

TEST_CASE("grammar: ?: is lowest, then or, and, not, comparison") {
  const auto e = fee_of("not b and n > 1 or b ? 1 : 2");
  REQUIRE(e.kind == izin::Expr::Kind::Conditional);
  const auto& c = e.args[0];
  CHECK(c.op == izin::Op::Or);
  CHECK(c.args[0].op == izin::Op::And);
  CHECK(c.args[0].args[0].op == izin::Op::Not);
  CHECK(c.args[0].args[1].op == izin::Op::Gt);
}

TEST_CASE("grammar: unary minus, parentheses, functions, dates") {
  const auto e = fee_of("-(n + 1) * min(i, 3) + max(1.25, floor(n)) + ceil(0.5)");
  CHECK(e.op == izin::Op::Add);
  const auto& mul = e.args[0].args[0];
  CHECK(mul.op == izin::Op::Mul);
  CHECK(mul.args[0].op == izin::Op::Neg);
  CHECK(mul.args[0].args[0].op == izin::Op::Add);
  CHECK(mul.args[1].func == izin::Func::Min);
  CHECK(fee_of("d >= 2026-03-16 ? 1 : 0").args[0].args[1].literal == izin::Value(izin::Date::from_ymd(2026, 3, 16)));
  CHECK(fee_of("submitted(ktp) ? 1 : 0").args[0].func == izin::Func::Submitted);
  CHECK(fee_of("n-1").op == izin::Op::Sub);
}

TEST_CASE("grammar: keywords do not swallow identifiers") {
  const std::string text = with_fee("order + notes + android + truest", "order: number notes: number android: number truest: number");
  const auto r = compile(text);
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(r.procedure);
  const auto& e = r.procedure->fees[0].amount;
  CHECK(e.args[1].index == r.procedure->field_index("truest"));
  CHECK(e.args[0].args[0].args[0].index == r.procedure->field_index("order"));
}

TEST_CASE("grammar: decimals are exact, strings unescape, comments anywhere") {
  CHECK(fee_of("0.1 + 0.2").args[0].literal == izin::Value(izin::Decimal::fraction(1, 10)));
  const auto r = compile("# head\nprocedure t version 1 { # c\n title \"a \\\"q\\\" \\\\ b\" # c\n"
                         " initial state s # c\n { } }");
  REQUIRE(r.procedure);
  CHECK(r.procedure->title == "a \"q\" \\ b");
}

TEST_CASE("grammar: every declaration and item form") {
  const auto r = compile(
      "procedure full version 2 {\n"
      "  roles a, b\n"
      "  data { x: integer \"X\" }\n"
      "  requirements { r1: \"R\" when x > 1 optional\n r2: \"R2\" when submitted(r1) }\n"
      "  sla 5 working days\n"
      "  initial state s { clock paused\n"
      "    on e1 by a, b when x == 1 requires r1, r2 -> t deemed { set x = 2 set x = x + 1 }\n"
      "    after 2 days when x > 3 -> t deemed\n"
      "    after 3 hours notify b \"m\"\n"
      "    after 1 working day -> t\n  }\n"
      "  state t \"T\" { on back -> s }\n"
      "}\n");
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(r.procedure);
  const auto& s = r.procedure->states[0];
  CHECK(s.clock_paused);
  CHECK(r.procedure->sla->from_state == -1);
  CHECK(r.procedure->requirements[0].optional);
  CHECK(r.procedure->requirements[1].when->func == izin::Func::Submitted);
  REQUIRE(s.transitions.size() == 1);
  CHECK(s.transitions[0].deemed);
  CHECK(s.transitions[0].sets.size() == 2);
  CHECK(s.transitions[0].sets[1].value.type == izin::Type::Integer);
  REQUIRE(s.deadlines.size() == 3);
  CHECK(s.deadlines[0].after == izin::Duration{2, izin::DurationUnit::Days});
  CHECK(s.deadlines[0].guard);
  CHECK(s.deadlines[0].deemed);
  CHECK(s.deadlines[1].after == izin::Duration{3, izin::DurationUnit::Hours});
  CHECK(s.deadlines[1].notify_role == 1);
  CHECK(s.deadlines[2].after == izin::Duration{1, izin::DurationUnit::WorkingDays});
  CHECK(r.procedure->states[1].transitions[0].roles.empty());
}
