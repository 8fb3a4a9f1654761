// What the engine writes into journal entries, and reads back for replay
// and repeated idempotency keys. JSON text; nlohmann stays in the .cpp.
#pragma once

#include <string>
#include <string_view>

#include "izin/calendar.hpp"
#include "izin/engine.hpp"
#include "izin/outcome.hpp"
#include "izin/store.hpp"

// Shared with the store libraries beside the engine (stores/): exported from a shared izin.
#pragma GCC visibility push(default)

namespace izin::detail {

// An Open entry's payload: the request, and everything replay needs to redo it.
struct OpenPayload {
  OpenRequest request;
  std::string case_id;
  int version = 0;
  std::string calendar;  // fingerprint of the calendar the case opened under
};

// The payload of an Open entry.
std::string encode_open(const OpenPayload& p);
OpenPayload decode_open(std::string_view text);
// The payload of a Fire entry: the event request.
std::string encode_event(const EventRequest& r);
// The same into `out`, reusing its storage.
void encode_event(const EventRequest& r, std::string& out);
EventRequest decode_event(std::string_view text);
// Decodes everything replay and a repeated key read of an entry (payload,
// result); throws CodecError when any of it is damaged.
void check_journal_entry(const JournalEntry& e);
// The result of an entry: the Outcome returned to the caller.
std::string encode_outcome(const Outcome& o);
Outcome decode_outcome(std::string_view text);

// A calendar as canonical JSON text (equal calendars give equal text).
std::string encode_calendar(const WorkingDayCalendar& cal);
CalendarPtr decode_calendar(std::string_view text);
// A short stable digest of a text (FNV-1a 64, hex).
std::string fingerprint(std::string_view text);

// The payload of a Calendar entry: the calendar before and after the change.
std::string encode_calendar_change(const std::string& before, const std::string& after);
// The calendar before (first) and after (second) a Calendar entry.
std::pair<CalendarPtr, CalendarPtr> decode_calendar_change(std::string_view text);

}  // namespace izin::detail

#pragma GCC visibility pop
