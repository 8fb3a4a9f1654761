// A line diff of two texts (longest common subsequence), for comparing saved versions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace izin::server {

// One line of a diff: kept in both, only in the old text, or only in the new.
struct DiffLine {
  enum class Kind { Same, Removed, Added } kind = Kind::Same;
  int old_line = 0;  // 1-based; 0 when the line is not in the old text
  int new_line = 0;  // 1-based; 0 when the line is not in the new text
  std::string text;
};

// The lines of `before` and `after` in order, each marked Same, Removed or Added,
// with as many Same lines as possible. Texts above `max_lines` lines each are
// compared as wholly removed and added (the table would be too large).
std::vector<DiffLine> line_diff(std::string_view before, std::string_view after, std::size_t max_lines = 5000);

}  // namespace izin::server
