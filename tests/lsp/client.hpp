// A test client: drives an izin::lsp::Session in-process with JSON-RPC messages.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "izin/lsp/session.hpp"

namespace lsp_test {

using nlohmann::json;

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string shipped(const std::string& name) { return std::string(IZIN_SOURCE_DIR) + "/procedures/" + name; }

inline std::string uri_of(const std::string& path) { return "file://" + path; }

class Client {
 public:
  explicit Client(const std::string& locale = "en") {
    const json r = request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()},
                                          {"locale", locale}});
    capabilities = r.at("capabilities");
    notify("initialized", json::object());
  }

  // Sends a request; its result (an error response is returned whole under "error").
  json request(const std::string& method, const json& params) {
    const json message = {{"jsonrpc", "2.0"}, {"id", ++last_id_}, {"method", method}, {"params", params}};
    json response;
    for (const auto& m : send(message.dump()))
      if (m.contains("id") && m["id"] == last_id_) response = m;
    if (response.contains("error")) return {{"error", response["error"]}};
    return response.at("result");
  }

  void notify(const std::string& method, const json& params) {
    send(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }

  // Every message the session answers to one raw body; notifications are kept.
  std::vector<json> send(const std::string& body) {
    auto out = session.handle(body);
    for (const auto& m : out)
      if (m.value("method", "") == "textDocument/publishDiagnostics")
        diagnostics[m["params"]["uri"].get<std::string>()] = m["params"]["diagnostics"];
    return out;
  }

  void open(const std::string& uri, const std::string& text) {
    notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "izin"}, {"version", 1}, {"text", text}}}});
  }

  void change(const std::string& uri, const std::string& text) {
    notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", ++version_}}}, {"contentChanges", json::array({{{"text", text}}})}});
  }

  json at(const std::string& method, const std::string& uri, int line, int character, json extra = json::object()) {
    extra["textDocument"] = {{"uri", uri}};
    extra["position"] = {{"line", line}, {"character", character}};
    return request(method, extra);
  }

  izin::lsp::Session session;
  json capabilities;
  std::map<std::string, json> diagnostics;  // by URI, the last published

 private:
  int last_id_ = 0;
  int version_ = 1;
};

// The (line, character) of the `nth` occurrence of `needle` in `text` (from 0), plus `offset` characters.
inline std::pair<int, int> find_position(const std::string& text, const std::string& needle, int nth = 0, int offset = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  if (at == std::string::npos) return {-1, -1};
  const std::size_t line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  int line = 0;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return {line, static_cast<int>(at - line_start) + offset};
}

}  // namespace lsp_test
