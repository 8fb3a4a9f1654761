// LineTable: byte offsets, parser columns and UTF-16 columns of one text.
#include "izin/lsp/text.hpp"

#include <algorithm>

namespace izin::lsp {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

LineTable::LineTable(std::string_view text) : text_(text) {
  starts_.push_back(text.substr(0, 3) == kByteOrderMark ? 3 : 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view LineTable::line(int line) const {
  if (line < 0 || line >= line_count()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line)];
  const std::size_t next = line + 1 < line_count() ? starts_[static_cast<std::size_t>(line) + 1] - 1 : text_.size();
  std::string_view s = text_.substr(start, next - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

Position LineTable::position(SourceLoc loc) const {
  const int line = std::max(loc.line - 1, 0);
  const std::string_view s = this->line(line);
  int units = 0;
  std::size_t i = 0;
  // Walk code points up to the column, counting UTF-16 units (astral characters are two).
  for (int column = 1; column < loc.column && i < s.size(); ++column) {
    const std::size_t n = utf8_length(static_cast<unsigned char>(s[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {line, units};
}

Range LineTable::range(SourceLoc loc, std::size_t length) const {
  const Position start = position(loc);
  return {start, position({loc.line, loc.column + static_cast<int>(length)})};
}

std::size_t LineTable::offset(Position at) const {
  if (at.line < 0) return 0;
  if (at.line >= line_count()) return text_.size();
  const std::size_t start = starts_[static_cast<std::size_t>(at.line)];
  const std::string_view s = line(at.line);
  std::size_t i = 0;
  for (int units = 0; units < at.character && i < s.size();) {
    const std::size_t n = utf8_length(static_cast<unsigned char>(s[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return start + std::min(i, s.size());
}

Position LineTable::end() const {
  const int last = line_count() - 1;
  const std::string_view s = line(last);
  return position({last + 1, static_cast<int>(s.size()) + 1});
}

}  // namespace izin::lsp
