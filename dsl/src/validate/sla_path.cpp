#include "validate/sla_path.hpp"

#include <algorithm>
#include <optional>

#include "validate/duration_order.hpp"
#include "validate/graph.hpp"

namespace izin::detail {

namespace {

// Depth-first search over loop-free paths, keeping the longest to a final state.
struct PathSearch {
  const Procedure& procedure;
  std::vector<std::vector<int>> next;
  std::vector<std::int64_t> stay;
  std::int64_t limit;
  long budget = 200000;
  std::vector<bool> on_path;
  std::vector<int> path;
  SlaPath best;

  // Extends the current path (worth `sum` so far) with state `s`.
  void visit(int s, std::int64_t sum) {
    if (budget-- <= 0 || best.working_days > limit) return;
    const auto i = static_cast<std::size_t>(s);
    on_path[i] = true;
    path.push_back(s);
    sum += stay[i];
    if (procedure.states[i].final && sum > best.working_days) best = SlaPath{sum, path};
    for (int t : next[i])
      if (!on_path[static_cast<std::size_t>(t)]) visit(t, sum);
    path.pop_back();
    on_path[i] = false;
  }
};

}  // namespace

std::int64_t forced_stay(const State& state) {
  if (state.final || state.clock_paused) return 0;
  std::optional<std::int64_t> earliest;
  for (const auto& d : state.deadlines) {
    if (!d.is_transition() || d.guard || d.after.amount <= 0) continue;
    const std::int64_t days = least_working_days(d.after);
    earliest = earliest ? std::min(*earliest, days) : days;
  }
  return earliest.value_or(0);
}

SlaPath longest_sla_path(const Procedure& procedure, std::int64_t limit) {
  const int n = static_cast<int>(procedure.states.size());
  const int from = procedure.sla && procedure.sla->from_state >= 0 && procedure.sla->from_state < n
                       ? procedure.sla->from_state
                       : opening_state(procedure);
  if (from < 0) return {};
  PathSearch search{procedure, successors(procedure), {}, limit, 200000,
                    std::vector<bool>(procedure.states.size(), false), {}, {}};
  for (const auto& s : procedure.states) search.stay.push_back(forced_stay(s));
  search.visit(from, 0);
  return search.best;
}

}  // namespace izin::detail
