// A service's standard: the components its procedure states, read from the
// compiled procedure, and the office's own from office.yaml.
#include "izin/standards/service_standard.hpp"

#include "izin/expr.hpp"
#include "izin/words.hpp"
#include "report_text.hpp"

namespace izin::standards {
namespace {

using detail::tr;

// "lantai >= 3 (lantai: Jumlah lantai)": the expression, then what each field it reads means.
std::string in_words(const Expr& e, const Procedure& p) {
  std::string meanings;
  for (const int f : fields_read(e)) {
    const DataField& field = p.data[static_cast<std::size_t>(f)];
    if (field.label.empty()) continue;
    meanings += (meanings.empty() ? "" : "; ") + field.id + ": " + field.label;
  }
  return render(e, p) + (meanings.empty() ? "" : " (" + meanings + ")");
}

StandardRequirement requirement(const Requirement& r, const Procedure& p) {
  StandardRequirement out{r.id, r.label, "", {}, r.internal, r.optional};
  if (!r.when) return out;
  out.condition = in_words(*r.when, p);
  for (const int rule : rules_named(*r.when)) out.rules.push_back(p.rules[static_cast<std::size_t>(rule)].label);
  return out;
}

std::string roles_text(const Procedure& p, const std::vector<int>& roles) {
  std::string out;
  for (const int r : roles) out += (out.empty() ? "" : ", ") + p.roles[static_cast<std::size_t>(r)].id;
  return out;
}

std::string state_title(const State& s) { return s.label.empty() ? s.id : s.label; }

std::string action(const Procedure& p, const Transition& t, Language lang) {
  std::string out = t.event;
  if (!t.roles.empty()) out += std::string(tr(lang, " oleh ", " by ")) + roles_text(p, t.roles);
  if (t.guard) out += std::string(tr(lang, ", jika ", ", when ")) + render(*t.guard, p);
  return out + " → " + state_title(p.states[static_cast<std::size_t>(t.target)]);
}

std::vector<StandardStep> steps(const Procedure& p, Language lang) {
  std::vector<StandardStep> out;
  for (const State& s : p.states) {
    if (s.final) continue;
    StandardStep step{static_cast<int>(out.size()) + 1, state_title(s), {}};
    for (const Transition& t : s.transitions) step.actions.push_back(action(p, t, lang));
    for (const Deadline& d : s.deadlines)
      if (d.is_transition())
        step.actions.push_back(std::string(tr(lang, "setelah ", "after ")) + duration_text(d.after, lang) + " → " +
                               state_title(p.states[static_cast<std::size_t>(d.target)]) +
                               (d.deemed ? std::string(tr(lang, " (dianggap)", " (deemed)")) : ""));
    // The initial state leads the list: a citizen starts there.
    if (s.initial) out.insert(out.begin(), step); else out.push_back(step);
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i].number = static_cast<int>(i) + 1;
  return out;
}

// A plain value for each field a fee reads (100, the first choice, yes): a worked example, not a quote.
Value example_value(const DataField& f) {
  switch (f.type) {
    case Type::Number:
    case Type::Integer: return Value(100);
    case Type::Enum: return f.enum_symbols.empty() ? Value() : Value(EnumValue{f.enum_symbols.front()});
    case Type::Bool: return Value(true);
    case Type::Date: return Value(Date::from_ymd(2026, 1, 2));
    case Type::Text: break;
  }
  return Value("contoh");
}

std::string fee_example(const Fee& fee, const Procedure& p) {
  const auto fields = fields_read(fee.amount);
  if (fields.empty()) return "";
  std::vector<Value> data(p.data.size());
  const std::vector<bool> documents(p.requirements.size(), true);
  std::string inputs;
  for (const int f : fields) {
    const auto i = static_cast<std::size_t>(f);
    data[i] = example_value(p.data[i]);
    inputs += (inputs.empty() ? "" : ", ") + p.data[i].id + " = " + data[i].to_string();
  }
  const Evaluation e = evaluate(fee.amount, EvalContext{p, data, documents});
  if (!e.ok() || !e.value.is_number()) return "";
  return inputs + " → " + e.value.number().to_rupiah();
}

std::string completion_time(const Procedure& p, Language lang) {
  if (!p.sla) return "";
  std::string out = duration_text(Duration{p.sla->working_days, DurationUnit::WorkingDays}, lang);
  if (p.sla->from_state >= 0)
    out += std::string(tr(lang, ", dihitung sejak ", ", counted from ")) +
           state_title(p.states[static_cast<std::size_t>(p.sla->from_state)]);
  return out;
}

}  // namespace

ServiceStandard build_service_standard(const Procedure& p, const OfficeProfile& office, Language lang) {
  ServiceStandard s;
  s.id = p.id;
  s.title = p.title.empty() ? p.id : p.title;
  s.version = p.version;
  s.lang = lang;
  s.legal = p.legal;
  for (const Requirement& r : p.requirements) s.requirements.push_back(requirement(r, p));
  s.steps = steps(p, lang);
  s.completion_time = completion_time(p, lang);
  for (const Fee& f : p.fees) s.fees.push_back({f.id, f.label, in_words(f.amount, p), fee_example(f, p)});
  s.product = p.product;
  s.office = office;
  s.complaint_procedure = office.complaint_procedure;
  return s;
}

}  // namespace izin::standards
