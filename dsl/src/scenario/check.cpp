// Checking one expectation of a scenario against what the engine did.
#include "scenario/check.hpp"

#include <algorithm>

#include "izin/words.hpp"

namespace izin::detail {
namespace {

using Kind = Expectation::Kind;

// The id of the case's current state.
std::string state_id(const StepResult& r) {
  const ProcedurePtr p = r.engine.procedure(r.kase.procedure, r.kase.version);
  if (!p || r.kase.state < 0) return phrase(Word::Unknown, r.lang);
  return p->states[static_cast<std::size_t>(r.kase.state)].id;
}

// The refusal as one line: its message, or its code when it has none.
std::string refusal_text(const Outcome& out, Language lang) {
  if (!out.refusal) return phrase(Word::RefusedPlain, lang);
  return out.refusal->message.empty() ? refusal_code_name(out.refusal->code) : out.refusal->message;
}

// `refused: true|false`.
std::optional<std::string> check_refused(const Expectation& e, const StepResult& r) {
  const bool refused = !r.event->accepted;
  if (e.flag && !refused) return phrase(Word::ExpectRefused, r.lang, {state_id(r)});
  if (!e.flag && refused) return phrase(Word::ExpectAccepted, r.lang, {refusal_text(*r.event, r.lang)});
  return std::nullopt;
}

// `refused: [REQ, …]`: refused, and exactly these documents missing.
std::optional<std::string> check_refused_docs(const Expectation& e, const StepResult& r) {
  const std::string want = name_list(e.names);
  if (r.event->accepted)
    return phrase(Word::ExpectMissingAccepted, r.lang, {want, state_id(r)});
  const Refusal& refusal = *r.event->refusal;
  if (refusal.code != RefusalCode::MissingDocuments)
    return phrase(Word::ExpectMissingRefused, r.lang, {want, refusal_text(*r.event, r.lang)});
  std::vector<std::string> got;
  for (const auto& m : refusal.missing) got.push_back(m.requirement);
  if (name_list(got) != want) return phrase(Word::ExpectMissingGot, r.lang, {want, name_list(got)});
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
  if (r.event->accepted) return phrase(Word::ExpectBecauseAccepted, r.lang, {want, state_id(r)});
  if (r.event->refusal->rules != e.names)
    return phrase(Word::ExpectBecauseGot, r.lang,
                  {want, label_list(r.event->refusal->rules), refusal_text(*r.event, r.lang)});
  return std::nullopt;
}

// Why the case did or did not meet its SLA, for a failed `sla_met`.
std::string sla_met_why(const SlaStatus& sla, const StepResult& r) {
  if (!r.kase.closed) return phrase(Word::SlaMetOpen, r.lang, {state_id(r)});
  if (!sla.declared) return phrase(Word::NoSlaDeclared, r.lang);
  if (!sla.started) return phrase(Word::SlaClockNotStarted, r.lang);
  return phrase(sla.breached ? Word::SlaMetLate : Word::SlaMetInTime, r.lang, {sla.due->to_string()});
}

// `sla_met: true|false`: closed, clock started, closed by the end of its due date.
std::optional<std::string> check_sla_met(const Expectation& e, const StepResult& r) {
  const SlaStatus sla = r.engine.sla(r.kase, r.now);
  const bool met = r.kase.closed && sla.started && !sla.breached;
  if (met == e.flag) return std::nullopt;
  return phrase(Word::ExpectSlaMetGot, r.lang,
                {e.flag ? "true" : "false", met ? "true" : "false", sla_met_why(sla, r)});
}

// `fees: { ID: N }`, each exact.
std::optional<std::string> check_fees(const Expectation& e, const StepResult& r) {
  const std::vector<FeeValue> fees = r.engine.fees(r.kase);
  for (const auto& expected : e.fees) {
    const std::string& id = expected.first;
    const Decimal& amount = expected.second;
    auto f = std::find_if(fees.begin(), fees.end(), [&id](const FeeValue& v) { return v.fee == id; });
    if (f == fees.end()) return phrase(Word::ExpectFeeNone, r.lang, {id, amount.to_string()});
    if (!f->amount) {
      const std::string why = !f->error.empty() ? f->error : phrase(Word::FeeNeeds, r.lang, {name_list(f->missing_fields)});
      return phrase(Word::ExpectFeeNoAmount, r.lang, {id, amount.to_string(), why});
    }
    if (*f->amount != amount) return phrase(Word::ExpectFeeGot, r.lang, {id, amount.to_string(), f->amount->to_string()});
  }
  return std::nullopt;
}

// `sla_due: DATE`.
std::optional<std::string> check_sla_due(const Expectation& e, const StepResult& r) {
  const SlaStatus sla = r.engine.sla(r.kase, r.now);
  if (!sla.due) {
    const std::string why = phrase(!sla.declared ? Word::NoSlaDeclared : Word::SlaClockNotStarted, r.lang);
    return phrase(Word::ExpectSlaNone, r.lang, {e.date.to_string(), why});
  }
  if (*sla.due != e.date) return phrase(Word::ExpectSlaGot, r.lang, {e.date.to_string(), sla.due->to_string()});
  return std::nullopt;
}

// `provisional: B`: the started SLA's due date or a pending `after` line of this visit is provisional.
std::optional<std::string> check_provisional(const Expectation& e, const StepResult& r) {
  const SlaStatus sla = r.engine.sla(r.kase, r.now);
  const bool sla_provisional = sla.started && sla.provisional;
  const auto pending = std::find_if(r.kase.pending.begin(), r.kase.pending.end(),
                                    [](const PendingDeadline& p) { return p.provisional; });
  const bool got = sla_provisional || pending != r.kase.pending.end();
  if (got == e.flag) return std::nullopt;
  if (!e.flag)
    return "expected no provisional date, got " +
           (sla_provisional ? "a provisional SLA due " + sla.due->to_string()
                            : "a provisional deadline due " + format_instant(pending->due));
  return "expected a provisional date, got none (the calendar covers every date counted)";
}

// `state`, `outcome`, `deemed`.
std::optional<std::string> check_case(const Expectation& e, const StepResult& r) {
  if (e.kind == Kind::State) {
    const std::string got = state_id(r);
    if (got != e.text) return phrase(Word::ExpectStateGot, r.lang, {e.text, got});
  } else if (e.kind == Kind::Outcome) {
    if (!r.kase.closed) return phrase(Word::ExpectOutcomeOpen, r.lang, {e.text, state_id(r)});
    if (r.kase.outcome != e.text) return phrase(Word::ExpectOutcomeGot, r.lang, {e.text, r.kase.outcome});
  } else if (e.kind == Kind::Deemed && r.kase.deemed != e.flag) {
    return phrase(Word::ExpectDeemedGot, r.lang,
                  {phrase(e.flag ? Word::Yes : Word::No, r.lang), phrase(r.kase.deemed ? Word::Yes : Word::No, r.lang)});
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
    case Kind::Provisional: return check_provisional(e, r);
    case Kind::RefusedBecause: return check_refused_because(e, r);
    case Kind::SlaMet: return check_sla_met(e, r);
    case Kind::Notified:
      if (name_list(e.names) != name_list(r.notified))
        return phrase(Word::ExpectNotifiedGot, r.lang, {name_list(e.names), name_list(r.notified)});
      return std::nullopt;
    default: return check_case(e, r);
  }
}

std::optional<std::string> check_not_refused(const ScenarioStep& step, const Outcome& out, Language lang) {
  const bool expects_refusal = std::any_of(step.expect.begin(), step.expect.end(), [](const Expectation& e) {
    return e.kind == Kind::Refused || e.kind == Kind::RefusedDocs || e.kind == Kind::RefusedBecause;
  });
  if (out.accepted || expects_refusal) return std::nullopt;
  return phrase(Word::StepRefused, lang, {step.event, step.role, refusal_text(out, lang)});
}

}  // namespace izin::detail
