// Running scenario files: read each, run each case, tally coverage.
#include "izin/scenario.hpp"

#include <algorithm>

#include "scenario/coverage.hpp"
#include "scenario/read.hpp"
#include "scenario/run_case.hpp"

namespace izin {

std::string ScenarioFailure::to_string() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

int ScenarioReport::passed() const {
  return static_cast<int>(std::count_if(cases.begin(), cases.end(),
                                         [](const ScenarioCaseResult& c) { return c.passed(); }));
}

int ScenarioReport::failed() const { return static_cast<int>(cases.size()) - passed(); }

ScenarioReport run_scenarios(const Library& library, const std::vector<std::filesystem::path>& files,
                             Language lang) {
  ScenarioReport report;
  detail::CoverageTally tally;
  for (const auto& file : files) {
    const detail::Scenario s = detail::read_scenario(file, library, lang, report.diagnostics);
    if (!s.procedure) continue;
    tally.include(s.procedure);
    for (const auto& c : s.cases) {
      detail::CaseRun run = detail::run_case(s, c, lang);
      tally.add(s.procedure, run.history);
      report.cases.push_back(std::move(run.result));
    }
  }
  report.coverage = tally.report(lang);
  return report;
}

}  // namespace izin
