// The compiler's rules (`rule ID "label" = EXPR`): names first, so that any
// expression may use a rule declared further down, then their conditions.
#include "compiler.hpp"

namespace izin::detail {

// IZ210 when a rule would take the name of a data field or an enum value:
// a bare name must mean one thing only.
bool Compiler::rule_name_free(const ast::Name& name) {
  if (const int field = fields_.find(name.text); field >= 0) {
    const std::string what = word("data field '", "data '") + name.text + "'";
    error(name.loc, Msg::RuleNameTaken, {name.text, what, std::to_string(fields_.loc(field).line)});
    return false;
  }
  for (const DataField& f : proc_.data)
    for (const auto& symbol : f.enum_symbols)
      if (symbol == name.text) {
        const std::string what = word("enum value '", "nilai enum '") + symbol + "' (" + f.id + ")";
        error(name.loc, Msg::RuleNameTaken, {name.text, what, std::to_string(f.loc.line)});
        return false;
      }
  return true;
}

void Compiler::declare_rules(const ast::ProcedureDecl& decl) {
  for (std::size_t i = 0; i < decl.rules.size(); ++i) {
    const ast::RuleDecl& r = decl.rules[i];
    if (!rule_name_free(r.name) || !declare(rules_, r.name, NameKind::Rule)) continue;
    proc_.rules.push_back({r.name.text, r.label, Expr{}, r.loc});
    rule_decls_.push_back(static_cast<int>(i));
  }
}

void Compiler::rule_bodies(const ast::ProcedureDecl& decl) {
  for (std::size_t i = 0; i < proc_.rules.size(); ++i) {
    const ast::RuleDecl& r = decl.rules[static_cast<std::size_t>(rule_decls_[i])];
    auto condition = expr(r.condition);
    if (!condition) continue;
    if (condition->expr.type != Type::Bool) {
      error(r.condition.loc, Msg::RuleNotBool, {r.name.text, describe(*condition)});
      continue;
    }
    proc_.rules[i].condition = std::move(condition->expr);
  }
}

}  // namespace izin::detail
