// Deadline preview: the main path of a new case, on the calendar.
#include "izin/preview.hpp"

#include <algorithm>
#include <chrono>

namespace izin {

namespace {

// The way a preview leaves a state: an event or an automatic deadline.
struct Exit {
  int target = -1;
  std::string by;
  bool deemed = false;
  int deadline = -1;  // index of the automatic deadline used; -1 for an event
};

const State& state_at(const Procedure& p, int i) { return p.states[static_cast<std::size_t>(i)]; }

// Finals the main path aims for: `granted`, or when a procedure grants
// nothing (complaints, say), anything but `rejected`.
bool is_good_final(const Procedure& p, int i) {
  const State& s = state_at(p, i);
  if (!s.final) return false;
  const bool grants = std::any_of(p.states.begin(), p.states.end(),
                                  [](const State& x) { return x.final && x.outcome == "granted"; });
  return grants ? s.outcome == "granted" : s.outcome != "rejected";
}

// Whether a good final is reachable from `from` without entering `visited`.
bool reaches_good_final(const Procedure& p, int from, std::vector<bool> visited) {
  std::vector<int> todo{from};
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    if (visited[static_cast<std::size_t>(s)]) continue;
    visited[static_cast<std::size_t>(s)] = true;
    if (is_good_final(p, s)) return true;
    for (const auto& t : state_at(p, s).transitions) todo.push_back(t.target);
    for (const auto& d : state_at(p, s).deadlines)
      if (d.is_transition()) todo.push_back(d.target);
  }
  return false;
}

// Whether moving to `target` keeps the main path alive.
bool leads_on(const Procedure& p, int here, int target, const std::vector<bool>& visited) {
  if (target < 0 || target == here || visited[static_cast<std::size_t>(target)]) return false;
  if (state_at(p, target).final) return is_good_final(p, target);
  return reaches_good_final(p, target, visited);
}

// The first transition on the main path out of state `here` (see preview.hpp).
std::optional<Exit> choose_exit(const Procedure& p, int here, const std::vector<bool>& visited) {
  const State& s = state_at(p, here);
  for (const auto& t : s.transitions)
    if (leads_on(p, here, t.target, visited)) return Exit{t.target, t.event, t.deemed, -1};
  for (std::size_t i = 0; i < s.deadlines.size(); ++i) {
    const Deadline& d = s.deadlines[i];
    if (d.is_transition() && leads_on(p, here, d.target, visited))
      return Exit{d.target, "after " + d.after.to_string(), d.deemed, static_cast<int>(i)};
  }
  return std::nullopt;
}

// The state's `after` lines placed on the calendar from its entry instant.
std::vector<PreviewDeadline> place_deadlines(const Procedure& p, const WorkingDayCalendar& cal,
                                             const State& s, Instant entered) {
  std::vector<PreviewDeadline> out;
  for (const auto& d : s.deadlines) {
    PreviewDeadline pd;
    pd.text = "after " + d.after.to_string();
    if (d.is_transition()) {
      pd.text += " -> " + state_at(p, d.target).id + (d.deemed ? " (deemed)" : "");
    } else {
      const auto role = static_cast<std::size_t>(d.notify_role);
      pd.text += " notify " + (role < p.roles.size() ? p.roles[role].id : std::string("?"));
    }
    const Projection due = cal.project(entered, d.after);
    pd.due = due.due;
    pd.provisional = due.provisional;
    pd.last_day = cal.local_date(pd.due - std::chrono::seconds(1));
    pd.automatic = d.is_transition();
    pd.deemed = d.deemed;
    pd.conditional = d.guard.has_value();
    pd.after = d.after;
    if (d.is_transition()) pd.target = state_at(p, d.target).id;
    else if (static_cast<std::size_t>(d.notify_role) < p.roles.size())
      pd.notify = p.roles[static_cast<std::size_t>(d.notify_role)].id;
    out.push_back(pd);
  }
  return out;
}

// The last allowed moment to act in a state: just before its earliest
// unguarded automatic transition, else at its latest escalation, else at once.
Instant last_moment(const std::vector<PreviewDeadline>& deadlines, Instant entered) {
  std::optional<Instant> automatic, escalation;
  for (const auto& d : deadlines) {
    if (d.conditional) continue;
    if (d.automatic) automatic = automatic ? std::min(*automatic, d.due) : d.due;
    else escalation = escalation ? std::max(*escalation, d.due) : d.due;
  }
  if (automatic) return *automatic - std::chrono::seconds(1);
  if (escalation) return *escalation - std::chrono::seconds(1);
  return entered;
}

// Starts and pauses the SLA clock as the path enters and leaves `step`.
void track_sla(const Procedure& p, const WorkingDayCalendar& cal, const PreviewStep& step,
               DeadlinePreview& out) {
  if (!p.sla) return;
  if (!out.sla_start && (p.sla->from_state < 0 || p.sla->from_state == step.state))
    out.sla_start = cal.local_date(step.entered);
  if (out.sla_start && step.paused) {
    const Date in = cal.local_date(step.entered), out_day = cal.local_date(step.left);
    out.paused_working_days += cal.working_days_between(in, out_day);
    out.sla_provisional = out.sla_provisional || cal.provisional_between(in, out_day);
  }
}

}  // namespace

DeadlinePreview preview_deadlines(const Procedure& p, const WorkingDayCalendar& cal, Instant opened) {
  DeadlinePreview out;
  if (p.initial_state < 0) return out;
  std::vector<bool> visited(p.states.size(), false);
  int here = p.initial_state;
  Instant entered = opened;
  while (true) {
    visited[static_cast<std::size_t>(here)] = true;
    const State& s = state_at(p, here);
    PreviewStep step{here, s.id, s.label, s.clock_paused, entered, entered, {}, {}};
    if (s.final) {
      out.steps.push_back(step);
      out.reached_final = true;
      out.outcome = s.outcome;
      track_sla(p, cal, step, out);
      break;
    }
    step.deadlines = place_deadlines(p, cal, s, entered);
    const auto exit = choose_exit(p, here, visited);
    if (!exit) {
      out.steps.push_back(step);
      break;
    }
    step.leave_by = exit->by;
    step.left = exit->deadline >= 0 ? step.deadlines[static_cast<std::size_t>(exit->deadline)].due
                                    : last_moment(step.deadlines, entered);
    track_sla(p, cal, step, out);
    out.steps.push_back(step);
    out.deemed = exit->deemed;
    here = exit->target;
    entered = step.left;
  }
  if (!out.sla_start) return out;
  out.sla_due = cal.add_working_days(*out.sla_start, p.sla->working_days + out.paused_working_days);
  out.sla_provisional = out.sla_provisional || cal.provisional_between(*out.sla_start, *out.sla_due);
  return out;
}

}  // namespace izin
