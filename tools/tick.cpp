// `izin tick [--now INSTANT]`: fire every deadline due by now (or INSTANT)
// across all cases; run it from cron or a timer.
#include <memory>

#include "case_session.hpp"
#include "commands.hpp"

namespace izin::cli {
namespace {

// Inputs of tick.
struct TickInput {
  CaseOptions options;
  std::string now;
};

void run_tick(const TickInput& in) {
  auto s = open_session(in.options);
  Instant t = s->clock.now();
  if (!in.now.empty()) {
    // Without a zone the time could be UTC or the office's; make the caller say.
    const bool zoned = in.now.size() > 16 && (in.now.back() == 'Z' || in.now.find_first_of("+-", 16) != std::string::npos);
    const auto parsed = zoned ? parse_instant(in.now, 0) : std::nullopt;
    if (!parsed) throw std::invalid_argument("--now wants a time with its zone, 2026-03-16T09:00[:ss]Z or +08:00 (WITA), got '" + in.now + "'");
    t = *parsed;
  }
  const auto outcomes = s->engine->advance_to(t);
  std::string text = "tick " + format_instant(t) + ": " + std::to_string(outcomes.size()) + " deadline outcomes\n";
  for (const auto& o : outcomes) text += "  " + o.case_id + ": " + o.from + " -> " + o.to + "\n";
  nlohmann::json list = nlohmann::json::array();
  for (const auto& o : outcomes) list.push_back(nlohmann::json::parse(to_json_text(o)));
  print(in.options, {{"now", format_instant(t)}, {"outcomes", list}}, text);
}

}  // namespace

void add_tick_command(CLI::App& app) {
  auto in = std::make_shared<TickInput>();
  auto* cmd = app.add_subcommand("tick", "Fire every deadline due by now across all cases");
  cmd->add_option("--now", in->now, "instant to advance to (UTC unless an offset is given)");
  add_case_options(*cmd, in->options);
  cmd->callback([in] { run_guarded([in] { run_tick(*in); }); });
}

}  // namespace izin::cli
