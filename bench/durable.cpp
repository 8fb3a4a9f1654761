// Figure 2: events/s on the SQLite store with synchronous=FULL, one event
// per transaction and batched with Engine::fire_batch (group commit).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parts.hpp"

namespace izin::bench {

namespace fs = std::filesystem;

namespace {

using Batch = std::vector<std::pair<std::string, EventRequest>>;

// Seconds per write(4 KiB) + fdatasync of a file in `dir`: what the disk charges per commit.
double fdatasync_seconds(const fs::path& dir, int rounds) {
  const std::string file = (dir / "fsync-probe").string();
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  require(fd >= 0, "can create " + file);
  const std::vector<char> page(4096, 'x');
  Stopwatch w;
  for (int i = 0; i < rounds; ++i) {
    require(::pwrite(fd, page.data(), page.size(), static_cast<off_t>(i) * 4096) == 4096, "write " + file);
    require(::fdatasync(fd) == 0, "fdatasync " + file);
  }
  const double s = w.seconds() / rounds;
  ::close(fd);
  fs::remove(file);
  return s;
}

// Opens `cases` PBG cases in the store at `db` (setup: synchronous=NORMAL, not timed).
std::vector<std::string> open_cases(const Office& office, const fs::path& db, std::size_t cases) {
  FakeClock clock(wita(2026, 7, 6, 9));
  auto store = open_sqlite_store(db.string(), SqliteOptions{false, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < cases; ++i) {
    Outcome o = engine.open(pbg_application());
    require(o.accepted, "open on sqlite");
    ids.push_back(std::move(o.case_id));
  }
  return ids;
}

// Fires `batches` with fire_batch; returns how many events were accepted.
std::size_t fire_batches(Engine& engine, const std::vector<Batch>& batches) {
  std::size_t accepted = 0;
  for (const Batch& b : batches)
    for (const Outcome& o : engine.fire_batch(b)) accepted += o.accepted ? 1 : 0;
  return accepted;
}

// The rest of the path for every case, cut into batches of `size` events;
// the first `done` cases already had their first event.
std::vector<Batch> path_batches(const std::vector<std::string>& ids, std::size_t done, std::size_t size) {
  std::vector<Batch> batches;
  for (std::size_t k = 0; k < pbg_path().size(); ++k)
    for (std::size_t i = (k == 0 ? done : 0); i < ids.size(); i += size) {
      Batch b;
      for (std::size_t j = i; j < std::min(ids.size(), i + size); ++j) b.emplace_back(ids[j], pbg_path()[k]);
      batches.push_back(std::move(b));
    }
  return batches;
}

// Reopens the file in a fresh engine: the last case must be approved, from disk.
void check_durable(const Office& office, const fs::path& db, const std::string& id) {
  FakeClock clock(wita(2026, 7, 7, 9));
  auto store = open_sqlite_store(db.string());
  Engine engine(clock, *store);
  register_office(engine, office);
  const std::optional<Case> c = engine.find(id);
  require(c && c->outcome == "granted" && c->history.size() == 6, "case " + id + " approved on disk");
}

}  // namespace

void measure_durable(Table& table, const Office& office, const Sizes& sizes, const fs::path& dir) {
  const fs::path db = dir / "bench.db";
  const std::vector<std::string> ids = open_cases(office, db, sizes.durable_cases);
  const std::size_t singles = std::min(sizes.single_commits, ids.size());
  FakeClock clock(wita(2026, 7, 6, 10));
  auto store = open_sqlite_store(db.string(), SqliteOptions{true, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  std::size_t accepted = 0;
  Stopwatch single;
  for (std::size_t i = 0; i < singles; ++i) accepted += engine.fire(ids[i], pbg_path()[0]).accepted ? 1 : 0;
  const double single_s = single.seconds();
  require(accepted == singles, "single-commit events accepted");
  const std::vector<Batch> batches = path_batches(ids, singles, sizes.batch);
  const std::size_t batched_events = ids.size() * pbg_path().size() - singles;
  Stopwatch batched;
  require(fire_batches(engine, batches) == batched_events, "batched events accepted");
  const double batched_s = batched.seconds();
  check_durable(office, db, ids.back());
  const std::string b = std::to_string(sizes.batch);
  table.add({"2 durable", "one event per transaction (" + std::to_string(singles) + " events)",
             static_cast<double>(singles) / single_s, "ev/s", "", std::nullopt});
  table.add({"2 durable", "commit latency, one event per transaction", 1e3 * single_s / static_cast<double>(singles),
             "ms", "", std::nullopt});
  table.add({"2 durable", "fire_batch of " + b + " (" + std::to_string(batched_events) + " events)",
             static_cast<double>(batched_events) / batched_s, "ev/s", "≥ 50,000", batched_events / batched_s >= 50000});
  table.add({"2 durable", "commit latency per batch of " + b,
             1e3 * batched_s / static_cast<double>(batches.size()), "ms", "", std::nullopt});
  table.add({"2 durable", "raw write 4 KiB + fdatasync on the same disk", 1e3 * fdatasync_seconds(dir, 200), "ms", "",
             std::nullopt});
}

}  // namespace izin::bench
