// `izin tick [--now INSTANT] [--max-ahead DAYS] [--force]`: fire every
// deadline due by now (or INSTANT) across all cases; run it from cron or a
// timer. Time only moves forward and a fired deadline cannot be undone, so an
// INSTANT far ahead of the wall clock (a typo) needs --force.
#include <chrono>
#include <iostream>
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
  int max_ahead_days = 7;  // how far past the wall clock --now may go without --force
  bool force = false;
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

// Refuses an instant further ahead of the wall clock than --max-ahead unless
// --force: ticking fires every deadline up to it (a deemed permit is granted for good).
void check_ahead(Instant t, Instant wall, const TickInput& in) {
  const bool indonesian = choose_language(in.options.lang) == Language::Indonesian;
  if (in.max_ahead_days < 0)
    throw std::invalid_argument(indonesian ? "--max-ahead memerlukan jumlah hari, 0 atau lebih"
                                           : "--max-ahead wants a number of days, 0 or more");
  if (in.force || t <= wall + std::chrono::days{in.max_ahead_days}) return;
  const std::string when = format_instant(t), clock = format_instant(wall), days = std::to_string(in.max_ahead_days);
  throw std::invalid_argument(
      indonesian
          ? "--now " + when + " lebih dari " + days + " hari di depan jam komputer ini (" + clock +
                "); tick menjalankan setiap tenggat sampai saat itu dan tidak dapat dibatalkan (izin yang dianggap "
                "dikabulkan tetap terbit). Tambahkan --force bila memang dimaksud, atau --max-ahead HARI."
          : "--now " + when + " is more than " + days + " days ahead of this computer's clock (" + clock +
                "); a tick fires every deadline up to then and cannot be undone (a deemed permit stays granted). "
                "Add --force if you mean it, or --max-ahead DAYS.");
}

// Open cases the engine cannot advance: their procedure version is not
// registered, most often because its calendar does not load and none is kept.
std::vector<std::string> stranded(CaseSession& s) {
  std::vector<std::string> out;
  for (const auto& c : s.store->load_cases(CaseFilter{"", "", true}))
    if (!s.engine->procedure(c.procedure, c.version)) out.push_back(c.id + " (" + c.procedure + " v" + std::to_string(c.version) + ")");
  return out;
}

// IZ063 on stderr: a tick that leaves cases behind must not look like a quiet night.
void report_stranded(const std::vector<std::string>& cases, const ReloadReport& loaded, Language lang) {
  const bool id = lang == Language::Indonesian;
  std::cerr << "izin tick: IZ063 " << cases.size()
            << (id ? " kasus terbuka tidak dapat dijalankan: prosedur atau kalendernya tidak dapat dimuat\n"
                   : " open case(s) cannot advance: their procedure or its calendar does not load\n");
  for (const auto& c : cases) std::cerr << "  " << c << "\n";
  for (const auto& why : loaded.rejected) std::cerr << "  " << why << "\n";
}

void run_tick(const TickInput& in) {
  const Instant wall = SystemClock{}.now();
  const Instant t = in.now.empty() ? wall : parse_now(in.now);
  check_ahead(t, wall, in);
  auto s = open_session(in.options, Access::Write);
  s->clock.fixed = t;  // the engine fires deadlines up to its clock's now, never later
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
  const std::vector<std::string> left_behind = stranded(*s);
  nlohmann::json json{{"now", format_instant(t)}, {"outcomes", list}, {"quarantined", skipped}};
  if (!left_behind.empty()) json["stranded"] = left_behind;
  print(in.options, json, text);
  if (left_behind.empty()) return;
  report_stranded(left_behind, s->loaded, s->language);
  exit_status() = 2;
}

}  // namespace

void add_tick_command(CLI::App& app) {
  auto in = std::make_shared<TickInput>();
  auto* cmd = app.add_subcommand("tick", "Fire every deadline due by now across all cases");
  cmd->add_option("--now", in->now, "instant to advance to (UTC unless an offset is given)");
  cmd->add_option("--max-ahead", in->max_ahead_days, "days --now may lie ahead of the wall clock without --force")
      ->capture_default_str();
  cmd->add_flag("--force", in->force, "allow --now further ahead than --max-ahead (deadlines fired cannot be undone)");
  add_case_options(*cmd, in->options, Access::Write);
  cmd->callback([in] { run_guarded([in] { run_tick(*in); }); });
}

}  // namespace izin::cli
