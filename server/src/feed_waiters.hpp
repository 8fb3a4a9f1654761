// Long-polls and event streams of /api/v1/changes that wait for the next
// change: parked on the engine thread with an asynchronous timer, so neither
// the engine thread nor a network thread is held while they wait.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app.hpp"

namespace izin::server {

class FeedWaiters {
 public:
  FeedWaiters(App& app, boost::asio::io_context& engine_thread);
  ~FeedWaiters();
  FeedWaiters(const FeedWaiters&) = delete;
  FeedWaiters& operator=(const FeedWaiters&) = delete;

  // On the engine thread: answers at once when there are changes (or an
  // error), else when the engine commits one or the wait is over.
  void serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done);
  // Answers every waiting request with what there is now; later ones answer at once (shutdown).
  void release_all();
  std::size_t waiting() const { return waiting_.size(); }

 private:
  struct Waiter {
    std::shared_ptr<const Request> req;
    std::string client;
    std::function<void(Response)> done;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };
  void wake();
  // Answers waiter `id` with `res`, or with the route's answer now.
  void answer(std::size_t id, std::optional<Response> res);

  App& app_;
  boost::asio::io_context& engine_thread_;
  std::size_t subscription_ = 0;
  std::size_t next_id_ = 0;
  bool released_ = false;
  bool wake_queued_ = false;
  std::map<std::size_t, Waiter> waiting_;
};

}  // namespace izin::server
