// Session: JSON-RPC dispatch, the protocol's life cycle, documents.
#include "izin/lsp/session.hpp"

#include "document.hpp"
#include "izin/lsp/analysis.hpp"
#include "requests.hpp"

namespace izin::lsp {

using nlohmann::json;

namespace {
json error_response(const json& id, ErrorCode code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

// The language a client's locale asks for ("id", "id-ID", "en-US"); nullopt for others.
std::optional<Language> language_of_locale(const std::string& locale) {
  if (locale.starts_with("id")) return Language::Indonesian;
  if (locale.starts_with("en")) return Language::English;
  return std::nullopt;
}

std::string megabytes(std::size_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + "." + std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MB";
}
}  // namespace

Session::Session(SessionOptions options) : options_(options) {}
Session::~Session() = default;

std::vector<json> Session::handle(const std::string& body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception& e) {
    return {error_response(nullptr, ErrorCode::ParseError, std::string("not JSON: ") + e.what())};
  }
  try {
    return dispatch(message);
  } catch (const std::exception& e) {
    const json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
    return {error_response(id, ErrorCode::InternalError, e.what())};
  }
}

std::vector<json> Session::dispatch(const json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A client's response to us carries no method: nothing to answer.
    if (message.is_object() && (message.contains("result") || message.contains("error"))) return {};
    const json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
    return {error_response(id, ErrorCode::InvalidRequest, "a request needs a string `method`")};
  }
  const std::string method = message["method"];
  const json params = message.value("params", json::object());
  std::vector<json> out;
  if (!message.contains("id")) {
    // A notification is never answered: a problem with one goes to the client's log.
    try {
      notification(method, params, out);
    } catch (const std::exception& e) {
      out.push_back({{"jsonrpc", "2.0"},
                     {"method", "window/logMessage"},
                     {"params", {{"type", 1}, {"message", "izin lsp: " + method + ": " + e.what()}}}});
    }
    return out;
  }
  const json& id = message["id"];
  if (!initialized_ && method != "initialize")
    return {error_response(id, ErrorCode::ServerNotInitialized, "initialize comes first")};
  if (shut_down_) return {error_response(id, ErrorCode::InvalidRequest, "the server was shut down")};
  try {
    out.push_back({{"jsonrpc", "2.0"}, {"id", id}, {"result", request(method, params)}});
  } catch (const RpcError& e) {
    out.push_back(error_response(id, e.code, e.what()));
  } catch (const json::exception& e) {
    out.push_back(error_response(id, ErrorCode::InvalidParams, e.what()));
  }
  return out;
}

json Session::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (params.contains("locale") && params["locale"].is_string())
      if (const auto lang = language_of_locale(params["locale"])) options_.language = *lang;
    initialized_ = true;
    return initialize_result();
  }
  if (method == "shutdown") {
    shut_down_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover") return hover(document(params), params, options_.language);
  if (method == "textDocument/definition") return definition(document(params), params);
  if (method == "textDocument/references") return references(document(params), params);
  if (method == "textDocument/completion") return completion(document(params), params);
  if (method == "textDocument/documentSymbol") return document_symbols(document(params));
  if (method == "textDocument/formatting") return formatting(document(params), options_.language);
  throw RpcError(ErrorCode::MethodNotFound, "izin lsp does not answer " + method);
}

void Session::notification(const std::string& method, const json& params, std::vector<json>& out) {
  if (method == "exit") {
    exit_status_ = shut_down_ ? 0 : 1;
    return;
  }
  if (!initialized_) return;
  if (method == "textDocument/didOpen") {
    const json& doc = params.at("textDocument");
    open(doc.at("uri").get<std::string>(), doc.at("text").get<std::string>(), out);
  } else if (method == "textDocument/didChange") {
    const std::string uri = params.at("textDocument").at("uri");
    const auto it = documents_.find(uri);
    std::string text = it == documents_.end() ? std::string() : it->second->text;
    for (const auto& change : params.at("contentChanges")) text = apply_change(text, change);
    open(uri, std::move(text), out);
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri");
    documents_.erase(uri);
    out.push_back({{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }
  // Other notifications (initialized, $/cancelRequest, $/setTrace, …) need nothing.
}

void Session::open(const std::string& uri, std::string text, std::vector<json>& out) {
  auto doc = std::make_unique<OpenDocument>();
  doc->uri = uri;
  doc->path = path_of_uri(uri);
  doc->scenario = is_scenario_file(doc->path);
  doc->text = std::move(text);
  const Language lang = options_.language;
  if (doc->text.size() > options_.max_document_bytes) {
    doc->too_large = true;
    const bool id = lang == Language::Indonesian;
    doc->diagnostics.push_back(
        {Severity::Error, "IZ003", doc->path.string(), 1, 1,
         id ? "dokumen terlalu besar untuk diperiksa di editor (" + megabytes(doc->text.size()) + "; batas " +
                  megabytes(options_.max_document_bytes) + "); periksa dengan `izin check`"
            : "document too large to check in the editor (" + megabytes(doc->text.size()) + "; limit " +
                  megabytes(options_.max_document_bytes) + "); check it with `izin check`"});
  } else if (doc->scenario) {
    doc->diagnostics = check_scenario_text(doc->text, doc->path, lang);
  } else {
    doc->diagnostics = check_procedure_text(doc->text, doc->path.string(), lang, calendars_for(doc->path));
    doc->index = DocumentIndex(doc->text);
  }
  json items = json::array();
  for (const auto& d : doc->diagnostics)
    if (d.file.empty() || d.file == doc->path.string()) items.push_back(diagnostic_json(d, doc->text));
  out.push_back({{"jsonrpc", "2.0"},
                 {"method", "textDocument/publishDiagnostics"},
                 {"params", {{"uri", uri}, {"diagnostics", std::move(items)}}}});
  documents_[uri] = std::move(doc);
}

const CalendarSet& Session::calendars_for(const std::filesystem::path& file) {
  const std::string dir = file.parent_path().string();
  auto it = calendars_.find(dir);
  if (it == calendars_.end()) it = calendars_.emplace(dir, nearest_calendars(file, options_.language)).first;
  return it->second;
}

const OpenDocument& Session::document(const json& params) const {
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) throw RpcError(ErrorCode::InvalidParams, "document not open: " + uri);
  return *it->second;
}

}  // namespace izin::lsp
