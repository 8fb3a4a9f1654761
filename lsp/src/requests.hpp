// The answers to LSP requests about one open document.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "document.hpp"

namespace izin::lsp {

// A request refused with a JSON-RPC error.
struct RpcError : std::runtime_error {
  RpcError(ErrorCode c, const std::string& message) : std::runtime_error(message), code(c) {}
  ErrorCode code;
};

nlohmann::json initialize_result();
nlohmann::json hover(const OpenDocument& doc, const nlohmann::json& params, Language lang);
nlohmann::json definition(const OpenDocument& doc, const nlohmann::json& params);
nlohmann::json references(const OpenDocument& doc, const nlohmann::json& params);
nlohmann::json completion(const OpenDocument& doc, const nlohmann::json& params);
nlohmann::json document_symbols(const OpenDocument& doc);
nlohmann::json formatting(const OpenDocument& doc, Language lang);
// `text` after one contentChanges item: the whole text, or a range replaced.
std::string apply_change(const std::string& text, const nlohmann::json& change);

}  // namespace izin::lsp
