// Rebuilding a case from its journal alone, through the same steps the live
// engine ran, to check that the stored case is what its inputs give.
#include "engine_impl.hpp"
#include "codec.hpp"
#include "engine_journal.hpp"

namespace izin {

namespace {
// The calendar a case opened under: known to the engine by fingerprint, or
// the `before` of the case's first journaled calendar change.
CalendarPtr opening_calendar(const CalendarPtr& fallback, const std::map<std::string, CalendarPtr, std::less<>>& known,
                             const Procedure& p, const std::string& print, const std::vector<JournalEntry>& entries) {
  if (p.calendar.empty()) return fallback;
  if (const auto it = known.find(print); it != known.end()) return it->second;
  for (const auto& e : entries)
    if (e.kind == JournalEntry::Kind::Calendar) return detail::decode_calendar_change(e.payload).first;
  throw StoreError("cannot replay: calendar '" + p.calendar + "' as it was when the case opened (fingerprint " +
                   print + ") is not known to the engine");
}
}  // namespace

Case Engine::Impl::rebuild(const std::vector<JournalEntry>& entries) const {
  Case c;
  const Procedure* p = nullptr;
  CalendarPtr cal;
  for (const JournalEntry& e : entries) {
    if (e.kind == JournalEntry::Kind::Open) {
      const detail::OpenPayload open = detail::decode_open(e.payload);
      p = find_procedure(open.request.procedure, open.version);
      if (!p) throw StoreError("cannot replay: procedure " + open.request.procedure + " version " +
                               std::to_string(open.version) + " is not known to the engine");
      cal = opening_calendar(fallback, calendar_versions, *p, open.calendar, entries);
      detail::Step s{*p, *cal, c, lang, {}, false};
      detail::open_case(s, open.request, open.case_id, e.at);
      c.calendar = open.calendar;
      continue;
    }
    if (!p) throw StoreError("cannot replay: the journal does not start with the case's opening");
    CalendarPtr before = cal;
    if (e.kind == JournalEntry::Kind::Calendar) cal = detail::decode_calendar_change(e.payload).second;
    detail::Step s{*p, *cal, c, lang, {}, false};
    if (e.kind == JournalEntry::Kind::Calendar) {
      detail::move_deadlines(s, *before, e.at);
      c.calendar = detail::fingerprint(detail::encode_calendar(*cal));
    } else if (e.kind == JournalEntry::Kind::Fire) {
      detail::take_event(s, detail::decode_event(e.payload), e.at);
    } else {
      detail::fire_due(s, e.at, c.history.size());
    }
    if (s.changed) ++c.revision;
  }
  return c;
}

std::optional<Case> Engine::replay(const std::string& case_id) {
  const std::vector<JournalEntry> entries = impl_->store.journal(case_id);
  if (entries.empty()) return std::nullopt;
  std::uint64_t sequence = 0;  // the entry being replayed, to name a damaged one
  try {
    for (const JournalEntry& e : entries) {
      sequence = e.sequence;
      detail::check_journal_entry(e);
    }
    return impl_->rebuild(entries);
  } catch (const CodecError& e) {
    DamagedCase damage{case_id, "journal row " + std::to_string(sequence), e.what()};
    throw DamagedCaseError(damage, "case " + case_id + ": " + damage.where + " is damaged (" + damage.problem +
                                       "); the case is quarantined, see izin doctor");
  }
}

bool Engine::repair(const std::string& case_id) {
  std::optional<Case> rebuilt = replay(case_id);
  if (!rebuilt) return false;
  impl_->cache.erase(case_id);
  impl_->store.repair_case(*rebuilt, detail::next_due(*rebuilt));
  return true;
}

}  // namespace izin
