// The engine's core steps on one case, free of any store: opening, events,
// deadlines, calendar moves. Engine (live) and replay both drive these, so a
// replayed case is the same code's answer to the same inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/case.hpp"
#include "izin/engine.hpp"
#include "izin/outcome.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// Whether `e` names a data field that has no value (or no such field): what
// fields_read would find missing, without building the list.
bool reads_missing_field(const Expr& e, const std::vector<Value>& data);

// One call's work on one case: the rules it runs under and what it did.
struct Step {
  const Procedure& procedure;
  const WorkingDayCalendar& calendar;
  Case& c;
  Language lang;
  std::vector<Notification> notifications;  // escalations sent by this step
  bool changed = false;                     // the case changed (revision +1 at the end)
};

// Appends a new history record at `at`, by the engine unless told otherwise.
HistoryRecord& add_record(Step& s, RecordKind kind, Instant at);

// Replaces `out` with the pending deadlines of a fresh visit to `state`
// entered at `entered`, earliest first.
void schedule(const Procedure& p, const WorkingDayCalendar& cal, int state, Instant entered,
              std::vector<PendingDeadline>& out);

// Moves the case into `target` at `at`: a new visit (its `after` lines
// restart), SLA start/pause bookkeeping, closing on a final state.
void enter_state(Step& s, int target, Instant at, bool deemed);

// The most records one catch-up step may write: a deadline loop over a long
// jump cannot run away, while any realistic catch-up (years of daily rounds)
// fires whole, exactly as the language says.
inline constexpr std::size_t kCatchUpRecordLimit = 1000;

// Fires every pending deadline due at or before `upto`, earliest first,
// including deadlines of states entered on the way (chains and loops). One
// catch-up step (its records start at history index `step_start`) writes at
// most kCatchUpRecordLimit records; the deadlines still due then stay
// pending for the next step. Returns false when it stopped there.
bool fire_due(Step& s, Instant upto, std::size_t step_start);

// Earliest pending deadline of the case, if any.
std::optional<Instant> next_due(const Case& c);

// Opens a case with `id` at `at`; a refusal when the request data does not fit.
std::optional<Refusal> open_case(Step& s, const OpenRequest& r, const std::string& id, Instant at);

// Applies an event at `at` (deadlines already fired); a refusal leaves the case untouched.
std::optional<Refusal> apply_event(Step& s, const EventRequest& r, Instant at);

// An event as one step: refused untouched when `at` is before the case's last
// record (time only moves forward), else the deadlines due by `at`, then the event.
std::optional<Refusal> take_event(Step& s, const EventRequest& r, Instant at);

// Re-projects pending deadlines under a replacement calendar and records each move.
void move_deadlines(Step& s, const WorkingDayCalendar& old_cal, Instant at);

// Checks caller data and documents against the procedure and writes them into
// `data`/`documents`, noting changes and newly submitted documents.
std::optional<Refusal> apply_input(const Procedure& p, const DataInput& input,
                                   const std::vector<std::string>& docs, std::vector<Value>& data,
                                   std::vector<bool>& documents, std::vector<DataChange>& changes,
                                   std::vector<std::string>& new_docs, Language lang);

// Runs `set` lines in order on `data`, each seeing the ones before, noting
// changes; a refusal names the first line that could not be computed.
std::optional<Refusal> run_sets(const Procedure& p, const std::vector<Assignment>& sets, std::vector<Value>& data,
                                const std::vector<bool>& documents, std::vector<DataChange>& changes, Language lang);

// Every fee of the case as known now (never zero for a missing input).
std::vector<FeeValue> compute_fees(const Procedure& p, const Case& c);
// The same into `out`, reusing its elements' strings.
void compute_fees(const Procedure& p, const Case& c, std::vector<FeeValue>& out);

// The events the case's current state takes, each once, in file order.
std::vector<std::string> state_events(const Procedure& p, int state);

// The SLA promise of a case as of `at` (docs/language.md, Fine points).
SlaStatus sla_status(const Procedure& p, const WorkingDayCalendar& cal, const Case& c, Instant at);

// "after 3 working days": how a deadline is named in history.
std::string deadline_name(const Deadline& d);

}  // namespace izin::detail
