// DocumentIndex: walks izin check's syntax tree and records every name.
#include "izin/lsp/index.hpp"

#include <algorithm>
#include <map>

#include "izin/lsp/text.hpp"
#include "parse.hpp"
#include "source_text.hpp"

namespace izin::lsp {

namespace ast = detail::ast;

// Fills a DocumentIndex from one syntax tree.
class IndexBuilder {
 public:
  IndexBuilder(DocumentIndex& index, const LineTable& lines) : index_(index), lines_(lines) {}

  void build(const ast::ProcedureDecl& p) {
    for (const auto& r : p.roles) declare(SymbolKind::Role, r, "", r.loc);
    for (const auto& f : p.fields) {
      declare(SymbolKind::Field, f.name, f.type + (f.label.empty() ? "" : " — " + f.label), f.loc);
      for (const auto& v : f.symbols) declare(SymbolKind::EnumValue, v, f.name.text, f.loc);
    }
    for (const auto& r : p.requirements) declare(SymbolKind::Requirement, r.name, r.label, r.loc);
    for (const auto& r : p.rules) declare(SymbolKind::Rule, r.name, r.label, r.loc);
    for (const auto& f : p.fees) declare(SymbolKind::Fee, f.name, f.label, f.loc);
    for (const auto& s : p.states) declare(SymbolKind::State, s.name, s.label, s.loc);
    state_extents(p);
    for (const auto& r : p.requirements)
      if (r.when) expression(*r.when);
    for (const auto& r : p.rules) expression(r.condition);
    for (const auto& f : p.fees) expression(f.amount);
    for (const auto& s : p.slas)
      if (s.from) refer(SymbolKind::State, *s.from);
    for (const auto& s : p.states) state(s);
    std::stable_sort(index_.occurrences_.begin(), index_.occurrences_.end(), [](const Occurrence& a, const Occurrence& b) {
      return a.range.start.line != b.range.start.line ? a.range.start.line < b.range.start.line
                                                      : a.range.start.character < b.range.start.character;
    });
  }

 private:
  void declare(SymbolKind kind, const ast::Name& name, std::string label, SourceLoc decl_loc) {
    if (name.text.empty() || name.loc.line == 0) return;
    const auto key = std::make_pair(kind, name.text);
    if (by_name_.count(key)) {  // a duplicate is the compiler's error; it still refers to the first
      refer(kind, name);
      return;
    }
    Symbol s;
    s.kind = kind;
    s.name = name.text;
    s.label = std::move(label);
    s.name_range = lines_.range(name.loc, name.text.size());
    s.extent = {lines_.position(decl_loc), lines_.position({decl_loc.line, 1 << 20})};
    s.declaration = declaration_text(decl_loc.line);
    by_name_[key] = static_cast<int>(index_.symbols_.size());
    index_.symbols_.push_back(std::move(s));
    index_.occurrences_.push_back({by_name_[key], index_.symbols_.back().name_range, true});
  }

  void refer(SymbolKind kind, const ast::Name& name) {
    const auto it = by_name_.find({kind, name.text});
    if (it == by_name_.end() || name.loc.line == 0) return;
    index_.occurrences_.push_back({it->second, lines_.range(name.loc, name.text.size()), false});
  }

  // A name in an expression: a field first, then a rule, a fee, an enum value.
  void expression(const ast::Expr& e) {
    if (e.kind == ast::Expr::Kind::Name) {
      for (SymbolKind k : {SymbolKind::Field, SymbolKind::Rule, SymbolKind::Fee, SymbolKind::EnumValue, SymbolKind::Requirement})
        if (by_name_.count({k, e.text})) return refer(k, {e.text, e.loc});
    }
    for (const auto& a : e.args) expression(a);
  }

  void sets(const std::vector<ast::SetDecl>& sets) {
    for (const auto& s : sets) {
      refer(SymbolKind::Field, s.field);
      expression(s.value);
    }
  }

  void state(const ast::StateDecl& s) {
    for (const auto& t : s.transitions) {
      event(t.event, t.loc);
      for (const auto& r : t.roles) refer(SymbolKind::Role, r);
      if (t.guard) expression(*t.guard);
      for (const auto& d : t.documents) refer(SymbolKind::Requirement, d);
      refer(SymbolKind::State, t.target);
      sets(t.sets);
    }
    for (const auto& d : s.deadlines) {
      if (d.guard) expression(*d.guard);
      if (d.target) refer(SymbolKind::State, *d.target);
      if (d.notify_role) refer(SymbolKind::Role, *d.notify_role);
      sets(d.sets);
    }
  }

  // Events have no declaration: the first `on` stands for one.
  void event(const ast::Name& name, SourceLoc loc) {
    if (!by_name_.count({SymbolKind::Event, name.text})) return declare(SymbolKind::Event, name, "", loc);
    refer(SymbolKind::Event, name);
  }

  // A state's declaration runs to the line before the next state.
  void state_extents(const ast::ProcedureDecl& p) {
    for (std::size_t i = 0; i < p.states.size(); ++i) {
      const auto it = by_name_.find({SymbolKind::State, p.states[i].name.text});
      if (it == by_name_.end()) continue;
      Symbol& s = index_.symbols_[static_cast<std::size_t>(it->second)];
      if (s.name_range.start.line != p.states[i].name.loc.line - 1) continue;
      const int last = i + 1 < p.states.size() ? p.states[i + 1].loc.line - 1 : lines_.line_count();
      s.extent.end = lines_.position({std::max(last, p.states[i].loc.line), 1 << 20});
    }
  }

  // The declaration's line and the more indented lines that continue it, trimmed.
  std::string declaration_text(int line) const {
    const auto indent = [](std::string_view s) { return s.find_first_not_of(" \t"); };
    const std::string_view first = lines_.line(line - 1);
    std::string out(trim(first));
    for (int next = line; next < line + 8 && next < lines_.line_count(); ++next) {
      const std::string_view s = lines_.line(next);
      if (trim(s).empty() || indent(s) <= indent(first) || out.ends_with("{")) break;
      out += "\n  " + std::string(trim(s));
    }
    return out;
  }

  static std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
  }

  DocumentIndex& index_;
  const LineTable& lines_;
  std::map<std::pair<SymbolKind, std::string>, int> by_name_;
};

DocumentIndex::DocumentIndex(std::string_view text) {
  const detail::LineIndex parser_lines(text);
  const auto parsed = detail::parse_procedure(text, parser_lines, "", Language::English);
  const LineTable lines(text);
  IndexBuilder(*this, lines).build(parsed.procedure);
}

namespace {
bool contains(const Range& r, Position at) {
  const auto before = [](Position a, Position b) { return a.line != b.line ? a.line < b.line : a.character <= b.character; };
  return before(r.start, at) && before(at, r.end);
}
}  // namespace

const Symbol* DocumentIndex::symbol_at(Position at) const {
  for (const auto& o : occurrences_)
    if (contains(o.range, at)) return &symbols_[static_cast<std::size_t>(o.symbol)];
  return nullptr;
}

std::vector<Range> DocumentIndex::places_of(const Symbol& symbol, bool include_declaration) const {
  const auto index = static_cast<int>(&symbol - symbols_.data());
  std::vector<Range> out;
  for (const auto& o : occurrences_)
    if (o.symbol == index && (include_declaration || !o.declaration)) out.push_back(o.range);
  return out;
}

std::vector<const Symbol*> DocumentIndex::of_kind(SymbolKind kind) const {
  std::vector<const Symbol*> out;
  for (const auto& s : symbols_)
    if (s.kind == kind) out.push_back(&s);
  return out;
}

std::string_view kind_word(SymbolKind kind, Language lang) {
  const bool id = lang == Language::Indonesian;
  switch (kind) {
    case SymbolKind::State: return id ? "keadaan" : "state";
    case SymbolKind::Role: return id ? "peran" : "role";
    case SymbolKind::Field: return id ? "data" : "field";
    case SymbolKind::EnumValue: return id ? "nilai pilihan" : "enum value";
    case SymbolKind::Requirement: return id ? "persyaratan" : "requirement";
    case SymbolKind::Rule: return id ? "aturan" : "rule";
    case SymbolKind::Fee: return id ? "biaya" : "fee";
    case SymbolKind::Event: return id ? "peristiwa" : "event";
  }
  return "";
}

std::string DocumentIndex::hover(const Symbol& symbol, Language lang) const {
  std::string out = "**" + std::string(kind_word(symbol.kind, lang)) + "** `" + symbol.name + "`";
  if (!symbol.label.empty()) out += symbol.kind == SymbolKind::EnumValue ? " (" + symbol.label + ")" : " — " + symbol.label;
  const int uses = static_cast<int>(places_of(symbol, false).size());
  out += "\n\n```izin\n" + symbol.declaration + "\n```\n\n";
  out += lang == Language::Indonesian ? "Baris " + std::to_string(symbol.name_range.start.line + 1) + ", dirujuk " +
                                            std::to_string(uses) + " kali"
                                      : "Line " + std::to_string(symbol.name_range.start.line + 1) + ", referenced " +
                                            std::to_string(uses) + (uses == 1 ? " time" : " times");
  return out;
}

}  // namespace izin::lsp
