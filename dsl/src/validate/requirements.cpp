// IZ6xx: documents (persyaratan) and conditions.
#include <string>
#include <vector>

#include "validate/checks.hpp"
#include "validate/constant.hpp"

namespace izin::detail {

namespace {

// Marks every requirement that a submitted() call in `e` reads.
void mark_submitted(const Expr& e, std::vector<bool>& used) {
  if (e.kind == Expr::Kind::Call && e.func == Func::Submitted && e.index >= 0 &&
      static_cast<std::size_t>(e.index) < used.size())
    used[static_cast<std::size_t>(e.index)] = true;
  for (const auto& a : e.args) mark_submitted(a, used);
}

// Which requirements some transition requires or some expression reads.
std::vector<bool> used_requirements(const Procedure& p) {
  std::vector<bool> used(p.requirements.size(), false);
  for (const auto& r : p.requirements)
    if (r.when) mark_submitted(*r.when, used);
  for (const auto& fee : p.fees) mark_submitted(fee.amount, used);
  for (const auto& rule : p.rules) mark_submitted(rule.condition, used);
  for (const auto& s : p.states) {
    for (const auto& t : s.transitions) {
      for (int d : t.documents)
        if (d >= 0 && static_cast<std::size_t>(d) < used.size()) used[static_cast<std::size_t>(d)] = true;
      if (t.guard) mark_submitted(*t.guard, used);
      for (const auto& a : t.sets) mark_submitted(a.value, used);
    }
    for (const auto& d : s.deadlines) {
      if (d.guard) mark_submitted(*d.guard, used);
      for (const auto& a : d.sets) mark_submitted(a.value, used);
    }
  }
  return used;
}

// IZ601: a demanded document that no step ever asks for.
void check_unused(Findings& f) {
  const auto used = used_requirements(f.procedure);
  for (std::size_t i = 0; i < used.size(); ++i) {
    const Requirement& r = f.procedure.requirements[i];
    if (used[i] || r.optional) continue;
    f.add(Severity::Warning, "IZ601", r.loc,
          "requirement " + quoted(r.id) + " is never required by a transition nor read by submitted(); "
          "list it in a `requires`, mark it `optional`, or remove it",
          "persyaratan " + quoted(r.id) + " tidak pernah diwajibkan oleh transisi maupun dibaca oleh "
          "submitted(); cantumkan di `requires`, tandai `optional`, atau hapus");
  }
}

// IZ602: `requires` of an optional requirement (which is never demanded).
void check_optional_required(Findings& f) {
  const auto& reqs = f.procedure.requirements;
  for (const auto& s : f.procedure.states)
    for (const auto& t : s.transitions)
      for (int d : t.documents) {
        if (d < 0 || static_cast<std::size_t>(d) >= reqs.size() || !reqs[static_cast<std::size_t>(d)].optional)
          continue;
        const std::string id = quoted(reqs[static_cast<std::size_t>(d)].id);
        f.add(Severity::Error, "IZ602", t.loc,
              "event " + quoted(t.event) + " requires " + id + ", which is declared `optional` and so is never "
              "demanded; remove `optional` or take it out of `requires`",
              "event " + quoted(t.event) + " mewajibkan " + id + ", yang dinyatakan `optional` sehingga tidak "
              "pernah diminta; hapus `optional` atau keluarkan dari `requires`");
      }
}

// IZ603/IZ604 for one condition of `what` (already quoted) at `loc`.
void check_condition(Findings& f, const Expr& e, SourceLoc loc, const std::string& what_en,
                     const std::string& what_id) {
  const auto value = constant_condition(e, f.procedure);
  if (!value) return;
  const SourceLoc at = e.loc.line > 0 ? e.loc : loc;
  if (*value)
    f.add(Severity::Warning, "IZ603", at,
          "the `when` condition of " + what_en + " is always true; remove it or write the intended test",
          "kondisi `when` pada " + what_id + " selalu benar; hapus atau tuliskan syarat yang dimaksud");
  else
    f.add(Severity::Warning, "IZ604", at,
          "the `when` condition of " + what_en + " is never true, so it never applies; fix or remove it",
          "kondisi `when` pada " + what_id + " tidak pernah benar, sehingga tidak pernah berlaku; "
          "perbaiki atau hapus");
}

// IZ603/IZ604 over requirements, transitions and deadlines.
void check_constant_conditions(Findings& f) {
  for (const auto& r : f.procedure.requirements)
    if (r.when) check_condition(f, *r.when, r.loc, "requirement " + quoted(r.id), "persyaratan " + quoted(r.id));
  for (const auto& s : f.procedure.states) {
    for (const auto& t : s.transitions)
      if (t.guard)
        check_condition(f, *t.guard, t.loc, "event " + quoted(t.event) + " in state " + quoted(s.id),
                        "event " + quoted(t.event) + " di state " + quoted(s.id));
    for (const auto& d : s.deadlines)
      if (d.guard)
        check_condition(f, *d.guard, d.loc, "`after " + d.after.to_string() + "` in state " + quoted(s.id),
                        "`after " + d.after.to_string() + "` di state " + quoted(s.id));
  }
}

}  // namespace

void check_requirements(Findings& findings) {
  check_unused(findings);
  check_optional_required(findings);
  check_constant_conditions(findings);
}

}  // namespace izin::detail
