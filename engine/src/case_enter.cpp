// Entering a state: a new visit, the SLA clock's bookkeeping, closing.
#include "engine_runtime.hpp"

namespace izin::detail {

HistoryRecord& add_record(Step& s, RecordKind kind, Instant at) {
  HistoryRecord& r = s.c.history.emplace_back();
  r.sequence = s.c.history.size();
  r.at = at;
  r.kind = kind;
  r.actor = Actor{"system", "system"};
  return r;
}

namespace {
// Ends the current paused visit, counting its working days up to and including exit.
void leave_pause(Step& s, Instant at) {
  SlaClock& sla = s.c.sla;
  if (!sla.paused_since) return;
  const Date exit = s.calendar.local_date(at);
  sla.paused_working_days += s.calendar.working_days_between(*sla.paused_since, exit);
  if (s.calendar.provisional_between(*sla.paused_since, exit)) sla.paused_provisional = true;
  sla.paused_since.reset();
}

// Starts the clock on first entry to the `sla … from` state, and pauses it in paused states.
void arrive_for_sla(Step& s, const State& target, int index, Instant at) {
  if (!s.procedure.sla) return;
  SlaClock& sla = s.c.sla;
  if (!sla.start && s.procedure.sla->from_state == index) sla.start = s.calendar.local_date(at);
  if (sla.start && target.clock_paused) sla.paused_since = s.calendar.local_date(at);
}
}  // namespace

void enter_state(Step& s, int target, Instant at, bool deemed) {
  const State& st = s.procedure.states[static_cast<std::size_t>(target)];
  leave_pause(s, at);
  s.c.state = target;
  s.c.entered_at = at;
  s.c.deemed = deemed;  // the flag of the transition that put the case here
  s.changed = true;
  arrive_for_sla(s, st, target, at);
  if (st.final) {
    s.c.closed = true;
    s.c.outcome = st.outcome;
    s.c.pending.clear();
    return;
  }
  schedule(s.procedure, s.calendar, target, at, s.c.pending);
}

}  // namespace izin::detail
