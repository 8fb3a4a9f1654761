// The threads of `izin serve`: network threads, and the one engine thread
// that owns the App (engine, store, procedures, accounts) and its timers.
#include "izin/server/server.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <stdexcept>
#include <thread>
#include <vector>

#include "app.hpp"
#include "event_batch.hpp"
#include "feed.hpp"
#include "feed_waiters.hpp"
#include "izin/log.hpp"
#include "network.hpp"
#include "sign_in_worker.hpp"
#include "webhook.hpp"

namespace izin::server {

namespace asio = boost::asio;

struct Server::Impl {
  ServerOptions options;
  // Declared before the io_contexts, so handlers still queued in them at destruction find these alive.
  std::unique_ptr<App> app;
  NetworkShared shared;
  asio::io_context network{options.network_threads};
  asio::io_context engine_thread{1};
  asio::executor_work_guard<asio::io_context::executor_type> network_work = asio::make_work_guard(network);
  asio::executor_work_guard<asio::io_context::executor_type> engine_work = asio::make_work_guard(engine_thread);
  asio::steady_timer ticker{engine_thread}, watcher{engine_thread};
  std::unique_ptr<FeedWaiters> feed;  // after engine_thread: its timers go first
  std::unique_ptr<SignInWorker> sign_in;
  std::unique_ptr<EventBatch> events;  // the API's events, committed together
  std::unique_ptr<WebhookDelivery> webhook;  // only with --webhook
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> threads;
  bool started = false, stopped = false;
  bool winding_down = false;  // engine thread only: no timer is re-armed once set

  explicit Impl(ServerOptions o) : options(std::move(o)) {}

  // Runs `every` on the engine thread each `interval` until stop() winds down.
  void repeat(asio::steady_timer& timer, std::chrono::milliseconds interval, void (App::*every)()) {
    timer.expires_after(interval);
    timer.async_wait([this, &timer, interval, every](const boost::system::error_code& ec) {
      // A wait that completed just before the cancel would re-arm and keep the engine thread running forever.
      if (ec || winding_down) return;
      try {
        (app.get()->*every)();
      } catch (const std::exception& e) {
        log_line(LogLevel::Error, std::string("background work failed: ") + e.what());
      }
      repeat(timer, interval, every);
    });
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  auto& i = *impl_;
  i.app = std::make_unique<App>(i.options);
  i.feed = std::make_unique<FeedWaiters>(*i.app, i.engine_thread);
  i.events = std::make_unique<EventBatch>(*i.app, i.engine_thread);
  i.sign_in = std::make_unique<SignInWorker>(*i.app, i.engine_thread, accounts_file(i.options.db, i.options.accounts));
  if (!i.options.webhook.empty()) i.webhook = std::make_unique<WebhookDelivery>(*i.app, i.engine_thread, i.options);
  i.shared.limits = i.options.limits;
  i.shared.dispatch = [this](Request req, std::string client, std::function<void(Response)> done) {
    auto owned = std::make_shared<Request>(std::move(req));
    asio::post(impl_->engine_thread, [this, owned, client = std::move(client), done = std::move(done)]() mutable {
      if (feed_waits(*owned)) return impl_->feed->serve(owned, std::move(client), std::move(done));
      if (is_sign_in(*owned)) return impl_->sign_in->serve(owned, std::move(client), std::move(done));
      if (is_event(*owned)) return impl_->events->serve(owned, std::move(client), std::move(done));
      done(impl_->app->handle(*owned, client));
    });
  };
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(i.options.address, ec);
  if (ec) throw std::runtime_error("--listen: '" + i.options.address + "' is not an IP address");
  try {
    i.listener = std::make_shared<Listener>(i.network, asio::ip::tcp::endpoint{address, i.options.port}, i.shared);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + i.options.address + ":" + std::to_string(i.options.port) + ": " +
                             e.code().message());
  }
}

Server::~Server() { stop(); }

std::uint16_t Server::port() const { return impl_->listener->port(); }

void Server::start() {
  auto& i = *impl_;
  if (i.started) return;
  i.started = true;
  i.repeat(i.ticker, i.options.tick_interval, &App::tick);
  i.repeat(i.watcher, i.options.watch_interval, &App::watch);
  i.listener->run();
  if (i.webhook) i.webhook->start();
  i.threads.emplace_back([&i] { i.engine_thread.run(); });
  for (int n = 0; n < std::max(1, i.options.network_threads); ++n) i.threads.emplace_back([&i] { i.network.run(); });
}

void Server::stop() {
  auto& i = *impl_;
  if (!i.started || i.stopped) return;
  i.stopped = true;
  i.listener->stop();
  asio::post(i.engine_thread, [&i] {
    i.feed->release_all();  // waiting long-polls answer now
    if (i.webhook) i.webhook->stop();
  });
  // Requests in flight finish and answer; the connections then close one by one.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (i.shared.connections > 0 && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // Work still running on the workers posts its outcome to the engine thread, which is still up.
  i.sign_in->join();
  if (i.webhook) i.webhook->join();
  i.network_work.reset();
  i.network.stop();
  asio::post(i.engine_thread, [&i] {
    i.winding_down = true;
    i.ticker.cancel();
    i.watcher.cancel();
  });
  i.engine_work.reset();
  for (auto& t : i.threads) t.join();
  i.threads.clear();
}

}  // namespace izin::server
