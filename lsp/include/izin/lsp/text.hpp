// A document's text seen as lines, translating between the parser's places
// (line and code point from 1) and LSP's (line and UTF-16 unit from 0).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/lsp/index.hpp"

namespace izin::lsp {

class LineTable {
 public:
  explicit LineTable(std::string_view text);

  int line_count() const { return static_cast<int>(starts_.size()); }
  // Line `line` (from 0) without its line break; "" past the end.
  std::string_view line(int line) const;
  // The LSP position of a parser place.
  Position position(SourceLoc loc) const;
  // The range of `length` code points starting at a parser place.
  Range range(SourceLoc loc, std::size_t length) const;
  // The byte offset of an LSP position, clamped to its line.
  std::size_t offset(Position at) const;
  // The LSP position just past the last character.
  Position end() const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// Bytes of a UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead);

}  // namespace izin::lsp
