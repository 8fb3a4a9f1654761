// The formatter: each line split into code, strings and a comment; the code's
// tokens re-spaced, the line re-indented from the braces and parentheses before it.
#include "izin/lsp/format.hpp"

#include <algorithm>

#include "parse.hpp"
#include "source_text.hpp"

namespace izin::lsp {

namespace {

// One line split: tokens of code (strings whole), then an optional comment.
struct SplitLine {
  std::vector<std::string> tokens;
  std::vector<bool> space_before;  // whether whitespace preceded each token in the source
  std::string comment;             // from `#`, trailing space removed
  std::size_t comment_gap = 0;     // spaces before the comment after code
};

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the string literal opening at `i` (past its closing quote, or the line's end).
std::size_t string_end(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return s.size();
}

SplitLine split(std::string_view s) {
  SplitLine out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    std::size_t j = i + 1;
    if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    if (c == '#') {
      std::string_view rest = s.substr(i);
      rest = rest.substr(0, rest.find_last_not_of(" \t\r") + 1);
      out.comment = std::string(rest);
      std::size_t gap = 0;
      while (gap < i && (s[i - 1 - gap] == ' ' || s[i - 1 - gap] == '\t')) ++gap;
      out.comment_gap = std::max<std::size_t>(gap, 1);
      break;
    }
    if (c == '"') j = string_end(s, i);
    else if (word_char(c)) while (j < s.size() && word_char(s[j])) ++j;
    else if (c == '-' && j < s.size() && s[j] == '>') ++j;
    else if ((c == '=' || c == '!' || c == '<' || c == '>') && j < s.size() && s[j] == '=') ++j;
    else if ((c == '&' || c == '|') && j < s.size() && s[j] == c) ++j;
    out.tokens.emplace_back(s.substr(i, j - i));
    out.space_before.push_back(space);
    space = false;
    i = j;
  }
  return out;
}

// Whether one space goes between two tokens.
bool spaced(const std::string& before, const std::string& token, bool had_space) {
  if (token == "," || token == ")") return false;
  if (before == "(") return false;
  if (before == "," || token == "->" || before == "->") return true;
  return had_space;
}

std::string join(const SplitLine& line) {
  std::string out;
  for (std::size_t i = 0; i < line.tokens.size(); ++i) {
    if (i > 0 && spaced(line.tokens[i - 1], line.tokens[i], line.space_before[i])) out += ' ';
    out += line.tokens[i];
  }
  return out;
}

// Whether the next line continues this one's expression or list.
bool continues(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return false;
  const std::string& t = tokens.back();
  static const std::vector<std::string> kOpen{",", "->", "=", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*",
                                              "/", "?", ":", "(", "&&", "||", "and", "or", "not", "when", "by",
                                              "requires"};
  return std::find(kOpen.begin(), kOpen.end(), t) != kOpen.end();
}

// Whether a line's first token can only continue the item above it.
bool continuing(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return false;
  static const std::vector<std::string> kLeads{"requires", "when", "by", "->", "deemed", "and", "or", "?", ":",
                                               "+", "-", "*", "/", "==", "!=", "<", ">", "<=", ">=", "&&", "||"};
  return std::find(kLeads.begin(), kLeads.end(), tokens.front()) != kLeads.end();
}

}  // namespace

std::string format_text(std::string_view text) {
  std::string out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    out += text.substr(0, 3);
    text.remove_prefix(3);
  }
  int braces = 0, parens = 0;
  bool continuation = false, pending_blank = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const SplitLine line = split(text.substr(start, nl - start));
    start = nl + 1;
    if (line.tokens.empty() && line.comment.empty()) {
      pending_blank = out.size() > 3 || (!out.empty() && out.back() == '\n');
      continue;
    }
    if (pending_blank) out += '\n';
    pending_blank = false;
    int depth = braces;
    if (!line.tokens.empty() && line.tokens.front() == "}") --depth;
    const bool extra = !line.tokens.empty() && (continuation || parens > 0 || continuing(line.tokens));
    out.append(static_cast<std::size_t>(std::max(depth, 0)) * 2 + (extra ? 2 : 0), ' ');
    const std::string code = join(line);
    out += code;
    if (!line.comment.empty()) out += (code.empty() ? "" : std::string(line.comment_gap, ' ')) + line.comment;
    out += '\n';
    for (const auto& t : line.tokens) {
      braces += t == "{" ? 1 : t == "}" ? -1 : 0;
      parens += t == "(" ? 1 : t == ")" ? -1 : 0;
    }
    if (!line.tokens.empty()) continuation = continues(line.tokens);
  }
  return out;
}

Formatted format_procedure(std::string_view text, const std::string& file, Language lang) {
  const detail::LineIndex lines(text);
  auto parsed = detail::parse_procedure(text, lines, file, lang);
  Formatted result;
  for (auto& d : parsed.diagnostics)
    if (d.severity == Severity::Error) result.refusal.push_back(std::move(d));
  if (result.ok()) result.text = format_text(text);
  return result;
}

}  // namespace izin::lsp
