// Delivers the notification outbox to a webhook without blocking the engine
// thread: due notifications are taken there, POSTed on a worker thread, and
// the outcome recorded back there (retried with backoff by the outbox's due times).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <set>
#include <string>

#include "app.hpp"
#include "izin/server/server.hpp"
#include "webhook_post.hpp"

namespace izin::server {

class WebhookDelivery {
 public:
  // Throws std::runtime_error for a URL it cannot deliver to.
  WebhookDelivery(App& app, boost::asio::io_context& engine_thread, const ServerOptions& options);
  ~WebhookDelivery();
  WebhookDelivery(const WebhookDelivery&) = delete;
  WebhookDelivery& operator=(const WebhookDelivery&) = delete;

  void start();  // on any thread: the first look at the outbox is on the engine thread
  // On the engine thread: no new tries; the ones in flight finish on the worker.
  void stop();
  void join();  // waits for the tries in flight

 private:
  void look();  // engine thread: hand the due notifications to the worker
  void record(const DeliveryAttempt& attempt);  // engine thread
  Instant next_try(Instant now, std::uint32_t failures) const;

  App& app_;
  boost::asio::io_context& engine_thread_;
  WebhookTarget target_;
  std::string secret_;
  std::chrono::milliseconds interval_, retry_, timeout_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool worker_{1};
  std::set<std::string> in_flight_;  // ids handed to the worker, not yet recorded
  bool stopped_ = false;
};

}  // namespace izin::server
