// Replacing a calendar while cases are open: their deadlines move, and each
// move is recorded and journaled so replay reproduces it.
#include "engine_impl.hpp"
#include "engine_journal.hpp"

namespace izin {

std::vector<Outcome> Engine::set_calendar(CalendarPtr calendar) {
  if (!calendar) throw std::invalid_argument("Engine::set_calendar: null calendar");
  Impl& impl = *impl_;
  impl.trim_cache();
  const std::string& id = calendar->id();
  std::string text = detail::encode_calendar(*calendar);
  const std::string print = detail::fingerprint(text);
  impl.calendar_versions[print] = calendar;
  const auto old = impl.calendars.find(id);
  const CalendarPtr before = old == impl.calendars.end() ? nullptr : old->second;
  const std::string before_text = before ? impl.calendar_texts[id] : std::string();
  impl.calendars[id] = calendar;
  impl.calendar_texts[id] = text;
  impl.calendar_prints[id] = print;
  if (before && before_text == text) return {};
  impl.store.save_calendar(CalendarSource{id, print, text});
  if (!before) return {};
  return impl.recalendar(*before, before_text, text);
}

std::vector<CalendarPtr> Engine::restore_calendars() {
  Impl& impl = *impl_;
  std::map<std::string, CalendarSource, std::less<>> in_force;
  for (CalendarSource& kept : impl.store.load_calendars()) {
    CalendarPtr cal;
    try {
      cal = detail::decode_calendar(kept.text);
    } catch (const std::exception& e) {
      throw StoreError("calendar version " + kept.hash + " (" + kept.id + ") kept in the store does not decode: " +
                       e.what());
    }
    // Keyed by the fingerprint of the text itself, as the journal's open entries name it.
    impl.calendar_versions[detail::fingerprint(kept.text)] = cal;
    in_force[kept.id] = std::move(kept);
  }
  std::vector<CalendarPtr> out;
  for (const auto& [id, kept] : in_force) {
    const std::string print = detail::fingerprint(kept.text);
    impl.calendars[id] = impl.calendar_versions.at(print);
    impl.calendar_texts[id] = kept.text;
    impl.calendar_prints[id] = print;
    out.push_back(impl.calendars[id]);
  }
  return out;
}

CalendarPtr Engine::calendar(std::string_view id) const {
  const auto it = impl_->calendars.find(id);
  return it == impl_->calendars.end() ? nullptr : it->second;
}

std::vector<Outcome> Engine::Impl::recalendar(const WorkingDayCalendar& before, const std::string& before_text,
                                              const std::string& after_text) {
  const WorkingDayCalendar& after = *calendars.at(detail::decode_calendar(after_text)->id());
  const Instant at = clock.now();
  const std::string payload = detail::encode_calendar_change(before_text, after_text);
  std::vector<std::string> ids;
  for (const auto& [pid, versions] : procedures) {
    bool uses = false;
    for (const auto& p : versions) uses = uses || p->calendar == after.id();
    if (!uses) continue;
    for (const Case& c : store.load_cases(CaseFilter{pid, "", true})) ids.push_back(c.id);
  }
  std::vector<Outcome> outcomes;
  std::vector<CaseCommit> commits;
  for (const std::string& id : ids) {
    LiveCase* lc = live(id);
    const Procedure* p = lc ? find_procedure(lc->c.procedure, lc->c.version) : nullptr;
    if (!p || lc->c.closed || p->calendar != after.id()) continue;
    detail::Step s{*p, after, lc->c, lang, {}, false};
    const std::size_t start = lc->c.history.size();
    const std::uint64_t expected = lc->c.revision;
    detail::move_deadlines(s, before, at);
    if (s.changed) {
      ++lc->c.revision;
      Outcome o = describe(s, start, p->states[static_cast<std::size_t>(lc->c.state)].id);
      o.accepted = true;
      outcomes.push_back(std::move(o));
    }
    JournalEntry e{0, at, JournalEntry::Kind::Calendar, Actor{"system", "system"}, after.id(),
                   payload, "", "", true};
    const std::optional<Instant> due = detail::next_due(lc->c);
    commits.push_back(CaseCommit{std::move(lc->c), expected, std::move(e), due});
  }
  if (!commits.empty()) {
    const std::vector<Change> changes = commit(commits);
    restore(commits);
    announce(changes, {});  // moving deadlines fires none
  }
  return outcomes;
}

}  // namespace izin
