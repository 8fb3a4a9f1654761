#include "webhook_post.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <stdexcept>

#include "izin/time.hpp"
#include "secrets.hpp"

namespace izin::server {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

WebhookTarget parse_webhook_url(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  if (url.rfind(scheme, 0) != 0)
    throw std::runtime_error("--webhook '" + url + "' must start with http:// (put a TLS proxy in front for https)");
  const auto rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  const auto authority = rest.substr(0, slash);
  WebhookTarget t;
  t.path = slash == std::string::npos ? "/" : rest.substr(slash);
  const auto colon = authority.rfind(':');
  t.host = authority.substr(0, colon);
  if (colon != std::string::npos) {
    const auto port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) == 0 || std::stoi(port) > 65535)
      throw std::runtime_error("--webhook '" + url + "': '" + port + "' is not a port number");
    t.port = static_cast<std::uint16_t>(std::stoi(port));
  }
  if (t.host.empty()) throw std::runtime_error("--webhook '" + url + "' names no host");
  return t;
}

std::string notification_body(const Notification& n) {
  return nlohmann::json{{"id", n.id}, {"case", n.case_id}, {"role", n.role}, {"message", n.message},
                        {"state", n.state}, {"at", format_instant(n.at)}}
      .dump();
}

std::string webhook_signature(const std::string& secret, const std::string& body) {
  return "sha256=" + hmac_sha256_hex(secret, body);
}

namespace {
// Runs one asynchronous step to its end: the stream's deadline applies only to asynchronous operations.
void finish(boost::asio::io_context& ioc, const beast::error_code& ec) {
  ioc.run();
  ioc.restart();
  if (ec) throw beast::system_error(ec);
}
}  // namespace

std::optional<std::string> post_notification(const WebhookTarget& target, const std::string& id,
                                             const std::string& body, const std::string& secret,
                                             std::chrono::milliseconds timeout) {
  try {
    boost::asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    tcp::resolver resolver(ioc);
    const auto endpoints = resolver.resolve(target.host, std::to_string(target.port));
    http::request<http::string_body> req{http::verb::post, target.path, 11};
    req.set(http::field::host, target.host);
    req.set(http::field::content_type, "application/json");
    req.set(http::field::user_agent, "izin-webhook");
    req.set("X-Izin-Delivery", id);
    if (!secret.empty()) req.set("X-Izin-Signature", webhook_signature(secret, body));
    req.keep_alive(false);
    req.body() = body;
    req.prepare_payload();
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    beast::error_code ec;
    stream.expires_after(timeout);  // the whole exchange: connect, write, read
    stream.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) { ec = e; });
    finish(ioc, ec);
    http::async_write(stream, req, [&](beast::error_code e, std::size_t) { ec = e; });
    finish(ioc, ec);
    http::async_read(stream, buffer, res, [&](beast::error_code e, std::size_t) { ec = e; });
    finish(ioc, ec);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (res.result_int() / 100 == 2) return std::nullopt;
    return "the receiver answered HTTP " + std::to_string(res.result_int());
  } catch (const std::exception& e) {
    return "cannot deliver to " + target.host + ":" + std::to_string(target.port) + ": " + e.what();
  }
}

}  // namespace izin::server
