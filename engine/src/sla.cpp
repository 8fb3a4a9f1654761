// The SLA clock: when the promise falls due and whether it was kept.
#include <algorithm>

#include "engine_runtime.hpp"

namespace izin::detail {

namespace {
// Whether the transition that closed the case left a `clock paused` state.
bool closed_from_paused_state(const Procedure& p, const Case& c) {
  if (c.history.empty()) return false;
  const int from = p.state_index(c.history.back().from);
  return from >= 0 && p.states[static_cast<std::size_t>(from)].clock_paused;
}

// The local day a case closed on: a close at exactly 24:00 (a deemed decision
// firing at the end of its last day) belongs to the day that ended.
Date closing_day(const WorkingDayCalendar& cal, Instant closed) {
  const Date d = cal.local_date(closed);
  return closed == cal.start_of_day(d) ? d - 1 : d;
}
}  // namespace

SlaStatus sla_status(const Procedure& p, const WorkingDayCalendar& cal, const Case& c, Instant at) {
  SlaStatus s;
  if (!p.sla) return s;
  s.declared = true;
  if (!c.sla.start) return s;
  s.started = true;
  // A closed case is judged at its closing instant (the entry into its final state).
  const Instant until = c.closed ? std::min(at, c.entered_at) : at;
  const Date today = c.closed ? closing_day(cal, until) : cal.local_date(until);
  int paused = c.sla.paused_working_days;
  s.provisional = c.sla.paused_provisional;
  if (c.sla.paused_since && !c.closed) {
    paused += cal.working_days_between(*c.sla.paused_since, today);
    s.provisional = s.provisional || cal.provisional_between(*c.sla.paused_since, today);
    s.paused = true;
  }
  s.due = cal.add_working_days(*c.sla.start, p.sla->working_days + paused);
  s.provisional = s.provisional || cal.provisional_between(*c.sla.start, *s.due);
  s.working_days_used = std::max(0, cal.working_days_between(*c.sla.start, today) - paused);
  // Closed from a `clock paused` state, the clock was not running at the close:
  // only the working days it ran count (the pause's exit day can be the due day).
  const bool closed_paused = c.closed && closed_from_paused_state(p, c);
  // Closed at or before the end (24:00) of the due date is within the SLA;
  // an open case is late once that end has come.
  const bool late = c.closed ? until > cal.end_of_day(*s.due) : until >= cal.end_of_day(*s.due);
  s.breached = closed_paused ? s.working_days_used > p.sla->working_days : late;
  return s;
}

}  // namespace izin::detail
