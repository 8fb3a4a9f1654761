// IZ7xx: events that more than one transition could take at once.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "validate/checks.hpp"
#include "validate/constant.hpp"

namespace izin::detail {

namespace {

// Whether some role may fire both (an empty `by` means anyone).
bool roles_overlap(const Transition& a, const Transition& b) {
  if (a.roles.empty() || b.roles.empty()) return true;
  return std::any_of(a.roles.begin(), a.roles.end(), [&](int r) {
    return std::find(b.roles.begin(), b.roles.end(), r) != b.roles.end();
  });
}

// Whether the guards leave a case where both are allowed: one is missing,
// or both are written the same way.
bool guards_overlap(const Transition& a, const Transition& b) {
  if (!a.guard || !b.guard) return true;
  return same_expression(*a.guard, *b.guard);
}

// IZ701 for one state: each later transition against the earlier ones on its event.
void check_state(Findings& f, const State& s) {
  std::map<std::string, std::vector<const Transition*>> by_event;
  for (const auto& t : s.transitions) {
    auto& earlier = by_event[t.event];
    for (const Transition* e : earlier) {
      if (!roles_overlap(*e, t) || !guards_overlap(*e, t)) continue;
      f.add(Severity::Warning, "IZ701", t.loc,
            "event " + quoted(t.event) + " in state " + quoted(s.id) + " is also taken on " +
                line_ref(e->loc, Language::English) + " by an overlapping role with no guard between them, so this "
                "line only applies when that one is refused; separate them with `when` conditions or roles",
            "event " + quoted(t.event) + " di state " + quoted(s.id) + " juga ditangani di " +
                line_ref(e->loc, Language::Indonesian) + " oleh peran yang sama tanpa kondisi pembeda, sehingga "
                "baris ini hanya berlaku bila yang itu ditolak; bedakan dengan kondisi `when` atau peran");
      break;
    }
    earlier.push_back(&t);
  }
}

}  // namespace

void check_ambiguity(Findings& findings) {
  for (const auto& s : findings.procedure.states) check_state(findings, s);
}

}  // namespace izin::detail
