// Completion of names by the context before the cursor: after `->` states,
// after `by` roles, after `requires` requirements, in expressions fields,
// rules, fees and enum values; elsewhere the keywords.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "izin/lsp/index.hpp"

namespace izin::lsp {

// What the cursor's context asks for.
enum class CompletionContext : std::uint8_t { States, Roles, Requirements, Fields, Expression, Keywords };

struct CompletionItem {
  std::string label;
  bool keyword = false;  // else a name of `kind`
  SymbolKind kind = SymbolKind::State;
  std::string detail;    // the name's label
};

// The context of the text of a line before the cursor.
CompletionContext completion_context(std::string_view line_before_cursor);

// The items for the cursor at `at` in `text`, whose names `index` holds.
std::vector<CompletionItem> complete(const DocumentIndex& index, std::string_view text, Position at);

// Completion in a scenario file (*.test.yaml): after `event:` the events of
// the procedure it names, after `state:` its states, after `by:` its roles,
// in `documents: [` its requirements. The procedure is read from the
// scenario file's folder.
std::vector<CompletionItem> complete_scenario(const std::string& text, const std::filesystem::path& file, Position at);

}  // namespace izin::lsp
