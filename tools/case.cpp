// `izin case open|fire|show|list|verify`: run cases from the command line,
// thin over izin::Engine and the SQLite store.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <stdexcept>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/log.hpp"
#include "izin/open_store.hpp"
#include "izin/reload.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {

void add_case_options(CLI::App& cmd, CaseOptions& options, Access access) {
  cmd.add_option("--db", options.db, "case database (SQLite file or postgresql:// URL)")->capture_default_str();
  cmd.add_option("--procedures", options.procedures, "procedure directory")->capture_default_str();
  cmd.add_flag("--json", options.json, "print one JSON object");
  if (access != Access::Read)
    cmd.add_flag("--create", options.create, "make a new izin database if the file is missing or empty (0 bytes)");
  add_language_option(cmd, options.lang);
}

namespace {
// The library's warnings on stderr, as the command line has always shown them;
// its "registered …" lines are noise here, so info is dropped.
void log_warnings_to_stderr() {
  static const auto logger = [] {
    auto l = spdlog::get("izin.reload");
    return l ? l : spdlog::stderr_color_mt("izin.reload");
  }();
  set_log_sink([](LogLevel level, std::string_view line) {
    if (level == LogLevel::Warning) logger->warn("{}", line);
    if (level == LogLevel::Error) logger->error("{}", line);
  });
}
}  // namespace

std::unique_ptr<CaseSession> open_session(const CaseOptions& options, Access access) {
  log_warnings_to_stderr();
  auto s = std::make_unique<CaseSession>();
  s->language = choose_language(options.lang);
  SqliteOptions store;
  store.read_only = access == Access::Read;
  store.create_missing = access == Access::Open || options.create;
  store.adopt_empty = options.create;
  s->store = open_store(options.db, store);
  s->engine = std::make_unique<Engine>(s->clock, *s->store, s->language);
  s->loaded = reload(*s->engine, s->store.get(), options.procedures, LoadOptions{s->language, true});
  return s;
}

void run_guarded(const std::function<void()>& body) {
  try {
    body();
  } catch (const StoreError& e) {
    std::cerr << "izin: " << e.what() << "\n";
    exit_status() = 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "izin: " << e.what() << "\n";
    exit_status() = 2;
  }
}

void print(const CaseOptions& options, const nlohmann::json& json, const std::string& text) {
  if (options.json) std::cout << json.dump() << "\n";
  else std::cout << text;
}

std::string state_of(const Engine& engine, const Case& c) {
  const auto p = engine.procedure(c.procedure, c.version);
  return p && c.state >= 0 ? p->states[static_cast<std::size_t>(c.state)].id : "";
}

std::string local_time(const Engine& engine, const Case& c, Instant t) {
  const CalendarPtr cal = engine.calendar(c);
  return cal ? format_local(t, *cal) : format_instant(t);
}

namespace {

// Inputs of `case open` and `case fire`.
struct CaseInput {
  CaseOptions options;
  std::string procedure, case_id, event, actor = "system:system", key;
  std::vector<std::string> data, documents;
};

// "USER:ROLE" as an actor.
Actor parse_actor(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw std::invalid_argument("--as wants USER:ROLE, got '" + text + "'");
  return {text.substr(0, colon), text.substr(colon + 1)};
}

// --data k=v pairs, each parsed with its field's type (unknown fields pass as text for the engine to refuse).
DataInput parse_data(const Procedure& p, const std::vector<std::string>& pairs) {
  DataInput out;
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("--data wants FIELD=VALUE, got '" + pair + "'");
    const auto field = pair.substr(0, eq), text = pair.substr(eq + 1);
    const int index = p.field_index(field);
    if (index < 0) {
      out.emplace_back(field, Value(text));
      continue;
    }
    const auto& f = p.data[static_cast<std::size_t>(index)];
    const auto value = parse_value(text, f.type, f.enum_symbols);
    if (!value) throw std::invalid_argument("--data " + pair + ": '" + text + "' is not a " + std::string(type_name(f.type)));
    out.emplace_back(field, *value);
  }
  return out;
}

// Text of an outcome for a clerk, in `lang`.
std::string outcome_text(const Outcome& o, Language lang) {
  // A repeated key returns the first answer; say so, or it reads as done twice.
  const std::string repeated = o.repeated ? phrase(Word::Repeated, lang) : "";
  if (o.accepted) {
    std::string text =
        repeated + o.case_id + ": " + (o.from.empty() ? phrase(Word::CaseOpened, lang) : o.from) + " -> " + o.to + "\n";
    for (const auto& n : o.notifications) text += phrase(Word::Notified, lang, {n.role, n.message}) + "\n";
    return text;
  }
  const auto& r = *o.refusal;
  std::string text = repeated + phrase(Word::Refused, lang, {refusal_reason(r.code, lang), r.message}) + "\n";
  for (const auto& m : r.missing)
    text += phrase(Word::Missing, lang,
                   {m.requirement + (m.internal ? " (" + phrase(Word::OfficeObtains, lang) + ")" : ""), m.reason}) + "\n";
  for (const auto& rule : r.rules) text += phrase(Word::NotMet, lang, {rule}) + "\n";
  return text;
}

// Prints an outcome and sets the exit status: 0 accepted, 1 refused.
void report(const CaseOptions& options, const Outcome& o) {
  print(options, nlohmann::json::parse(to_json_text(o)), outcome_text(o, choose_language(options.lang)));
  exit_status() = o.accepted ? 0 : 1;
}

void run_open(const CaseInput& in) {
  auto s = open_session(in.options, Access::Open);
  const auto p = s->engine->procedure(in.procedure);
  if (!p) throw std::invalid_argument("no procedure '" + in.procedure + "' in " + in.options.procedures);
  report(in.options, s->engine->open(OpenRequest{in.procedure, parse_data(*p, in.data), in.documents,
                                                 parse_actor(in.actor), in.case_id}));
}

void run_fire(const CaseInput& in) {
  auto s = open_session(in.options, Access::Write);
  const auto c = s->engine->find(in.case_id);
  const auto p = c ? s->engine->procedure(c->procedure, c->version) : nullptr;
  if (c && !p) {
    // Never abort: a procedure whose calendar does not load (and none is kept) is not registered.
    std::string why = c->id + " needs procedure " + c->procedure + " v" + std::to_string(c->version) +
                      ", which did not load from " + in.options.procedures;
    for (const auto& r : s->loaded.rejected) why += "\n  " + r;
    throw std::invalid_argument(why);
  }
  const DataInput data = p ? parse_data(*p, in.data) : DataInput{};
  report(in.options, s->engine->fire(in.case_id, EventRequest{in.event, parse_actor(in.actor), data, in.documents, in.key}));
}

// Adds --data, --doc and --as to open/fire.
void add_input_options(CLI::App& cmd, CaseInput& in, Access access) {
  add_case_options(cmd, in.options, access);
  cmd.add_option("--data", in.data, "FIELD=VALUE (repeatable)");
  cmd.add_option("--doc", in.documents, "submitted requirement id (repeatable)");
  cmd.add_option("--as", in.actor, "USER:ROLE")->capture_default_str();
}

}  // namespace

// Registers show, list and verify (case_views.cpp).
void add_case_view_commands(CLI::App& cases);

void add_case_command(CLI::App& app) {
  auto* cases = app.add_subcommand("case", "Open cases, fire events, show and verify cases");
  cases->require_subcommand(1);
  cases->footer(kLanguageHelp);
  auto open = std::make_shared<CaseInput>();
  auto* o = cases->add_subcommand("open", "Open a case of a procedure");
  o->add_option("procedure", open->procedure, "procedure id")->required();
  add_input_options(*o, *open, Access::Open);
  o->add_option("--id", open->case_id, "case id to use (refused if it exists); default: the next free one");
  o->callback([open] { run_guarded([open] { run_open(*open); }); });
  auto fire = std::make_shared<CaseInput>();
  auto* f = cases->add_subcommand("fire", "Fire an event on a case");
  f->add_option("case", fire->case_id, "case id")->required();
  f->add_option("event", fire->event, "event name")->required();
  add_input_options(*f, *fire, Access::Write);
  f->add_option("--key", fire->key, "idempotency key: a repeat returns the first result");
  f->callback([fire] { run_guarded([fire] { run_fire(*fire); }); });
  add_case_view_commands(*cases);
}

}  // namespace izin::cli
