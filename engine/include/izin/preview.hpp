// What a clerk tells a citizen at the counter: the date of every deadline
// of a new case along the procedure's main path, and the SLA due date.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <optional>
#include <string>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/procedure.hpp"
#include "izin/time.hpp"

namespace izin {

// One `after` line of a state on the main path, placed on the calendar.
struct PreviewDeadline {
  std::string text;         // "after 3 working days notify kepala_dinas"
  Instant due;              // the instant it fires
  Date last_day;            // the last local day before it fires
  bool automatic = false;   // moves the case (else an escalation)
  bool deemed = false;      // a deemed decision (fiktif positif)
  bool conditional = false; // has a `when` guard, so it may not apply
  bool provisional = false; // counted over days the calendar does not cover
  Duration after;           // as written, for front ends that word `text` in another language
  std::string target;       // state id it moves the case to ("" for an escalation)
  std::string notify;       // role id an escalation reminds ("" for a move)
};

// One state the case passes through on the main path.
struct PreviewStep {
  int state = -1;            // state index
  std::string id, label;
  bool paused = false;       // the SLA clock stops here
  Instant entered;           // assumed entry instant
  Instant left;              // assumed leaving instant (the last allowed moment)
  std::string leave_by;      // the event or `after …` assumed to move the case on
  std::vector<PreviewDeadline> deadlines;
};

// The main path of a case opened at one instant, on a real calendar.
//
// Assumptions (documented in docs/procedures.md): from each state the case
// follows the first transition in file order (events first, then automatic
// deadlines) that leaves the state, does not end in a final state other than
// the good one (outcome `granted`; when a procedure has none, any outcome
// other than `rejected`), and can still reach that good final without
// revisiting a state. Each step happens at its last allowed moment: just
// before the state's earliest unguarded automatic transition, else at its
// latest escalation, else at once.
struct DeadlinePreview {
  std::vector<PreviewStep> steps;  // the final state is the last step
  bool reached_final = false;      // false when no good path exists
  std::string outcome;             // of the final state reached
  bool deemed = false;             // reached by a deemed decision
  std::optional<Date> sla_start;   // local date the SLA clock starts
  int paused_working_days = 0;     // working days spent in paused states
  std::optional<Date> sla_due;     // last working day of the promise
  bool sla_provisional = false;    // its count or a paused count went over uncovered days
};

// Projects the main path of a case opened at `opened` (see DeadlinePreview).
DeadlinePreview preview_deadlines(const Procedure& procedure, const WorkingDayCalendar& calendar,
                                  Instant opened);

}  // namespace izin

#pragma GCC visibility pop
