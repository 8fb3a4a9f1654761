// The PEGTL grammar of .izin files (docs/language.md). Rules only: the actions
// that build the syntax tree are in actions.hpp, the words of syntax errors
// in syntax_words.hpp. Context-specific rules (`target_name`, `role_ref`, …)
// are distinct types so that each error can say what was expected where.
#pragma once

#include <tao/pegtl.hpp>

namespace izin::detail::grammar {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::digit;
using pegtl::eolf;
using pegtl::must;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::ranges;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;
using pegtl::until;

// ---- Lexical ------------------------------------------------------------

// `#` to the end of the line.
struct comment : seq<one<'#'>, until<eolf>> {};
// Whitespace, newlines and comments between tokens.
struct sp : star<sor<one<' ', '\t', '\r', '\n'>, comment>> {};
// A token followed by the whitespace after it.
template <class Rule>
struct tok : seq<Rule, sp> {};

// Letters allowed after the first one of an identifier (also ends keywords).
struct ident_other : pegtl::identifier_other {};
// `[a-z_][a-z0-9_]*`.
struct ident : seq<ranges<'a', 'z', '_'>, star<ranges<'a', 'z', '0', '9', '_'>>, not_at<ident_other>> {};
// Keywords that start a declaration or a state item; never a name where a
// name ends a line, so a forgotten name does not swallow the next line.
struct item_keyword
    : seq<sor<string<'t', 'i', 't', 'l', 'e'>, string<'l', 'e', 'g', 'a', 'l'>, string<'p', 'r', 'o', 'd', 'u', 'c', 't'>,
              string<'c', 'a', 'l', 'e', 'n', 'd', 'a', 'r'>, string<'s', 'l', 'a'>, string<'r', 'o', 'l', 'e', 's'>,
              string<'d', 'a', 't', 'a'>, string<'r', 'e', 'q', 'u', 'i', 'r', 'e', 'm', 'e', 'n', 't', 's'>,
              string<'f', 'e', 'e'>, string<'i', 'n', 'i', 't', 'i', 'a', 'l'>, string<'s', 't', 'a', 't', 'e'>,
              string<'f', 'i', 'n', 'a', 'l'>, string<'o', 'n'>, string<'a', 'f', 't', 'e', 'r'>,
              string<'c', 'l', 'o', 'c', 'k'>, string<'r', 'u', 'l', 'e'>>,
          not_at<ident_other>> {};
// A name of a procedure, calendar, role, state, event or outcome.
struct item_name : tok<seq<not_at<item_keyword>, ident>> {};
// A keyword that does not swallow the start of an identifier (`order` ≠ `or`).
template <char... Cs>
struct kw : tok<seq<string<Cs...>, not_at<ident_other>>> {};

struct kw_procedure : kw<'p', 'r', 'o', 'c', 'e', 'd', 'u', 'r', 'e'> {};
struct kw_version : kw<'v', 'e', 'r', 's', 'i', 'o', 'n'> {};
struct kw_title : kw<'t', 'i', 't', 'l', 'e'> {};
struct kw_legal : kw<'l', 'e', 'g', 'a', 'l'> {};
struct kw_product : kw<'p', 'r', 'o', 'd', 'u', 'c', 't'> {};
struct kw_calendar : kw<'c', 'a', 'l', 'e', 'n', 'd', 'a', 'r'> {};
struct kw_sla : kw<'s', 'l', 'a'> {};
struct kw_working : kw<'w', 'o', 'r', 'k', 'i', 'n', 'g'> {};
// `day` or `days`.
struct kw_days : tok<seq<string<'d', 'a', 'y'>, opt<one<'s'>>, not_at<ident_other>>> {};
// `hour` or `hours`.
struct kw_hours : tok<seq<string<'h', 'o', 'u', 'r'>, opt<one<'s'>>, not_at<ident_other>>> {};
struct kw_from : kw<'f', 'r', 'o', 'm'> {};
struct kw_roles : kw<'r', 'o', 'l', 'e', 's'> {};
struct kw_data : kw<'d', 'a', 't', 'a'> {};
struct kw_requirements : kw<'r', 'e', 'q', 'u', 'i', 'r', 'e', 'm', 'e', 'n', 't', 's'> {};
struct kw_when : kw<'w', 'h', 'e', 'n'> {};
struct kw_optional : kw<'o', 'p', 't', 'i', 'o', 'n', 'a', 'l'> {};
struct kw_internal : kw<'i', 'n', 't', 'e', 'r', 'n', 'a', 'l'> {};
struct kw_rule : kw<'r', 'u', 'l', 'e'> {};
struct kw_fee : kw<'f', 'e', 'e'> {};
struct kw_initial : kw<'i', 'n', 'i', 't', 'i', 'a', 'l'> {};
struct kw_state : kw<'s', 't', 'a', 't', 'e'> {};
struct kw_final : kw<'f', 'i', 'n', 'a', 'l'> {};
struct kw_outcome : kw<'o', 'u', 't', 'c', 'o', 'm', 'e'> {};
struct kw_on : kw<'o', 'n'> {};
struct kw_by : kw<'b', 'y'> {};
struct kw_requires : kw<'r', 'e', 'q', 'u', 'i', 'r', 'e', 's'> {};
struct kw_deemed : kw<'d', 'e', 'e', 'm', 'e', 'd'> {};
struct kw_set : kw<'s', 'e', 't'> {};
struct kw_after : kw<'a', 'f', 't', 'e', 'r'> {};
struct kw_notify : kw<'n', 'o', 't', 'i', 'f', 'y'> {};
struct kw_clock : kw<'c', 'l', 'o', 'c', 'k'> {};
struct kw_paused : kw<'p', 'a', 'u', 's', 'e', 'd'> {};
struct kw_number : kw<'n', 'u', 'm', 'b', 'e', 'r'> {};
struct kw_integer : kw<'i', 'n', 't', 'e', 'g', 'e', 'r'> {};
struct kw_text : kw<'t', 'e', 'x', 't'> {};
struct kw_bool : kw<'b', 'o', 'o', 'l'> {};
struct kw_date : kw<'d', 'a', 't', 'e'> {};
struct kw_enum : kw<'e', 'n', 'u', 'm'> {};
struct kw_true : kw<'t', 'r', 'u', 'e'> {};
struct kw_false : kw<'f', 'a', 'l', 's', 'e'> {};
struct kw_and : kw<'a', 'n', 'd'> {};
struct kw_or : kw<'o', 'r'> {};
struct kw_not : kw<'n', 'o', 't'> {};

// Punctuation.
struct comma : tok<one<','>> {};
struct colon : tok<one<':'>> {};
struct equals : tok<seq<one<'='>, not_at<one<'='>>>> {};
struct arrow : tok<string<'-', '>'>> {};
struct lbrace : tok<one<'{'>> {};
struct rbrace : tok<one<'}'>> {};
struct lparen : tok<one<'('>> {};
struct rparen : tok<one<')'>> {};

// Strings: `"…"` with `\"` and `\\`; no line break inside.
struct escaped_char : one<'"', '\\'> {};
struct escape : seq<one<'\\'>, must<escaped_char>> {};
struct string_char : not_one<'"', '\\', '\n', '\r'> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, star<sor<escape, string_char>>, must<string_close>> {};
// A label: a string and the whitespace after it.
struct label : tok<string_lit> {};

// Whole numbers (versions, durations) and decimals (expressions).
struct integer_lit : seq<plus<digit>, not_at<ident_other>> {};
struct number_lit : seq<plus<digit>, opt<one<'.'>, plus<digit>>, not_at<ident_other>> {};
// YYYY-MM-DD (tried before numbers so 2026-03-16 is not a subtraction).
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};

// ---- Expressions (lowest precedence first) -------------------------------

struct expr;
// Names that cannot be field names in expressions.
struct reserved : seq<sor<string<'t', 'r', 'u', 'e'>, string<'f', 'a', 'l', 's', 'e'>, string<'a', 'n', 'd'>,
                             string<'o', 'r'>, string<'n', 'o', 't'>>,
                         not_at<ident_other>> {};
struct name_ref : tok<seq<not_at<reserved>, ident>> {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct date_value : tok<date_lit> {};
struct number_value : tok<number_lit> {};
struct text_value : tok<string_lit> {};

struct paren_inner : seq<expr> {};
struct paren_close : rparen {};
struct paren : seq<lparen, must<paren_inner>, must<paren_close>> {};
// `round (` — an identifier directly followed by an opening parenthesis.
struct call_name : seq<ident, sp, at<one<'('>>> {};
struct call_arg : seq<expr> {};
struct call_close : rparen {};
struct call : seq<call_name, lparen, opt<call_arg, star<comma, must<call_arg>>>, must<call_close>> {};
struct primary : sor<paren, call, date_value, number_value, text_value, true_lit, false_lit, name_ref> {};

struct minus : tok<seq<one<'-'>, not_at<one<'>'>>>> {};
struct unary;
struct negated : seq<unary> {};
struct negation : seq<minus, must<negated>> {};
struct unary : sor<negation, primary> {};

struct mul_op : tok<sor<one<'*'>, one<'/'>>> {};
struct mul_rhs : unary {};
struct mul_tail : seq<mul_op, must<mul_rhs>> {};
struct product_expr : seq<unary, star<mul_tail>> {};

struct add_op : tok<sor<one<'+'>, seq<one<'-'>, not_at<one<'>'>>>>> {};
struct add_rhs : product_expr {};
struct add_tail : seq<add_op, must<add_rhs>> {};
struct sum_expr : seq<product_expr, star<add_tail>> {};

struct cmp_op : tok<sor<string<'=', '='>, string<'!', '='>, string<'<', '='>, string<'>', '='>, one<'<'>, one<'>'>>> {};
struct cmp_rhs : sum_expr {};
struct cmp_tail : seq<cmp_op, must<cmp_rhs>> {};
struct comparison : seq<sum_expr, opt<cmp_tail>> {};

struct not_expr;
struct not_operand : seq<not_expr> {};
struct not_app : seq<kw_not, must<not_operand>> {};
struct not_expr : sor<not_app, comparison> {};

struct and_rhs : not_expr {};
struct and_tail : seq<kw_and, must<and_rhs>> {};
struct and_expr : seq<not_expr, star<and_tail>> {};

struct or_rhs : and_expr {};
struct or_tail : seq<kw_or, must<or_rhs>> {};
struct or_expr : seq<and_expr, star<or_tail>> {};

struct question : tok<one<'?'>> {};
struct then_expr : seq<expr> {};
struct else_colon : colon {};
struct else_expr : seq<expr> {};
struct cond_tail : seq<question, must<then_expr>, must<else_colon>, must<else_expr>> {};
struct expr : seq<or_expr, opt<cond_tail>> {};

// ---- Declarations --------------------------------------------------------

struct procedure_keyword : kw_procedure {};
struct procedure_name : item_name {};
struct version_keyword : kw_version {};
struct version_number : tok<integer_lit> {};
struct procedure_open : lbrace {};
struct header : seq<sp, must<procedure_keyword>, must<procedure_name>, must<version_keyword>, must<version_number>,
                    must<procedure_open>> {};

struct title_text : label {};
struct title_decl : seq<kw_title, must<title_text>> {};
struct legal_text : label {};
struct legal_decl : seq<kw_legal, must<legal_text>> {};
struct product_text : label {};
struct product_decl : seq<kw_product, must<product_text>> {};
struct calendar_name : item_name {};
struct calendar_decl : seq<kw_calendar, must<calendar_name>> {};

struct sla_amount : tok<integer_lit> {};
struct sla_working : kw_working {};
struct sla_days : kw_days {};
struct sla_from_state : item_name {};
struct sla_decl : seq<kw_sla, must<sla_amount>, must<sla_working>, must<sla_days>, opt<kw_from, must<sla_from_state>>> {};

struct role_decl_name : item_name {};
struct roles_decl : seq<kw_roles, must<role_decl_name>, star<comma, must<role_decl_name>>> {};

struct data_open : lbrace {};
struct field_name : tok<ident> {};
struct field_colon : colon {};
struct enum_open : lbrace {};
struct enum_symbol : tok<ident> {};
struct enum_close : rbrace {};
struct enum_type : seq<kw_enum, must<enum_open>, must<enum_symbol>, star<comma, must<enum_symbol>>, must<enum_close>> {};
struct field_type : sor<kw_number, kw_integer, kw_text, kw_bool, kw_date, enum_type> {};
struct field_label : label {};
struct field_decl : seq<field_name, must<field_colon>, must<field_type>, opt<field_label>> {};
struct data_close : rbrace {};
struct data_decl : seq<kw_data, must<data_open>, star<field_decl>, must<data_close>> {};

struct condition : expr {};
struct requirements_open : lbrace {};
struct requirement_name : tok<ident> {};
struct requirement_colon : colon {};
struct requirement_label : label {};
// `internal` (not a requirement named `internal:` on the next line).
struct internal_flag : seq<kw_internal, not_at<one<':'>>> {};
struct requirement_decl : seq<requirement_name, must<requirement_colon>, must<requirement_label>,
                              opt<kw_when, must<condition>>, opt<kw_optional>, opt<internal_flag>> {};
struct requirements_close : rbrace {};
struct requirements_decl : seq<kw_requirements, must<requirements_open>, star<requirement_decl>,
                               must<requirements_close>> {};

struct fee_name : tok<ident> {};
struct fee_label : label {};
struct fee_equals : equals {};
struct fee_amount : expr {};
struct fee_decl : seq<kw_fee, must<fee_name>, opt<fee_label>, must<fee_equals>, must<fee_amount>> {};

struct rule_name : tok<ident> {};
struct rule_label : label {};
struct rule_equals : equals {};
struct rule_condition : expr {};
struct rule_decl : seq<kw_rule, must<rule_name>, must<rule_label>, must<rule_equals>, must<rule_condition>> {};

struct declaration : sor<title_decl, legal_decl, product_decl, calendar_decl, sla_decl, roles_decl, data_decl,
                         requirements_decl, rule_decl, fee_decl> {};

// ---- States ---------------------------------------------------------------

struct state_keyword : kw_state {};
struct state_name : item_name {};
struct state_label : label {};
struct state_open : lbrace {};
struct initial_flag : kw_initial {};
struct state_head : seq<opt<initial_flag>, must<state_keyword>, must<state_name>, opt<state_label>, must<state_open>> {};

struct outcome_keyword : kw_outcome {};
struct outcome_name : item_name {};
struct final_decl : seq<kw_final, must<state_keyword>, must<state_name>, opt<state_label>, must<outcome_keyword>,
                        must<outcome_name>> {};

// A top-level item other than a state with a body.
struct top_item : sor<declaration, final_decl> {};

struct event_name : item_name {};
struct role_ref : item_name {};
struct document_ref : item_name {};
struct target_name : item_name {};
struct deemed_flag : kw_deemed {};
struct set_field : tok<ident> {};
struct set_equals : equals {};
struct set_value : expr {};
struct set_decl : seq<kw_set, must<set_field>, must<set_equals>, must<set_value>> {};
struct set_open : lbrace {};
struct set_close : rbrace {};
struct set_block : seq<set_open, star<set_decl>, must<set_close>> {};
struct transition_arrow : arrow {};
struct on_decl : seq<kw_on, must<event_name>, opt<kw_by, must<role_ref>, star<comma, must<role_ref>>>,
                     opt<kw_when, must<condition>>,
                     opt<kw_requires, must<document_ref>, star<comma, must<document_ref>>>,
                     must<transition_arrow>, must<target_name>, opt<deemed_flag>, opt<set_block>> {};

struct duration_amount : tok<integer_lit> {};
struct working_days_unit : seq<kw_working, must<kw_days>> {};
struct days_unit : kw_days {};
struct hours_unit : kw_hours {};
struct duration_unit : sor<working_days_unit, days_unit, hours_unit> {};
struct notify_role : item_name {};
struct notify_message : label {};
struct notify_action : seq<kw_notify, must<notify_role>, must<notify_message>> {};
struct deadline_arrow : arrow {};
struct deadline_action : seq<opt<kw_when, must<condition>>, must<deadline_arrow>, must<target_name>, opt<deemed_flag>,
                             opt<set_block>> {};
struct after_decl : seq<kw_after, must<duration_amount>, must<duration_unit>, sor<notify_action, deadline_action>> {};

struct paused_keyword : kw_paused {};
struct clock_decl : seq<kw_clock, must<paused_keyword>> {};

// One line-level item of a state body.
struct state_item : sor<on_decl, after_decl, clock_decl> {};

}  // namespace izin::detail::grammar
