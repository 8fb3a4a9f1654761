#include "validate/graph.hpp"

#include <algorithm>

namespace izin::detail {

namespace {
// Adds `target` to `list` when it is a valid state index not yet listed.
void add_edge(std::vector<int>& list, int target, std::size_t state_count) {
  if (target < 0 || static_cast<std::size_t>(target) >= state_count) return;
  if (std::find(list.begin(), list.end(), target) == list.end()) list.push_back(target);
}
}  // namespace

std::vector<std::vector<int>> successors(const Procedure& procedure) {
  const std::size_t n = procedure.states.size();
  std::vector<std::vector<int>> edges(n);
  for (std::size_t s = 0; s < n; ++s) {
    for (const auto& t : procedure.states[s].transitions) add_edge(edges[s], t.target, n);
    for (const auto& d : procedure.states[s].deadlines)
      if (d.is_transition()) add_edge(edges[s], d.target, n);
  }
  return edges;
}

std::vector<std::vector<int>> predecessors(const std::vector<std::vector<int>>& successors) {
  std::vector<std::vector<int>> edges(successors.size());
  for (std::size_t s = 0; s < successors.size(); ++s)
    for (int t : successors[s]) edges[static_cast<std::size_t>(t)].push_back(static_cast<int>(s));
  return edges;
}

std::vector<bool> reachable(const std::vector<std::vector<int>>& edges, const std::vector<int>& starts) {
  std::vector<bool> seen(edges.size(), false);
  std::vector<int> todo;
  for (int s : starts) {
    if (s < 0 || static_cast<std::size_t>(s) >= edges.size() || seen[static_cast<std::size_t>(s)]) continue;
    seen[static_cast<std::size_t>(s)] = true;
    todo.push_back(s);
  }
  while (!todo.empty()) {
    const int s = todo.back();
    todo.pop_back();
    for (int t : edges[static_cast<std::size_t>(s)]) {
      if (seen[static_cast<std::size_t>(t)]) continue;
      seen[static_cast<std::size_t>(t)] = true;
      todo.push_back(t);
    }
  }
  return seen;
}

int opening_state(const Procedure& procedure) {
  const int n = static_cast<int>(procedure.states.size());
  if (procedure.initial_state >= 0 && procedure.initial_state < n) return procedure.initial_state;
  for (int s = 0; s < n; ++s)
    if (procedure.states[static_cast<std::size_t>(s)].initial) return s;
  return -1;
}

}  // namespace izin::detail
