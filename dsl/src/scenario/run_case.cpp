// Running one scenario case on a fresh engine, memory store and fake clock.
#include "scenario/run_case.hpp"

#include "izin/words.hpp"

#include "izin/clock.hpp"
#include "izin/engine.hpp"
#include "izin/store.hpp"
#include "scenario/check.hpp"

namespace izin::detail {
namespace {

// Collects the roles escalations went to, step by step and for the case.
class NotifiedRoles final : public NotificationSink {
 public:
  void notify(const Notification& n) override {
    step.push_back(n.role);
    all.push_back(n.role);
  }
  std::vector<std::string> step, all;
};

// Everything one case run needs, built fresh for each case.
struct CaseWorld {
  explicit CaseWorld(const Scenario& s, const ScenarioCase& c, Language language)
      : lang(language), clock(c.opened), store(make_memory_store()), engine(clock, *store, language) {
    engine.set_notification_sink(&sink);
    if (s.calendar) engine.set_calendar(s.calendar);
    engine.add_procedure(s.procedure);
  }
  Language lang;
  FakeClock clock;
  std::unique_ptr<Store> store;
  NotifiedRoles sink;
  Engine engine;
  std::string case_id;
};

// Adds a failure at `line` of the scenario file.
void fail(CaseRun& run, int line, std::string message) {
  run.result.failures.push_back(ScenarioFailure{run.result.file, line, std::move(message)});
}

// Checks expectations against the case as it is now.
void check_all(CaseRun& run, CaseWorld& w, const std::vector<Expectation>& expect,
               const Outcome* event, const std::vector<std::string>& notified) {
  const std::optional<Case> kase = w.engine.find(w.case_id);
  if (!kase) return fail(run, run.result.line, phrase(Word::CaseNotStored, w.lang, {w.case_id}));
  const StepResult r{w.engine, *kase, event, notified, w.clock.now(), w.lang};
  for (const auto& e : expect) {
    if (auto why = check_expectation(e, r)) fail(run, e.line, *why);
  }
}

// Fires or advances one step and checks it; false when it failed.
bool run_step(CaseRun& run, CaseWorld& w, const ScenarioStep& step) {
  if (step.at < w.clock.now()) {
    fail(run, step.line, phrase(Word::StepBeforePrevious, w.lang, {format_instant(step.at)}));
    return false;
  }
  const std::size_t before = run.result.failures.size();
  w.sink.step.clear();
  w.clock.set(step.at);
  if (!step.is_event) {
    w.engine.advance_to(step.at);
    check_all(run, w, step.expect, nullptr, w.sink.step);
    return run.result.failures.size() == before;
  }
  const EventRequest request{step.event, Actor{step.role, step.role}, step.data, step.documents, step.key};
  const Outcome out = w.engine.fire(w.case_id, request);
  if (auto why = check_not_refused(step, out, w.lang)) fail(run, step.line, *why);
  check_all(run, w, step.expect, &out, w.sink.step);
  return run.result.failures.size() == before;
}

}  // namespace

CaseRun run_case(const Scenario& scenario, const ScenarioCase& c, Language lang) {
  CaseRun run;
  run.result = ScenarioCaseResult{scenario.file, c.name, c.line, {}};
  CaseWorld w(scenario, c, lang);
  OpenRequest open{scenario.procedure->id, c.data, c.documents, Actor{"system", "system"}, ""};
  const Outcome opened = w.engine.open(open);
  if (!opened.accepted) {
    const std::string why = opened.refusal ? opened.refusal->message : phrase(Word::RefusedPlain, lang);
    fail(run, c.line, phrase(Word::CaseNotOpened, lang, {why}));
    return run;
  }
  w.case_id = opened.case_id;
  bool ok = true;
  for (const auto& step : c.steps) {
    if (!(ok = run_step(run, w, step))) break;
  }
  if (ok) check_all(run, w, c.expect, nullptr, w.sink.all);
  if (auto kase = w.engine.find(w.case_id)) run.history = kase->history;
  return run;
}

}  // namespace izin::detail
