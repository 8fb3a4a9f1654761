// Schema 4 → 5: each case's snapshot records the calendar version its
// deadlines were projected on, read from its journal (the fingerprint is
// computed here, which SQL cannot do).
#include <map>

#include "engine_journal.hpp"
#include "sqlite_store_schema.hpp"

namespace izin::detail {

namespace {
// The calendar version a journal entry leaves the case on; "" when it does not say.
std::string calendar_after(const std::string& kind, const std::string& payload) {
  if (kind == "open") return decode_open(payload).calendar;
  return fingerprint(encode_calendar(*decode_calendar_change(payload).second));
}
}  // namespace

void record_case_calendars(SqliteDb& db) {
  std::map<std::string, std::string> on;  // case id → calendar version
  {
    SqliteQuery q(db, "SELECT case_id, kind, payload FROM journal WHERE kind IN ('open', 'calendar') "
                      "ORDER BY case_id, sequence", "reading the journal's calendar versions");
    while (q.step()) {
      try {
        on[q.text(0)] = calendar_after(q.text(1), q.text(2));
      } catch (const std::exception&) {
        on.erase(q.text(0));  // a damaged row: the case stays quarantined, as it was
      }
    }
  }
  for (const auto& [id, print] : on) {
    if (print.empty()) continue;
    SqliteQuery q(db, "UPDATE cases SET snapshot = json_set(snapshot, '$.calendar', ?1) "
                      "WHERE id = ?2 AND json_valid(snapshot)", "recording a case's calendar version");
    q.bind(1, print).bind(2, id).run();
  }
}

}  // namespace izin::detail
