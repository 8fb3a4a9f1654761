#include "network.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>

#include "errors.hpp"

namespace izin::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// One connection: reads a request within the limits, waits for its answer, writes it.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, NetworkShared& shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.connections;
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "unknown" : peer.address().to_string();
  }
  ~HttpSession() {
    std::lock_guard lock(shared_.mutex);
    shared_.sessions.erase(this);
    --shared_.connections;
  }
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start(bool too_many) {
    {
      std::lock_guard lock(shared_.mutex);
      shared_.sessions[this] = weak_from_this();
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this(), too_many] {
      if (too_many) return self->refuse({http::status::service_unavailable, "too_many_connections"});
      self->read();
    });
  }

  // Closes the connection unless a request is being answered (that one finishes first).
  void close_when_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->answering_) self->stream_.socket().close();
    });
  }

 private:
  void read() {
    if (shared_.stopping) return stream_.socket().close();
    parser_.emplace();
    parser_->body_limit(shared_.limits.max_body);
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.max_header));
    // The whole request must arrive within the timeout: a trickle of bytes does not extend it.
    stream_.expires_after(shared_.limits.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::bad_descriptor)
      return close();
    if (ec == http::error::body_limit) return refuse({http::status::payload_too_large, "body_too_large"});
    if (ec == http::error::header_limit)
      return refuse({http::status::request_header_fields_too_large, "header_too_large"});
    if (ec) return refuse({http::status::bad_request, "bad_request"});
    stream_.expires_never();
    answering_ = true;
    auto self = shared_from_this();
    shared_.dispatch(parser_->release(), client_, [self](Response res) {
      asio::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable { self->write(std::move(res)); });
    });
  }

  // Answers a request that could not be read, then closes: the stream is in an unknown state.
  void refuse(const ApiError& e) {
    auto res = error_response(e, Language::Indonesian, 11, false);
    answering_ = true;
    write(std::move(res));
  }

  void write(Response res) {
    const bool keep = res.keep_alive() && !shared_.stopping;
    res.keep_alive(keep);
    auto owned = std::make_shared<Response>(std::move(res));
    stream_.expires_after(shared_.limits.read_timeout);
    http::async_write(stream_, *owned, [self = shared_from_this(), owned, keep](beast::error_code ec, std::size_t) {
      self->answering_ = false;
      if (ec || !keep) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  NetworkShared& shared_;
  std::string client_;
  bool answering_ = false;
};

Listener::Listener(asio::io_context& ioc, const tcp::endpoint& at, NetworkShared& shared)
    : ioc_(ioc), acceptor_(asio::make_strand(ioc)), shared_(shared) {
  acceptor_.open(at.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(at);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::uint16_t Listener::port() const { return acceptor_.local_endpoint().port(); }

void Listener::run() { accept(); }

void Listener::accept() {
  acceptor_.async_accept(asio::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
    if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
    if (!ec) {
      const bool too_many = self->shared_.connections >= self->shared_.limits.max_connections;
      std::make_shared<HttpSession>(std::move(s), self->shared_)->start(too_many);
    }
    self->accept();
  });
}

void Listener::stop() {
  shared_.stopping = true;
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->acceptor_.close(ignored);
  });
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    std::lock_guard lock(shared_.mutex);
    for (auto& [raw, weak] : shared_.sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->close_when_idle();
}

}  // namespace izin::server
