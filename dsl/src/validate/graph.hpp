// The state graph of a procedure: which state can move to which.
#pragma once

#include <vector>

#include "izin/procedure.hpp"

namespace izin::detail {

// For each state, the states one transition or automatic deadline leads
// to (each once; targets out of range are left out).
std::vector<std::vector<int>> successors(const Procedure& procedure);

// The same edges reversed: for each state, the states that lead to it.
std::vector<std::vector<int>> predecessors(const std::vector<std::vector<int>>& successors);

// Marks every state reachable from `starts` along `edges` (starts included).
std::vector<bool> reachable(const std::vector<std::vector<int>>& edges, const std::vector<int>& starts);

// The state a case opens in: `initial_state` when valid, else the first
// state flagged initial; -1 when there is none.
int opening_state(const Procedure& procedure);

}  // namespace izin::detail
