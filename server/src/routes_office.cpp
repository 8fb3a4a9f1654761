// The inbox of escalations and the head of office's figures, as JSON.
#include <cstdint>

#include "errors.hpp"
#include "inbox.hpp"
#include "office_summary.hpp"
#include "routes.hpp"

namespace izin::server::routes_impl {

namespace {
// A whole number from the query in [low, high], or `fallback` when absent; 400 naming it otherwise.
std::uint64_t number(const Call& call, const char* key, std::uint64_t fallback, std::uint64_t low, std::uint64_t high) {
  const auto it = call.query.find(key);
  if (it == call.query.end()) return fallback;
  try {
    std::size_t used = 0;
    const auto n = std::stoull(it->second, &used);
    if (used == it->second.size() && n >= low && n <= high) return n;
  } catch (const std::exception&) {
  }
  const std::string range = std::to_string(low) + "-" + std::to_string(high);
  throw invalid_input(http::status::bad_request, std::string(key) + " wants a whole number " + range,
                      std::string(key) + " harus bilangan bulat " + range);
}
}  // namespace

Response inbox(App& app, Call& call) {
  const auto before = number(call, "before", 0, 1, UINT64_MAX >> 1);
  const auto limit = number(call, "limit", kInboxPage, 1, kMaxInboxPage);
  const auto page = inbox_notifications(app, call.caller->user, before, limit);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : page.notifications) items.push_back(inbox_item_json(n));
  return reply(call, http::status::ok,
               {{"notifications", items}, {"next", page.next == 0 ? nlohmann::json() : nlohmann::json(page.next)},
                {"total", page.total}});
}

Response office_summary(App& app, Call& call) {
  if (!app.heads_office(call.caller->user)) throw ApiError{http::status::forbidden, "role_not_allowed"};
  nlohmann::json services = nlohmann::json::array();
  for (const auto& f : izin::server::office_summary(app.engine(), app.now())) services.push_back(figures_json(f));
  return reply(call, http::status::ok, {{"as_of", format_instant(app.now())}, {"services", services}});
}

}  // namespace izin::server::routes_impl
