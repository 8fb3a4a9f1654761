// Which transitions and deadlines of a procedure scenarios exercised.
#include "scenario/coverage.hpp"

#include "izin/words.hpp"

#include <algorithm>

namespace izin::detail {
namespace {

// The transition of `s` an accepted event record went through, or -1.
int match_transition(const Procedure& p, const State& s, const HistoryRecord& r) {
  const int to = p.state_index(r.to);
  const int role = p.role_index(r.actor.role);
  for (std::size_t i = 0; i < s.transitions.size(); ++i) {
    const Transition& t = s.transitions[i];
    const bool role_ok = t.roles.empty() || std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
    if (t.event == r.event && t.target == to && role_ok) return static_cast<int>(i);
  }
  return -1;
}

// Whether the deadline line can have produced a record of this kind.
bool deadline_kind_fits(const Procedure& p, const Deadline& d, const HistoryRecord& r) {
  if (r.kind == RecordKind::Notification) return !d.is_transition();
  if (r.kind == RecordKind::Deadline) return d.is_transition() && d.target == p.state_index(r.to);
  return d.guard.has_value();  // DeadlineSpent
}

// The deadline of `s` a deadline/notification record came from, or -1.
int match_deadline(const Procedure& p, const State& s, const HistoryRecord& r) {
  int fallback = -1;
  for (std::size_t i = 0; i < s.deadlines.size(); ++i) {
    const Deadline& d = s.deadlines[i];
    if (!deadline_kind_fits(p, d, r)) continue;
    const std::string after = d.after.to_string();
    if (r.event == after || r.event == "after " + after) return static_cast<int>(i);
    if (r.kind == RecordKind::Notification && r.note == d.message) return static_cast<int>(i);
    if (fallback < 0) fallback = static_cast<int>(i);
  }
  return fallback;
}

// "pemeriksaan: after 26 working days -> disetujui" (or "setelah 26 hari kerja").
std::string describe(const Procedure& p, const State& s, const Deadline& d, Language lang) {
  std::string text = s.id + ": " + phrase(Word::After, lang, {duration_text(d.after, lang)});
  if (d.is_transition()) return text + " -> " + p.states[static_cast<std::size_t>(d.target)].id;
  return text + phrase(Word::Notify, lang) + p.roles[static_cast<std::size_t>(d.notify_role)].id;
}

}  // namespace

void CoverageTally::include(const ProcedurePtr& procedure) {
  seen_[{procedure->id, procedure->version}].procedure = procedure;
}

void CoverageTally::add(const ProcedurePtr& procedure, const std::vector<HistoryRecord>& history) {
  Seen& seen = seen_[{procedure->id, procedure->version}];
  seen.procedure = procedure;
  for (const auto& r : history) {
    const int from = procedure->state_index(r.from);
    if (from < 0 || r.kind == RecordKind::Opened || r.kind == RecordKind::DeadlineMoved) continue;
    const State& s = procedure->states[static_cast<std::size_t>(from)];
    const bool is_event = r.kind == RecordKind::Event;
    const int i = is_event ? match_transition(*procedure, s, r) : match_deadline(*procedure, s, r);
    if (i >= 0) (is_event ? seen.transitions : seen.deadlines).insert({from, i});
  }
}

std::vector<ProcedureCoverage> CoverageTally::report(Language lang) const {
  std::vector<ProcedureCoverage> result;
  for (const auto& [key, seen] : seen_) {
    const Procedure& p = *seen.procedure;
    ProcedureCoverage c{p.id, p.version, 0, 0, 0, 0, {}};
    for (std::size_t si = 0; si < p.states.size(); ++si) {
      const State& s = p.states[si];
      const int st = static_cast<int>(si);
      for (std::size_t i = 0; i < s.transitions.size(); ++i) {
        const Transition& t = s.transitions[i];
        ++c.transitions;
        if (seen.transitions.count({st, static_cast<int>(i)})) { ++c.transitions_exercised; continue; }
        c.gaps.push_back({p.file, t.loc.line, s.id + " --" + t.event + "--> " + p.states[static_cast<std::size_t>(t.target)].id});
      }
      for (std::size_t i = 0; i < s.deadlines.size(); ++i) {
        ++c.deadlines;
        if (seen.deadlines.count({st, static_cast<int>(i)})) { ++c.deadlines_exercised; continue; }
        c.gaps.push_back({p.file, s.deadlines[i].loc.line, describe(p, s, s.deadlines[i], lang)});
      }
    }
    std::stable_sort(c.gaps.begin(), c.gaps.end(), [](const CoverageGap& a, const CoverageGap& b) { return a.line < b.line; });
    result.push_back(std::move(c));
  }
  return result;
}

}  // namespace izin::detail
