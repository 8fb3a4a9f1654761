// IZ310/IZ410/IZ610: rules (`rule ID "label" = EXPR`).
#include <string>
#include <vector>

#include "validate/checks.hpp"

namespace izin::detail {

namespace {

// Marks every rule that `e` names.
void mark_rules(const Expr& e, std::vector<bool>& used) {
  for (int r : rules_named(e))
    if (r >= 0 && static_cast<std::size_t>(r) < used.size()) used[static_cast<std::size_t>(r)] = true;
}

// Which rules some expression other than the rule's own condition names.
std::vector<bool> used_rules(const Procedure& p) {
  std::vector<bool> used(p.rules.size(), false);
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    std::vector<bool> by_this(p.rules.size(), false);
    mark_rules(p.rules[i].condition, by_this);
    by_this[i] = false;  // a rule using itself is IZ410, not a use
    for (std::size_t j = 0; j < used.size(); ++j) used[j] = used[j] || by_this[j];
  }
  for (const auto& r : p.requirements)
    if (r.when) mark_rules(*r.when, used);
  for (const auto& fee : p.fees) mark_rules(fee.amount, used);
  for (const auto& s : p.states) {
    for (const auto& t : s.transitions) {
      if (t.guard) mark_rules(*t.guard, used);
      for (const auto& a : t.sets) mark_rules(a.value, used);
    }
    for (const auto& d : s.deadlines) {
      if (d.guard) mark_rules(*d.guard, used);
      for (const auto& a : d.sets) mark_rules(a.value, used);
    }
  }
  return used;
}

// The chain "a -> b -> a" when rule `start` reaches itself through the rules it names.
bool reaches_itself(const Procedure& p, int start, int at, std::vector<int>& path, std::vector<bool>& seen) {
  for (int next : rules_named(p.rules[static_cast<std::size_t>(at)].condition)) {
    if (next < 0 || static_cast<std::size_t>(next) >= p.rules.size()) continue;
    if (next == start) {
      path.push_back(next);
      return true;
    }
    if (seen[static_cast<std::size_t>(next)]) continue;
    seen[static_cast<std::size_t>(next)] = true;
    path.push_back(next);
    if (reaches_itself(p, start, next, path, seen)) return true;
    path.pop_back();
  }
  return false;
}

// IZ410: a rule whose value would depend on itself has none.
void check_cycles(Findings& f) {
  const Procedure& p = f.procedure;
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    std::vector<int> path{static_cast<int>(i)};
    std::vector<bool> seen(p.rules.size(), false);
    if (!reaches_itself(p, static_cast<int>(i), static_cast<int>(i), path, seen)) continue;
    std::string chain;
    for (int r : path) chain += (chain.empty() ? "" : " -> ") + p.rules[static_cast<std::size_t>(r)].id;
    const Rule& r = p.rules[i];
    f.add(Severity::Error, "IZ410", r.loc,
          "rule " + quoted(r.id) + " uses itself (" + chain + "), so it has no value; "
          "write its condition with data fields and other rules only",
          "aturan " + quoted(r.id) + " memakai dirinya sendiri (" + chain + "), sehingga tidak bernilai; "
          "tulis kondisinya hanya dengan data dan aturan lain");
  }
}

// IZ310 (hand-built models; the compiler reports it for files) and IZ610.
void check_types_and_use(Findings& f) {
  const Procedure& p = f.procedure;
  const auto used = used_rules(p);
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    const Rule& r = p.rules[i];
    if (r.condition.type != Type::Bool)
      f.add(Severity::Error, "IZ310", r.loc,
            "rule " + quoted(r.id) + " must be true or false, but its condition is " + std::string(type_name(r.condition.type)),
            "aturan " + quoted(r.id) + " harus bernilai benar atau salah, tetapi kondisinya " +
                std::string(type_name(r.condition.type)));
    if (!used[i])
      f.add(Severity::Warning, "IZ610", r.loc,
            "rule " + quoted(r.id) + " is never used by a condition, fee or other rule; use it in a `when` or remove it",
            "aturan " + quoted(r.id) + " tidak pernah dipakai oleh kondisi, biaya, atau aturan lain; "
            "pakai dalam `when` atau hapus");
  }
}

}  // namespace

void check_rules(Findings& findings) {
  check_types_and_use(findings);
  check_cycles(findings);
}

}  // namespace izin::detail
