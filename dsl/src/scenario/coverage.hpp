// Which transitions and deadlines of a procedure scenarios exercised,
// counted from the history records the cases left.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "izin/case.hpp"
#include "izin/procedure.hpp"
#include "izin/scenario.hpp"

namespace izin::detail {

// Tallies exercised transitions and deadlines across many case histories.
class CoverageTally {
 public:
  // Counts a procedure as tested even before any history is added.
  void include(const ProcedurePtr& procedure);
  // Marks what the history exercised in the procedure.
  void add(const ProcedurePtr& procedure, const std::vector<HistoryRecord>& history);
  // One entry per included procedure version, gaps in file order, worded in `lang`.
  std::vector<ProcedureCoverage> report(Language lang = Language::English) const;

 private:
  // Exercised (state, transition) and (state, deadline) index pairs.
  struct Seen {
    ProcedurePtr procedure;
    std::set<std::pair<int, int>> transitions, deadlines;
  };
  std::map<std::pair<std::string, int>, Seen> seen_;
};

}  // namespace izin::detail
