// The studio's line diff: the longest common subsequence of lines, marked kept, removed or added.
#include <catch2/catch.hpp>

#include "line_diff.hpp"

using izin::server::DiffLine;
using izin::server::line_diff;

namespace {
std::string marks(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& l : lines) out += (l.kind == DiffLine::Kind::Same ? " " : l.kind == DiffLine::Kind::Added ? "+" : "-") + l.text + "\n";
  return out;
}
}  // namespace

TEST_CASE("line diff keeps common lines and marks a changed line as removed then added") {
  const auto d = line_diff("a\nb\nc\n", "a\nB\nc\n");
  CHECK(marks(d) == " a\n-b\n+B\n c\n");
  CHECK(d[1].old_line == 2);
  CHECK(d[1].new_line == 0);
  CHECK(d[2].new_line == 2);
  CHECK(d[3].old_line == 3);
  CHECK(d[3].new_line == 3);
}

TEST_CASE("line diff of equal texts keeps every line and of empty texts is empty") {
  CHECK(marks(line_diff("x\ny", "x\ny")) == " x\n y\n");
  CHECK(line_diff("", "").empty());
  CHECK(marks(line_diff("", "n\n")) == "+n\n");
  CHECK(marks(line_diff("o\n", "")) == "-o\n");
}

TEST_CASE("line diff finds the longest run of kept lines around an insertion and a deletion") {
  CHECK(marks(line_diff("1\n2\n3\n4\n", "1\n3\nx\n4\n")) == " 1\n-2\n 3\n+x\n 4\n");
}

TEST_CASE("line diff above the line limit compares the texts as wholly replaced") {
  CHECK(marks(line_diff("a\nb\nc\n", "a\nb\n", 2)) == "-a\n-b\n-c\n+a\n+b\n");
}
