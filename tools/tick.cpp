// `izin tick [--now INSTANT]`: fire every deadline due by now (or INSTANT)
// across all cases; run it from cron or a timer.
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/words.hpp"

namespace izin::cli {
namespace {

// Inputs of tick.
struct TickInput {
  CaseOptions options;
  std::string now;
};

// Whether text starts like a date, YYYY-MM-DD (whatever its numbers).
bool date_shaped(const std::string& text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (const int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return false;
  return true;
}

// --now as an instant; std::invalid_argument saying what is wrong with it.
Instant parse_now(const std::string& text) {
  // A date that is not in the calendar (2026-02-29) is that, whatever else the text says.
  if (date_shaped(text) && !Date::parse(text.substr(0, 10)))
    throw std::invalid_argument("--now " + text + ": the date " + text.substr(0, 10) +
                                " does not exist (no such day in that month and year)");
  // Without a zone the time could be UTC or the office's; make the caller say.
  const bool zoned = text.size() > 16 && (text.back() == 'Z' || text.find_first_of("+-", 16) != std::string::npos);
  const auto parsed = zoned ? parse_instant(text, 0) : std::nullopt;
  if (!parsed) throw std::invalid_argument("--now wants a time with its zone, 2026-03-16T09:00[:ss]Z or +08:00 (WITA), got '" + text + "'");
  return *parsed;
}

// The cases still due after a tick because they are quarantined (advance skips them).
std::vector<DamagedCase> quarantined_due(Store& store, Instant t) {
  std::vector<DamagedCase> out;
  for (const auto& id : store.due_cases(t)) {
    try {
      store.load_case(id);
    } catch (const DamagedCaseError& e) {
      out.push_back(e.damage);
    }
  }
  return out;
}

void run_tick(const TickInput& in) {
  const std::optional<Instant> now = in.now.empty() ? std::nullopt : std::optional<Instant>(parse_now(in.now));
  auto s = open_session(in.options, Access::Write);
  const Instant t = now ? *now : s->clock.now();
  const auto outcomes = s->engine->advance_to(t);
  std::string text = phrase(Word::Tick, s->language, {format_instant(t), std::to_string(outcomes.size())}) + "\n";
  for (const auto& o : outcomes) text += "  " + o.case_id + ": " + o.from + " -> " + o.to + "\n";
  nlohmann::json list = nlohmann::json::array();
  for (const auto& o : outcomes) list.push_back(nlohmann::json::parse(to_json_text(o)));
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& d : quarantined_due(*s->store, t)) {
    skipped.push_back(d.case_id);
    text += phrase(Word::TickSkipped, s->language, {d.case_id, d.where}) + "\n";
  }
  print(in.options, {{"now", format_instant(t)}, {"outcomes", list}, {"quarantined", skipped}}, text);
}

}  // namespace

void add_tick_command(CLI::App& app) {
  auto in = std::make_shared<TickInput>();
  auto* cmd = app.add_subcommand("tick", "Fire every deadline due by now across all cases");
  cmd->add_option("--now", in->now, "instant to advance to (UTC unless an offset is given)");
  add_case_options(*cmd, in->options, Access::Write);
  cmd->callback([in] { run_guarded([in] { run_tick(*in); }); });
}

}  // namespace izin::cli
