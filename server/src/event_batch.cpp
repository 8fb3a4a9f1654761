// The API's events gathered into one commit per turn of the engine thread.
#include "event_batch.hpp"

#include <boost/asio/post.hpp>

#include <exception>
#include <optional>

#include "routes.hpp"
#include "url.hpp"

namespace izin::server {

using namespace routes_impl;

namespace {
constexpr std::string_view kEventPath = "/api/v1/cases/{id}/events";

// The call as the router would make it for the event route; the EventCall, or the refusal's answer.
std::optional<EventCall> enter(App& app, Call& call, Response& refusal) {
  std::optional<EventCall> e;
  refusal = app.guarded(call.req, [&] {
    const auto [path, query] = split_target(call.req.target());
    call.params = *match_path(kEventPath, path);
    call.query = parse_query(query);
    app.require_caller(call);
    e = event_request(app, call);
    return Response{};
  });
  return e;
}
}  // namespace

EventBatch::EventBatch(App& app, boost::asio::io_context& engine_thread) : app_(app), engine_thread_(engine_thread) {}

void EventBatch::serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done) {
  waiting_.push_back({std::move(req), std::move(client), std::move(done)});
  if (scheduled_) return;
  scheduled_ = true;
  boost::asio::post(engine_thread_, [this] { commit(); });
}

void EventBatch::commit() {
  scheduled_ = false;
  const std::vector<Waiting> batch = std::move(waiting_);
  waiting_.clear();
  std::vector<Call> calls;
  calls.reserve(batch.size());
  std::vector<std::pair<std::string, EventRequest>> events;
  std::vector<std::size_t> owners;  // the call each event came from
  for (std::size_t i = 0; i < batch.size(); ++i) {
    calls.push_back(Call{*batch[i].req, batch[i].client, {}, {}, {}});
    Response refusal;
    if (auto e = enter(app_, calls.back(), refusal)) {
      events.emplace_back(std::move(e->case_id), std::move(e->request));
      owners.push_back(i);
    } else {
      batch[i].done(std::move(refusal));
    }
  }
  std::vector<Outcome> outcomes;
  std::exception_ptr failed;  // the store's failure: every event of the commit answers with it
  try {
    if (!events.empty()) outcomes = app_.engine().fire_batch(events);
  } catch (...) {
    failed = std::current_exception();
  }
  for (std::size_t k = 0; k < owners.size(); ++k) {
    const std::size_t i = owners[k];
    batch[i].done(app_.guarded(*batch[i].req, [&] {
      if (failed) std::rethrow_exception(failed);
      return event_answer(calls[i], outcomes[k]);
    }));
  }
}

bool is_event(const Request& req) {
  return req.method() == http::verb::post && match_path(kEventPath, split_target(req.target()).first).has_value();
}

}  // namespace izin::server
