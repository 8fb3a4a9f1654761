// A month at the office: applications arrive, staff and applicants act on
// them in office hours, deadlines fire when nobody acts.
#include <algorithm>
#include <map>
#include <queue>

#include "izin/expr.hpp"
#include "izin/office.hpp"
#include "office/applicant.hpp"
#include "office/office_hours.hpp"

namespace izin {
namespace {

using detail::Dice;

// One application on its way through the office.
struct Application {
  ProcedurePtr procedure;
  CalendarPtr calendar;
  std::string case_id;         // empty until opened
  Date filed;
  bool forgets_document = false;
  int silent_after = -1;       // staff stop acting after this many accepted events (-1: never)
  int accepted = 0, actions = 0;
  std::vector<int> visited;    // states the case has been in
  EventRequest retry;          // the refused event to fire again with the missing documents
};

// Something someone will do to an application at an instant.
struct Action {
  Instant at;
  std::uint64_t order = 0;  // ties broken by scheduling order
  std::size_t application = 0;
  bool operator>(const Action& o) const { return at != o.at ? at > o.at : order > o.order; }
};

// The month in progress.
struct Office {
  Engine& engine;
  FakeClock& clock;
  Dice dice;
  std::vector<Application> applications;
  std::priority_queue<Action, std::vector<Action>, std::greater<>> agenda;
  std::uint64_t scheduled = 0;
  OfficeActivity activity;

  void schedule(Instant at, std::size_t i) { agenda.push(Action{at, scheduled++, i}); }
};

// Newest version of each procedure, with its calendar (a plain Monday–Friday one when none).
std::vector<std::pair<ProcedurePtr, CalendarPtr>> office_procedures(const Library& lib) {
  static const CalendarPtr weekdays = std::make_shared<WorkingDayCalendar>(
      "weekdays", "Monday to Friday", "UTC", 0,
      std::vector<std::chrono::weekday>{std::chrono::Saturday, std::chrono::Sunday}, std::vector<Holiday>{}, Coverage::everything());
  std::map<std::string, std::pair<ProcedurePtr, CalendarPtr>> by_id;
  for (const auto& p : lib.procedures) {
    const ProcedurePtr newest = lib.newest(p->id);
    const CalendarPtr cal = newest->calendar.empty() ? nullptr : lib.calendars.find(newest->calendar);
    by_id[p->id] = {newest, cal ? cal : weekdays};
  }
  std::vector<std::pair<ProcedurePtr, CalendarPtr>> result;
  for (auto& [id, entry] : by_id) result.push_back(entry);
  return result;
}

// Files the month's applications, round-robin over the procedures.
void file_applications(Office& o, const Library& lib, const OfficeMonth& month) {
  const auto procedures = office_procedures(lib);
  if (procedures.empty()) return;
  for (int i = 0; i < month.cases; ++i) {
    const auto& [p, cal] = procedures[static_cast<std::size_t>(i) % procedures.size()];
    const std::vector<Date> days = detail::working_days(*cal, month.first, month.last);
    if (days.empty()) continue;
    const int window = std::max(1, static_cast<int>(days.size()) * 2 / 3);
    Application a;
    a.procedure = p;
    a.calendar = cal;
    a.filed = days[static_cast<std::size_t>(o.dice.below(window))];
    a.forgets_document = o.dice.chance(30);
    a.silent_after = i % 7 == 3 ? 1 : -1;
    o.applications.push_back(std::move(a));
    o.schedule(detail::office_time(*cal, o.applications.back().filed, o.dice), o.applications.size() - 1);
  }
}

// How much staff favour a transition: progress over loops and rejections.
int preference(const Procedure& p, const Application& a, const Transition& t) {
  const State& target = p.states[static_cast<std::size_t>(t.target)];
  if (target.final) return target.outcome == "granted" ? 100 : 8;
  const bool revisit = std::find(a.visited.begin(), a.visited.end(), t.target) != a.visited.end();
  return revisit ? 20 : 100;
}

// Whether the transition's `when` holds on the case as it stands: staff see
// the file, so they do not ask for a step whose condition is plainly false.
bool guard_holds(const Procedure& p, const Case& c, const Transition& t) {
  if (!t.guard) return true;
  const Evaluation e = evaluate(*t.guard, EvalContext{p, c.data, c.documents});
  return e.ok() && e.value.is_bool() && e.value.boolean();
}

// An event the case's state offers now whose condition holds, by a role allowed to fire it.
std::optional<EventRequest> choose_event(Office& o, const Application& a, const Case& c) {
  const std::vector<AvailableEvent> offered = o.engine.available_events(c);
  const Procedure& p = *a.procedure;
  std::vector<std::pair<const Transition*, int>> choices;
  int total = 0;
  for (const auto& t : p.states[static_cast<std::size_t>(c.state)].transitions) {
    if (std::none_of(offered.begin(), offered.end(), [&](const AvailableEvent& e) { return e.event == t.event; }))
      continue;
    if (!guard_holds(p, c, t)) continue;
    choices.emplace_back(&t, preference(p, a, t));
    total += choices.back().second;
  }
  int roll = o.dice.below(total);
  for (const auto& [t, weight] : choices) {
    if ((roll -= weight) >= 0) continue;
    const std::string role = !t->roles.empty() ? p.roles[static_cast<std::size_t>(t->roles[static_cast<std::size_t>(o.dice.below(static_cast<int>(t->roles.size())))])].id
                             : !p.roles.empty() ? p.roles.front().id : "system";
    return EventRequest{t->event, Actor{role + "-1", role}, {}, {}, ""};
  }
  return std::nullopt;
}

// Takes note of what an event did and decides the application's next step.
void take_note(Office& o, Application& a, const EventRequest& request, const Outcome& out) {
  const bool was_retry = !a.retry.event.empty();
  a.retry = EventRequest{};
  if (out.accepted) {
    ++o.activity.events;
    ++a.accepted;
    if (was_retry) ++o.activity.resubmitted;
    a.visited.push_back(a.procedure->state_index(out.to));
    return;
  }
  ++o.activity.refusals;
  const bool missing = out.refusal && out.refusal->code == RefusalCode::MissingDocuments;
  if (missing && o.dice.chance(85)) {  // most applicants come back with the papers
    a.retry = request;
    for (const auto& m : out.refusal->missing) a.retry.documents.push_back(m.requirement);
  }
}

// Opens the application's case with its data and (maybe incomplete) documents.
void open_case(Office& o, std::size_t i) {
  Application& a = o.applications[i];
  Dice& dice = o.dice;
  const DataInput data = detail::application_data(*a.procedure, a.filed, dice);
  OpenRequest request{a.procedure->id, data, detail::documents_brought(*a.procedure, data, dice, a.forgets_document),
                      Actor{"front_office-1", "front_office"}, ""};
  const Outcome out = o.engine.open(request);
  if (!out.accepted) return;
  ++o.activity.opened;
  a.case_id = out.case_id;
  a.visited.push_back(a.procedure->state_index(out.to));
  o.schedule(detail::next_office_time(*a.calendar, o.clock.now(), dice), i);
}

// Someone acts on the application now, then it waits for the next action.
void act(Office& o, std::size_t i) {
  Application& a = o.applications[i];
  if (a.case_id.empty()) return open_case(o, i);
  const std::optional<Case> c = o.engine.find(a.case_id);
  if (!c || c->closed || ++a.actions > 25) return;
  if (a.silent_after >= 0 && a.accepted >= a.silent_after) return;  // left to the deadlines
  std::optional<EventRequest> request = a.retry.event.empty() ? choose_event(o, a, *c) : a.retry;
  if (!request) return;
  const Outcome out = o.engine.fire(a.case_id, *request);
  take_note(o, a, *request, out);
  o.schedule(detail::next_office_time(*a.calendar, o.clock.now(), o.dice), i);
}

}  // namespace

OfficeActivity simulate_office_month(Engine& engine, FakeClock& clock, const Library& library,
                                     const OfficeMonth& month) {
  Office o{engine, clock, Dice(month.seed), {}, {}, 0, {}};
  file_applications(o, library, month);
  Instant end = clock.now();
  for (const auto& a : o.applications) end = std::max(end, a.calendar->end_of_day(month.last));
  while (!o.agenda.empty() && o.agenda.top().at <= end) {
    const Action next = o.agenda.top();
    o.agenda.pop();
    clock.set(std::max(clock.now(), next.at));
    engine.advance_to(clock.now());
    act(o, next.application);
  }
  clock.set(end);
  engine.advance_to(end);
  return o.activity;
}

}  // namespace izin
