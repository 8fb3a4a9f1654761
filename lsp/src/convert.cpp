// URIs, positions and diagnostics between izin's data and LSP's JSON.
#include <cctype>

#include "document.hpp"
#include "izin/lsp/text.hpp"

namespace izin::lsp {

using nlohmann::json;

std::filesystem::path path_of_uri(const std::string& uri) {
  if (!uri.starts_with("file://")) return uri;
  std::string path;
  const std::string rest = uri.substr(7);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      path += static_cast<char>(std::stoi(rest.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += rest[i];
    }
  }
  return path;
}

std::string uri_of_path(const std::filesystem::path& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "file://";
  for (const unsigned char c : path.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Position position_of(const json& j) { return {j.at("line").get<int>(), j.at("character").get<int>()}; }

json to_json(const Position& p) { return {{"line", p.line}, {"character", p.character}}; }

json to_json(const Range& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

json diagnostic_json(const Diagnostic& d, std::string_view text) {
  const LineTable lines(text);
  Range range;
  if (d.line > 0) {
    const SourceLoc at{d.line, std::max(d.column, 1)};
    // Underline the word the diagnostic points at, or one character.
    const std::string_view line = lines.line(d.line - 1);
    const std::size_t from = lines.offset(lines.position(at)) - lines.offset({d.line - 1, 0});
    std::size_t length = 0;
    while (from + length < line.size() && (std::isalnum(static_cast<unsigned char>(line[from + length])) != 0 ||
                                           line[from + length] == '_'))
      ++length;
    range = lines.range(at, std::max<std::size_t>(length, 1));
  }
  const int severity = d.severity == Severity::Error ? 1 : d.severity == Severity::Warning ? 2 : 3;
  return {{"range", to_json(range)}, {"severity", severity}, {"code", d.code}, {"source", "izin"}, {"message", d.message}};
}

}  // namespace izin::lsp
