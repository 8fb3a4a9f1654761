// `izin case show|list|verify`: read cases back, and check that each one
// replays from its journal to exactly what is stored.
#include <algorithm>
#include <iostream>
#include <memory>

#include "case_session.hpp"
#include "commands.hpp"

namespace izin::cli {
namespace {

// Inputs of show, list and verify.
struct ViewInput {
  CaseOptions options;
  std::string case_id, procedure, state;
  bool overdue = false;
};

// " (provisional)" after a date the calendar may still move, in the reader's language.
std::string provisional_mark(bool provisional) {
  if (!provisional) return "";
  return language_from_environment() == Language::Indonesian ? " (sementara)" : " (provisional)";
}

// A case as text: where it is, what falls due, and its history.
std::string case_text(const Engine& engine, const Case& c, const SlaStatus& sla) {
  std::string text = c.id + "  " + c.procedure + " v" + std::to_string(c.version) + "  state " + state_of(engine, c) +
                     (c.closed ? "  closed (" + c.outcome + ")" : "") + "\n";
  for (const auto& p : c.pending) text += "  due " + format_instant(p.due) + provisional_mark(p.provisional) + "\n";
  if (sla.started && sla.due && !c.closed)
    text += "  SLA due " + sla.due->to_string() + provisional_mark(sla.provisional) + "\n";
  for (const auto& r : c.history) {
    text += "  " + std::to_string(r.sequence) + ". " + format_instant(r.at) + "  " + r.actor.user + "/" + r.actor.role +
            "  " + (r.event.empty() ? "open" : r.event) + "  " + r.from + " -> " + r.to + "\n";
    if (r.kind == RecordKind::DeadlineMoved) text += "     " + r.note + "\n";
  }
  return text;
}

void run_show(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  const auto c = s->engine->find(in.case_id);
  if (!c) throw std::invalid_argument("no case '" + in.case_id + "' in " + in.options.db);
  const SlaStatus sla = s->engine->sla(*c, s->clock.now());
  nlohmann::json json = nlohmann::json::parse(to_json_text(*c));
  if (sla.started && sla.due)
    json["sla_status"] = {{"due", sla.due->to_string()}, {"provisional", sla.provisional}, {"breached", sla.breached}};
  print(in.options, json, case_text(*s->engine, *c, sla));
}

// Whether a case is late: a pending deadline has passed, or its SLA is breached.
bool is_overdue(const CaseSession& s, const Case& c) {
  const auto now = s.clock.now();
  for (const auto& p : c.pending)
    if (p.due <= now) return true;
  return !c.closed && s.engine->sla(c, now).breached;
}

void run_list(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  nlohmann::json rows = nlohmann::json::array();
  std::string text;
  for (const auto& c : s->store->load_cases(CaseFilter{in.procedure, in.state, false})) {
    if (in.overdue && !is_overdue(*s, c)) continue;
    const auto state = state_of(*s->engine, c);
    rows.push_back({{"id", c.id}, {"procedure", c.procedure}, {"version", c.version}, {"state", state},
                    {"closed", c.closed}, {"opened_at", format_instant(c.opened_at)}});
    text += c.id + "  " + c.procedure + " v" + std::to_string(c.version) + "  " + state + (c.closed ? "  closed" : "") + "\n";
  }
  print(in.options, {{"cases", rows}}, text);
}

// Damaged cases as JSON rows and text lines, for verify and doctor.
void add_damaged(const std::vector<DamagedCase>& damaged, nlohmann::json& rows, std::string& text) {
  for (const auto& d : damaged) {
    rows.push_back({{"case", d.case_id}, {"row", d.where}, {"problem", d.problem}});
    text += "  QUARANTINED " + d.case_id + "  " + d.where + ": " + d.problem + "\n";
  }
}

void run_verify(const ViewInput& in) {
  auto s = open_session(in.options, Access::Read);
  std::vector<std::string> mismatches;
  std::size_t replayed = 0;
  const auto damaged = quarantined_cases(*s, &mismatches, &replayed);
  std::string text = std::to_string(replayed) + " cases replayed, " + std::to_string(mismatches.size()) +
                     " mismatches, " + std::to_string(damaged.size()) + " quarantined\n";
  for (const auto& id : mismatches) text += "  MISMATCH " + id + "\n";
  nlohmann::json quarantined = nlohmann::json::array();
  add_damaged(damaged, quarantined, text);
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
  add_case_options(*list, in->options);
  list->callback([in] { run_guarded([in] { run_list(*in); }); });
  auto* verify = cases.add_subcommand("verify", "Replay every case from its journal and compare with the stored case");
  add_case_options(*verify, in->options);
  verify->callback([in] { run_guarded([in] { run_verify(*in); }); });
}

}  // namespace izin::cli
