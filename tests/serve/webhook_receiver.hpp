// A webhook receiver for tests: an HTTP server on its own thread that keeps
// every POST it got (delivery id, signature, body) and answers each with the
// status its callback decides.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace serve_test {

namespace http = boost::beast::http;

// One POST the receiver got.
struct Received {
  std::string id, signature, body;
};

// An HTTP receiver on its own thread: `status` decides the answer to each POST.
class Receiver {
  using tcp = boost::asio::ip::tcp;

 public:
  explicit Receiver(std::function<unsigned(const Received&)> status) : status_(std::move(status)) {
    acceptor_.open(tcp::v4());
    acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    accept();
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~Receiver() {
    ioc_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::vector<Received> got() {
    std::lock_guard lock(mutex_);
    return got_;
  }
  std::size_t count(const std::string& id) {
    std::size_t n = 0;
    for (const auto& r : got()) n += r.id == id;
    return n;
  }

 private:
  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;
      try {
        boost::beast::flat_buffer buffer;
        http::request<http::string_body> req;
        http::read(socket, buffer, req);
        Received r{std::string(req["X-Izin-Delivery"]), std::string(req["X-Izin-Signature"]), req.body()};
        http::response<http::string_body> res{static_cast<http::status>(status_(r)), 11};
        res.prepare_payload();
        {
          std::lock_guard lock(mutex_);
          got_.push_back(std::move(r));
        }
        http::write(socket, res);
      } catch (const std::exception&) {
      }
      accept();
    });
  }
  std::function<unsigned(const Received&)> status_;
  boost::asio::io_context ioc_;
  tcp::acceptor acceptor_{ioc_};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Received> got_;
};

}  // namespace serve_test
