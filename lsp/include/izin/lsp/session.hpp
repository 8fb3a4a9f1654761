// The Language Server Protocol over any pair of streams: Content-Length
// framing, JSON-RPC, and the requests `izin lsp` answers for .izin and
// *.test.yaml documents.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "izin/calendar.hpp"
#include "izin/diagnostic.hpp"

namespace izin::lsp {

// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
};

struct SessionOptions {
  Language language = Language::English;  // unless initialize's `locale` says otherwise
  std::size_t max_document_bytes = 2 * 1024 * 1024;  // larger documents are refused with a diagnostic
  std::size_t max_message_bytes = 64 * 1024 * 1024;  // larger messages are skipped with an error
};

struct OpenDocument;

// One client's session: documents, their analyses, the protocol state.
class Session {
 public:
  explicit Session(SessionOptions options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Handles one message body; the messages to send back (responses and
  // notifications such as publishDiagnostics), in order. Never throws.
  std::vector<nlohmann::json> handle(const std::string& body);
  // Whether `exit` arrived, and the status it asks for (0 after shutdown).
  bool exited() const { return exit_status_.has_value(); }
  int exit_status() const { return exit_status_.value_or(1); }
  Language language() const { return options_.language; }

 private:
  std::vector<nlohmann::json> dispatch(const nlohmann::json& message);
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params, std::vector<nlohmann::json>& out);
  void open(const std::string& uri, std::string text, std::vector<nlohmann::json>& out);
  const OpenDocument& document(const nlohmann::json& params) const;
  const CalendarSet& calendars_for(const std::filesystem::path& file);

  SessionOptions options_;
  bool initialized_ = false;
  bool shut_down_ = false;
  std::optional<int> exit_status_;
  std::map<std::string, std::unique_ptr<OpenDocument>> documents_;
  std::map<std::string, CalendarSet> calendars_;  // by folder, read once a session
};

// Reads framed messages from `in` and writes the answers to `out` until
// `exit` or the end of input; the process status to return.
int serve(std::istream& in, std::ostream& out, SessionOptions options = {});

// One message framed with its Content-Length header.
std::string frame(const nlohmann::json& message);

// Reads one framed body from `in`; nullopt at the end of input. A body over
// `max_bytes` is skipped and returned as "" (answered as a parse error).
std::optional<std::string> read_frame(std::istream& in, std::size_t max_bytes);

}  // namespace izin::lsp
