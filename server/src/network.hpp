// The network side: accepts connections and reads requests within the
// limits, hands each request to the engine thread, writes the answer.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "http.hpp"
#include "izin/server/server.hpp"

namespace izin::server {

class HttpSession;

// Answers a request: called on the network thread, it must call `done` with
// the response later, from any thread.
using Dispatch = std::function<void(Request, std::string client, std::function<void(Response)> done)>;

// What every session shares with the listener.
struct NetworkShared {
  Limits limits;
  Dispatch dispatch;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connections{0};
  std::mutex mutex;  // guards `sessions`
  std::map<HttpSession*, std::weak_ptr<HttpSession>> sessions;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& at, NetworkShared& shared);
  std::uint16_t port() const;
  void run();
  // Stops accepting and closes idle connections; requests in flight finish.
  void stop();

 private:
  void accept();

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  NetworkShared& shared_;
};

}  // namespace izin::server
