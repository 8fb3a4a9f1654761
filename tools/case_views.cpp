// `izin case show|list|verify`: read cases back, and check that each one
// replays from its journal to exactly what is stored.
#include <algorithm>
#include <iostream>
#include <memory>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/words.hpp"

namespace izin::cli {
namespace {

// Inputs of show, list and verify.
struct ViewInput {
  CaseOptions options;
  std::string case_id, procedure, state;
  bool overdue = false;
  std::size_t limit = 0;      // list: cases per page; 0 with no cursor or role: the whole list
  std::string cursor, role;   // list: a page's next cursor; the role that may act now
};

// " (provisional)" after a date the calendar may still move, in the reader's language.
std::string provisional_mark(bool provisional, Language lang) {
  return provisional ? " (" + phrase(Word::Provisional, lang) + ")" : "";
}

// "pbg v1  state pemeriksaan  closed (granted)": where the case is.
std::string header_text(const Engine& engine, const Case& c, Language lang) {
  return phrase(Word::CaseHeader, lang, {c.id, c.procedure, std::to_string(c.version), state_of(engine, c)}) +
         (c.closed ? phrase(Word::CaseClosed, lang, {outcome_text(c.outcome, lang)}) : "") + "\n";
}

// The SLA line: due date, working days used, paused or running (or overdue).
std::string sla_text(const Engine& engine, const Case& c, Instant now, Language lang) {
  const auto p = engine.procedure(c.procedure, c.version);
  const SlaStatus sla = engine.sla(c, now);
  if (!p || !sla.declared || !p->sla) return phrase(Word::SlaNone, lang) + "\n";
  const std::string days = duration_text(Duration{p->sla->working_days, DurationUnit::WorkingDays}, lang);
  if (!sla.started || !sla.due) return phrase(Word::SlaNotStarted, lang, {days}) + "\n";
  std::string state = phrase(sla.paused ? Word::SlaPaused : Word::SlaRunning, lang);
  if (c.closed) state = phrase(sla.breached ? Word::SlaOverdue : Word::SlaClosedInTime, lang);
  else if (sla.breached) state += ", " + phrase(Word::SlaOverdue, lang);
  return phrase(Word::SlaLine, lang, {days, sla.due->to_string() + provisional_mark(sla.provisional, lang),
                                      std::to_string(sla.working_days_used), state}) + "\n";
}

// Pending deadlines of the current visit, due instants in office time.
std::string pending_text(const Engine& engine, const Case& c, Language lang) {
  const auto p = engine.procedure(c.procedure, c.version);
  if (!p || c.pending.empty() || c.state < 0) return "";
  const State& state = p->states[static_cast<std::size_t>(c.state)];
  std::string text = phrase(Word::PendingHeader, lang) + "\n";
  for (const auto& pending : c.pending) {
    if (pending.deadline < 0 || static_cast<std::size_t>(pending.deadline) >= state.deadlines.size()) continue;
    const Deadline& d = state.deadlines[static_cast<std::size_t>(pending.deadline)];
    const std::string after = phrase(Word::After, lang, {duration_text(d.after, lang)});
    const std::string due = local_time(engine, c, pending.due) + provisional_mark(pending.provisional, lang);
    if (d.is_transition())
      text += phrase(Word::PendingTransition, lang, {after, p->states[static_cast<std::size_t>(d.target)].id, due}) +
              (d.deemed ? phrase(Word::Deemed, lang) : "") + "\n";
    else
      text += phrase(Word::PendingNotify, lang, {after, p->roles[static_cast<std::size_t>(d.notify_role)].id, due}) + "\n";
  }
  return text;
}

// Fees as known now: an amount, or what is still needed to compute it.
std::string fees_text(const Engine& engine, const Case& c, Language lang) {
  const auto fees = engine.fees(c);
  if (fees.empty()) return "";
  std::string text = phrase(Word::FeesHeader, lang) + "\n";
  for (const auto& f : fees) {
    std::string needs;
    for (const auto& m : f.missing_fields) needs += (needs.empty() ? "" : ", ") + m;
    const std::string amount = f.amount          ? f.amount->to_rupiah()
                               : !f.error.empty() ? phrase(Word::FeeError, lang, {f.error})
                                                  : phrase(Word::FeeUnknown, lang, {needs});
    text += "  " + f.fee + (f.label.empty() ? "" : " (" + f.label + ")") + ": " + amount + "\n";
  }
  return text;
}

// The events the case takes now and who may fire each.
std::string events_text(const Engine& engine, const Case& c, Language lang) {
  std::string text = phrase(Word::EventsHeader, lang) + "\n";
  const auto events = engine.available_events(c);
  if (events.empty()) return text + phrase(Word::EventsNone, lang) + "\n";
  for (const auto& e : events) {
    std::string who;
    for (const auto& r : e.roles) who += (who.empty() ? "" : phrase(Word::Or, lang)) + r;
    text += phrase(Word::EventBy, lang, {e.event, who.empty() ? phrase(Word::AnyRole, lang) : who}) + "\n";
  }
  return text;
}

// The history, instants in office time; deadline entries in `lang`.
std::string history_text(const Engine& engine, const Case& c, Language lang) {
  std::string text = phrase(Word::HistoryHeader, lang) + "\n";
  for (const auto& r : c.history) {
    const std::string event = r.event.empty() ? phrase(Word::OpenEvent, lang) : deadline_event_text(r.event, lang);
    text += phrase(Word::HistoryLine, lang, {std::to_string(r.sequence), local_time(engine, c, r.at),
                                             r.actor.user + "/" + r.actor.role, event, r.from, r.to}) +
            (r.deemed ? phrase(Word::Deemed, lang) : "") + "\n";
  }
  return text;
}

// A case as text: where it is, its SLA, deadlines, fees, what can be done, and its history.
std::string case_text(const Engine& engine, const Case& c, Instant now, Language lang) {
  return header_text(engine, c, lang) + sla_text(engine, c, now, lang) + pending_text(engine, c, lang) +
         fees_text(engine, c, lang) + events_text(engine, c, lang) + history_text(engine, c, lang);
}

// The case's JSON with what `show` adds: SLA, fees and the events it takes now (instants stay ISO 8601).
nlohmann::json case_json(const Engine& engine, const Case& c, Instant now) {
  nlohmann::json json = nlohmann::json::parse(to_json_text(c));
  const SlaStatus sla = engine.sla(c, now);
  json["sla_status"] = {{"declared", sla.declared}, {"started", sla.started},
                        {"due", sla.due ? nlohmann::json(sla.due->to_string()) : nlohmann::json()},
                        {"working_days_used", sla.working_days_used}, {"paused", sla.paused}, {"breached", sla.breached},
                        {"provisional", sla.provisional}};
  json["available_events"] = nlohmann::json::array();
  for (const auto& e : engine.available_events(c)) json["available_events"].push_back({{"event", e.event}, {"roles", e.roles}});
  return json;
}

void run_show(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  const auto c = s->engine->find(in.case_id);
  if (!c) throw std::invalid_argument("no case '" + in.case_id + "' in " + in.options.db);
  const Instant now = s->clock.now();
  print(in.options, case_json(*s->engine, *c, now), case_text(*s->engine, *c, now, s->language));
}

// Whether a case is late: a pending deadline has passed, or its SLA is breached.
bool is_overdue(const CaseSession& s, const Case& c) {
  const auto now = s.clock.now();
  for (const auto& p : c.pending)
    if (p.due <= now) return true;
  return !c.closed && s.engine->sla(c, now).breached;
}

// `case list` with --limit, --cursor or --role: one page through Engine::find_cases.
// --overdue here is a pending deadline passed (the store query does not judge SLAs).
void run_page(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  CaseQuery q;
  q.procedure = in.procedure;
  if (!in.state.empty()) q.states = {in.state};
  if (in.overdue) q.overdue_at = s->clock.now();
  q.role = in.role;
  q.limit = in.limit > 0 ? in.limit : 50;
  q.cursor = in.cursor;
  const CasePage page = s->engine->find_cases(q);
  nlohmann::json rows = nlohmann::json::array();
  std::string text;
  for (const CaseSummary& c : page.cases) {
    nlohmann::json row = {{"id", c.id}, {"procedure", c.procedure}, {"version", c.version}, {"state", c.state},
                          {"closed", c.closed}, {"opened_at", format_instant(c.opened_at)}};
    if (c.next_due) row["next_due"] = format_instant(*c.next_due);
    rows.push_back(row);
    text += c.id + "  " + c.procedure + " v" + std::to_string(c.version) + "  " + c.state +
            (c.closed ? phrase(Word::ListClosed, s->language) : "") + "\n";
  }
  if (!page.next_cursor.empty()) text += "--cursor " + page.next_cursor + "\n";
  print(in.options, {{"cases", rows}, {"total", page.total}, {"next_cursor", page.next_cursor}}, text);
}

void run_list(const ViewInput& in) {
  if (in.limit > 0 || !in.cursor.empty() || !in.role.empty()) return run_page(in);
  auto s = open_session(in.options, Access::Read);
  nlohmann::json rows = nlohmann::json::array();
  std::string text;
  for (const auto& c : s->store->load_cases(CaseFilter{in.procedure, in.state, false})) {
    if (in.overdue && !is_overdue(*s, c)) continue;
    const auto state = state_of(*s->engine, c);
    rows.push_back({{"id", c.id}, {"procedure", c.procedure}, {"version", c.version}, {"state", state},
                    {"closed", c.closed}, {"opened_at", format_instant(c.opened_at)}});
    text += c.id + "  " + c.procedure + " v" + std::to_string(c.version) + "  " + state +
            (c.closed ? phrase(Word::ListClosed, s->language) : "") + "\n";
  }
  print(in.options, {{"cases", rows}}, text);
}

// Damaged cases as JSON rows and text lines, for verify and doctor.
void add_damaged(const std::vector<DamagedCase>& damaged, nlohmann::json& rows, std::string& text, Language lang) {
  for (const auto& d : damaged) {
    rows.push_back({{"case", d.case_id}, {"row", d.where}, {"problem", d.problem}});
    text += phrase(Word::Quarantined, lang, {d.case_id, d.where, d.problem}) + "\n";
  }
}

void run_verify(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  std::vector<std::string> mismatches;
  std::size_t replayed = 0;
  const auto damaged = quarantined_cases(*s, &mismatches, &replayed);
  std::string text = phrase(Word::Replayed, s->language,
                            {std::to_string(replayed), std::to_string(mismatches.size()), std::to_string(damaged.size())}) +
                     "\n";
  for (const auto& id : mismatches) text += phrase(Word::Mismatch, s->language, {id}) + "\n";
  nlohmann::json quarantined = nlohmann::json::array();
  add_damaged(damaged, quarantined, text, s->language);
  print(in.options, {{"cases", replayed}, {"mismatches", mismatches}, {"quarantined", quarantined}}, text);
  exit_status() = mismatches.empty() && damaged.empty() ? 0 : 1;
}

}  // namespace

std::vector<DamagedCase> quarantined_cases(CaseSession& s, std::vector<std::string>* mismatches, std::size_t* replayed) {
  std::vector<DamagedCase> damaged = s.store->damaged_cases();
  const auto all = s.store->load_cases({});
  if (replayed) *replayed = all.size();
  for (const auto& c : all) {
    try {
      const auto rebuilt = s.engine->replay(c.id);
      if (mismatches && (!rebuilt || *rebuilt != c)) mismatches->push_back(c.id);
    } catch (const DamagedCaseError& e) {
      const auto same = [&](const DamagedCase& d) { return d.case_id == e.damage.case_id; };
      if (std::none_of(damaged.begin(), damaged.end(), same)) damaged.push_back(e.damage);
    }
  }
  std::sort(damaged.begin(), damaged.end(), [](const auto& a, const auto& b) { return a.case_id < b.case_id; });
  return damaged;
}

// Registers show, list and verify under `izin case`.
void add_case_view_commands(CLI::App& cases) {
  auto in = std::make_shared<ViewInput>();
  auto* show = cases.add_subcommand("show", "Show a case and its history");
  show->add_option("case", in->case_id, "case id")->required();
  add_case_options(*show, in->options);
  show->callback([in] { run_guarded([in] { run_show(*in); }); });
  auto* list = cases.add_subcommand("list", "List cases");
  list->add_option("--procedure", in->procedure, "only this procedure");
  list->add_option("--state", in->state, "only cases in this state");
  list->add_flag("--overdue", in->overdue, "only cases past a deadline or their SLA");
  list->add_option("--limit", in->limit, "cases per page (then --overdue means past a deadline only)");
  list->add_option("--cursor", in->cursor, "the next page: the cursor the previous page printed");
  list->add_option("--role", in->role, "only cases this role may act on now");
  add_case_options(*list, in->options);
  list->callback([in] { run_guarded([in] { run_list(*in); }); });
  auto* verify = cases.add_subcommand("verify", "Replay every case from its journal and compare with the stored case");
  add_case_options(*verify, in->options);
  verify->callback([in] { run_guarded([in] { run_verify(*in); }); });
}

}  // namespace izin::cli
