// The compiler's working state, shared by its parts (declarations, states,
// expressions), each in its own file.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "izin/calendar.hpp"
#include "izin/procedure.hpp"
#include "messages.hpp"
#include "names.hpp"

namespace izin::detail {

// What kind of declared thing a name is, for duplicate messages.
enum class NameKind { Role, Field, EnumValue, Requirement, Fee, State, Rule };

// An expression checked so far, with the enum field whose symbols it carries.
struct Typed {
  Expr expr;
  int enum_field = -1;  // for Type::Enum: the data field whose symbols apply
};

// Compiles one procedure; see compile.hpp.
class Compiler {
 public:
  Compiler(const std::string& file, Language lang, std::vector<Diagnostic>& diagnostics)
      : file_(file), lang_(lang), diags_(diagnostics) {}

  Procedure run(const ast::ProcedureDecl& decl, const CalendarSet* calendars);

 private:
  // compile_decls.cpp
  void header(const ast::ProcedureDecl& decl);
  void texts(const ast::ProcedureDecl& decl);
  void calendar(const ast::ProcedureDecl& decl, const CalendarSet* calendars);
  void roles(const ast::ProcedureDecl& decl);
  void fields(const ast::ProcedureDecl& decl);
  void requirements(const ast::ProcedureDecl& decl);
  void fees(const ast::ProcedureDecl& decl);
  void sla(const ast::ProcedureDecl& decl);
  bool declare(NameTable& table, const ast::Name& name, NameKind kind);
  // compile_rules.cpp
  void declare_rules(const ast::ProcedureDecl& decl);
  void rule_bodies(const ast::ProcedureDecl& decl);
  bool rule_name_free(const ast::Name& name);
  // compile_states.cpp
  void declare_states(const ast::ProcedureDecl& decl);
  void state_bodies(const ast::ProcedureDecl& decl);
  std::optional<Transition> transition(const ast::TransitionDecl& t);
  std::optional<Deadline> deadline(const ast::DeadlineDecl& d);
  std::optional<Assignment> assignment(const ast::SetDecl& s);
  int state_ref(const ast::Name& name);
  int role_ref(const ast::Name& name);
  int requirement_ref(const ast::Name& name);
  // compile_expr.cpp
  std::optional<Typed> expr(const ast::Expr& e, int enum_hint = -1);
  std::optional<Expr> condition(const ast::Expr& e);
  std::optional<Typed> literal(const ast::Expr& e);
  std::optional<Typed> name(const ast::Expr& e, int enum_hint);
  void undefined_name(const ast::Expr& e);
  bool is_symbol_candidate(const ast::Expr& e) const;
  std::optional<Typed> unary(const ast::Expr& e);
  // A left-associative chain of `and`/`or`/`+ - * /`, compiled in a loop down its left spine.
  std::optional<Typed> chain(const ast::Expr& e);
  // One link of a chain: node `e` over its compiled operands (nullopt when either failed).
  std::optional<Typed> link(const ast::Expr& e, std::optional<Typed> a, std::optional<Typed> b);
  std::optional<Typed> logical(const ast::Expr& e, Typed a, Typed b);
  std::optional<Typed> comparison(const ast::Expr& e);
  std::optional<Typed> arithmetic(const ast::Expr& e, Typed a, Typed b);
  std::optional<Typed> conditional(const ast::Expr& e, int enum_hint);
  std::optional<Typed> call(const ast::Expr& e);
  std::optional<std::pair<Typed, Typed>> operand_pair(const ast::Expr& a, const ast::Expr& b, int enum_hint);
  bool same_enum(const Typed& a, const Typed& b) const;
  std::string describe(const Typed& t) const;

  void error(SourceLoc loc, Msg msg, std::initializer_list<std::string_view> args);
  std::string word(std::string_view en, std::string_view id) const { return std::string(lang_ == Language::Indonesian ? id : en); }

  const std::string& file_;
  Language lang_;
  std::vector<Diagnostic>& diags_;
  Procedure proc_;
  NameTable roles_, fields_, requirements_, fees_, states_, rules_;
  int depth_ = 0;  // of expr() calls in progress: a tree not from the parser is bounded too
  std::vector<int> rule_decls_;  // per compiled rule: its index in decl.rules
};

}  // namespace izin::detail
