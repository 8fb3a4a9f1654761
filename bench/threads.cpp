// Figure 7: two threads on disjoint cases, in memory. The documented
// threading contract is one Engine per thread; each desk here is an Engine
// with its own memory store and clock. The same two desks run one after the
// other on one thread, then side by side on two threads: the ratio of the
// times is what a second core buys.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "parts.hpp"

namespace izin::bench {

namespace {

// What one desk did: events refused (0 when the work happened) and the CPU
// time its thread spent, which other load on the machine does not inflate.
struct DeskRun {
  std::size_t refused = 0;
  double cpu_s = 0;
};

// CPU seconds the calling thread has used.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// One desk: opens `cases` cases and fires the five-event path on all of them.
DeskRun run_desk(const Office& office, std::size_t cases) {
  const double cpu_start = thread_cpu_seconds();
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
  Outcome outcome;  // one for every event, as a desk firing in a loop would keep it
  for (std::size_t k = 0; k < pbg_path().size(); ++k) {
    clock.set(wita(2026, 7, 6, 10 + static_cast<int>(k)));
    for (const std::string& id : ids) {
      engine.fire(id, pbg_path()[k], outcome);
      refused += outcome.accepted ? 0 : 1;
    }
  }
  const std::optional<Case> last = engine.find(ids.back());
  require(last && last->closed && last->outcome == "granted", "the desk's last case was granted");
  return DeskRun{refused, thread_cpu_seconds() - cpu_start};
}

// Wall and summed CPU seconds of a run of desks.
struct DesksRun {
  double wall_s = 0;
  double cpu_s = 0;
};

// `desks` desks of `cases` each, one after the other or each on its own thread.
DesksRun run_desks(const Office& office, std::size_t desks, std::size_t cases, bool parallel) {
  std::vector<DeskRun> runs(desks);
  Stopwatch watch;
  if (parallel) {
    std::vector<std::thread> threads;
    for (std::size_t d = 0; d < desks; ++d) threads.emplace_back([&, d] { runs[d] = run_desk(office, cases); });
    for (std::thread& t : threads) t.join();
  } else {
    for (std::size_t d = 0; d < desks; ++d) runs[d] = run_desk(office, cases);
  }
  DesksRun out{watch.seconds(), 0};
  for (const DeskRun& r : runs) {
    require(r.refused == 0, "every event of every desk was accepted");
    out.cpu_s += r.cpu_s;
  }
  return out;
}

// A loop run twice in turn on one thread, then once on each of two: the
// first time over the second.
double ceiling(const std::function<std::uint64_t(std::uint64_t)>& loop) {
  std::uint64_t sink[2] = {0, 0};
  Stopwatch one;
  sink[0] = loop(1);
  sink[1] = loop(2);
  const double one_s = one.seconds();
  Stopwatch two;
  std::thread other([&] { sink[1] += loop(2); });
  sink[0] += loop(1);
  other.join();
  const double two_s = two.seconds();
  require(sink[0] != 0 || sink[1] != 0, "the ceiling loops ran");
  return one_s / two_s;
}

// What the machine itself gives a second thread: a loop of arithmetic that
// touches no memory and allocates nothing, run twice on one thread and then
// once on each of two, timed the same way as the desks. On a VM whose two
// vCPUs share a physical core (or a busy host), this is below 2 and caps
// what any program can reach.
double spin_ceiling() {
  return ceiling([](std::uint64_t seed) {
    std::uint64_t x = seed;
    for (std::uint64_t i = 0; i < 400'000'000; ++i) x = x * 6364136223846793005ULL + i;  // no memory traffic
    return x;
  });
}

// The same for memory: each loop reads and writes 64 MB of its own at random
// (each read waits for the one before, as a hash lookup does), so what a
// second thread loses here is the machine's caches and memory, not izin's.
double memory_ceiling() {
  constexpr std::size_t kWords = std::size_t{8} << 20;  // 64 MB each, filled before the timing
  std::vector<std::uint64_t> tables[2] = {std::vector<std::uint64_t>(kWords), std::vector<std::uint64_t>(kWords)};
  std::uint64_t x = 1;
  for (auto& table : tables)
    for (auto& w : table) w = (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 11;
  return ceiling([&](std::uint64_t seed) {
    std::vector<std::uint64_t>& table = tables[seed - 1];
    std::uint64_t at = seed;
    for (int i = 0; i < 6'000'000; ++i) {
      at = table[at % kWords];
      table[(at >> 7) % kWords] += at;
    }
    return at | 1;
  });
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
  const DesksRun one = run_desks(office, 2, cases, false);
  const DesksRun two = run_desks(office, 2, cases, true);
  const std::string of = "2 desks × " + std::to_string(cases) + " cases, own engine + memory store each";
  table.add({"7 threads", "one thread, desks in turn (" + of + ")", events / one.wall_s, "ev/s", "", std::nullopt});
  table.add({"7 threads", "two threads, one desk each (same work)", events / two.wall_s, "ev/s", "", std::nullopt});
  table.add({"7 threads", "machine load average (1 min) before the runs, on " +
                              std::to_string(std::thread::hardware_concurrency()) + " cores",
             load, "", "", std::nullopt});
  table.add({"7 threads", "the machine's ceiling: two spin loops (no memory) on two threads ÷ on one",
             spin_ceiling(), "×", "", std::nullopt});
  table.add({"7 threads", "the machine's ceiling for memory: two loops of random reads and writes, 64 MB each",
             memory_ceiling(), "×", "", std::nullopt});
  // ≈ 1 when the threads do not slow each other (no shared lock, cache line or allocator arena).
  table.add({"7 threads", "CPU time per event, two threads ÷ one thread", two.cpu_s / one.cpu_s, "×", "",
             std::nullopt});
  const double ratio = one.wall_s / two.wall_s;
  table.add({"7 threads", "two threads ÷ one thread", ratio, "×", "≥ 1.7", ratio >= 1.7});
}

}  // namespace izin::bench
