// Figures the benchmarks measure, and the one table they are printed in.
#pragma once

#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace izin::bench {

// One measured figure, with what was measured and the target it answers.
struct Figure {
  std::string group;        // "1 in-memory", "2 durable" …
  std::string measured;     // what exactly was timed, in words
  double value = 0;
  std::string unit;         // "events/s", "MB/s", "B/case" …
  std::string target;       // "≥ 50000", "" when the figure is informative
  std::optional<bool> met;  // nullopt when there is no target
};

// The figures of one run, in the order they were measured.
class Table {
 public:
  // Adds a figure and echoes it at once (long runs show progress).
  void add(Figure f);
  const std::vector<Figure>& figures() const { return figures_; }
  // The value of the first figure whose `measured` starts with `prefix`.
  std::optional<double> find(const std::string& prefix) const;
  // Prints every figure as one aligned table.
  void print(std::ostream& out) const;

 private:
  std::vector<Figure> figures_;
};

// Seconds elapsed since construction (steady clock).
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// A number with thousands separators and sensible decimals ("1,234,567", "0.42").
std::string format_number(double v);

// Resident set size of this process in bytes (/proc/self/statm).
std::size_t resident_bytes();

}  // namespace izin::bench
