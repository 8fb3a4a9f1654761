// Grammar actions: they build the syntax tree in ParseState as rules match;
// SyntaxControl turns failed `must<>` rules into errors with words and
// limits expression nesting.
#pragma once

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <tao/pegtl.hpp>

#include "grammar.hpp"
#include "parse_state.hpp"
#include "syntax_words.hpp"

namespace izin::detail {

namespace g = grammar;

// The identifier at the start of a matched token (without trailing space).
template <class Input>
ast::Name name_of(const Input& in, const ParseState& st) {
  const char* p = in.begin();
  const char* e = in.end();
  const char* q = p;
  while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_')) ++q;
  return {std::string(p, q), st.loc(p)};
}

// A whole number literal at the start of a token; out of range is recorded.
template <class Input>
std::int64_t whole_number(const Input& in, ParseState& st) {
  const char* p = in.begin();
  const char* q = p;
  while (q < in.end() && *q >= '0' && *q <= '9') ++q;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(p, q, value);
  if (ec != std::errc() || end != q) {
    st.bad_numbers.push_back({std::string(p, q), st.loc(p)});
    return 0;
  }
  return value;
}

// The text of `"…"` without quotes and with escapes undone.
std::string unescape(std::string_view quoted);

// Pops the top operand (the parser guarantees there is one).
ast::Expr pop_expr(ParseState& st);

// Combines the two top operands with `op` (left-associative binary).
void reduce_binary(ParseState& st, Op op);

// Builds the call whose arguments are on top of the stack.
void reduce_call(ParseState& st);

// Refuses (IZ105) the operator just reduced when the tree grew past
// kMaxExpressionHeight: chains are the one way to grow it without nesting.
template <class Input>
void limit_height(const Input& in, ParseState& st) {
  if (st.exprs.back().height <= kMaxExpressionHeight) return;
  st.too_long = true;
  st.error_at = in.begin();
  throw tao::pegtl::parse_error("expression too long", in);
}

// Default: no action.
template <class Rule>
struct Action : tao::pegtl::nothing<Rule> {};

// Declares an action whose body uses `in` and `st`.
#define IZIN_ACTION(RULE, ...)                              \
  template <>                                                \
  struct Action<g::RULE> {                                   \
    template <class Input>                                   \
    static void apply(const Input& in, ParseState& st) {     \
      (void)in;                                              \
      __VA_ARGS__                                            \
    }                                                        \
  };

// Literals and names in expressions.
IZIN_ACTION(string_lit, st.string = unescape(in.string_view());)
IZIN_ACTION(number_value, {
  const char* q = in.begin();
  while (q < in.end() && ((*q >= '0' && *q <= '9') || *q == '.')) ++q;
  st.exprs.push_back({ast::Expr::Kind::Number, std::string(in.begin(), q), Op::Eq, {}, st.loc(in.begin())});
})
IZIN_ACTION(date_value, st.exprs.push_back({ast::Expr::Kind::Date, std::string(in.begin(), 10), Op::Eq, {}, st.loc(in.begin())});)
IZIN_ACTION(text_value, st.exprs.push_back({ast::Expr::Kind::Text, st.string, Op::Eq, {}, st.loc(in.begin())});)
IZIN_ACTION(true_lit, st.exprs.push_back({ast::Expr::Kind::Bool, "true", Op::Eq, {}, st.loc(in.begin())});)
IZIN_ACTION(false_lit, st.exprs.push_back({ast::Expr::Kind::Bool, "false", Op::Eq, {}, st.loc(in.begin())});)
IZIN_ACTION(name_ref, {
  auto n = name_of(in, st);
  st.exprs.push_back({ast::Expr::Kind::Name, std::move(n.text), Op::Eq, {}, n.loc});
})
IZIN_ACTION(call_name, {
  st.call_names.push_back(name_of(in, st));
  st.call_marks.push_back(st.exprs.size());
})
IZIN_ACTION(call, reduce_call(st);)

// Operators.
IZIN_ACTION(negation, {
  auto operand = pop_expr(st);
  ast::Expr e{ast::Expr::Kind::Unary, "", Op::Neg, {}, st.loc(in.begin())};
  e.height = operand.height + 1;
  e.args.push_back(std::move(operand));
  st.exprs.push_back(std::move(e));
})
IZIN_ACTION(not_app, {
  auto operand = pop_expr(st);
  ast::Expr e{ast::Expr::Kind::Unary, "", Op::Not, {}, st.loc(in.begin())};
  e.height = operand.height + 1;
  e.args.push_back(std::move(operand));
  st.exprs.push_back(std::move(e));
})
IZIN_ACTION(mul_op, st.ops.push_back(*in.begin() == '*' ? Op::Mul : Op::Div);)
IZIN_ACTION(add_op, st.ops.push_back(*in.begin() == '+' ? Op::Add : Op::Sub);)
IZIN_ACTION(cmp_op, {
  const std::string_view s = in.string_view();
  const char a = s[0];
  const bool eq = s.size() > 1 && s[1] == '=';
  st.ops.push_back(a == '=' ? Op::Eq : a == '!' ? Op::Ne : a == '<' ? (eq ? Op::Le : Op::Lt) : (eq ? Op::Ge : Op::Gt));
})
IZIN_ACTION(mul_tail, reduce_binary(st, st.ops.back()); st.ops.pop_back(); limit_height(in, st);)
IZIN_ACTION(add_tail, reduce_binary(st, st.ops.back()); st.ops.pop_back(); limit_height(in, st);)
IZIN_ACTION(cmp_tail, reduce_binary(st, st.ops.back()); st.ops.pop_back(); limit_height(in, st);)
IZIN_ACTION(and_tail, reduce_binary(st, Op::And); limit_height(in, st);)
IZIN_ACTION(or_tail, reduce_binary(st, Op::Or); limit_height(in, st);)
IZIN_ACTION(cond_tail, {
  auto otherwise = pop_expr(st);
  auto then = pop_expr(st);
  auto cond = pop_expr(st);
  ast::Expr e{ast::Expr::Kind::Conditional, "", Op::Cond, {}, cond.loc};
  e.height = std::max({cond.height, then.height, otherwise.height}) + 1;
  e.args.push_back(std::move(cond));
  e.args.push_back(std::move(then));
  e.args.push_back(std::move(otherwise));
  st.exprs.push_back(std::move(e));
})

// Procedure header and simple declarations.
IZIN_ACTION(procedure_keyword, st.procedure.loc = st.loc(in.begin());)
IZIN_ACTION(procedure_name, st.procedure.name = name_of(in, st);)
IZIN_ACTION(version_number, st.procedure.version = whole_number(in, st);)
IZIN_ACTION(title_text, st.procedure.texts.push_back({"title", st.string, st.item_loc});)
IZIN_ACTION(legal_text, st.procedure.texts.push_back({"legal", st.string, st.item_loc});)
IZIN_ACTION(product_text, st.procedure.texts.push_back({"product", st.string, st.item_loc});)
IZIN_ACTION(calendar_name, st.procedure.calendars.push_back(name_of(in, st));)
IZIN_ACTION(sla_amount, st.sla = {}; st.sla.working_days = whole_number(in, st); st.sla.loc = st.item_loc;)
IZIN_ACTION(sla_from_state, st.sla.from = name_of(in, st);)
IZIN_ACTION(sla_decl, st.procedure.slas.push_back(std::move(st.sla));)
IZIN_ACTION(role_decl_name, st.procedure.roles.push_back(name_of(in, st));)

// Data fields.
IZIN_ACTION(field_name, st.field = {}; st.field.name = name_of(in, st); st.field.loc = st.field.name.loc;)
IZIN_ACTION(kw_number, st.field.type = "number";)
IZIN_ACTION(kw_integer, st.field.type = "integer";)
IZIN_ACTION(kw_text, st.field.type = "text";)
IZIN_ACTION(kw_bool, st.field.type = "bool";)
IZIN_ACTION(kw_date, st.field.type = "date";)
IZIN_ACTION(kw_enum, st.field.type = "enum";)
IZIN_ACTION(enum_symbol, st.field.symbols.push_back(name_of(in, st));)
IZIN_ACTION(field_label, st.field.label = st.string;)
IZIN_ACTION(field_decl, st.procedure.fields.push_back(std::move(st.field));)

// Requirements and fees.
IZIN_ACTION(condition, st.condition = pop_expr(st);)
IZIN_ACTION(requirement_name, {
  st.requirement = {};
  st.requirement.name = name_of(in, st);
  st.requirement.loc = st.requirement.name.loc;
  st.condition.reset();
})
IZIN_ACTION(requirement_label, st.requirement.label = st.string;)
IZIN_ACTION(kw_optional, st.requirement.optional = true;)
IZIN_ACTION(internal_flag, st.requirement.internal = true;)
IZIN_ACTION(requirement_decl, {
  st.requirement.when = std::move(st.condition);
  st.condition.reset();
  st.procedure.requirements.push_back(std::move(st.requirement));
})
IZIN_ACTION(rule_name, st.rule = {}; st.rule.name = name_of(in, st); st.rule.loc = st.item_loc;)
IZIN_ACTION(rule_label, st.rule.label = st.string;)
IZIN_ACTION(rule_condition, st.rule.condition = pop_expr(st);)
IZIN_ACTION(rule_decl, st.procedure.rules.push_back(std::move(st.rule));)
IZIN_ACTION(fee_name, st.fee = {}; st.fee.name = name_of(in, st); st.fee.loc = st.item_loc;)
IZIN_ACTION(fee_label, st.fee.label = st.string;)
IZIN_ACTION(fee_amount, st.fee.amount = pop_expr(st);)
IZIN_ACTION(fee_decl, st.procedure.fees.push_back(std::move(st.fee));)

// States.
IZIN_ACTION(initial_flag, st.state.initial = true;)
IZIN_ACTION(state_name, st.state.name = name_of(in, st);)
IZIN_ACTION(state_label, st.state.label = st.string;)
IZIN_ACTION(outcome_name, st.state.outcome = name_of(in, st);)
IZIN_ACTION(final_decl, st.state.final = true; st.procedure.states.push_back(std::move(st.state));)
IZIN_ACTION(clock_decl, st.state.clock_paused = st.item_loc;)

// Transitions.
IZIN_ACTION(event_name, st.transition = {}; st.transition.event = name_of(in, st); st.transition.loc = st.item_loc;)
IZIN_ACTION(role_ref, st.transition.roles.push_back(name_of(in, st));)
IZIN_ACTION(document_ref, st.transition.documents.push_back(name_of(in, st));)
IZIN_ACTION(target_name, st.target = name_of(in, st);)
IZIN_ACTION(deemed_flag, st.deemed = true;)
IZIN_ACTION(set_field, st.set = {}; st.set.field = name_of(in, st); st.set.loc = st.set.field.loc;)
IZIN_ACTION(set_value, st.set.value = pop_expr(st);)
IZIN_ACTION(set_decl, st.transition.sets.push_back(std::move(st.set));)
IZIN_ACTION(on_decl, {
  st.transition.guard = std::move(st.condition);
  st.transition.target = st.target;
  st.transition.deemed = st.deemed;
  st.state.transitions.push_back(std::move(st.transition));
})

// Deadlines.
IZIN_ACTION(duration_amount, st.deadline = {}; st.transition = {}; st.deadline.after.amount = whole_number(in, st); st.deadline.loc = st.item_loc;)
IZIN_ACTION(working_days_unit, st.deadline.after.unit = DurationUnit::WorkingDays;)
IZIN_ACTION(days_unit, st.deadline.after.unit = DurationUnit::Days;)
IZIN_ACTION(hours_unit, st.deadline.after.unit = DurationUnit::Hours;)
IZIN_ACTION(notify_role, st.deadline.notify_role = name_of(in, st);)
IZIN_ACTION(notify_message, st.deadline.message = st.string;)
IZIN_ACTION(after_decl, {
  st.deadline.guard = std::move(st.condition);
  if (!st.target.text.empty()) st.deadline.target = st.target;
  st.deadline.deemed = st.deemed;
  st.deadline.sets = std::move(st.transition.sets);  // set_decl collects into the transition scratch
  st.state.deadlines.push_back(std::move(st.deadline));
})

#undef IZIN_ACTION

// Rules whose nesting is counted against kMaxExpressionDepth.
template <class Rule>
inline constexpr bool counts_depth = std::is_base_of_v<g::expr, Rule> || std::is_same_v<Rule, g::paren_inner> ||
                                     std::is_same_v<Rule, g::call_arg> || std::is_same_v<Rule, g::then_expr> ||
                                     std::is_same_v<Rule, g::else_expr> || std::is_same_v<Rule, g::negation> ||
                                     std::is_same_v<Rule, g::not_app>;

// PEGTL control: words for errors, and a nesting limit instead of a stack overflow.
template <class Rule>
struct SyntaxControl : tao::pegtl::normal<Rule> {
  template <class Input>
  static void start(const Input& in, ParseState& st) {
    if constexpr (counts_depth<Rule>) {
      if (++st.depth > kMaxExpressionDepth) {
        st.too_deep = true;
        st.error_at = in.current();
        throw tao::pegtl::parse_error("expression nested too deeply", in);
      }
    }
  }
  template <class Input>
  static void success(const Input&, ParseState& st) {
    if constexpr (counts_depth<Rule>) --st.depth;
  }
  template <class Input>
  static void failure(const Input&, ParseState& st) {
    if constexpr (counts_depth<Rule>) --st.depth;
  }
  template <class Input>
  [[noreturn]] static void raise(const Input& in, ParseState& st) {
    static_assert(expected_words<Rule>.en != nullptr, "every rule inside must<> needs words in syntax_words.hpp");
    st.expected = &expected_words<Rule>;
    st.error_at = in.current();
    throw tao::pegtl::parse_error("syntax error", in);
  }
};

}  // namespace izin::detail
