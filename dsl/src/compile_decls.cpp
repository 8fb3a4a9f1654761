// The compiler's declarations: header, texts, calendar, roles, data,
// requirements, fees and the SLA.
#include <climits>

#include "compile.hpp"
#include "compiler.hpp"

namespace izin::detail {

namespace {
// The word for a kind of name in a duplicate message.
std::string_view kind_word(NameKind kind, Language lang) {
  const bool id = lang == Language::Indonesian;
  switch (kind) {
    case NameKind::Role: return id ? "peran" : "role";
    case NameKind::Field: return id ? "data" : "data field";
    case NameKind::EnumValue: return id ? "nilai enum" : "enum value";
    case NameKind::Requirement: return id ? "persyaratan" : "requirement";
    case NameKind::Fee: return id ? "biaya" : "fee";
    case NameKind::State: return "state";
    case NameKind::Rule: return id ? "aturan" : "rule";
  }
  return "name";
}

// The data type a type keyword names.
Type type_of(const std::string& word) {
  if (word == "number") return Type::Number;
  if (word == "integer") return Type::Integer;
  if (word == "bool") return Type::Bool;
  if (word == "date") return Type::Date;
  if (word == "enum") return Type::Enum;
  return Type::Text;
}
}  // namespace

void Compiler::error(SourceLoc loc, Msg msg, std::initializer_list<std::string_view> args) {
  diags_.push_back({Severity::Error, std::string(message_code(msg)), file_, loc.line, loc.column,
                    message_text(msg, lang_, args)});
}

bool Compiler::declare(NameTable& table, const ast::Name& name, NameKind kind) {
  const int earlier = table.add(name.text, name.loc);
  if (earlier < 0) return true;
  error(name.loc, Msg::Duplicate, {kind_word(kind, lang_), name.text, std::to_string(table.loc(earlier).line)});
  return false;
}

void Compiler::header(const ast::ProcedureDecl& decl) {
  proc_.id = decl.name.text;
  proc_.loc = decl.loc;
  if (decl.version > INT_MAX) error(decl.loc, Msg::NumberRange, {std::to_string(decl.version)});
  else if (decl.version < 1) error(decl.loc, Msg::VersionBelowOne, {std::to_string(decl.version)});
  else proc_.version = static_cast<int>(decl.version);
}

void Compiler::texts(const ast::ProcedureDecl& decl) {
  std::vector<const ast::TextDecl*> seen;
  for (const auto& t : decl.texts) {
    const ast::TextDecl* first = nullptr;
    for (const auto* s : seen)
      if (s->keyword == t.keyword) first = s;
    if (first != nullptr) {
      error(t.loc, Msg::DuplicateDecl, {t.keyword, std::to_string(first->loc.line)});
      continue;
    }
    seen.push_back(&t);
    (t.keyword == "title" ? proc_.title : t.keyword == "legal" ? proc_.legal : proc_.product) = t.value;
  }
}

void Compiler::calendar(const ast::ProcedureDecl& decl, const CalendarSet* calendars) {
  for (std::size_t i = 1; i < decl.calendars.size(); ++i)
    error(decl.calendars[i].loc, Msg::DuplicateDecl, {"calendar", std::to_string(decl.calendars[0].loc.line)});
  if (decl.calendars.empty()) return;
  const ast::Name& name = decl.calendars.front();
  proc_.calendar = name.text;
  if (calendars == nullptr) return;
  std::vector<std::string> ids;
  for (const auto& c : calendars->calendars)
    if (c) ids.push_back(c->id());
  for (const auto& id : ids)
    if (id == name.text) return;
  error(name.loc, Msg::UnknownCalendar, {name.text, did_you_mean(closest_name(name.text, ids), lang_)});
}

void Compiler::roles(const ast::ProcedureDecl& decl) {
  for (const auto& r : decl.roles)
    if (declare(roles_, r, NameKind::Role)) proc_.roles.push_back({r.text, r.loc});
}

void Compiler::fields(const ast::ProcedureDecl& decl) {
  for (const auto& f : decl.fields) {
    if (!declare(fields_, f.name, NameKind::Field)) continue;
    DataField field{f.name.text, f.label, type_of(f.type), {}, f.loc};
    NameTable symbols;
    for (const auto& s : f.symbols)
      if (declare(symbols, s, NameKind::EnumValue)) field.enum_symbols.push_back(s.text);
    proc_.data.push_back(std::move(field));
  }
}

void Compiler::requirements(const ast::ProcedureDecl& decl) {
  std::vector<const ast::RequirementDecl*> declared;
  for (const auto& r : decl.requirements) {
    if (!declare(requirements_, r.name, NameKind::Requirement)) continue;
    proc_.requirements.push_back({r.name.text, r.label, std::nullopt, r.optional, r.loc, r.internal});
    declared.push_back(&r);
  }
  // Conditions after all names, so that submitted(…) may name any requirement.
  for (std::size_t i = 0; i < declared.size(); ++i)
    if (declared[i]->when) proc_.requirements[i].when = condition(*declared[i]->when);
}

void Compiler::fees(const ast::ProcedureDecl& decl) {
  for (const auto& f : decl.fees) {
    if (!declare(fees_, f.name, NameKind::Fee)) continue;
    auto amount = expr(f.amount);
    if (amount && amount->expr.type != Type::Number && amount->expr.type != Type::Integer) {
      error(f.amount.loc, Msg::FeeType, {f.name.text, describe(*amount)});
      amount.reset();
    }
    proc_.fees.push_back({f.name.text, f.label, amount ? std::move(amount->expr) : Expr{}, f.loc});
  }
}

void Compiler::sla(const ast::ProcedureDecl& decl) {
  for (std::size_t i = 1; i < decl.slas.size(); ++i)
    error(decl.slas[i].loc, Msg::DuplicateDecl, {"sla", std::to_string(decl.slas[0].loc.line)});
  if (decl.slas.empty()) return;
  const auto& s = decl.slas.front();
  Sla sla{0, -1, s.loc};
  if (s.working_days > INT_MAX) error(s.loc, Msg::NumberRange, {std::to_string(s.working_days)});
  else sla.working_days = static_cast<int>(s.working_days);
  if (s.from) sla.from_state = state_ref(*s.from);
  proc_.sla = sla;
}

Procedure Compiler::run(const ast::ProcedureDecl& decl, const CalendarSet* calendars) {
  header(decl);
  texts(decl);
  calendar(decl, calendars);
  roles(decl);
  fields(decl);
  declare_rules(decl);
  requirements(decl);
  rule_bodies(decl);
  fees(decl);
  declare_states(decl);
  sla(decl);
  state_bodies(decl);
  return std::move(proc_);
}

Procedure compile_ast(const ast::ProcedureDecl& decl, const std::string& file, Language lang,
                      const CalendarSet* calendars, std::vector<Diagnostic>& diagnostics) {
  return Compiler(file, lang, diagnostics).run(decl, calendars);
}

}  // namespace izin::detail
