// `izin demo`: a month at the office on the embedded store, then the office report.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "izin/izin.hpp"
#include "izin/office.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {
namespace {

// What the demo was asked to do.
struct DemoOptions {
  std::string procedures = "procedures";
  std::string db;  // empty: a fresh file in the temporary directory
  int cases = 40;
  std::uint64_t seed = 2026;
  std::string lang;  // --lang; "" : from the environment
};

// A fresh database file: any old one (and its WAL files) removed first.
std::string fresh_database(const std::string& asked) {
  const std::filesystem::path path =
      asked.empty() ? std::filesystem::temp_directory_path() / "izin-demo.db" : std::filesystem::path(asked);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    std::filesystem::remove(path.string() + suffix, ignored);
  }
  return path.string();
}

// Loads and validates the procedures; nullopt (after printing why) when they have errors.
std::optional<Library> checked_library(const DemoOptions& o, Language lang) {
  Library lib = load({o.procedures}, LoadOptions{lang, true});
  for (const auto& d : lib.diagnostics) {
    if (d.severity == Severity::Error) std::cerr << format_diagnostic(d, lib.source_line(d)) << '\n';
  }
  if (lib.has_errors() || lib.procedures.empty()) {
    std::cerr << "izin demo: the procedures in " << o.procedures
              << (lib.procedures.empty() ? " could not be loaded" : " have errors; fix them first (izin check)") << '\n';
    return std::nullopt;
  }
  return lib;
}

// The whole command; returns the exit status.
int run_demo(const DemoOptions& o) {
  const Language lang = choose_language(o.lang);
  const std::optional<Library> lib = checked_library(o, lang);
  if (!lib) return 1;
  const std::string db = fresh_database(o.db);
  auto store = open_sqlite_store(db, SqliteOptions{false, 5000});
  const OfficeMonth month{Date::from_ymd(2026, 3, 9), Date::from_ymd(2026, 4, 10), o.cases, o.seed};
  FakeClock clock(Instant{});
  Engine engine(clock, *store, lang);
  for (const auto& cal : lib->calendars.calendars) engine.set_calendar(cal);
  for (const auto& p : lib->procedures) engine.add_procedure(p);
  const OfficeActivity a = simulate_office_month(engine, clock, *lib, month);
  std::cout << phrase(Word::DemoHeader, lang,
                      {month.first.to_string(), month.last.to_string(), std::to_string(o.seed), std::to_string(a.opened),
                       std::to_string(a.events), std::to_string(a.refusals), std::to_string(a.resubmitted), db})
            << "\n\n";
  std::cout << render_office_report(office_report(engine, *store, *lib, clock.now()), lang);
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("demo", "Simulate a month at the office and print the office report");
  auto options = std::make_shared<DemoOptions>();
  cmd->add_option("--procedures", options->procedures, "directory of procedures and calendars");
  cmd->add_option("--db", options->db, "SQLite file to create (replaced if it exists)");
  cmd->add_option("--cases", options->cases, "how many applications to file")->check(CLI::Range(1, 10000));
  cmd->add_option("--seed", options->seed, "seed of the simulation (same seed, same month)");
  add_language_option(*cmd, options->lang);
  cmd->callback([options] {
    try {
      exit_status() = run_demo(*options);
    } catch (const StoreError& e) {
      std::cerr << "izin demo: " << e.what() << '\n';
      exit_status() = 2;
    }
  });
}

}  // namespace izin::cli
