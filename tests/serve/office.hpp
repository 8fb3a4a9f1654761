// A running `izin serve` in-process for the tests: temp database, the
// repository's procedures, port 0, two staff accounts; and a small client.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "izin/server/server.hpp"
#include "izin/server/users.hpp"

namespace serve_test {

namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// The smallest procedure's opening request, which most tests use.
inline const nlohmann::json kLegalisir = {{"procedure", "legalisir"}, {"role", "front_office"}, {"data", {{"jumlah_lembar", 2}}}};

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A fresh directory under the system's temp folder, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("izin-serve-" + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

struct Reply {
  unsigned status = 0;
  std::string body;
  nlohmann::json json;  // null when the body is not JSON
  std::map<std::string, std::string> headers;
};

// One HTTP request per connection, with the session cookie and CSRF token it was given.
struct Client {
  std::uint16_t port = 0;
  std::string cookie, csrf, bearer, language;
  std::map<std::string, std::string> extra;  // sent with the next request only

  Reply send(http::verb method, const std::string& target, const std::string& body = "") {
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!cookie.empty()) req.set(http::field::cookie, cookie);
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
    if (!language.empty()) req.set(http::field::accept_language, language);
    for (const auto& [k, v] : extra) req.set(k, v);
    extra.clear();
    if (!body.empty() && req.find(http::field::content_type) == req.end())  // a form sets its own
      req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    http::write(stream, req);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    Reply r{res.result_int(), res.body(), nlohmann::json::parse(res.body(), nullptr, false), {}};
    if (r.json.is_discarded()) r.json = nullptr;
    for (const auto& f : res) r.headers[std::string(f.name_string())] = std::string(f.value());
    return r;
  }
  Reply get(const std::string& target) { return send(http::verb::get, target); }
  Reply post(const std::string& target, const nlohmann::json& body) { return send(http::verb::post, target, body.dump()); }

  // Signs in; keeps the cookie and CSRF token for the requests that follow.
  Reply sign_in(const std::string& name, const std::string& password) {
    auto r = post("/api/v1/session", {{"name", name}, {"password", password}});
    if (r.status == 200) {
      const auto& set = r.headers["Set-Cookie"];
      cookie = set.substr(0, set.find(';'));
      csrf = r.json["csrf_token"];
    }
    return r;
  }
};

// The service with staff: "loket" (front_office, petugas_pengaduan) and "kabid" (kepala_bidang).
struct Office {
  TempDir dir;
  izin::server::ServerOptions options;
  std::unique_ptr<izin::server::Server> server;

  explicit Office(izin::server::Limits limits = {}, std::string public_url = "") {
    options.port = 0;
    options.public_url = std::move(public_url);
    options.db = (dir.path / "izin.db").string();
    options.procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
    options.limits = limits;
    options.tick_interval = std::chrono::milliseconds(200);
    options.watch_interval = std::chrono::milliseconds(200);
    server = std::make_unique<izin::server::Server>(options);
    auto users = izin::server::open_sqlite_user_store(options.db);
    users->add("loket", {"front_office", "petugas_pengaduan"}, "rahasia-loket");
    users->add("kabid", {"kepala_bidang"}, "rahasia-kabid");
    server->start();
  }
  Client client() const { return Client{server->port(), "", "", "", "", {}}; }
  Client signed_in(const std::string& name) {
    Client c = client();
    c.sign_in(name, "rahasia-" + name);
    return c;
  }
};

// What a raw connection got back, and whether the server closed it.
struct RawReply {
  std::string text;
  bool closed = false;
};

// Writes `raw` on a new connection, then reads until the server closes or `wait` passes.
inline RawReply raw_exchange(std::uint16_t port, const std::string& raw,
                             std::chrono::milliseconds wait = std::chrono::seconds(5)) {
  boost::asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  boost::asio::write(socket, boost::asio::buffer(raw));
  RawReply reply;
  std::string buffer;
  boost::asio::async_read(socket, boost::asio::dynamic_buffer(buffer),
                          [&](boost::system::error_code ec, std::size_t) { reply.closed = ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset; });
  ioc.run_for(wait);
  reply.text = buffer;
  return reply;
}

}  // namespace serve_test
