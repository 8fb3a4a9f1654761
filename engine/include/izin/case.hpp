// A case (one citizen's application) and what happens to it.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/procedure.hpp"
#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin {

// Who fired an event: a user in a role. The engine acts as user "system".
struct Actor {
  std::string user;
  std::string role;
  friend bool operator==(const Actor&, const Actor&) = default;
};

// One field changed by an event or a `set`.
struct DataChange {
  std::string field;
  Value before;
  Value after;
  friend bool operator==(const DataChange&, const DataChange&) = default;
};

// What kind of change a history record is.
enum class RecordKind : std::uint8_t {
  Opened,          // the case was opened
  Event,           // an accepted event (maybe a self-transition)
  Deadline,        // an automatic `after … -> target` fired
  Notification,    // an `after … notify` escalation was sent
  DeadlineSpent,   // an `after … when` guard was false at its due instant
  DeadlineMoved,   // a calendar change moved an open deadline
};

// One immutable entry of a case's history.
struct HistoryRecord {
  std::uint64_t sequence = 0;  // 1, 2, 3 … per case
  Instant at;
  RecordKind kind = RecordKind::Event;
  Actor actor;                 // {"system", "system"} for the engine
  std::string event;           // event name; for deadlines "after 26 working days"
  std::string from, to;        // state ids (equal for notifications)
  std::vector<DataChange> changes;
  std::vector<std::string> documents;  // newly submitted requirement ids
  bool deemed = false;
  std::string note;            // notification message; why a deadline moved
  friend bool operator==(const HistoryRecord&, const HistoryRecord&) = default;
};

// A deadline of the current state still waiting to fire this visit.
struct PendingDeadline {
  int deadline = -1;  // index into the state's deadlines
  Instant due;
  bool provisional = false;  // counted over days its calendar does not cover: may still move
  friend bool operator==(const PendingDeadline&, const PendingDeadline&) = default;
};

// The SLA clock of a case (docs/language.md, Fine points).
struct SlaClock {
  std::optional<Date> start;         // local date the clock started
  int paused_working_days = 0;       // finished paused visits
  std::optional<Date> paused_since;  // entry date of the current paused visit
  bool paused_provisional = false;   // a finished pause was counted over uncovered days
  friend bool operator==(const SlaClock&, const SlaClock&) = default;
};

// The full state of one case. Plain data: the engine changes it, the store
// saves it, replay rebuilds it.
struct Case {
  std::string id;
  std::string procedure;  // procedure id
  int version = 0;        // pinned procedure version
  int state = -1;         // state index in that version
  std::vector<Value> data;       // by data field index
  std::vector<bool> documents;   // by requirement index: submitted?
  Instant opened_at;
  Instant entered_at;            // start of the current visit
  std::vector<PendingDeadline> pending;
  SlaClock sla;
  bool closed = false;           // in a final state
  std::string outcome;           // of the final state
  bool deemed = false;           // the transition into the current state was deemed (closed: the one that ended it)
  std::string calendar;          // fingerprint of the calendar version its deadlines were projected on ("" without one)
  std::uint64_t revision = 0;    // +1 on every accepted change (optimistic concurrency)
  std::vector<HistoryRecord> history;

  friend bool operator==(const Case&, const Case&) = default;
};

}  // namespace izin

#pragma GCC visibility pop
