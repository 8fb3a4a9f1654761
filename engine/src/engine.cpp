// The engine's public face: registering procedures, opening cases, and
// answering questions about a case (SLA, fees, what can be done next).
#include <algorithm>
#include <stdexcept>

#include "engine_impl.hpp"
#include "engine_journal.hpp"
#include "refusal.hpp"

namespace izin {

Engine::Engine(const Clock& clock, Store& store, Language lang)
    : impl_(std::make_unique<Impl>(clock, store, lang)) {}

Engine::~Engine() = default;

void Engine::set_notification_sink(NotificationSink* sink) { impl_->sink = sink; }

void Engine::set_case_cache(std::size_t cases) {
  impl_->cache_limit = cases;
  impl_->trim_cache();
  if (impl_->dropped.size() > cases / 2) impl_->dropped.resize(cases / 2);
}

void Engine::add_procedure(ProcedurePtr procedure) {
  if (!procedure) throw std::invalid_argument("Engine::add_procedure: null procedure");
  auto& versions = impl_->procedures[procedure->id];
  const auto known = std::find_if(versions.begin(), versions.end(),
                                  [&](const ProcedurePtr& p) { return p->version == procedure->version; });
  if (known != versions.end()) {
    // The same text again is harmless; another text under the same version would
    // silently change what open cases of that version mean.
    const bool same = *known == procedure || (!procedure->source.empty() && (*known)->source == procedure->source);
    if (same) return;
    throw std::invalid_argument("Engine::add_procedure: " + procedure->id + " version " +
                                std::to_string(procedure->version) + " is already registered (from " +
                                ((*known)->file.empty() ? "code" : (*known)->file) + ") with a different text than " +
                                (procedure->file.empty() ? "this one" : procedure->file) +
                                "; give the change a new version number");
  }
  versions.push_back(procedure);
  std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) { return a->version < b->version; });
  impl_->store.save_procedure(ProcedureSource{procedure->id, procedure->version, procedure->file, procedure->source,
                                              procedure->source_hash});
}

ProcedurePtr Engine::procedure(std::string_view id, int version) const {
  const auto it = impl_->procedures.find(id);
  if (it == impl_->procedures.end() || it->second.empty()) return nullptr;
  if (version == 0) return it->second.back();
  for (const auto& p : it->second)
    if (p->version == version) return p;
  return nullptr;
}

std::vector<ProcedurePtr> Engine::procedures() const {
  std::vector<ProcedurePtr> out;
  for (const auto& [id, versions] : impl_->procedures) out.insert(out.end(), versions.begin(), versions.end());
  return out;
}

Outcome Engine::open(const OpenRequest& request) {
  Impl& impl = *impl_;
  impl.trim_cache();
  Outcome o;
  if (const auto what = detail::invalid_text(request, impl.lang)) {
    o.refusal = detail::refuse_invalid_text(*what, impl.lang);
    return o;
  }
  const Procedure* p = impl.find_procedure(request.procedure, 0);
  if (!p) {
    o.refusal = detail::refuse_unknown_procedure(request.procedure, impl.lang);
    return o;
  }
  const Instant at = impl.clock.now();
  LiveCase fresh;
  detail::Step s{*p, impl.calendar_for(*p), fresh.c, impl.lang, {}, false};
  try {
    if (auto refusal = detail::open_case(s, request, "", at)) {
      o.refusal = std::move(refusal);
      return o;
    }
  } catch (const std::out_of_range& e) {
    // A deadline past 9999-12-31: nothing was stored yet, so the case is simply not opened.
    o.refusal = detail::refuse_out_of_range(e.what(), impl.lang);
    return o;
  }
  if (!request.case_id.empty() && impl.case_exists(request.case_id)) {
    o.refusal = detail::refuse_case_exists(request.case_id, impl.lang);
    return o;
  }
  fresh.c.id = request.case_id.empty() ? impl.store.allocate_case_id(p->id) : request.case_id;
  fresh.c.calendar = impl.calendar_print(*p);
  impl.describe(s, 0, "", o);
  o.accepted = true;
  const detail::OpenPayload payload{request, fresh.c.id, p->version, fresh.c.calendar};
  JournalEntry e{1, at, JournalEntry::Kind::Open, request.actor, "", detail::encode_open(payload), "", "", true};
  const std::optional<Instant> due = detail::next_due(fresh.c);
  std::vector<CaseCommit> batch;  // not a braced list: that would copy the case
  batch.push_back(CaseCommit{std::move(fresh.c), 0, std::move(e), due});
  std::vector<Change> changes;
  try {
    changes = impl.commit(batch);
  } catch (const ConflictError&) {
    // Another desk opened the same explicit id first: that is an existing case, not a race to retry.
    if (!request.case_id.empty() && impl.case_exists(request.case_id))
      return Outcome{false, detail::refuse_case_exists(o.case_id, impl.lang), false, o.case_id, "", "", {}, {}, {}, {}, false};
    return Outcome{false, detail::refuse_conflict(o.case_id, impl.lang), false, o.case_id, "", "", {}, {}, {}, {}, false};
  }
  impl.restore(batch);
  impl.announce(changes, {});  // opening fires no deadline, so raises no notification
  return o;
}

std::optional<Case> Engine::find(const std::string& case_id) {
  // The store is the truth (another process may have moved the case); a
  // cached copy that differs is dropped.
  std::optional<Case> stored = impl_->store.load_case(case_id);
  const auto cached = impl_->cache.find(case_id);
  if (cached != impl_->cache.end() && (!stored || cached->second.c.revision != stored->revision))
    impl_->cache.erase(cached);
  return stored;
}

SlaStatus Engine::sla(const Case& c, Instant at) const {
  const Procedure* p = impl_->find_procedure(c.procedure, c.version);
  if (!p) return SlaStatus{};
  return detail::sla_status(*p, impl_->calendar_for(*p), c, at);
}

std::vector<FeeValue> Engine::fees(const Case& c) const {
  const Procedure* p = impl_->find_procedure(c.procedure, c.version);
  if (!p) return {};
  return detail::compute_fees(*p, c);
}

std::vector<AvailableEvent> Engine::available_events(const Case& c) const {
  const Procedure* p = impl_->find_procedure(c.procedure, c.version);
  if (!p || c.closed || c.state < 0) return {};
  std::vector<AvailableEvent> out;
  std::vector<bool> anyone;  // by out index: some transition on the event has no `by`
  for (const std::string& event : detail::state_events(*p, c.state)) {
    out.push_back({event, {}});
    anyone.push_back(false);
  }
  for (const Transition& t : p->states[static_cast<std::size_t>(c.state)].transitions) {
    std::size_t i = 0;
    while (out[i].event != t.event) ++i;
    anyone[i] = anyone[i] || t.roles.empty();
    for (const int r : t.roles) {
      const std::string& role = p->roles[static_cast<std::size_t>(r)].id;
      if (std::find(out[i].roles.begin(), out[i].roles.end(), role) == out[i].roles.end()) out[i].roles.push_back(role);
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (anyone[i]) out[i].roles.clear();
  return out;
}

CalendarPtr Engine::calendar(const Case& c) const {
  const Procedure* p = impl_->find_procedure(c.procedure, c.version);
  if (!p) return nullptr;
  if (p->calendar.empty()) return impl_->fallback;
  const auto it = impl_->calendars.find(p->calendar);
  return it == impl_->calendars.end() ? nullptr : it->second;
}

}  // namespace izin
