// Printing the table of figures, and the two measurements every part needs.
#include "figure.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace izin::bench {

void Table::add(Figure f) {
  std::cerr << "  [" << f.group << "] " << f.measured << ": " << format_number(f.value) << ' ' << f.unit << '\n';
  figures_.push_back(std::move(f));
}

std::optional<double> Table::find(const std::string& prefix) const {
  for (const Figure& f : figures_)
    if (f.measured.rfind(prefix, 0) == 0) return f.value;
  return std::nullopt;
}

namespace {

// Display width of UTF-8 text (counts code points, not bytes).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `s` padded with spaces to `w` columns.
std::string pad(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

}  // namespace

void Table::print(std::ostream& out) const {
  std::size_t wg = 5, wm = 8, wv = 5, wt = 6;
  for (const Figure& f : figures_) {
    wg = std::max(wg, width(f.group));
    wm = std::max(wm, width(f.measured));
    wv = std::max(wv, width(format_number(f.value) + " " + f.unit));
    wt = std::max(wt, width(f.target));
  }
  out << pad("group", wg) << " | " << pad("measured", wm) << " | " << pad("value", wv) << " | " << pad("target", wt)
      << " | met\n";
  out << std::string(wg + wm + wv + wt + 15, '-') << '\n';
  for (const Figure& f : figures_) {
    const std::string met = !f.met ? "" : (*f.met ? "yes" : "NO");
    out << pad(f.group, wg) << " | " << pad(f.measured, wm) << " | " << pad(format_number(f.value) + " " + f.unit, wv)
        << " | " << pad(f.target, wt) << " | " << met << '\n';
  }
}

std::string format_number(double v) {
  std::ostringstream s;
  const double a = std::fabs(v);
  const int decimals = a >= 100 ? 0 : (a >= 10 ? 1 : (a >= 1 ? 2 : 3));
  s << std::fixed << std::setprecision(decimals) << v;
  std::string text = s.str();
  const auto dot = text.find('.');
  auto end = dot == std::string::npos ? text.size() : dot;
  const std::size_t first = text[0] == '-' ? 1 : 0;
  while (end > first + 3) {
    end -= 3;
    text.insert(end, 1, ',');
  }
  return text;
}

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace izin::bench
