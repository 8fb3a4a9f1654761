#include "feed.hpp"

#include <charconv>
#include <limits>

#include "errors.hpp"
#include "izin/names.hpp"
#include "izin/time.hpp"
#include "url.hpp"

namespace izin::server {

namespace {

std::uint64_t number(const std::string& text, const char* name, std::uint64_t max) {
  std::uint64_t n = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc{} || ptr != end || n > max)
    throw invalid_input(http::status::bad_request, std::string(name) + " must be a whole number up to " + std::to_string(max),
                        std::string(name) + " harus bilangan bulat sampai " + std::to_string(max));
  return n;
}

bool asks_events(const Request& req) {
  const auto it = req.find(http::field::accept);
  return it != req.end() && std::string_view(it->value()).find("text/event-stream") != std::string_view::npos;
}

}  // namespace

FeedQuery feed_query(const Request& req, const std::map<std::string, std::string>& query) {
  FeedQuery q;
  q.events = asks_events(req);
  if (q.events) q.wait = kMaxFeedWait;
  constexpr auto kMaxSequence = std::numeric_limits<std::uint64_t>::max();
  if (const auto it = query.find("since"); it != query.end()) q.since = number(it->second, "since", kMaxSequence);
  // An EventSource that reconnects resumes after the last event it saw.
  if (const auto id = req.find("Last-Event-ID"); id != req.end())
    q.since = number(std::string(id->value()), "Last-Event-ID", kMaxSequence);
  if (const auto it = query.find("limit"); it != query.end()) {
    q.limit = number(it->second, "limit", kMaxFeedLimit);
    if (q.limit == 0) throw invalid_input(http::status::bad_request, "limit must be 1-500", "limit harus 1-500");
  }
  if (const auto it = query.find("wait"); it != query.end())
    q.wait = std::chrono::seconds(number(it->second, "wait", static_cast<std::uint64_t>(kMaxFeedWait.count())));
  return q;
}

nlohmann::json change_json(const Change& c) {
  return {{"sequence", c.sequence}, {"case", c.case_id}, {"revision", c.revision},
          {"kind", to_string(c.kind)}, {"at", format_instant(c.at)}};
}

nlohmann::json feed_page(const std::vector<Change>& changes, std::uint64_t since) {
  auto list = nlohmann::json::array();
  for (const auto& c : changes) list.push_back(change_json(c));
  return {{"changes", list}, {"next", changes.empty() ? since : changes.back().sequence}};
}

std::string feed_events(const std::vector<Change>& changes) {
  // The answer ends after one batch; the browser's EventSource comes back after `retry` with Last-Event-ID.
  std::string out = "retry: 1000\n\n";
  if (changes.empty()) out += ": heartbeat\n\n";
  for (const auto& c : changes)
    out += "id: " + std::to_string(c.sequence) + "\nevent: change\ndata: " + change_json(c).dump() + "\n\n";
  return out;
}

bool feed_waits(const Request& req) {
  if (req.method() != http::verb::get) return false;
  const auto [path, query] = split_target(req.target());
  if (path != "/api/v1/changes") return false;
  return asks_events(req) || parse_query(query).count("wait") > 0;
}

}  // namespace izin::server
