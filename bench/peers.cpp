// Figure 6: the peers' events/s on the same path, and izin's ratio to each.
#include <string>

#include "parts.hpp"

namespace izin::bench {

namespace {

// The ratio izin must reach over each peer (the targets).
double target_ratio(const std::string& peer) { return peer == "bpmn-engine" ? 1000 : 20; }

}  // namespace

void report_peers(Table& table, const std::map<std::string, double>& peer_events_per_s) {
  const std::optional<double> izin = table.find("path events/s");
  for (const auto& [peer, rate] : peer_events_per_s) {
    table.add({"6 peers", peer + ": same path, create + 5 events per case", rate, "ev/s", "", std::nullopt});
    if (!izin || rate <= 0) continue;
    const double ratio = *izin / rate;
    const double want = target_ratio(peer);
    table.add({"6 peers", "izin path events/s ÷ " + peer, ratio, "×", "≥ " + format_number(want), ratio >= want});
  }
}

}  // namespace izin::bench
