// Figure 1: many cases through the five-event PBG path, in memory.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alloc_count.hpp"
#include "parts.hpp"

namespace izin::bench {

namespace {

// Seconds spent opening and firing, for one run of the path.
struct PathTiming {
  double open_s = 0;
  double fire_s = 0;
  std::uint64_t fire_allocations = 0;  // operator new calls while firing (this thread)
};

// Checks that a case went the whole path: approved, `set` applied, six records.
void check_approved(Engine& engine, const Office& office, const std::string& id) {
  const std::optional<Case> c = engine.find(id);
  require(c.has_value(), "case " + id + " exists");
  require(c->state == office.pbg->state_index("disetujui") && c->closed && c->outcome == "granted",
          "case " + id + " ended in disetujui");
  require(c->data[static_cast<std::size_t>(office.pbg->field_index("catatan"))] == Value("lulus"),
          "case " + id + " has catatan = lulus");
  require(c->history.size() == 6, "case " + id + " has 6 history records");
}

// Opens `cases` cases, then fires the path's events on all of them, one
// event per hour (many cases in flight, as at a real counter).
PathTiming run_path(const Office& office, std::size_t cases) {
  FakeClock clock(wita(2026, 7, 6, 9));
  auto store = make_memory_store();
  Engine engine(clock, *store);
  register_office(engine, office);
  const OpenRequest application = pbg_application();
  std::vector<std::string> ids;
  ids.reserve(cases);
  PathTiming t;
  Stopwatch open_watch;
  for (std::size_t i = 0; i < cases; ++i) ids.push_back(engine.open(application).case_id);
  t.open_s = open_watch.seconds();
  std::size_t refused = 0;
  const std::uint64_t allocations_before = thread_allocations();
  Stopwatch fire_watch;
  Outcome outcome;  // one for every event, as a desk firing in a loop would keep it
  for (std::size_t k = 0; k < pbg_path().size(); ++k) {
    clock.set(wita(2026, 7, 6, 10 + static_cast<int>(k)));
    for (const std::string& id : ids) {
      engine.fire(id, pbg_path()[k], outcome);
      refused += outcome.accepted ? 0 : 1;
    }
  }
  t.fire_s = fire_watch.seconds();
  t.fire_allocations = thread_allocations() - allocations_before;
  require(refused == 0 && !ids.front().empty(), "every event of the path was accepted");
  check_approved(engine, office, ids.front());
  check_approved(engine, office, ids.back());
  return t;
}

}  // namespace

void measure_in_memory(Table& table, const Office& office, const Sizes& sizes) {
  run_path(office, std::min<std::size_t>(sizes.path_cases, 5000));  // warm-up
  const double n = static_cast<double>(sizes.path_cases);
  const double events = n * static_cast<double>(pbg_path().size());
  const PathTiming t = run_path(office, sizes.path_cases);
  const std::string of = std::to_string(sizes.path_cases) + " cases";
  table.add({"1 in-memory", "path events/s (open + 5 events per case, " + of + ")", events / (t.open_s + t.fire_s),
             "ev/s", "", std::nullopt});
  table.add({"1 in-memory", "fire events/s (5 events per case, open excluded, " + of + ")", events / t.fire_s, "ev/s",
             "", std::nullopt});
  table.add({"1 in-memory", "open cases/s (" + of + ")", n / t.open_s, "cases/s", "", std::nullopt});
  table.add({"1 in-memory", "mean time per event (path, open counted as cost)", 1e6 * (t.open_s + t.fire_s) / events,
             "µs", "", std::nullopt});
  const double per_event = static_cast<double>(t.fire_allocations) / events;
  table.add({"1 in-memory", "heap allocations per accepted event (fire, after warm-up, " + of + ")", per_event,
             "allocs/ev", "≤ 1", per_event <= 1.0});
}

}  // namespace izin::bench
