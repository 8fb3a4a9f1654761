// The compiler's states: names and the initial state first, then bodies
// (transitions, deadlines, `set`) with every reference resolved.
#include "compiler.hpp"

namespace izin::detail {

void Compiler::declare_states(const ast::ProcedureDecl& decl) {
  int initial = -1;
  for (const auto& s : decl.states) {
    if (!declare(states_, s.name, NameKind::State)) continue;
    State state;
    state.id = s.name.text;
    state.label = s.label;
    state.initial = s.initial;
    state.final = s.final;
    state.outcome = s.outcome ? s.outcome->text : std::string();
    state.clock_paused = s.clock_paused.has_value();
    state.loc = s.loc;
    const int index = static_cast<int>(proc_.states.size());
    if (s.initial && initial >= 0) error(s.loc, Msg::SecondInitial, {proc_.states[static_cast<std::size_t>(initial)].id});
    if (s.initial && initial < 0) initial = index;
    proc_.states.push_back(std::move(state));
  }
  proc_.initial_state = initial;
  if (initial < 0 && !decl.name.text.empty()) error(decl.loc, Msg::NoInitial, {});
}

void Compiler::state_bodies(const ast::ProcedureDecl& decl) {
  for (const auto& s : decl.states) {
    const int index = states_.find(s.name.text);
    if (index < 0 || proc_.states[static_cast<std::size_t>(index)].loc != s.loc) continue;  // a duplicate
    State& state = proc_.states[static_cast<std::size_t>(index)];
    for (const auto& t : s.transitions)
      if (auto compiled = transition(t)) state.transitions.push_back(std::move(*compiled));
    for (const auto& d : s.deadlines)
      if (auto compiled = deadline(d)) state.deadlines.push_back(std::move(*compiled));
  }
}

int Compiler::state_ref(const ast::Name& name) {
  const int index = states_.find(name.text);
  if (index < 0) error(name.loc, Msg::UndefinedState, {name.text, did_you_mean(states_.suggest(name.text), lang_)});
  return index;
}

int Compiler::role_ref(const ast::Name& name) {
  const int index = roles_.find(name.text);
  if (index < 0) error(name.loc, Msg::UndefinedRole, {name.text, did_you_mean(roles_.suggest(name.text), lang_)});
  return index;
}

int Compiler::requirement_ref(const ast::Name& name) {
  const int index = requirements_.find(name.text);
  if (index < 0)
    error(name.loc, Msg::UndefinedRequirement, {name.text, did_you_mean(requirements_.suggest(name.text), lang_)});
  return index;
}

std::optional<Transition> Compiler::transition(const ast::TransitionDecl& t) {
  Transition out;
  out.event = t.event.text;
  out.loc = t.loc;
  out.deemed = t.deemed;
  bool ok = true;
  for (const auto& r : t.roles) {
    const int i = role_ref(r);
    ok = ok && i >= 0;
    out.roles.push_back(i);
  }
  if (t.guard) {
    out.guard = condition(*t.guard);
    ok = ok && out.guard.has_value();
  }
  for (const auto& d : t.documents) {
    const int i = requirement_ref(d);
    ok = ok && i >= 0;
    out.documents.push_back(i);
  }
  out.target = state_ref(t.target);
  for (const auto& s : t.sets) {
    auto a = assignment(s);
    ok = ok && a.has_value();
    if (a) out.sets.push_back(std::move(*a));
  }
  if (!ok || out.target < 0) return std::nullopt;
  return out;
}

std::optional<Deadline> Compiler::deadline(const ast::DeadlineDecl& d) {
  Deadline out;
  out.after = d.after;
  out.deemed = d.deemed;
  out.message = d.message;
  out.loc = d.loc;
  bool ok = true;
  if (d.guard) {
    out.guard = condition(*d.guard);
    ok = out.guard.has_value();
  }
  if (d.target) {
    out.target = state_ref(*d.target);
    ok = ok && out.target >= 0;
  }
  if (d.notify_role) {
    out.notify_role = role_ref(*d.notify_role);
    ok = ok && out.notify_role >= 0;
  }
  for (const auto& s : d.sets) {
    auto a = assignment(s);
    ok = ok && a.has_value();
    if (a) out.sets.push_back(std::move(*a));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Assignment> Compiler::assignment(const ast::SetDecl& s) {
  const int field = fields_.find(s.field.text);
  if (field < 0) {
    error(s.field.loc, Msg::UndefinedField, {s.field.text, did_you_mean(fields_.suggest(s.field.text), lang_)});
    return std::nullopt;
  }
  const DataField& f = proc_.data[static_cast<std::size_t>(field)];
  auto value = expr(s.value, f.type == Type::Enum ? field : -1);
  if (!value) return std::nullopt;
  const Type vt = value->expr.type;
  const bool fits = vt == f.type || (f.type == Type::Number && vt == Type::Integer);
  const bool enum_ok = f.type != Type::Enum || (vt == Type::Enum && same_enum(*value, Typed{Expr{}, field}));
  if (!fits || !enum_ok) {
    error(s.value.loc, Msg::SetType, {f.id, std::string(type_name(f.type)), describe(*value)});
    return std::nullopt;
  }
  return Assignment{field, std::move(value->expr), s.loc};
}

}  // namespace izin::detail
