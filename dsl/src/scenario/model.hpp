// Scenario files after reading: cases, steps and expectations, each with
// the line it was written on, names already checked against the procedure.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/decimal.hpp"
#include "izin/engine.hpp"
#include "izin/procedure.hpp"
#include "izin/time.hpp"

namespace izin::detail {

// One key of an `expect` mapping.
struct Expectation {
  enum class Kind : std::uint8_t {
    State, Outcome, Deemed, Refused, RefusedDocs, RefusedBecause, Fees, Notified, SlaDue, SlaMet, Provisional
  };
  Kind kind = Kind::State;
  int line = 0;
  std::string text;                                 // State, Outcome
  bool flag = false;                                // Deemed, Refused, SlaMet
  std::vector<std::string> names;                   // RefusedDocs, Notified; RefusedBecause: rule labels in order
  std::vector<std::pair<std::string, Decimal>> fees;  // Fees
  Date date;                                        // SlaDue
};

// An event (`at`, `event`, `by` …) or a jump in time (`advance_to`).
struct ScenarioStep {
  int line = 0;
  bool is_event = true;
  Instant at;  // event time, or the advance_to instant
  std::string event, role, key;
  DataInput data;
  std::vector<std::string> documents;
  std::vector<Expectation> expect;
};

// One case of a scenario file.
struct ScenarioCase {
  std::string name;
  int line = 0;
  Instant opened;
  DataInput data;
  std::vector<std::string> documents;
  std::vector<ScenarioStep> steps;
  std::vector<Expectation> expect;  // checked after the last step
};

// A scenario file, read against the newest version of its procedure.
struct Scenario {
  std::string file;
  ProcedurePtr procedure;  // nullptr when the file could not be used
  CalendarPtr calendar;    // nullptr when the procedure declares none
  std::vector<ScenarioCase> cases;
};

}  // namespace izin::detail
