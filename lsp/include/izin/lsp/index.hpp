// The names of one .izin document: declarations and references with their
// places, read by the same parser as `izin check`. Editors and the studio
// ask it for hover text, definitions, references, completion and an outline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin::lsp {

// A place in a document as LSP counts it: line and UTF-16 unit from 0.
struct Position {
  int line = 0;
  int character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
  Position start, end;
  friend bool operator==(const Range&, const Range&) = default;
};

// What a name names.
enum class SymbolKind : std::uint8_t { State, Role, Field, EnumValue, Requirement, Rule, Fee, Event };

// "state", "role", … ("keadaan", "peran", … in Indonesian).
std::string_view kind_word(SymbolKind kind, Language lang);

// A declared name (events: their first `on`).
struct Symbol {
  SymbolKind kind = SymbolKind::State;
  std::string name;
  std::string label;        // the quoted label, or a field's type
  Range name_range;         // the name at its declaration
  Range extent;             // the whole declaration (a state: up to the next state)
  std::string declaration;  // the declaration's source text, trimmed
};

// One place a symbol's name is written, declaration included.
struct Occurrence {
  int symbol = 0;  // index into symbols()
  Range range;
  bool declaration = false;
};

class DocumentIndex {
 public:
  DocumentIndex() = default;
  // Reads `text` with izin check's parser; text with syntax errors gives
  // the names read before and after each error.
  explicit DocumentIndex(std::string_view text);

  const std::vector<Symbol>& symbols() const { return symbols_; }
  const std::vector<Occurrence>& occurrences() const { return occurrences_; }
  // The symbol whose name touches `at`, or nullptr.
  const Symbol* symbol_at(Position at) const;
  // Where the symbol is written, in document order.
  std::vector<Range> places_of(const Symbol& symbol, bool include_declaration) const;
  // Symbols of one kind, in declaration order.
  std::vector<const Symbol*> of_kind(SymbolKind kind) const;
  // Markdown for a hover: kind, name, label and the declaration.
  std::string hover(const Symbol& symbol, Language lang) const;

 private:
  friend class IndexBuilder;
  std::vector<Symbol> symbols_;
  std::vector<Occurrence> occurrences_;
};

}  // namespace izin::lsp
