// izin_bench: measures the figures of docs/benchmarks.md and prints one
// table. bench/run builds it in Release, runs the peers, and passes their
// figures in with --peer.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "parts.hpp"

namespace {

namespace fs = std::filesystem;
using izin::bench::Sizes;

// Small sizes for a smoke run (CI, or while other work shares the machine).
Sizes quick_sizes() {
  Sizes s;
  s.path_cases = 10000;
  s.durable_cases = 2000;
  s.single_commits = 200;
  s.group_commit_cases = 640;
  s.generated = 400;
  s.files = 1000;
  s.open_cases = 100000;
  s.due_cases = 10000;
  return s;
}

// `base` with every size the user gave on the command line.
Sizes merge(Sizes base, const Sizes& asked, const CLI::App& app) {
  const auto given = [&](const char* name) { return app.count(name) > 0; };
  if (given("--cases")) base.path_cases = asked.path_cases;
  if (given("--durable-cases")) base.durable_cases = asked.durable_cases;
  if (given("--generated")) base.generated = asked.generated;
  if (given("--files")) base.files = asked.files;
  if (given("--open-cases")) base.open_cases = asked.open_cases;
  if (given("--due-cases")) base.due_cases = asked.due_cases;
  base.due_cases = std::min(base.due_cases, base.open_cases);
  return base;
}

// Runs the parts asked for; the table is printed even when a part fails.
int run(const std::set<std::string>& parts, const Sizes& sizes, const std::map<std::string, double>& peers,
        const fs::path& dir) {
  using namespace izin::bench;
  Table table;
  int status = 0;
  try {
    const Office office = load_office();
    // First, so resident set growth is not hidden by memory other parts freed.
    if (parts.count("open-cases")) measure_office_memory(table, office, sizes, dir);
    if (parts.count("open-cases")) measure_open_cases(table, office, sizes);
    if (parts.count("events")) measure_in_memory(table, office, sizes);
    if (parts.count("threads")) measure_threads(table, office, sizes);
    if (parts.count("durable")) measure_durable(table, office, sizes, dir);
    if (parts.count("group-commit")) measure_group_commit(table, office, sizes, dir);
    if (parts.count("compile")) measure_compile(table, office, sizes, dir);
    if (parts.count("peers")) report_peers(table, peers);
  } catch (const std::exception& e) {
    std::cerr << "izin_bench: " << e.what() << '\n';
    status = 1;
  }
  std::cout << '\n';
  table.print(std::cout);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"izin_bench: how fast, how big, against the peers"};
  bool quick = false;
  std::set<std::string> parts{"events", "threads", "durable", "group-commit", "compile", "peers", "open-cases"};
  std::vector<std::string> peer_args;
  std::string dir = (fs::temp_directory_path() / ("izin-bench-" + std::to_string(::getpid()))).string();
  Sizes sizes;
  app.add_flag("--quick", quick, "small sizes, for a smoke run");
  app.add_option("--only", parts, "parts to run: events, threads, durable, group-commit, compile, peers, open-cases")->delimiter(',');
  app.add_option("--peer", peer_args, "a peer's events/s on the path, NAME=RATE (repeatable)");
  app.add_option("--dir", dir, "scratch directory on the disk to measure (removed afterwards)");
  Sizes asked;
  app.add_option("--cases", asked.path_cases, "figure 1: cases through the path");
  app.add_option("--durable-cases", asked.durable_cases, "figure 2: cases on the SQLite store");
  app.add_option("--generated", asked.generated, "figure 3: generated procedures compiled");
  app.add_option("--files", asked.files, "figure 3: PBG files in the loaded directory");
  app.add_option("--open-cases", asked.open_cases, "figures 4, 5: idle open cases");
  app.add_option("--due-cases", asked.due_cases, "figure 5: open cases whose deadline falls due");
  CLI11_PARSE(app, argc, argv);
  std::map<std::string, double> peers;
  for (const std::string& p : peer_args) {
    const auto eq = p.find('=');
    if (eq == std::string::npos) return app.exit(CLI::ValidationError("--peer", "expected NAME=RATE, got " + p));
    peers[p.substr(0, eq)] = std::stod(p.substr(eq + 1));
  }
  sizes = merge(quick ? quick_sizes() : Sizes{}, asked, app);
  fs::create_directories(dir);
  const int status = run(parts, sizes, peers, dir);
  fs::remove_all(dir);
  return status;
}
