// Content-Length framing of LSP messages over streams, and the serve loop.
#include <istream>
#include <ostream>

#include "izin/lsp/session.hpp"

namespace izin::lsp {

std::string frame(const nlohmann::json& message) {
  // Invalid UTF-8 in a client's text is replaced, never a throw.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::optional<std::string> read_frame(std::istream& in, std::size_t max_bytes) {
  std::optional<std::size_t> length;
  std::string header;
  bool any = false;
  while (std::getline(in, header)) {
    any = true;
    if (!header.empty() && header.back() == '\r') header.pop_back();
    if (header.empty()) {
      if (length) break;
      continue;  // stray blank line between messages
    }
    constexpr std::string_view kLength = "content-length:";
    std::string lower = header.substr(0, kLength.size());
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == kLength) {
      try {
        length = std::stoull(header.substr(kLength.size()));
      } catch (const std::exception&) {
        length = 0;
      }
    }
  }
  if (!any || !length || !in) return std::nullopt;
  if (*length > max_bytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    return std::string();
  }
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return std::nullopt;
  return body;
}

int serve(std::istream& in, std::ostream& out, SessionOptions options) {
  Session session(options);
  while (const auto body = read_frame(in, options.max_message_bytes)) {
    for (const auto& message : session.handle(*body)) out << frame(message);
    out.flush();
    if (session.exited()) break;
  }
  return session.exit_status();
}

}  // namespace izin::lsp
