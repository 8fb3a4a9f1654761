// Finding cases by names the store cannot resolve: the role that may act now
// (states of each registered version) and a data field (its index per version).
#include <algorithm>
#include <optional>

#include "engine_impl.hpp"

namespace izin {
namespace {

using Versions = std::map<std::string, std::vector<ProcedurePtr>, std::less<>>;

// Every registered version the query can match: of its procedure, or all.
std::vector<const Procedure*> versions_for(const Versions& procedures, const CaseQuery& q) {
  std::vector<const Procedure*> out;
  for (const auto& [id, versions] : procedures)
    if (q.procedure.empty() || id == q.procedure)
      for (const auto& p : versions) out.push_back(p.get());
  return out;
}

// Whether some event of the state names the role, or names no role at all.
bool role_may_act(const State& st, int role) {
  return std::any_of(st.transitions.begin(), st.transitions.end(), [&](const Transition& t) {
    return t.roles.empty() || std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
  });
}

std::vector<StateRef> states_for_role(const std::vector<const Procedure*>& versions, const std::string& role) {
  std::vector<StateRef> out;
  bool declared = false;
  for (const Procedure* p : versions) {
    const int r = p->role_index(role);
    declared = declared || r >= 0;
    if (r < 0) continue;
    for (const State& st : p->states)
      if (!st.final && role_may_act(st, r)) out.push_back({p->id, p->version, st.id});
  }
  if (!declared) throw QueryError("case query: no registered procedure declares role '" + role + "'");
  return out;
}

std::vector<FieldSlot> slots_for_field(const std::vector<const Procedure*>& versions, const CaseQuery& q) {
  std::vector<FieldSlot> out;
  std::optional<Type> unfit;  // a type of the field the value does not fit
  bool fits = false;
  for (const Procedure* p : versions) {
    const int i = p->field_index(q.field);
    if (i < 0) continue;
    out.push_back({p->id, p->version, i});
    const Type type = p->data[static_cast<std::size_t>(i)].type;
    if (q.equals.fits(type)) fits = true;
    else unfit = type;
  }
  if (out.empty()) throw QueryError("case query: no registered procedure declares data field '" + q.field + "'");
  if (!fits)
    throw QueryError("case query: value " + q.equals.to_string() + " cannot be in data field '" + q.field +
                     "', which is of type " + std::string(type_name(*unfit)));
  return out;
}

}  // namespace

CasePage Engine::find_cases(const CaseQuery& query) const {
  CaseQuery q = query;
  const auto versions = versions_for(impl_->procedures, q);
  if (!q.role.empty()) {
    std::vector<StateRef> states = states_for_role(versions, q.role);
    if (q.in_states)  // the caller narrowed the states too: keep what both allow
      std::erase_if(states, [&](const StateRef& s) {
        return std::find(q.in_states->begin(), q.in_states->end(), s) == q.in_states->end();
      });
    q.in_states = std::move(states);
  }
  if (!q.field.empty()) q.field_slots = slots_for_field(versions, q);
  return impl_->store.query_cases(q);
}

CasePage Engine::worklist(const std::string& role, std::size_t limit, const std::string& cursor) const {
  CaseQuery q;
  q.role = role;
  q.status = CaseQuery::Status::Open;
  q.order = CaseOrder::ByNextDue;
  q.limit = limit;
  q.cursor = cursor;
  q.count_upto = kWorklistCountUpto;
  return find_cases(q);
}

}  // namespace izin
