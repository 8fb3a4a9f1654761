// Checking one expectation of a scenario against what the engine did.
#include "scenario/check.hpp"

#include <algorithm>

namespace izin::detail {
namespace {

using Kind = Expectation::Kind;

// The id of the case's current state.
std::string state_id(const StepResult& r) {
  const ProcedurePtr p = r.engine.procedure(r.kase.procedure, r.kase.version);
  if (!p || r.kase.state < 0) return "(unknown)";
  return p->states[static_cast<std::size_t>(r.kase.state)].id;
}

// The refusal as one line: its message, or its code when it has none.
std::string refusal_text(const Outcome& out) {
  if (!out.refusal) return "refused";
  return out.refusal->message.empty() ? refusal_code_name(out.refusal->code) : out.refusal->message;
}

// `refused: true|false`.
std::optional<std::string> check_refused(const Expectation& e, const StepResult& r) {
  const bool refused = !r.event->accepted;
  if (e.flag && !refused) return "expected the event to be refused, but it was accepted (state " + state_id(r) + ")";
  if (!e.flag && refused) return "expected the event to be accepted, got refusal: " + refusal_text(*r.event);
  return std::nullopt;
}

// `refused: [REQ, …]`: refused, and exactly these documents missing.
std::optional<std::string> check_refused_docs(const Expectation& e, const StepResult& r) {
  const std::string want = name_list(e.names);
  if (r.event->accepted)
    return "expected refusal for missing " + want + ", but the event was accepted (state " + state_id(r) + ")";
  const Refusal& refusal = *r.event->refusal;
  if (refusal.code != RefusalCode::MissingDocuments)
    return "expected refusal for missing " + want + ", got refusal: " + refusal_text(*r.event);
  std::vector<std::string> got;
  for (const auto& m : refusal.missing) got.push_back(m.requirement);
  if (name_list(got) != want) return "expected missing documents " + want + ", got " + name_list(got);
  return std::nullopt;
}

// "[\"a\", \"b\"]": rule labels in their order.
std::string label_list(const std::vector<std::string>& labels) {
  std::string text = "[";
  for (std::size_t i = 0; i < labels.size(); ++i) text += (i ? ", \"" : "\"") + labels[i] + "\"";
  return text + "]";
}

// `refused_because: [label, …]`: refused, and exactly these rule labels, in order.
std::optional<std::string> check_refused_because(const Expectation& e, const StepResult& r) {
  const std::string want = label_list(e.names);
  if (r.event->accepted)
    return "expected refusal because of " + want + ", but the event was accepted (state " + state_id(r) + ")";
  if (r.event->refusal->rules != e.names)
    return "expected refusal because of " + want + ", got " + label_list(r.event->refusal->rules) + " (" +
           refusal_text(*r.event) + ")";
  return std::nullopt;
}

// `sla_met: true|false`: closed, clock started, closed by the end of its due date.
std::optional<std::string> check_sla_met(const Expectation& e, const StepResult& r) {
  const SlaStatus sla = r.engine.sla(r.kase, r.now);
  const bool met = r.kase.closed && sla.started && !sla.breached;
  if (met == e.flag) return std::nullopt;
  std::string why = !r.kase.closed ? "the case is open in state " + state_id(r)
                    : !sla.declared ? "the procedure declares no sla"
                    : !sla.started  ? "the SLA clock never started"
                    : sla.breached  ? "closed after the end of its due date " + sla.due->to_string()
                                    : "closed by the end of its due date " + sla.due->to_string();
  return std::string("expected sla_met ") + (e.flag ? "true" : "false") + ", got " + (met ? "true" : "false") +
         " (" + why + ")";
}

// `fees: { ID: N }`, each exact.
std::optional<std::string> check_fees(const Expectation& e, const StepResult& r) {
  const std::vector<FeeValue> fees = r.engine.fees(r.kase);
  for (const auto& expected : e.fees) {
    const std::string& id = expected.first;
    const Decimal& amount = expected.second;
    auto f = std::find_if(fees.begin(), fees.end(), [&id](const FeeValue& v) { return v.fee == id; });
    if (f == fees.end()) return "expected fee " + id + " " + amount.to_string() + ", got no such fee";
    if (!f->amount) {
      const std::string why = !f->error.empty() ? f->error : "needs " + name_list(f->missing_fields);
      return "expected fee " + id + " " + amount.to_string() + ", got no amount (" + why + ")";
    }
    if (*f->amount != amount)
      return "expected fee " + id + " " + amount.to_string() + ", got " + f->amount->to_string();
  }
  return std::nullopt;
}

// `sla_due: DATE`.
std::optional<std::string> check_sla_due(const Expectation& e, const StepResult& r) {
  const SlaStatus sla = r.engine.sla(r.kase, r.now);
  if (!sla.due) {
    const char* why = !sla.declared ? "the procedure declares no sla" : "the SLA clock has not started";
    return "expected SLA due " + e.date.to_string() + ", got none (" + why + ")";
  }
  if (*sla.due != e.date) return "expected SLA due " + e.date.to_string() + ", got " + sla.due->to_string();
  return std::nullopt;
}

// `state`, `outcome`, `deemed`.
std::optional<std::string> check_case(const Expectation& e, const StepResult& r) {
  if (e.kind == Kind::State) {
    const std::string got = state_id(r);
    if (got != e.text) return "expected state " + e.text + ", got " + got;
  } else if (e.kind == Kind::Outcome) {
    if (!r.kase.closed) return "expected outcome " + e.text + ", got none (case is open in state " + state_id(r) + ")";
    if (r.kase.outcome != e.text) return "expected outcome " + e.text + ", got " + r.kase.outcome;
  } else if (e.kind == Kind::Deemed && r.kase.deemed != e.flag) {
    return std::string("expected deemed ") + (e.flag ? "true" : "false") + ", got " + (r.kase.deemed ? "true" : "false");
  }
  return std::nullopt;
}

}  // namespace

std::string name_list(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string text = "[";
  for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
  return text + "]";
}

std::optional<std::string> check_expectation(const Expectation& e, const StepResult& r) {
  switch (e.kind) {
    case Kind::Refused: return check_refused(e, r);
    case Kind::RefusedDocs: return check_refused_docs(e, r);
    case Kind::Fees: return check_fees(e, r);
    case Kind::SlaDue: return check_sla_due(e, r);
    case Kind::RefusedBecause: return check_refused_because(e, r);
    case Kind::SlaMet: return check_sla_met(e, r);
    case Kind::Notified:
      if (name_list(e.names) != name_list(r.notified))
        return "expected notified " + name_list(e.names) + ", got " + name_list(r.notified);
      return std::nullopt;
    default: return check_case(e, r);
  }
}

std::optional<std::string> check_not_refused(const ScenarioStep& step, const Outcome& out) {
  const bool expects_refusal = std::any_of(step.expect.begin(), step.expect.end(), [](const Expectation& e) {
    return e.kind == Kind::Refused || e.kind == Kind::RefusedDocs || e.kind == Kind::RefusedBecause;
  });
  if (out.accepted || expects_refusal) return std::nullopt;
  return "event " + step.event + " by " + step.role + " was refused: " + refusal_text(out);
}

}  // namespace izin::detail
