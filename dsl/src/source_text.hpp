// A source text seen as lines: byte offsets to (line, column), the text of a
// line for carets, encoding checks and a stable digest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin::detail {

// Line starts of one text. Columns count characters (UTF-8 code points),
// tabs count one; a UTF-8 byte-order mark at the start is not a column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // Line and column (from 1) of a byte offset.
  SourceLoc locate(std::size_t offset) const;
  // The text of line `line` (from 1) without its line break; "" when none.
  std::string_view line_text(int line) const;
  // Byte offset where the content starts (after a byte-order mark).
  std::size_t content_start() const { return starts_.empty() ? 0 : starts_.front(); }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::vector<bool> ascii_;  // by line: no multi-byte characters, so column = byte distance + 1
  // The last answer, so that locating forward along one long line stays linear.
  mutable std::size_t last_offset_ = 0;
  mutable SourceLoc last_loc_{};
};

// An encoding problem found before parsing.
struct EncodingProblem {
  std::size_t offset = 0;
  bool nul_or_control = false;  // else invalid UTF-8
};

// Invalid UTF-8 sequences and NUL/control bytes (other than tab, CR, LF), at
// most `limit` of them, at most one per line.
std::vector<EncodingProblem> find_encoding_problems(std::string_view text, std::size_t limit);

// FNV-1a 64-bit digest of the text, as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view text);

}  // namespace izin::detail
