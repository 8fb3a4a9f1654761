// Figures 4 and 5: memory per idle open case, and advance_to over many open
// cases (nothing due; then 100,000 deadlines due at once).
#include <string>
#include <vector>

#include <malloc.h>

#include "parts.hpp"

namespace izin::bench {

namespace {

// Counts the escalations the engine sends.
class CountingSink final : public NotificationSink {
 public:
  void notify(const Notification&) override { ++sent; }
  std::size_t sent = 0;
};

// Opens `n` PBG cases at `at`; returns seconds.
double open_many(Engine& engine, FakeClock& clock, std::size_t n, Instant at) {
  clock.set(at);
  const OpenRequest application = pbg_application();
  Stopwatch w;
  std::size_t accepted = 0;
  for (std::size_t i = 0; i < n; ++i) accepted += engine.open(application).accepted ? 1 : 0;
  const double s = w.seconds();
  require(accepted == n, "every case opened");
  return s;
}

// Mean seconds of `calls` advance_to calls at which nothing falls due.
double idle_advance_seconds(Engine& engine, FakeClock& clock, Instant from, int calls) {
  std::size_t outcomes = 0;
  Stopwatch w;
  for (int i = 0; i < calls; ++i) {
    clock.set(from + std::chrono::seconds{i});
    outcomes += engine.advance_to(clock.now()).size();
  }
  const double s = w.seconds() / calls;
  require(outcomes == 0, "nothing fell due");
  return s;
}

// The resident set after handing freed heap back, so an earlier part's frees do not hide growth.
std::size_t trimmed_resident_bytes() {
  ::malloc_trim(0);
  return resident_bytes();
}

// Bytes of resident set growth per case since `base`.
double per_case(std::size_t base, std::size_t cases) {
  return static_cast<double>(resident_bytes() - base) / static_cast<double>(cases);
}

// advance_to with 1,000 open cases and nothing due: the baseline for figure 5.
double small_idle_advance(const Office& office) {
  FakeClock clock;
  auto store = make_memory_store();
  Engine engine(clock, *store);
  register_office(engine, office);
  open_many(engine, clock, 1000, wita(2026, 7, 8, 9));
  return idle_advance_seconds(engine, clock, wita(2026, 7, 9, 12), 2000);
}

}  // namespace

void measure_open_cases(Table& table, const Office& office, const Sizes& sizes) {
  FakeClock clock;
  auto store = make_memory_store();
  Engine engine(clock, *store);
  register_office(engine, office);
  CountingSink sink;
  engine.set_notification_sink(&sink);
  const std::size_t base = trimmed_resident_bytes();
  // Due ones: opened Monday 6 July, `after 3 working days notify` falls due Thursday 9 July 24:00 WITA.
  double open_s = open_many(engine, clock, sizes.due_cases, wita(2026, 7, 6, 9));
  const double small_bytes = per_case(base, sizes.due_cases);
  // The rest: opened Wednesday 8 July, due Monday 13 July 24:00 WITA.
  open_s += open_many(engine, clock, sizes.open_cases - sizes.due_cases, wita(2026, 7, 8, 9));
  const double big_bytes = per_case(base, sizes.open_cases);
  const double idle_big = idle_advance_seconds(engine, clock, wita(2026, 7, 9, 12), 2000);
  clock.set(wita(2026, 7, 10, 1));
  Stopwatch w;
  const std::size_t fired = engine.advance_to(clock.now()).size();
  const double due_s = w.seconds();
  require(fired == sizes.due_cases && sink.sent == sizes.due_cases, "exactly the due cases were notified");
  const double idle_small = small_idle_advance(office);  // after: its memory must not hide growth
  const std::string n = format_number(static_cast<double>(sizes.open_cases));
  const std::string d = format_number(static_cast<double>(sizes.due_cases));
  table.add({"4 memory", "memory store: resident growth per idle open case, " + d + " cases", small_bytes, "B/case",
             "≤ 512", small_bytes <= 512});
  table.add({"4 memory", "memory store: resident growth per idle open case, " + n + " cases", big_bytes, "B/case",
             "≤ 512", big_bytes <= 512});
  table.add({"4 memory", "open cases/s while filling to " + n, static_cast<double>(sizes.open_cases) / open_s,
             "cases/s", "", std::nullopt});
  table.add({"5 advance_to", "nothing due, 1,000 open cases", 1e6 * idle_small, "µs/call", "", std::nullopt});
  table.add({"5 advance_to", "nothing due, " + n + " open cases", 1e6 * idle_big, "µs/call", "≈ the 1,000-case figure",
             idle_big <= 3 * idle_small + 2e-6});
  table.add({"5 advance_to", d + " deadlines due among " + n + " open cases", static_cast<double>(fired) / due_s,
             "deadlines/s", "", std::nullopt});
}

void measure_office_memory(Table& table, const Office& office, const Sizes& sizes, const std::filesystem::path& dir) {
  const auto db = dir / "idle-cases.db";
  FakeClock clock;
  auto store = open_sqlite_store(db.string(), SqliteOptions{false, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  const std::size_t base = trimmed_resident_bytes();
  open_many(engine, clock, sizes.due_cases, wita(2026, 7, 6, 9));
  const double small_bytes = per_case(base, sizes.due_cases);
  open_many(engine, clock, sizes.open_cases - sizes.due_cases, wita(2026, 7, 8, 9));
  const double big_bytes = per_case(base, sizes.open_cases);
  for (const auto& [cases, bytes] : {std::pair{sizes.due_cases, small_bytes}, std::pair{sizes.open_cases, big_bytes}})
    table.add({"4 memory", "SQLite store (office default): resident growth per idle open case, " +
                               format_number(static_cast<double>(cases)) + " cases",
               bytes, "B/case", "≤ 512", bytes <= 512});
}

}  // namespace izin::bench
