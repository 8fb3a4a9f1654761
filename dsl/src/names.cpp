#include "names.hpp"

#include <algorithm>

namespace izin::detail {

namespace {
// Levenshtein distance, giving up (returning limit + 1) beyond `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}
}  // namespace

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  // Enough for typos, not so many that unrelated names are offered.
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  constexpr std::size_t kMaxCandidates = 5000;  // keeps hostile inputs linear
  if (candidates.size() > kMaxCandidates) return {};
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(name, c, limit);
    if (d < best_distance && d < c.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

int NameTable::add(const std::string& name, SourceLoc loc) {
  const auto [it, inserted] = index_.emplace(name, static_cast<int>(names_.size()));
  if (!inserted) return it->second;
  names_.push_back(name);
  locs_.push_back(loc);
  return -1;
}

int NameTable::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  return it == index_.end() ? -1 : it->second;
}

}  // namespace izin::detail
