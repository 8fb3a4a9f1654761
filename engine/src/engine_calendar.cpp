// Replacing a calendar while cases are open: their deadlines move, and each
// move is recorded and journaled so replay reproduces it.
#include <algorithm>

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
  const bool same = before && impl.calendar_texts[id] == text;
  impl.calendars[id] = calendar;
  impl.calendar_texts[id] = text;
  impl.calendar_prints[id] = print;
  if (same) return {};
  impl.store.save_calendar(CalendarSource{id, print, text});
  if (!before) return {};
  return impl.recalendar(id, *before);
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

CalendarPtr Engine::Impl::calendar_version(const std::string& print) {
  if (const auto it = calendar_versions.find(print); it != calendar_versions.end()) return it->second;
  // Installed by another process since this engine started: the store keeps every version.
  for (const CalendarSource& kept : store.load_calendars()) {
    try {
      calendar_versions.emplace(detail::fingerprint(kept.text), detail::decode_calendar(kept.text));
    } catch (const std::exception&) {
      // A version that does not decode cannot be re-projected from; restore_calendars reports it.
    }
  }
  const auto it = calendar_versions.find(print);
  return it == calendar_versions.end() ? nullptr : it->second;
}

std::optional<CaseCommit> Engine::Impl::align_calendar(Case& c, const Procedure& p, Instant at,
                                                       const WorkingDayCalendar* before) {
  if (p.calendar.empty() || c.closed) return std::nullopt;
  const std::string& print = calendar_print(p);
  if (c.calendar == print) return std::nullopt;
  const CalendarPtr was = c.calendar.empty() ? nullptr : calendar_version(c.calendar);
  const WorkingDayCalendar* from = was ? was.get() : (c.calendar.empty() ? before : nullptr);
  if (!from) return std::nullopt;  // its version is lost: keep the case as it is rather than guess
  const Instant stamp = c.history.empty() ? at : std::max(at, c.history.back().at);
  const std::uint64_t expected = c.revision;
  detail::Step s{p, calendar_for(p), c, lang, {}, false};
  detail::move_deadlines(s, *from, stamp);
  if (s.changed) ++c.revision;
  c.calendar = print;
  const std::string payload = detail::encode_calendar_change(detail::encode_calendar(*from), calendar_texts.at(p.calendar));
  JournalEntry e{0, stamp, JournalEntry::Kind::Calendar, Actor{"system", "system"}, p.calendar, payload, "", "", true};
  return CaseCommit{c, expected, std::move(e), detail::next_due(c)};
}

std::vector<Outcome> Engine::Impl::recalendar(const std::string& id, const WorkingDayCalendar& before) {
  std::vector<std::string> ids;
  for (const auto& [pid, versions] : procedures) {
    bool uses = false;
    for (const auto& p : versions) uses = uses || p->calendar == id;
    if (!uses) continue;
    for (const Case& c : store.load_cases(CaseFilter{pid, "", true})) ids.push_back(c.id);
  }
  std::vector<Outcome> outcomes;
  std::vector<CaseCommit> commits;
  for (const std::string& case_id : ids) {
    LiveCase* lc = live(case_id);
    const Procedure* p = lc ? find_procedure(lc->c.procedure, lc->c.version) : nullptr;
    if (!p || p->calendar != id) continue;
    const std::size_t start = lc->c.history.size();
    std::optional<CaseCommit> aligned = align_calendar(lc->c, *p, clock.now(), &before);
    if (!aligned) continue;
    if (lc->c.history.size() > start) {
      const detail::Step s{*p, calendar_for(*p), lc->c, lang, {}, false};
      Outcome o;
      describe(s, start, p->states[static_cast<std::size_t>(lc->c.state)].id, o);
      o.accepted = true;
      outcomes.push_back(std::move(o));
    }
    commits.push_back(std::move(*aligned));
  }
  if (!commits.empty()) {
    const std::vector<Change> changes = commit(commits);
    restore(commits);
    announce(changes, {});  // moving deadlines fires none
  }
  return outcomes;
}

}  // namespace izin
