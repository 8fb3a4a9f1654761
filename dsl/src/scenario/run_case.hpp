// Running one scenario case on a fresh engine, memory store and fake clock.
#pragma once

#include <vector>

#include "izin/case.hpp"
#include "izin/scenario.hpp"
#include "scenario/model.hpp"

namespace izin::detail {

// The case's verdict and the history it left (for coverage).
struct CaseRun {
  ScenarioCaseResult result;
  std::vector<HistoryRecord> history;
};

// Runs the case step by step; stops at the first step that fails.
CaseRun run_case(const Scenario& scenario, const ScenarioCase& c, Language lang);

}  // namespace izin::detail
