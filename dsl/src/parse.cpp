#include "parse.hpp"

#include <array>
#include <cstdio>

#include <tao/pegtl.hpp>

#include "actions.hpp"
#include "messages.hpp"

namespace izin::detail {

namespace {

namespace pegtl = tao::pegtl;

// Keywords that start a top-level declaration or state.
constexpr std::array<std::string_view, 13> kTopKeywords{"title", "legal", "product", "calendar", "sla", "roles", "data",
                                                        "requirements", "rule", "fee", "initial", "state", "final"};
// Keywords that start an item of a state body.
constexpr std::array<std::string_view, 3> kStateKeywords{"on", "after", "clock"};

// How one attempt to parse an item ended.
enum class Attempt { Matched, NoMatch, Error };

bool is_ident_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Parses one file, item by item, with recovery.
class Parser {
 public:
  Parser(std::string_view text, const LineIndex& lines, const std::string& file, Language lang)
      : text_(text), lines_(lines), file_(file), lang_(lang) {
    st_.text = text.data();
    st_.lines = &lines;
  }

  ParseResult run();

 private:
  template <class Rule>
  Attempt attempt(std::size_t& pos, std::size_t item_start);
  void parse_items(std::size_t pos);
  std::size_t parse_state(std::size_t pos);
  std::size_t after_final(std::size_t pos);
  std::size_t recover(std::size_t item_start, std::size_t error_at, bool in_state);
  std::size_t skip_space(std::size_t pos) const;
  std::size_t skip_block(std::size_t pos) const;
  bool keyword_at(std::size_t pos, std::string_view word) const;
  std::string_view keyword_here(std::size_t pos, bool in_state) const;
  std::string token_at(std::size_t pos) const;
  std::string context_before(std::size_t item_start, std::size_t pos) const;
  std::size_t code_end(std::size_t item_start, std::size_t pos) const;
  void report(std::size_t pos, Msg msg, std::initializer_list<std::string_view> args);
  void report_syntax(std::size_t item_start);
  std::string word(const char* en, const char* id) const { return lang_ == Language::Indonesian ? id : en; }
  std::size_t error_offset() const { return static_cast<std::size_t>(st_.error_at - text_.data()); }

  std::string_view text_;
  const LineIndex& lines_;
  const std::string& file_;
  Language lang_;
  ParseState st_;
  std::vector<Diagnostic> diags_;
  bool recovered_to_eof_ = false;
};

template <class Rule>
Attempt Parser::attempt(std::size_t& pos, std::size_t item_start) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text_.data() + pos, text_.data() + text_.size(), file_);
  st_.expected = nullptr;
  st_.too_deep = false;
  st_.too_long = false;
  try {
    if (!pegtl::parse<Rule, Action, SyntaxControl>(in, st_)) return Attempt::NoMatch;
  } catch (const pegtl::parse_error&) {
    report_syntax(item_start);
    return Attempt::Error;
  }
  pos = static_cast<std::size_t>(in.current() - text_.data());
  return Attempt::Matched;
}

ParseResult Parser::run() {
  const auto problems = find_encoding_problems(text_, 20);
  for (const auto& p : problems) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text_[p.offset])));
    if (p.nul_or_control) report(p.offset, Msg::ControlChar, {hex});
    else report(p.offset, Msg::InvalidUtf8, {});
  }
  if (problems.empty()) {
    std::size_t pos = lines_.content_start();
    if (attempt<grammar::header>(pos, pos) == Attempt::Error) pos = recover(pos, error_offset(), false);
    parse_items(pos);
  }
  for (const auto& n : st_.bad_numbers) {
    diags_.push_back({Severity::Error, std::string(message_code(Msg::NumberRange)), file_, n.loc.line, n.loc.column,
                      message_text(Msg::NumberRange, lang_, {n.text})});
  }
  return {std::move(st_.procedure), std::move(diags_)};
}

void Parser::parse_items(std::size_t pos) {
  while (true) {
    pos = skip_space(pos);
    if (pos >= text_.size()) {
      if (!recovered_to_eof_)
        report(code_end(0, pos), Msg::MissingClose,
               {word("the procedure", "prosedur"), word("the end of the file", "akhir berkas")});
      return;
    }
    if (text_[pos] == '}') {
      pos = skip_space(pos + 1);
      if (pos < text_.size()) report(pos, Msg::TrailingText, {});
      return;
    }
    st_.reset_item();
    st_.item_loc = lines_.locate(pos);
    if (keyword_at(pos, "initial") || keyword_at(pos, "state")) {
      pos = parse_state(pos);
      continue;
    }
    const std::size_t start = pos;
    st_.state = {};
    st_.state.loc = st_.item_loc;
    const Attempt a = attempt<grammar::top_item>(pos, start);
    if (a == Attempt::Matched && keyword_at(start, "final")) pos = after_final(pos);
    if (a == Attempt::Error) pos = recover(start, error_offset(), false);
    if (a == Attempt::NoMatch) {
      report(pos, Msg::SyntaxUnexpected,
             {lang_ == Language::Indonesian ? "deklarasi (title, legal, product, calendar, sla, roles, data, requirements, rule, fee) atau state"
                                            : "a declaration (title, legal, product, calendar, sla, roles, data, requirements, rule, fee) or a state",
              token_at(pos)});
      pos = recover(start, start, false);
    }
  }
}

// A final state followed by `{`: report it and skip the body.
std::size_t Parser::after_final(std::size_t pos) {
  if (pos >= text_.size() || text_[pos] != '{') return pos;
  const auto& name = st_.procedure.states.back().name.text;
  report(pos, Msg::FinalHasBody, {name});
  return skip_block(pos);
}

std::size_t Parser::parse_state(std::size_t pos) {
  const std::size_t start = pos;
  st_.state = {};
  st_.state.loc = st_.item_loc;
  if (attempt<grammar::state_head>(pos, start) == Attempt::Error) {
    if (!st_.state.name.text.empty()) st_.procedure.states.push_back(std::move(st_.state));
    return recover(start, error_offset(), false);
  }
  const std::string what = "state '" + st_.state.name.text + "'";
  while (true) {
    pos = skip_space(pos);
    if (pos >= text_.size() || !keyword_here(pos, false).empty()) {
      const bool eof = pos >= text_.size();
      if (!recovered_to_eof_)
        report(eof ? code_end(start, pos) : pos, Msg::MissingClose,
               {what, eof ? word("the end of the file", "akhir berkas") : "`" + std::string(keyword_here(pos, false)) + "`"});
      recovered_to_eof_ = recovered_to_eof_ || eof;  // the procedure's '}' is missing with it: one error is enough
      break;
    }
    if (text_[pos] == '}') { ++pos; break; }
    st_.reset_item();
    st_.item_loc = lines_.locate(pos);
    const std::size_t item = pos;
    const Attempt a = attempt<grammar::state_item>(pos, item);
    if (a == Attempt::Error) pos = recover(item, error_offset(), true);
    if (a == Attempt::NoMatch) {
      const std::string expected = lang_ == Language::Indonesian ? "`on`, `after`, `clock paused` atau '}' penutup " + what
                                                                 : "`on`, `after`, `clock paused` or '}' closing " + what;
      report(pos, Msg::SyntaxUnexpected, {expected, token_at(pos)});
      pos = recover(item, item, true);
    }
  }
  st_.procedure.states.push_back(std::move(st_.state));
  return pos;
}

std::size_t Parser::skip_space(std::size_t pos) const {
  while (pos < text_.size()) {
    if (is_space(text_[pos])) { ++pos; continue; }
    if (text_[pos] != '#') break;
    while (pos < text_.size() && text_[pos] != '\n') ++pos;
  }
  return pos;
}

// Past the `{ … }` block at pos (strings and comments respected).
std::size_t Parser::skip_block(std::size_t pos) const {
  int depth = 0;
  bool in_string = false;
  for (; pos < text_.size(); ++pos) {
    const char c = text_[pos];
    if (in_string) {
      if (c == '\\' && pos + 1 < text_.size()) ++pos;  // an escape never steps past the end
      else if (c == '"' || c == '\n') in_string = false;
    } else if (c == '"') in_string = true;
    else if (c == '#') { while (pos + 1 < text_.size() && text_[pos + 1] != '\n') ++pos; }
    else if (c == '{') ++depth;
    else if (c == '}' && --depth <= 0) return pos + 1;
  }
  return pos;
}

bool Parser::keyword_at(std::size_t pos, std::string_view word) const {
  if (pos >= text_.size() || text_[pos] != word.front()) return false;  // most items: one byte decides
  return text_.substr(pos, word.size()) == word && (pos + word.size() >= text_.size() || !is_ident_char(text_[pos + word.size()]));
}

// The declaration (or, in a state, item) keyword at pos; "" when none.
std::string_view Parser::keyword_here(std::size_t pos, bool in_state) const {
  for (auto w : kTopKeywords)
    if (keyword_at(pos, w)) return w;
  if (in_state)
    for (auto w : kStateKeywords)
      if (keyword_at(pos, w)) return w;
  return {};
}

// The next line after error_at that starts a declaration (or state item),
// or a '}' that is not inside a block opened by the failed item.
std::size_t Parser::recover(std::size_t item_start, std::size_t error_at, bool in_state) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t pos = item_start; pos < text_.size(); ++pos) {
    const char c = text_[pos];
    if (c == '\n') {
      in_string = false;
      if (pos < error_at) continue;
      std::size_t q = pos + 1;
      while (q < text_.size() && (text_[q] == ' ' || text_[q] == '\t' || text_[q] == '\r')) ++q;
      if (q < text_.size() && (!keyword_here(q, in_state).empty() || (text_[q] == '}' && depth <= 0))) return q;
    } else if (in_string) {
      if (c == '\\' && pos + 1 < text_.size()) ++pos;
      else if (c == '"') in_string = false;
    } else if (c == '"') in_string = true;
    else if (c == '#') { while (pos + 1 < text_.size() && text_[pos + 1] != '\n') ++pos; }
    else if (c == '{') ++depth;
    else if (c == '}') --depth;
  }
  recovered_to_eof_ = true;
  return text_.size();
}

// The token at pos for "found …" (at most 24 bytes, whole characters).
std::string Parser::token_at(std::size_t pos) const {
  if (pos >= text_.size()) return lang_ == Language::Indonesian ? "akhir berkas" : "end of file";
  std::size_t end = pos;
  while (end < text_.size() && !is_space(text_[end]) && end - pos < 24) ++end;
  while (end < text_.size() && end > pos + 1 && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) --end;
  if (end == pos) ++end;
  return std::string(text_.substr(pos, end - pos));
}

// Where the code before pos ends: back over whitespace and comments, not
// before item_start.
std::size_t Parser::code_end(std::size_t item_start, std::size_t pos) const {
  std::size_t end = pos;
  while (true) {
    while (end > item_start && is_space(text_[end - 1])) --end;
    std::size_t line = end;
    while (line > item_start && text_[line - 1] != '\n') --line;
    bool in_string = false;
    std::size_t hash = end;
    for (std::size_t i = line; i < end && hash == end; ++i) {
      if (in_string && text_[i] == '\\') ++i;
      else if (text_[i] == '"') in_string = !in_string;
      else if (text_[i] == '#' && !in_string) hash = i;
    }
    if (hash == end) return end;
    end = hash;
  }
}

// Up to two tokens before pos (same item, same line for the second).
std::string Parser::context_before(std::size_t item_start, std::size_t pos) const {
  const std::size_t end = code_end(item_start, pos);
  if (end == item_start) return {};
  std::size_t begin = end;
  for (int tokens = 0; tokens < 2 && begin > item_start; ++tokens) {
    std::size_t b = begin;
    while (b > item_start && (text_[b - 1] == ' ' || text_[b - 1] == '\t')) --b;
    if (tokens > 0 && (b == item_start || text_[b - 1] == '\n' || text_[b - 1] == '\r')) break;
    while (b > item_start && !is_space(text_[b - 1])) --b;
    begin = b;
  }
  std::string ctx(text_.substr(begin, end - begin));
  if (ctx.size() > 40) ctx = "..." + ctx.substr(ctx.size() - 37);
  return ctx;
}

void Parser::report(std::size_t pos, Msg msg, std::initializer_list<std::string_view> args) {
  const SourceLoc loc = lines_.locate(pos);
  diags_.push_back({Severity::Error, std::string(message_code(msg)), file_, loc.line, loc.column, message_text(msg, lang_, args)});
}

void Parser::report_syntax(std::size_t item_start) {
  std::size_t pos = error_offset();
  // Something missing at the end of a line is reported there, not on the next line.
  const std::size_t end = code_end(item_start, pos);
  if (end > item_start && text_.substr(end, pos - end).find('\n') != std::string_view::npos) pos = end;
  st_.error_at = text_.data() + pos;  // recovery starts from the line reported
  if (st_.too_deep) {
    report(pos, Msg::TooDeep, {std::to_string(kMaxExpressionDepth)});
    return;
  }
  if (st_.too_long) {
    report(pos, Msg::ExpressionTooLong, {std::to_string(kMaxExpressionHeight)});
    return;
  }
  const ExpectedWords& w = st_.expected != nullptr ? *st_.expected : ExpectedWords{"valid syntax", "sintaks yang sah"};
  std::string words = lang_ == Language::Indonesian ? w.id : w.en;
  const std::string ctx = context_before(item_start, pos);
  if (!ctx.empty()) words += (lang_ == Language::Indonesian ? " setelah `" : " after `") + ctx + "`";
  report(pos, Msg::Syntax, {words});
}

}  // namespace

ParseResult parse_procedure(std::string_view text, const LineIndex& lines, const std::string& file, Language lang) {
  return Parser(text, lines, file, lang).run();
}

}  // namespace izin::detail
