// Figure 7: two threads on disjoint cases, in memory. The documented
// threading contract is one Engine per thread; each desk here is an Engine
// with its own memory store and clock. The same two desks run one after the
// other on one thread, then side by side on two threads: the ratio of the
// times is what a second core buys.
#include <algorithm>
#include <optional>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "parts.hpp"

namespace izin::bench {

namespace {

// One desk: opens `cases` cases and fires the five-event path on all of
// them; returns the number of refused events (0 when the work happened).
std::size_t run_desk(const Office& office, std::size_t cases) {
  FakeClock clock(wita(2026, 7, 6, 9));
  auto store = make_memory_store();
  Engine engine(clock, *store);
  register_office(engine, office);
  const OpenRequest application = pbg_application();
  std::vector<std::string> ids;
  ids.reserve(cases);
  std::size_t refused = 0;
  for (std::size_t i = 0; i < cases; ++i) {
    Outcome o = engine.open(application);
    refused += o.accepted ? 0 : 1;
    ids.push_back(std::move(o.case_id));
  }
  for (std::size_t k = 0; k < pbg_path().size(); ++k) {
    clock.set(wita(2026, 7, 6, 10 + static_cast<int>(k)));
    for (const std::string& id : ids) refused += engine.fire(id, pbg_path()[k]).accepted ? 0 : 1;
  }
  const std::optional<Case> last = engine.find(ids.back());
  require(last && last->closed && last->outcome == "granted", "the desk's last case was granted");
  return refused;
}

// Seconds for `desks` desks of `cases` each, on `threads` threads (1 or `desks`).
double run_desks(const Office& office, std::size_t desks, std::size_t cases, bool parallel) {
  std::vector<std::size_t> refused(desks, 0);
  Stopwatch watch;
  if (parallel) {
    std::vector<std::thread> threads;
    for (std::size_t d = 0; d < desks; ++d) threads.emplace_back([&, d] { refused[d] = run_desk(office, cases); });
    for (std::thread& t : threads) t.join();
  } else {
    for (std::size_t d = 0; d < desks; ++d) refused[d] = run_desk(office, cases);
  }
  const double s = watch.seconds();
  for (std::size_t r : refused) require(r == 0, "every event of every desk was accepted");
  return s;
}

// The 1-minute load average: a second core busy with other work caps the ratio.
double load_average() {
  std::ifstream in("/proc/loadavg");
  double one = 0;
  in >> one;
  return one;
}

}  // namespace

void measure_threads(Table& table, const Office& office, const Sizes& sizes) {
  const std::size_t cases = sizes.path_cases / 2;  // per desk: the two desks together do figure 1's work
  const double events = 2.0 * static_cast<double>(cases) * static_cast<double>(pbg_path().size() + 1);
  run_desks(office, 2, std::min<std::size_t>(cases, 5000), true);  // warm-up
  const double load = load_average();
  const double one = run_desks(office, 2, cases, false);
  const double two = run_desks(office, 2, cases, true);
  const std::string of = "2 desks × " + std::to_string(cases) + " cases, own engine + memory store each";
  table.add({"7 threads", "one thread, desks in turn (" + of + ")", events / one, "ev/s", "", std::nullopt});
  table.add({"7 threads", "two threads, one desk each (same work)", events / two, "ev/s", "", std::nullopt});
  table.add({"7 threads", "machine load average (1 min) before the runs, on " +
                              std::to_string(std::thread::hardware_concurrency()) + " cores",
             load, "", "", std::nullopt});
  const double ratio = one / two;
  table.add({"7 threads", "two threads ÷ one thread", ratio, "×", "≥ 1.7", ratio >= 1.7});
}

}  // namespace izin::bench
