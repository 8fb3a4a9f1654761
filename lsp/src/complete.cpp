// Completion: a small backwards scan of the current line's tokens.
#include "izin/lsp/complete.hpp"

#include <array>
#include <cctype>

#include "izin/lsp/text.hpp"

namespace izin::lsp {

namespace {

constexpr std::array<std::string_view, 32> kKeywords{
    "procedure", "version", "title",   "legal",    "product", "calendar", "sla",      "working",
    "days",      "from",    "roles",   "data",     "requirements", "when", "optional", "internal",
    "rule",      "fee",     "initial", "state",    "final",   "outcome",  "on",       "by",
    "requires",  "after",   "notify",  "deemed",   "set",     "clock",    "paused",   "enum"};

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The line's tokens before the cursor: words and punctuation, strings and comments left out.
std::vector<std::string> tokens_of(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '#') break;
    if (c == '"') {
      const auto close = s.find('"', i + 1);
      out.emplace_back("\"\"");
      i = close == std::string_view::npos ? s.size() : close + 1;
    } else if (ident_char(c)) {
      std::size_t j = i;
      while (j < s.size() && ident_char(s[j])) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '>') {
      out.emplace_back("->");
      i += 2;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else {
      out.emplace_back(1, c);
      ++i;
    }
  }
  return out;
}

bool is_operator(const std::string& t) {
  return t == "=" || t == "<" || t == ">" || t == "!" || t == "+" || t == "-" || t == "*" || t == "/" || t == "(" ||
         t == "?" || t == ":" || t == "and" || t == "or" || t == "not" || t == "when" || t == "&" || t == "|";
}

// The items of one kind of name.
void add_names(const DocumentIndex& index, SymbolKind kind, std::vector<CompletionItem>& out) {
  for (const Symbol* s : index.of_kind(kind)) out.push_back({s->name, false, kind, s->label});
}

}  // namespace

CompletionContext completion_context(std::string_view line) {
  // The word being typed does not count.
  while (!line.empty() && ident_char(line.back())) line.remove_suffix(1);
  const auto tokens = tokens_of(line);
  if (tokens.empty()) return CompletionContext::Keywords;
  const std::string& last = tokens.back();
  if (last == "->" || last == "from") return CompletionContext::States;
  if (last == "set") return CompletionContext::Fields;
  // Walk back over a comma-separated list to the keyword that starts it.
  std::size_t i = tokens.size();
  if (last == ",") {
    while (i >= 2 && tokens[i - 1] == ",") i -= 2;
  }
  const std::string& head = tokens[i - 1];
  if (head == "by" || head == "notify") return CompletionContext::Roles;
  if (head == "requires") return CompletionContext::Requirements;
  if (is_operator(last) || (last == "," && head == "(")) return CompletionContext::Expression;
  return CompletionContext::Keywords;
}

std::vector<CompletionItem> complete(const DocumentIndex& index, std::string_view text, Position at) {
  const LineTable lines(text);
  const std::string_view line = lines.line(at.line);
  const std::size_t cursor = lines.offset(at) - lines.offset({at.line, 0});
  std::vector<CompletionItem> out;
  switch (completion_context(line.substr(0, cursor))) {
    case CompletionContext::States: add_names(index, SymbolKind::State, out); break;
    case CompletionContext::Roles: add_names(index, SymbolKind::Role, out); break;
    case CompletionContext::Requirements: add_names(index, SymbolKind::Requirement, out); break;
    case CompletionContext::Fields: add_names(index, SymbolKind::Field, out); break;
    case CompletionContext::Expression:
      for (SymbolKind k : {SymbolKind::Field, SymbolKind::Rule, SymbolKind::Fee, SymbolKind::EnumValue})
        add_names(index, k, out);
      break;
    case CompletionContext::Keywords:
      for (auto k : kKeywords) out.push_back({std::string(k), true, SymbolKind::State, ""});
      break;
  }
  return out;
}

}  // namespace izin::lsp
