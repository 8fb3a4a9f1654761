// Loading the docs/language.md example procedure with the shipped calendars, and
// running scenario fixtures from tests/scenario/data against it.
#pragma once

#include <string>
#include <vector>

#include "izin/load.hpp"
#include "izin/scenario.hpp"

namespace izin::testing {

// Path of a fixture under tests/scenario/data.
inline std::string fixture(const std::string& name) {
  return std::string(IZIN_SOURCE_DIR) + "/tests/scenario/data/" + name;
}

// The example procedure (pbg version 3) with procedures/calendars.
inline const Library& example_library() {
  static const Library lib =
      load({fixture("pbg_example.izin"), std::string(IZIN_SOURCE_DIR) + "/procedures/calendars"});
  return lib;
}

// Runs one fixture file against the example library.
inline ScenarioReport run_fixture(const std::string& name) {
  return run_scenarios(example_library(), {fixture(name)});
}

// The case of the report with that name, or nullptr.
inline const ScenarioCaseResult* find_case(const ScenarioReport& r, const std::string& name) {
  for (const auto& c : r.cases) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace izin::testing
