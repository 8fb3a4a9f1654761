// One open document of a session and what was found in it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/lsp/index.hpp"
#include "izin/lsp/session.hpp"

namespace izin::lsp {

struct OpenDocument {
  std::string uri;
  std::filesystem::path path;  // from a file: URI; else the URI itself
  std::string text;
  bool scenario = false;       // a *.test.yaml file
  bool too_large = false;      // refused: no index, one diagnostic
  DocumentIndex index;         // procedures only
  std::vector<Diagnostic> diagnostics;
};

// The path a `file:` URI names (percent escapes decoded); other URIs as they are.
std::filesystem::path path_of_uri(const std::string& uri);
// The `file:` URI of a path.
std::string uri_of_path(const std::filesystem::path& path);

// An LSP position from JSON {line, character}; throws nlohmann::json errors when malformed.
Position position_of(const nlohmann::json& j);
nlohmann::json to_json(const Position& p);
nlohmann::json to_json(const Range& r);
// A publishDiagnostics item from a diagnostic of `text`.
nlohmann::json diagnostic_json(const Diagnostic& d, std::string_view text);

}  // namespace izin::lsp
