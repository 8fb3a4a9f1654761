// Hover, definition, references, completion, symbols and formatting as LSP JSON.
#include "requests.hpp"

#include "izin/lsp/complete.hpp"
#include "izin/lsp/format.hpp"
#include "izin/lsp/text.hpp"

namespace izin::lsp {

using nlohmann::json;

namespace {

// The symbol under the request's position, or nullptr.
const Symbol* symbol_of(const OpenDocument& doc, const json& params) {
  return doc.index.symbol_at(position_of(params.at("position")));
}

json location(const OpenDocument& doc, const Range& r) { return {{"uri", doc.uri}, {"range", to_json(r)}}; }

// LSP SymbolKind numbers.
int symbol_kind(SymbolKind k) {
  switch (k) {
    case SymbolKind::State: return 5;         // Class
    case SymbolKind::Role: return 11;         // Interface
    case SymbolKind::Field: return 8;         // Field
    case SymbolKind::EnumValue: return 22;    // EnumMember
    case SymbolKind::Requirement: return 7;   // Property
    case SymbolKind::Rule: return 12;         // Function
    case SymbolKind::Fee: return 14;          // Constant
    case SymbolKind::Event: return 24;        // Event
  }
  return 13;
}

// LSP CompletionItemKind numbers.
int completion_kind(const CompletionItem& item) {
  if (item.keyword) return 14;
  switch (item.kind) {
    case SymbolKind::State: return 7;
    case SymbolKind::Role: return 8;
    case SymbolKind::Field: return 5;
    case SymbolKind::EnumValue: return 20;
    case SymbolKind::Requirement: return 10;
    case SymbolKind::Rule: return 3;
    case SymbolKind::Fee: return 21;
    case SymbolKind::Event: return 23;
  }
  return 1;
}

bool within(const Range& outer, const Range& inner) {
  return outer.start.line <= inner.start.line && inner.end.line <= outer.end.line;
}

json symbol_json(const Symbol& s) {
  return {{"name", s.name}, {"detail", s.label}, {"kind", symbol_kind(s.kind)},
          {"range", to_json(s.extent)}, {"selectionRange", to_json(s.name_range)}, {"children", json::array()}};
}

}  // namespace

json initialize_result() {
  return {{"capabilities",
           {{"textDocumentSync", {{"openClose", true}, {"change", 2}}},
            {"hoverProvider", true},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"completionProvider", {{"triggerCharacters", {">", " ", ","}}}},
            {"documentSymbolProvider", true},
            {"documentFormattingProvider", true}}},
          {"serverInfo", {{"name", "izin lsp"}}}};
}

json hover(const OpenDocument& doc, const json& params, Language lang) {
  const Symbol* s = symbol_of(doc, params);
  if (!s) return nullptr;
  const auto at = position_of(params.at("position"));
  Range range = s->name_range;
  for (const auto& r : doc.index.places_of(*s, true))
    if (r.start.line == at.line && r.start.character <= at.character && at.character <= r.end.character) range = r;
  return {{"contents", {{"kind", "markdown"}, {"value", doc.index.hover(*s, lang)}}}, {"range", to_json(range)}};
}

json definition(const OpenDocument& doc, const json& params) {
  const Symbol* s = symbol_of(doc, params);
  if (!s) return nullptr;
  return location(doc, s->name_range);
}

json references(const OpenDocument& doc, const json& params) {
  json out = json::array();
  const Symbol* s = symbol_of(doc, params);
  if (!s) return out;
  const bool declaration = params.value("context", json::object()).value("includeDeclaration", true);
  for (const auto& r : doc.index.places_of(*s, declaration)) out.push_back(location(doc, r));
  return out;
}

json completion(const OpenDocument& doc, const json& params) {
  json items = json::array();
  if (doc.too_large) return {{"isIncomplete", false}, {"items", items}};
  const Position at = position_of(params.at("position"));
  const auto found = doc.scenario ? complete_scenario(doc.text, doc.path, at) : complete(doc.index, doc.text, at);
  // Typing a space or `,` pops names up where names belong, never the keyword list.
  const bool typed = params.value("context", json::object()).value("triggerKind", 1) == 2;
  for (const auto& item : found)
    if (!(typed && item.keyword)) items.push_back({{"label", item.label}, {"kind", completion_kind(item)}, {"detail", item.detail}});
  return {{"isIncomplete", false}, {"items", items}};
}

json document_symbols(const OpenDocument& doc) {
  json out = json::array();
  for (const auto& s : doc.index.symbols()) {
    if (s.kind == SymbolKind::Event || s.kind == SymbolKind::EnumValue) continue;
    json item = symbol_json(s);
    // A state's outline: the events handled in it.
    if (s.kind == SymbolKind::State)
      for (const auto& o : doc.index.occurrences()) {
        const Symbol& e = doc.index.symbols()[static_cast<std::size_t>(o.symbol)];
        if (e.kind != SymbolKind::Event || !within(s.extent, o.range)) continue;
        json child = symbol_json(e);
        child["range"] = child["selectionRange"] = to_json(o.range);
        item["children"].push_back(std::move(child));
      }
    out.push_back(std::move(item));
  }
  return out;
}

json formatting(const OpenDocument& doc, Language lang) {
  if (doc.scenario || doc.too_large) return nullptr;
  const Formatted f = format_procedure(doc.text, doc.path.string(), lang);
  if (!f.ok()) throw RpcError(ErrorCode::RequestFailed, f.refusal.front().message);
  if (f.text == doc.text) return json::array();
  const LineTable lines(doc.text);
  return json::array({{{"range", to_json(Range{{0, 0}, lines.end()})}, {"newText", f.text}}});
}

std::string apply_change(const std::string& text, const json& change) {
  const std::string replacement = change.at("text");
  if (!change.contains("range")) return replacement;
  const LineTable lines(text);
  const std::size_t from = lines.offset(position_of(change["range"].at("start")));
  const std::size_t to = std::max(from, lines.offset(position_of(change["range"].at("end"))));
  return text.substr(0, from) + replacement + text.substr(to);
}

}  // namespace izin::lsp
