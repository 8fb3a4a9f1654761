// Checking one expectation of a scenario against what the engine did.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "izin/engine.hpp"
#include "scenario/model.hpp"

namespace izin::detail {

// What a step (or the whole case) left behind, for expectations to look at.
struct StepResult {
  const Engine& engine;
  const Case& kase;
  const Outcome* event = nullptr;           // the event step's outcome; null otherwise
  const std::vector<std::string>& notified;  // roles notified during the step (or case)
  Instant now;
  Language lang = Language::English;  // of the failure messages
};

// Why the expectation does not hold ("expected state X, got Y"), or nullopt.
std::optional<std::string> check_expectation(const Expectation& e, const StepResult& r);

// Why an event step failed though it expected no refusal, or nullopt.
std::optional<std::string> check_not_refused(const ScenarioStep& step, const Outcome& out, Language lang);

// "[a, b]" of sorted names, for messages.
std::string name_list(std::vector<std::string> names);

}  // namespace izin::detail
