// The catalog of validator and rollout codes; docs/diagnostics.md says the same at length.
#include "izin/report.hpp"

namespace izin {

namespace {
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

// Summary of a code family, for codes the catalog does not list.
std::string_view family_summary(std::string_view code) {
  if (code.size() < 3 || code.substr(0, 2) != "IZ") return "izin diagnostic";
  switch (code[2]) {
    case '0': return "File, I/O or calendar problem";
    case '1': return "Syntax error";
    case '2': return "Undefined or duplicate name";
    case '3': return "Type error";
    case '4': return "Structure of the state graph";
    case '5': return "Time limits and deadlines";
    case '6': return "Requirements and conditions";
    case '7': return "Ambiguous transitions";
    case '8': return "Service standard (UU 25/2009)";
    case '9': return "Change across procedure versions";
    default: return "izin diagnostic";
  }
}
}  // namespace

const std::vector<DiagnosticRule>& diagnostic_rules() {
  static const std::vector<DiagnosticRule> rules = {
      {"IZ401", E, "No initial state", "Mark exactly one state `initial state`."},
      {"IZ402", E, "More than one initial state", "Keep `initial` on exactly one state."},
      {"IZ403", W, "State unreachable from the initial state", "Add a transition into the state, or remove it."},
      {"IZ404", E, "No final state can be reached from this state (cases get stuck)",
       "Add a transition or an `after … -> STATE` deadline leading towards a final state."},
      {"IZ405", E, "Final state with transitions or deadlines",
       "A finished case never moves: remove the transitions or make the state non-final."},
      {"IZ406", E, "Deemed decision leads to a non-granting outcome",
       "Silence may only grant (fiktif positif): target a final state with outcome granted (or approved, "
       "verified, issued) or a state where the case goes on, or drop `deemed`."},
      {"IZ310", E, "Rule that is not true/false", "A rule is a yes/no condition: make its expression a condition."},
      {"IZ410", E, "Rule that uses itself, directly or through other rules",
       "A rule's value may not depend on itself: write its condition with data fields and other rules only."},
      {"IZ501", E, "Zero duration", "Write the real time limit: at least 1 hour, day or working day."},
      {"IZ502", W, "Working state without any `after` deadline",
       "Add `after N working days notify ROLE \"…\"` or an automatic transition so nobody waits unnoticed."},
      {"IZ503", W, "Escalation that can never fire",
       "An unguarded automatic transition always leaves first: make the escalation earlier or remove it."},
      {"IZ504", W, "SLA shorter than the deadlines allow",
       "Shorten the automatic deadlines on the path named, pause the clock where the applicant works, or "
       "raise the SLA."},
      {"IZ601", W, "Requirement never required nor read",
       "List it in a `requires`, read it with submitted(), mark it `optional`, or remove it."},
      {"IZ602", E, "`requires` lists an optional requirement",
       "Optional documents are never demanded: remove `optional` or remove it from `requires`."},
      {"IZ603", W, "Condition always true", "Remove the `when`, or write the test that was meant."},
      {"IZ604", W, "Condition never true", "The element never applies: fix the condition or remove the element."},
      {"IZ610", W, "Rule never used", "Use the rule in a `when`, a fee or another rule, or remove it."},
      {"IZ701", W, "Two transitions on one event can both be allowed",
       "Separate them with different `by` roles or with `when` conditions on both."},
      {"IZ801", W, "No `title`", "Add `title \"…\"`: the service standard names the service."},
      {"IZ802", W, "No `legal` basis", "Add `legal \"…\"`: the service standard states its legal basis."},
      {"IZ803", W, "No `product`", "Add `product \"…\"`: the service standard names what the citizen receives."},
      {"IZ804", W, "No `sla`", "Add `sla N working days`: the service standard states the completion time."},
      {"IZ805", W, "office.yaml leaves a component empty",
       "Fill the value in office.yaml, or under `services: ID:` for this procedure (izin check --office)."},
      {"IZ806", E, "office.yaml cannot be read",
       "Fix the file at the line named: known keys, texts or {id, en} maps, a list of complaint channels."},
      {"IZ901", E, "Deployed version changed in place",
       "A deployed version is immutable: restore its text and publish the change as a new version."},
      {"IZ902", E, "New version removes a state of the deployed version",
       "Open cases may sit in that state: keep it (it may lead on to the new states) or migrate cases first."},
      {"IZ903", E, "Version lower than the deployed newest", "Number the new version above the deployed newest."},
  };
  return rules;
}

DiagnosticRule diagnostic_rule(std::string_view code) {
  for (const auto& r : diagnostic_rules())
    if (r.code == code) return r;
  return DiagnosticRule{code, Severity::Error, family_summary(code),
                        "See docs/diagnostics.md (codes IZ0xx–IZ3xx: docs/diagnostics-front-end.md)."};
}

}  // namespace izin
