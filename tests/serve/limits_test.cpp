// What a client may send: body size, header size, read time, connections,
// malformed HTTP; none of them harms the other clients.
#include <catch2/catch.hpp>

#include <thread>

#include "office.hpp"

using serve_test::Office;
using serve_test::raw_exchange;

namespace {
izin::server::Limits tight() {
  izin::server::Limits l;
  l.read_timeout = std::chrono::milliseconds(1000);
  l.max_connections = 4;
  return l;
}

bool status_is(const std::string& response, int status) {
  return response.rfind("HTTP/1.1 " + std::to_string(status), 0) == 0;
}
}  // namespace

TEST_CASE("a 100 MB body is refused with 413 from its declared length, and the connection closed") {
  Office office(tight());
  const auto r = raw_exchange(office.server->port(),
                              "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: 104857600\r\n\r\n{\"name\":");
  CHECK(status_is(r.text, 413));
  CHECK(r.text.find("body_too_large") != std::string::npos);
  CHECK(r.closed);
  CHECK(office.client().get("/api/v1/openapi.json").status == 200);
}

TEST_CASE("a chunked body growing past the limit is refused with 413") {
  auto limits = tight();
  limits.max_body = 1024;
  Office office(limits);
  const std::string chunk(2048, 'a');
  const auto r = raw_exchange(office.server->port(), "POST /api/v1/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + chunk + "\r\n0\r\n\r\n");
  CHECK(status_is(r.text, 413));
}

TEST_CASE("headers larger than the limit are refused with 431") {
  Office office(tight());
  const auto r = raw_exchange(office.server->port(),
                              "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n");
  CHECK(status_is(r.text, 431));
  CHECK(r.closed);
}

TEST_CASE("malformed HTTP gets 400 and the connection is closed") {
  Office office(tight());
  const auto r = raw_exchange(office.server->port(), "HELLO THERE\r\n\r\n");
  CHECK(status_is(r.text, 400));
  CHECK(r.text.find("\"bad_request\"") != std::string::npos);
  CHECK(r.closed);
  CHECK(office.client().get("/api/v1/openapi.json").status == 200);
}

TEST_CASE("a slow-loris connection is closed after the read timeout while another client is served") {
  Office office(tight());
  namespace asio = boost::asio;
  asio::io_context ioc;
  serve_test::tcp::socket loris(ioc);
  loris.connect({asio::ip::make_address("127.0.0.1"), office.server->port()});
  asio::write(loris, asio::buffer(std::string("GET /api/v1/openapi.json HTTP/1.1\r\n")));
  // A header byte every 200 ms: the deadline is for the whole request, so trickling never extends it.
  asio::steady_timer drip(ioc);
  std::function<void()> next = [&] {
    drip.expires_after(std::chrono::milliseconds(200));
    drip.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      boost::system::error_code ignored;
      asio::write(loris, asio::buffer(std::string("X")), ignored);
      next();
    });
  };
  next();
  const auto started = std::chrono::steady_clock::now();
  std::optional<std::chrono::steady_clock::duration> closed_after;
  std::string sink;
  asio::async_read(loris, asio::dynamic_buffer(sink), [&](boost::system::error_code, std::size_t) {
    closed_after = std::chrono::steady_clock::now() - started;
    drip.cancel();
  });
  unsigned served = 0;
  std::thread other([&] { served = office.client().get("/api/v1/openapi.json").status; });
  ioc.run_for(std::chrono::seconds(4));
  other.join();
  CHECK(served == 200);
  REQUIRE(closed_after);
  CHECK(*closed_after < std::chrono::milliseconds(2000));
}

TEST_CASE("connections beyond the limit get 503 and close, freed slots serve again") {
  Office office(tight());
  namespace asio = boost::asio;
  asio::io_context ioc;
  std::vector<serve_test::tcp::socket> idle;
  for (int i = 0; i < 4; ++i) {
    idle.emplace_back(ioc);
    idle.back().connect({asio::ip::make_address("127.0.0.1"), office.server->port()});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the server accept them
  const auto r = raw_exchange(office.server->port(), "GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(status_is(r.text, 503));
  idle.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(office.client().get("/api/v1/openapi.json").status == 200);
}

TEST_CASE("stop answers the request in flight and closes idle connections") {
  Office office(tight());
  auto c = office.client();
  CHECK(c.get("/api/v1/openapi.json").status == 200);
  namespace asio = boost::asio;
  asio::io_context ioc;
  serve_test::tcp::socket idle(ioc);
  idle.connect({asio::ip::make_address("127.0.0.1"), office.server->port()});
  const auto started = std::chrono::steady_clock::now();
  office.server->stop();
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(900));  // did not wait for the timeout
}
