#include "feed_waiters.hpp"

#include <boost/asio/post.hpp>

#include "feed.hpp"
#include "url.hpp"

namespace izin::server {

namespace {

// Whether an answer of the feed route is a page with nothing in it yet.
bool nothing_yet(const Response& res) {
  if (res.result() != http::status::ok) return false;
  const auto type = res.find(http::field::content_type);
  if (type != res.end() && std::string_view(type->value()).starts_with("text/event-stream"))
    return res.body().find("\nid: ") == std::string::npos;
  const auto page = nlohmann::json::parse(res.body(), nullptr, false);
  return page.is_object() && page["changes"].empty();
}

}  // namespace

FeedWaiters::FeedWaiters(App& app, boost::asio::io_context& engine_thread) : app_(app), engine_thread_(engine_thread) {
  // The callback runs inside the engine's commit: answer after it returns, once per burst of changes.
  subscription_ = app_.engine().subscribe([this](const Change&) {
    if (waiting_.empty() || wake_queued_) return;
    wake_queued_ = true;
    boost::asio::post(engine_thread_, [this] { wake(); });
  });
}

FeedWaiters::~FeedWaiters() { app_.engine().unsubscribe(subscription_); }

void FeedWaiters::serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done) {
  auto res = app_.handle(*req, client);
  if (released_ || !nothing_yet(res)) return done(std::move(res));
  const auto wait = feed_query(*req, parse_query(split_target(req->target()).second)).wait;
  if (wait.count() == 0) return done(std::move(res));
  const auto id = next_id_++;
  auto timer = std::make_unique<boost::asio::steady_timer>(engine_thread_, wait);
  timer->async_wait([this, id](const boost::system::error_code& ec) {
    if (!ec) answer(id, std::nullopt);
  });
  waiting_.emplace(id, Waiter{std::move(req), std::move(client), std::move(done), std::move(timer)});
}

void FeedWaiters::wake() {
  wake_queued_ = false;
  std::vector<std::pair<std::size_t, Response>> ready;
  for (const auto& [id, w] : waiting_)
    if (auto res = app_.handle(*w.req, w.client); !nothing_yet(res)) ready.emplace_back(id, std::move(res));
  for (auto& [id, res] : ready) answer(id, std::move(res));
}

void FeedWaiters::answer(std::size_t id, std::optional<Response> res) {
  const auto it = waiting_.find(id);
  if (it == waiting_.end()) return;
  auto w = std::move(it->second);
  waiting_.erase(it);
  w.timer->cancel();
  w.done(res ? std::move(*res) : app_.handle(*w.req, w.client));
}

void FeedWaiters::release_all() {
  released_ = true;
  std::vector<std::size_t> ids;
  for (const auto& [id, w] : waiting_) ids.push_back(id);
  for (const auto id : ids) answer(id, std::nullopt);
}

}  // namespace izin::server
