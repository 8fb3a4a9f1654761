// The parts of the benchmark run, one per figure family of docs/benchmarks.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "figure.hpp"
#include "office.hpp"

namespace izin::bench {

// How big each part runs (bench/run uses the defaults; --quick shrinks them).
struct Sizes {
  std::size_t path_cases = 100000;     // 1: cases through the five-event path
  std::size_t durable_cases = 10000;   // 2: cases on the SQLite store
  std::size_t single_commits = 1000;   // 2: events committed one per transaction
  std::size_t batch = 1000;            // 2: events per fire_batch
  std::size_t group_commit_cases = 3200;  // 8: cases 32 callers take down the path through a CommitQueue
  std::size_t generated = 4000;        // 3: generated procedures compiled
  std::size_t files = 1000;            // 3: PBG-sized files loaded from one directory
  std::size_t open_cases = 1000000;    // 4, 5: idle open cases held by the engine
  std::size_t due_cases = 100000;      // 5: of those, cases whose deadline falls due
};

// 1: in-memory events/s over Engine + memory store + FakeClock.
void measure_in_memory(Table& table, const Office& office, const Sizes& sizes);
// 2: durable events/s on SQLite (synchronous=FULL), one per commit and batched.
void measure_durable(Table& table, const Office& office, const Sizes& sizes, const std::filesystem::path& dir);
// 8: 32 callers through one CommitQueue on SQLite (synchronous=FULL).
void measure_group_commit(Table& table, const Office& office, const Sizes& sizes, const std::filesystem::path& dir);
// 3: parse+compile+check MB/s, and izin::load over a directory of PBG files.
void measure_compile(Table& table, const Office& office, const Sizes& sizes, const std::filesystem::path& dir);
// 4 and 5: memory per idle open case on the memory store, and advance_to over many open cases.
void measure_open_cases(Table& table, const Office& office, const Sizes& sizes);
// 4: memory per idle open case on the office's store (SQLite: cases on disk,
// the engine's cache of live cases in memory).
void measure_office_memory(Table& table, const Office& office, const Sizes& sizes, const std::filesystem::path& dir);
// 7: two threads (one Engine and memory store each) against one thread doing the same work.
void measure_threads(Table& table, const Office& office, const Sizes& sizes);
// 6: the peers' events/s (from bench/peers, by name) and izin's ratio to each.
void report_peers(Table& table, const std::map<std::string, double>& peer_events_per_s);

}  // namespace izin::bench
