#include "webhook.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>

#include "izin/log.hpp"

namespace izin::server {

namespace {
constexpr std::size_t kBatch = 50;
constexpr auto kLongestWait = std::chrono::hours(1);
}  // namespace

WebhookDelivery::WebhookDelivery(App& app, boost::asio::io_context& engine_thread, const ServerOptions& options)
    : app_(app),
      engine_thread_(engine_thread),
      target_(parse_webhook_url(options.webhook)),
      secret_(options.webhook_secret),
      interval_(options.webhook_interval),
      retry_(options.webhook_retry),
      timeout_(options.webhook_timeout),
      timer_(engine_thread) {}

WebhookDelivery::~WebhookDelivery() { join(); }

void WebhookDelivery::start() {
  boost::asio::post(engine_thread_, [this] { look(); });
}

void WebhookDelivery::stop() {
  stopped_ = true;
  timer_.cancel();
}

void WebhookDelivery::join() { worker_.join(); }

void WebhookDelivery::look() {
  if (stopped_) return;
  try {
    for (const auto& due : app_.store().due_notifications(app_.now(), kBatch)) {
      const auto& n = due.notification;
      if (!in_flight_.insert(n.id).second) continue;  // still being tried
      boost::asio::post(worker_, [this, n, failures = due.attempts] {
        const auto body = notification_body(n);
        const auto error = post_notification(target_, n.id, body, secret_, timeout_);
        boost::asio::post(engine_thread_, [this, id = n.id, error, failures] {
          const auto now = app_.now();
          record({id, now, !error, error.value_or(""), error ? next_try(now, failures) : Instant{}});
        });
      });
    }
  } catch (const std::exception& e) {
    log_line(LogLevel::Error, std::string("webhook: cannot read the outbox: ") + e.what());
  }
  timer_.expires_after(interval_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) look();
  });
}

void WebhookDelivery::record(const DeliveryAttempt& attempt) {
  in_flight_.erase(attempt.id);
  if (!attempt.delivered) log_line(LogLevel::Warning, "webhook: " + attempt.id + " not delivered: " + attempt.error);
  try {
    app_.store().record_deliveries({attempt});
  } catch (const std::exception& e) {
    // Not recorded: it stays due and is tried again; the receiver drops the repeat by its id.
    log_line(LogLevel::Error, std::string("webhook: cannot record a delivery: ") + e.what());
  }
}

Instant WebhookDelivery::next_try(Instant now, std::uint32_t failures) const {
  // The first failure waits `retry`, each further one twice as long, never more than an hour.
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(kLongestWait);
  if (failures < 20) wait = std::min(wait, retry_ * (std::int64_t{1} << failures));
  return now + std::chrono::ceil<std::chrono::seconds>(wait);
}

}  // namespace izin::server
