// The change feed of /api/v1/changes: one page of the store's committed
// changes as JSON, or as Server-Sent Events.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "http.hpp"
#include "izin/store.hpp"

namespace izin::server {

// What a request for the feed asks: after which sequence, how many, how long to wait, in which form.
struct FeedQuery {
  std::uint64_t since = 0;
  std::size_t limit = 100;
  std::chrono::seconds wait{0};  // 0: answer at once
  bool events = false;           // Server-Sent Events instead of JSON
};

inline constexpr std::chrono::seconds kMaxFeedWait{25};  // below common proxy idle timeouts
inline constexpr std::size_t kMaxFeedLimit = 500;

// The query of a feed request: ?since=&limit=&wait=, Last-Event-ID, Accept:
// text/event-stream (which waits kMaxFeedWait unless told). Throws ApiError
// 400 invalid_input naming the parameter that is not a number in range.
FeedQuery feed_query(const Request& req, const std::map<std::string, std::string>& query);

nlohmann::json change_json(const Change& c);

// The JSON page: {"changes": [...], "next": sequence to ask after next}.
nlohmann::json feed_page(const std::vector<Change>& changes, std::uint64_t since);

// The SSE body: one event per change (id: sequence, event: change, data: JSON),
// a heartbeat comment when there is none, and the reconnection delay.
std::string feed_events(const std::vector<Change>& changes);

// True for GET /api/v1/changes asking to wait (wait= or an event stream).
bool feed_waits(const Request& req);

}  // namespace izin::server
