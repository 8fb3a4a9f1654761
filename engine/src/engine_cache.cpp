// The engine's bookkeeping: registered procedures and calendars, the case
// cache, committing to the store, and describing what a step did.
#include <stdexcept>
#include <unordered_set>

#include "engine_impl.hpp"
#include "engine_journal.hpp"

namespace izin {

Engine::Impl::Impl(const Clock& clock_, Store& store_, Language lang_)
    : clock(clock_),
      store(store_),
      lang(lang_),
      fallback(std::make_shared<const WorkingDayCalendar>(
          "", "Monday to Friday", "UTC", 0, std::vector<std::chrono::weekday>{std::chrono::Saturday, std::chrono::Sunday},
          std::vector<Holiday>{}, Coverage::everything())) {}  // never provisional (docs/language.md)

const Procedure* Engine::Impl::find_procedure(std::string_view id, int version) const {
  const auto it = procedures.find(id);
  if (it == procedures.end() || it->second.empty()) return nullptr;
  if (version == 0) return it->second.back().get();
  for (const auto& p : it->second)
    if (p->version == version) return p.get();
  return nullptr;
}

const WorkingDayCalendar& Engine::Impl::calendar_for(const Procedure& p) const {
  if (p.calendar.empty()) return *fallback;
  const auto it = calendars.find(p.calendar);
  if (it == calendars.end())
    throw std::logic_error("procedure " + p.id + " uses calendar '" + p.calendar +
                           "', which was not given to the engine (Engine::set_calendar)");
  return *it->second;
}

const std::string& Engine::Impl::calendar_print(const Procedure& p) const {
  static const std::string none;
  if (p.calendar.empty()) return none;
  calendar_for(p);  // throws when missing
  return calendar_prints.find(p.calendar)->second;
}

LiveCase* Engine::Impl::live(const std::string& id) {
  if (const auto it = cache.find(id); it != cache.end()) return &it->second;
  if (dropped.empty()) {
    std::optional<Case> c = store.load_case(id);
    if (!c) return nullptr;
    return &cache.insert_or_assign(id, LiveCase{std::move(*c)}).first->second;
  }
  CacheNode node = std::move(dropped.back());
  dropped.pop_back();
  if (!store.load_case_into(id, node.mapped().c)) {
    dropped.push_back(std::move(node));
    return nullptr;
  }
  node.key() = id;
  return &cache.insert(std::move(node)).position->second;
}

LiveCase& Engine::Impl::slot(const std::string& id) {
  if (const auto it = cache.find(id); it != cache.end()) return it->second;
  if (dropped.empty()) return cache[id];
  CacheNode node = std::move(dropped.back());
  dropped.pop_back();
  node.key() = id;
  return cache.insert(std::move(node)).position->second;
}

bool Engine::Impl::case_exists(const std::string& id) {
  try {
    return store.load_case(id).has_value();
  } catch (const DamagedCaseError&) {
    return true;
  }
}

void Engine::Impl::trim_cache() {
  // Forget half, in hash order (arbitrary), not all: with more cases in
  // flight than the limit, the half kept still saves reloads.
  if (cache.size() <= cache_limit) return;
  while (cache.size() > cache_limit / 2) {
    CacheNode node = cache.extract(cache.begin());
    if (dropped.size() < cache_limit / 2) dropped.push_back(std::move(node));
  }
}

std::vector<Change> Engine::Impl::commit(std::vector<CaseCommit>& batch) {
  try {
    store.commit(batch);
  } catch (...) {
    for (const auto& cc : batch) cache.erase(cc.after.id);
    throw;
  }
  if (subscribers.empty()) return {};  // nobody to tell: no list of changes to build
  return store.last_commit_changes();
}

void Engine::Impl::restore(std::vector<CaseCommit>& batch) {
  if (batch.size() == 1) {  // the common single event: nothing to tell apart, nothing to allocate
    slot(batch.front().after.id).c = std::move(batch.front().after);
    return;
  }
  // The last commit of each case holds its newest state; earlier ones are snapshots.
  std::unordered_set<std::string> restored;
  for (auto it = batch.rbegin(); it != batch.rend(); ++it) {
    if (!restored.insert(it->after.id).second) continue;
    slot(it->after.id).c = std::move(it->after);
  }
}

void Engine::Impl::describe(const detail::Step& s, std::size_t start, const std::string& from, Outcome& o) const {
  const Case& c = s.c;
  o.accepted = false;
  o.refusal.reset();
  o.repeated = false;
  o.case_id = c.id;
  o.from = from;
  o.to = s.procedure.states[static_cast<std::size_t>(c.state)].id;
  o.records.assign(c.history.begin() + static_cast<std::ptrdiff_t>(start), c.history.end());
  o.deadlines = c.pending;
  o.notifications = s.notifications;
  detail::compute_fees(s.procedure, c, o.fees);
  o.deemed = c.deemed;
}

}  // namespace izin
