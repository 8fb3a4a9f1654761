// Completion in scenario files: the names of the procedure a scenario tests.
#include <cctype>
#include <regex>

#include "izin/load.hpp"
#include "izin/lsp/complete.hpp"
#include "izin/lsp/text.hpp"

namespace izin::lsp {

namespace {

enum class ScenarioSlot { None, Event, State, Role, Document };

// Which name the text before the cursor on its line asks for.
ScenarioSlot slot_of(std::string_view line) {
  while (!line.empty() && (std::isalnum(static_cast<unsigned char>(line.back())) != 0 || line.back() == '_'))
    line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  const auto ends = [&](std::string_view key) { return line.ends_with(key); };
  if (ends("event:")) return ScenarioSlot::Event;
  if (ends("state:")) return ScenarioSlot::State;
  if (ends("by:")) return ScenarioSlot::Role;
  // Inside `documents: [a, b, ` (or `refused: [`): requirement ids.
  const auto open = line.rfind('[');
  if (open != std::string_view::npos && line.find(']', open) == std::string_view::npos) {
    const std::string_view before = line.substr(0, open);
    const auto key = before.find_last_not_of(' ');
    if (key != std::string_view::npos && before[key] == ':' &&
        (before.substr(0, key).ends_with("documents") || before.substr(0, key).ends_with("refused")))
      return ScenarioSlot::Document;
  }
  return ScenarioSlot::None;
}

void add(std::vector<CompletionItem>& out, SymbolKind kind, const std::string& name, const std::string& label) {
  for (const auto& item : out)
    if (item.label == name && item.kind == kind) return;
  out.push_back({name, false, kind, label});
}

}  // namespace

std::vector<CompletionItem> complete_scenario(const std::string& text, const std::filesystem::path& file, Position at) {
  const LineTable lines(text);
  const std::string_view line = lines.line(at.line);
  const ScenarioSlot slot = slot_of(line.substr(0, lines.offset(at) - lines.offset({at.line, 0})));
  std::smatch id;
  if (slot == ScenarioSlot::None || !std::regex_search(text, id, std::regex("(^|\n)procedure:[ \t]*([a-z_][a-z0-9_]*)")))
    return {};
  const Library library = load({file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path()},
                               LoadOptions{Language::English, /*validate=*/false});
  const ProcedurePtr p = library.newest(id[2].str());
  std::vector<CompletionItem> out;
  if (!p) return out;
  for (const auto& s : p->states) {
    if (slot == ScenarioSlot::State) add(out, SymbolKind::State, s.id, s.label);
    if (slot == ScenarioSlot::Event)
      for (const auto& t : s.transitions) add(out, SymbolKind::Event, t.event, "");
  }
  if (slot == ScenarioSlot::Role)
    for (const auto& r : p->roles) add(out, SymbolKind::Role, r.id, "");
  if (slot == ScenarioSlot::Document)
    for (const auto& r : p->requirements) add(out, SymbolKind::Requirement, r.id, r.label);
  return out;
}

}  // namespace izin::lsp
