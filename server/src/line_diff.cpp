#include "line_diff.hpp"

#include <algorithm>

namespace izin::server {

namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat table.
std::vector<int> lcs_table(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t w = b.size() + 1;
  std::vector<int> t((a.size() + 1) * w, 0);
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      t[i * w + j] = a[i] == b[j] ? t[(i + 1) * w + j + 1] + 1 : std::max(t[(i + 1) * w + j], t[i * w + j + 1]);
  return t;
}

}  // namespace

std::vector<DiffLine> line_diff(std::string_view before, std::string_view after, std::size_t max_lines) {
  const auto a = lines_of(before), b = lines_of(after);
  std::vector<DiffLine> out;
  if (a.size() > max_lines || b.size() > max_lines) {
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back({DiffLine::Kind::Removed, static_cast<int>(i + 1), 0, a[i]});
    for (std::size_t j = 0; j < b.size(); ++j) out.push_back({DiffLine::Kind::Added, 0, static_cast<int>(j + 1), b[j]});
    return out;
  }
  const auto t = lcs_table(a, b);
  const std::size_t w = b.size() + 1;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out.push_back({DiffLine::Kind::Same, static_cast<int>(i + 1), static_cast<int>(j + 1), a[i]});
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || t[i * w + j + 1] > t[(i + 1) * w + j])) {  // on a tie the removal comes first
      out.push_back({DiffLine::Kind::Added, 0, static_cast<int>(j + 1), b[j]});
      ++j;
    } else {
      out.push_back({DiffLine::Kind::Removed, static_cast<int>(i + 1), 0, a[i]});
      ++i;
    }
  }
  return out;
}

}  // namespace izin::server
