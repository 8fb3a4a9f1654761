#include "source_text.hpp"

#include <algorithm>
#include <cstdio>

#include "izin/utf8.hpp"

namespace izin::detail {

namespace {
// True for the bytes that continue a UTF-8 sequence.
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  starts_.push_back(bom ? 3 : 0);
  ascii_.push_back(true);
  for (std::size_t i = starts_.front(); i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
      ascii_.push_back(true);
    } else if (static_cast<unsigned char>(text[i]) >= 0x80) {
      ascii_.back() = false;
    }
  }
}

SourceLoc LineIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  if (it != starts_.begin()) --it;
  const int line = static_cast<int>(it - starts_.begin()) + 1;
  std::size_t from = *it;
  if (offset >= from && ascii_[static_cast<std::size_t>(line - 1)]) return {line, static_cast<int>(offset - from) + 1};
  int column = 1;
  if (last_loc_.line == line && last_offset_ >= from && last_offset_ <= offset) {
    from = last_offset_;
    column = last_loc_.column;
  }
  for (std::size_t i = from; i < offset; ++i)
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column;
  last_offset_ = offset;
  last_loc_ = {line, column};
  return last_loc_;
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  const std::size_t start = starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < starts_.size() ? starts_[static_cast<std::size_t>(line)] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

std::vector<EncodingProblem> find_encoding_problems(std::string_view text, std::size_t limit) {
  std::vector<EncodingProblem> problems;
  std::size_t last_line_start = std::string_view::npos, line_start = 0;
  for (std::size_t i = 0; i < text.size() && problems.size() < limit;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') line_start = i + 1;
    const bool control = c < 0x20 && c != '\t' && c != '\r' && c != '\n';
    const std::size_t n = control ? 1 : utf8_sequence_length(text, i);
    if ((control || n == 0) && line_start != last_line_start) {
      problems.push_back({i, control});
      last_line_start = line_start;
    }
    i += n == 0 ? 1 : n;
  }
  return problems;
}

std::string fnv1a_hex(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : text) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace izin::detail
