// Scenario files (*.test.yaml): procedure tests staff write, run on a fake
// clock and a memory store, with coverage of what they exercised.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <filesystem>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/load.hpp"

namespace izin {

// One unmet expectation: where the scenario file said it, and what differed.
struct ScenarioFailure {
  std::string file;     // scenario file as given
  int line = 0;         // line of the expect key (or of the step / case)
  std::string message;  // "expected state pemeriksaan, got perbaikan"
  // "pbg.test.yaml:12: expected state pemeriksaan, got perbaikan"
  std::string to_string() const;
};

// The result of one case of a scenario file.
struct ScenarioCaseResult {
  std::string file;
  std::string name;
  int line = 0;  // the case's line
  std::vector<ScenarioFailure> failures;  // empty when it passed
  bool passed() const { return failures.empty(); }
};

// A transition or deadline of a procedure that no case exercised.
struct CoverageGap {
  std::string file;  // procedure file
  int line = 0;
  std::string description;  // "diajukan --tolak--> ditolak", "pemeriksaan: after 26 working days -> disetujui"
};

// What the scenarios exercised of one procedure version.
struct ProcedureCoverage {
  std::string procedure;
  int version = 0;
  int transitions = 0, transitions_exercised = 0;
  int deadlines = 0, deadlines_exercised = 0;
  std::vector<CoverageGap> gaps;  // in file order
};

// Everything a run of scenario files found.
struct ScenarioReport {
  std::vector<Diagnostic> diagnostics;  // problems in the scenario files themselves
  std::vector<ScenarioCaseResult> cases;
  std::vector<ProcedureCoverage> coverage;  // procedures some scenario names
  int passed() const;
  int failed() const;
};

// Runs every case of the scenario files against the library's newest
// procedure versions, each case on a fresh engine, memory store and fake
// clock. Bad scenario files give diagnostics (with file:line), never throw.
ScenarioReport run_scenarios(const Library& library,
                             const std::vector<std::filesystem::path>& files,
                             Language lang = Language::English);

}  // namespace izin

#pragma GCC visibility pop
