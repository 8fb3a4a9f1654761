// An event on a case: choosing the transition (or the refusal), running its
// `set` lines, and entering the target.
#include "engine_runtime.hpp"
#include "izin/expr.hpp"
#include "refusal.hpp"

namespace izin::detail {

namespace {
// The transition an event takes, or why it cannot.
struct Choice {
  const Transition* transition = nullptr;
  std::optional<Refusal> refusal;
};

// Whether a condition is true (a missing value or an error is not true).
bool holds(const Expr& e, const EvalContext& ctx) {
  const Evaluation ev = evaluate(e, ctx);
  return ev.ok() && ev.value.is_bool() && ev.value.boolean();
}

// Empty `by` means anyone.
bool role_allowed(const Procedure& p, const Transition& t, const std::string& role) {
  if (t.roles.empty()) return true;
  for (int r : t.roles)
    if (p.roles[static_cast<std::size_t>(r)].id == role) return true;
  return false;
}

// Applicable required documents not yet submitted, each with why it applies.
std::vector<MissingDocument> missing_documents(const Procedure& p, const Transition& t, const EvalContext& ctx,
                                               const std::string& event, Language lang) {
  std::vector<MissingDocument> out;
  for (int index : t.documents) {
    const Requirement& req = p.requirements[static_cast<std::size_t>(index)];
    if (req.optional || ctx.documents[static_cast<std::size_t>(index)]) continue;
    if (req.when && !holds(*req.when, ctx)) continue;
    out.push_back(MissingDocument{req.id, req.label, requirement_reason(req, p, ctx.data, event, lang), req.internal});
  }
  return out;
}

// Why the first candidate transition was not allowed: its role, else its guard.
Refusal first_reason(const Procedure& p, const Transition& t, const EventRequest& r, const EvalContext& ctx,
                     Language lang) {
  if (!role_allowed(p, t, r.actor.role)) {
    std::vector<std::string> roles;
    for (int i : t.roles) roles.push_back(p.roles[static_cast<std::size_t>(i)].id);
    return refuse_role(r.event, r.actor.role, std::move(roles), lang);
  }
  return refuse_guard(r.event, render(*t.guard, p), field_values(*t.guard, p, ctx.data, lang),
                      false_rule_labels(*t.guard, ctx), lang);
}

// Tries the state's transitions on the event in file order: role, guard, documents.
Choice choose(const Procedure& p, int state, const EventRequest& r, const EvalContext& ctx, Language lang) {
  const State& st = p.states[static_cast<std::size_t>(state)];
  const Transition* first = nullptr;
  std::optional<Refusal> documents_refusal;
  for (const Transition& t : st.transitions) {
    if (t.event != r.event) continue;
    if (!first) first = &t;
    if (!role_allowed(p, t, r.actor.role) || (t.guard && !holds(*t.guard, ctx))) continue;
    std::vector<MissingDocument> missing = missing_documents(p, t, ctx, r.event, lang);
    if (missing.empty()) return Choice{&t, std::nullopt};
    if (!documents_refusal) documents_refusal = refuse_missing(r.event, std::move(missing), lang);
  }
  if (documents_refusal) return Choice{nullptr, std::move(documents_refusal)};
  if (!first) return Choice{nullptr, refuse_no_such_event(r.event, st, state_events(p, state), lang)};
  return Choice{nullptr, first_reason(p, *first, r, ctx, lang)};
}

// Puts back the values recorded in `changes`, newest first.
void undo_changes(const Procedure& p, const std::vector<DataChange>& changes, std::vector<Value>& data) {
  for (auto it = changes.rbegin(); it != changes.rend(); ++it)
    data[static_cast<std::size_t>(p.field_index(it->field))] = it->before;
}

}  // namespace

std::optional<Refusal> run_sets(const Procedure& p, const std::vector<Assignment>& sets, std::vector<Value>& data,
                                const std::vector<bool>& documents, std::vector<DataChange>& changes, Language lang) {
  for (const Assignment& a : sets) {
    const DataField& f = p.data[static_cast<std::size_t>(a.field)];
    Evaluation ev = evaluate(a.value, EvalContext{p, data, documents});
    if (!ev.ok()) return refuse_evaluation(f.id, ev.error, lang);
    if (!ev.value.fits(f.type)) return refuse_evaluation(f.id, ev.value.to_string() + " is not a valid " +
                                                                   std::string(type_name(f.type)), lang);
    Value& slot = data[static_cast<std::size_t>(a.field)];
    if (slot == ev.value) continue;
    changes.push_back(DataChange{f.id, slot, ev.value});
    slot = std::move(ev.value);
  }
  return std::nullopt;
}
std::vector<std::string> state_events(const Procedure& p, int state) {
  std::vector<std::string> out;
  for (const Transition& t : p.states[static_cast<std::size_t>(state)].transitions) {
    bool seen = false;
    for (const auto& e : out) seen = seen || e == t.event;
    if (!seen) out.push_back(t.event);
  }
  return out;
}

std::optional<Refusal> take_event(Step& s, const EventRequest& r, Instant at) {
  if (!s.c.closed && !s.c.history.empty() && at < s.c.history.back().at) return refuse_clock_behind(s.c, at, s.lang);
  fire_due(s, at, s.c.history.size());
  return apply_event(s, r, at);
}

std::optional<Refusal> apply_event(Step& s, const EventRequest& r, Instant at) {
  Case& c = s.c;
  if (c.closed) return refuse_closed(c, s.lang);
  const Procedure& p = s.procedure;
  // Event data and documents go to a scratch copy only when there are any.
  const bool scratch = !r.data.empty() || !r.documents.empty();
  std::vector<Value> data;
  std::vector<bool> documents;
  std::vector<DataChange> changes;
  std::vector<std::string> new_docs;
  if (scratch) {
    data = c.data;
    documents = c.documents;
    if (auto refusal = apply_input(p, r.data, r.documents, data, documents, changes, new_docs, s.lang)) return refusal;
  }
  const EvalContext ctx{p, scratch ? data : c.data, scratch ? documents : c.documents};
  Choice choice = choose(p, c.state, r, ctx, s.lang);
  if (!choice.transition) return std::move(choice.refusal);
  const Transition& t = *choice.transition;
  // Without event input the sets run on the case itself (no copy of its data), undone if one fails.
  if (!t.sets.empty()) {
    if (auto refusal = run_sets(p, t.sets, scratch ? data : c.data, scratch ? documents : c.documents, changes, s.lang)) {
      if (!scratch) undo_changes(p, changes, c.data);
      return refusal;
    }
  }
  if (scratch) {
    c.data = std::move(data);
    c.documents = std::move(documents);
  }
  HistoryRecord& rec = add_record(s, RecordKind::Event, at);
  rec.actor = r.actor;
  rec.event = r.event;
  rec.from = p.states[static_cast<std::size_t>(c.state)].id;
  rec.to = p.states[static_cast<std::size_t>(t.target)].id;
  rec.changes = std::move(changes);
  rec.documents = std::move(new_docs);
  rec.deemed = t.deemed;
  enter_state(s, t.target, at, t.deemed);
  return std::nullopt;
}

}  // namespace izin::detail
