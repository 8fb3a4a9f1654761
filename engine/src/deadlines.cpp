// Deadlines: scheduling a visit's `after` lines, firing them when due, and
// re-projecting them when a calendar changes.
#include <algorithm>

#include "engine_runtime.hpp"
#include "izin/expr.hpp"

namespace izin::detail {

namespace {
// Earliest first; equal instants in file order (deterministic ties).
bool earlier(const PendingDeadline& a, const PendingDeadline& b) {
  return a.due != b.due ? a.due < b.due : a.deadline < b.deadline;
}

// Whether an `after … when` guard holds on the case data now.
bool guard_holds(const Step& s, const Expr& guard) {
  const Evaluation ev = evaluate(guard, EvalContext{s.procedure, s.c.data, s.c.documents});
  return ev.ok() && ev.value.is_bool() && ev.value.boolean();
}

// Whether this catch-up step (its records start at `step_start`) wrote as many records as it may.
bool step_full(const Step& s, std::size_t step_start) {
  return s.c.history.size() - step_start >= kCatchUpRecordLimit;
}

// Runs an automatic transition's `set` lines on the case data. Silence cannot
// be refused, so the transition is taken anyway; when a line cannot be
// computed no line is kept and the record's note says why.
void apply_sets(Step& s, const Deadline& d, HistoryRecord& r) {
  if (d.sets.empty()) return;
  std::vector<Value> data = s.c.data;
  std::vector<DataChange> changes;
  if (auto refusal = run_sets(s.procedure, d.sets, data, s.c.documents, changes, Language::English)) {
    r.note = "set not applied: " + refusal->message;
    return;
  }
  s.c.data = std::move(data);
  r.changes = std::move(changes);
}

// Fires one deadline of the current state at its due instant, or at the
// case's last record when a calendar change moved it before that (never into the past).
void fire_one(Step& s, const PendingDeadline& p) {
  const State& state = s.procedure.states[static_cast<std::size_t>(s.c.state)];
  const Deadline& d = state.deadlines[static_cast<std::size_t>(p.deadline)];
  const Instant at = s.c.history.empty() ? p.due : std::max(p.due, s.c.history.back().at);
  s.changed = true;
  if (d.guard && !guard_holds(s, *d.guard)) {
    HistoryRecord& r = add_record(s, RecordKind::DeadlineSpent, at);
    r.event = deadline_name(d);
    r.from = r.to = state.id;
    r.note = "condition " + render(*d.guard, s.procedure) + " was false at the due instant";
    return;
  }
  if (d.is_transition()) {
    HistoryRecord& r = add_record(s, RecordKind::Deadline, at);
    r.event = deadline_name(d);
    r.from = state.id;
    r.to = s.procedure.states[static_cast<std::size_t>(d.target)].id;
    r.deemed = d.deemed;
    apply_sets(s, d, r);
    enter_state(s, d.target, at, d.deemed);
    return;
  }
  HistoryRecord& r = add_record(s, RecordKind::Notification, at);
  r.event = deadline_name(d);
  r.from = r.to = state.id;
  r.note = d.message;
  // The record's sequence makes the delivery id unique in the store and the same on replay.
  s.notifications.push_back(Notification{s.c.id, s.procedure.roles[static_cast<std::size_t>(d.notify_role)].id,
                                         d.message, at, state.id, s.c.id + "/" + std::to_string(r.sequence)});
}

// Why deadlines moved: the days whose working status differs between calendars.
std::string move_reason(const WorkingDayCalendar& before, const WorkingDayCalendar& after, Date from, Date to) {
  std::string why;
  for (Date d = from; d <= to; d = d + 1) {
    const bool was = before.is_working_day(d), is = after.is_working_day(d);
    if (was == is) continue;
    why += why.empty() ? ": " : ", ";
    why += d.to_string() + (is ? " is no longer a holiday" : " is now a holiday");
  }
  return "calendar " + after.id() + " changed" + why;
}

// " (provisional: …)" when a due date was counted over days the calendar does not cover.
std::string provisional_note(const WorkingDayCalendar& cal, bool provisional) {
  if (!provisional) return "";
  const Coverage& c = cal.coverage();
  return c.empty() ? " (provisional: calendar " + cal.id() + " lists no holidays)"
                   : " (provisional: calendar " + cal.id() + " covers " + c.from.to_string() + " to " +
                         c.to.to_string() + " only)";
}
}  // namespace

std::string deadline_name(const Deadline& d) { return "after " + d.after.to_string(); }

void schedule(const Procedure& p, const WorkingDayCalendar& cal, int state, Instant entered,
              std::vector<PendingDeadline>& out) {
  const State& st = p.states[static_cast<std::size_t>(state)];
  out.clear();  // keeps the case's buffer: most states have as many deadlines as the last
  for (std::size_t i = 0; i < st.deadlines.size(); ++i) {
    const Projection due = cal.project(entered, st.deadlines[i].after);
    out.push_back(PendingDeadline{static_cast<int>(i), due.due, due.provisional});
  }
  std::sort(out.begin(), out.end(), earlier);
}

bool fire_due(Step& s, Instant upto, std::size_t step_start) {
  while (!s.c.closed && !s.c.pending.empty() && s.c.pending.front().due <= upto) {
    if (step_full(s, step_start)) return false;
    const PendingDeadline p = s.c.pending.front();
    s.c.pending.erase(s.c.pending.begin());
    fire_one(s, p);
  }
  return true;
}

std::optional<Instant> next_due(const Case& c) {
  if (c.pending.empty()) return std::nullopt;
  return c.pending.front().due;
}

void move_deadlines(Step& s, const WorkingDayCalendar& old_cal, Instant at) {
  const State& state = s.procedure.states[static_cast<std::size_t>(s.c.state)];
  for (auto& p : s.c.pending) {
    const Deadline& d = state.deadlines[static_cast<std::size_t>(p.deadline)];
    const Projection moved = s.calendar.project(s.c.entered_at, d.after);
    if (moved.due == p.due && moved.provisional == p.provisional) continue;
    const Date last = std::max(s.calendar.local_date(moved.due), s.calendar.local_date(p.due));
    HistoryRecord& r = add_record(s, RecordKind::DeadlineMoved, at);
    r.event = deadline_name(d);
    r.from = r.to = state.id;
    r.note = move_reason(old_cal, s.calendar, s.calendar.local_date(s.c.entered_at), last);
    r.note += moved.due == p.due ? "; due stays " + format_instant(p.due)
                                 : "; due moved from " + format_instant(p.due) + " to " + format_instant(moved.due);
    r.note += moved.provisional ? provisional_note(s.calendar, true)
                                : (p.provisional ? ", no longer provisional" : "");
    p.due = moved.due;
    p.provisional = moved.provisional;
    s.changed = true;
  }
  std::sort(s.c.pending.begin(), s.c.pending.end(), earlier);
}

}  // namespace izin::detail
