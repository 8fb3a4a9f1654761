// GET /api/v1/changes: the store's committed changes after a sequence, for
// any signed-in caller (they carry case ids and kinds, never case data).
// Waiting for the next change is done by FeedWaiters around this route.
#include "feed.hpp"
#include "routes.hpp"

namespace izin::server::routes_impl {

Response changes(App& app, Call& call) {
  const auto q = feed_query(call.req, call.query);
  const auto list = app.store().changes_since(q.since, q.limit);
  if (!q.events) return reply(call, http::status::ok, feed_page(list, q.since));
  Response res{http::status::ok, call.req.version()};
  res.set(http::field::content_type, "text/event-stream; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.keep_alive(call.req.keep_alive());
  res.body() = feed_events(list);
  res.prepare_payload();
  return res;
}

}  // namespace izin::server::routes_impl
