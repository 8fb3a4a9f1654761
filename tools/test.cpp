// `izin test FILE|DIR…`: runs scenario files and shows what they left untested.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/izin.hpp"
#include "izin/scenario.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {
namespace {

// Prints diagnostics with their source lines; true when any is an I/O problem.
bool print_diagnostics(const Library& lib, const std::vector<Diagnostic>& diagnostics) {
  bool io = false;
  for (const auto& d : diagnostics) {
    const std::string text = format_diagnostic(d, lib.source_line(d));
    std::cerr << text << (text.ends_with('\n') ? "" : "\n");
    io = io || d.code == "IZ001" || (d.code == "IZ090" && d.line == 0);
  }
  return io;
}

// Prints each case's verdict and the failures of the failed ones.
void print_cases(const ScenarioReport& report, Language lang) {
  for (const auto& c : report.cases) {
    std::cout << phrase(c.passed() ? Word::TestPassed : Word::TestFailed, lang) << c.file << ':' << c.line << ": " << c.name << '\n';
    for (const auto& f : c.failures) std::cout << "     " << f.to_string() << '\n';
  }
}

// Prints, per procedure, what no scenario exercised.
void print_coverage(const ScenarioReport& report, Language lang) {
  for (const auto& p : report.coverage) {
    std::cout << phrase(Word::Coverage, lang,
                        {p.procedure, std::to_string(p.version), std::to_string(p.transitions_exercised),
                         std::to_string(p.transitions), std::to_string(p.deadlines_exercised), std::to_string(p.deadlines)})
              << '\n';
    for (const auto& g : p.gaps)
      std::cout << phrase(Word::NotExercised, lang, {g.file, std::to_string(g.line), g.description}) << '\n';
  }
}

// The whole command; returns the exit status.
int run_test(const std::vector<std::string>& paths, const std::string& asked) {
  const Language lang = choose_language(asked);
  std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
  const Library lib = load(inputs, LoadOptions{lang, true});
  bool io = print_diagnostics(lib, lib.diagnostics);
  if (lib.scenario_files.empty()) {
    std::cerr << "izin test: no *.test.yaml scenario files found\n";
    return 2;
  }
  const ScenarioReport report = run_scenarios(lib, lib.scenario_files, lang);
  io = print_diagnostics(lib, report.diagnostics) || io;
  print_cases(report, lang);
  print_coverage(report, lang);
  std::cout << phrase(Word::TestSummary, lang, {std::to_string(report.passed()), std::to_string(report.failed())}) << '\n';
  if (io) return 2;
  const bool bad = report.failed() > 0 || lib.has_errors() || has_errors(report.diagnostics);
  return bad ? 1 : 0;
}

}  // namespace

void add_test_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("test", "Run scenario files (*.test.yaml) and show coverage");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto lang = std::make_shared<std::string>();
  cmd->add_option("paths", *paths, "procedure directories, .izin files and .test.yaml files")->required();
  add_language_option(*cmd, *lang);
  cmd->callback([paths, lang] { exit_status() = run_test(*paths, *lang); });
}

}  // namespace izin::cli
