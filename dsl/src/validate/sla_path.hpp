// The worst case a procedure's own deadlines allow against its SLA.
#pragma once

#include <cstdint>
#include <vector>

#include "izin/procedure.hpp"

namespace izin::detail {

// A loop-free path from the SLA's start to a final state and the working
// days the states' deadlines let a case spend on it with the clock running.
struct SlaPath {
  std::int64_t working_days = 0;
  std::vector<int> states;
};

// The longest stay one state allows with the SLA clock running: its
// earliest unguarded automatic transition in least working days; 0 for
// final and `clock paused` states and for states no deadline forces out of.
std::int64_t forced_stay(const State& state);

// The longest such path found, searching loop-free paths from the SLA's
// start state (the initial state when the SLA has no `from`). The search
// stops early once a path longer than `limit` is found, and after a fixed
// budget of steps (so it stays fast on any graph); the path it returns is
// always a real one.
SlaPath longest_sla_path(const Procedure& procedure, std::int64_t limit);

}  // namespace izin::detail
