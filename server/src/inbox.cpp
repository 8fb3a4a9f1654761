#include "inbox.hpp"

#include "izin/log.hpp"
#include "izin/time.hpp"

namespace izin::server {

InboxPage inbox_notifications(App& app, const User& user, std::uint64_t before, std::size_t limit) {
  try {
    app.inbox().collect(app.store());  // what changed since the last tick
  } catch (const std::exception& e) {
    log_line(LogLevel::Error, std::string("inbox: cannot bring it up to date: ") + e.what());  // show what is kept
  }
  return app.inbox().page(user.roles, before, limit);
}

std::size_t inbox_count(App& app, const User& user) { return inbox_notifications(app, user, 0, 0).total; }

nlohmann::json inbox_item_json(const Notification& n) {
  return {{"id", n.id},           {"case_id", n.case_id}, {"role", n.role},
          {"message", n.message}, {"state", n.state},     {"at", format_instant(n.at)}};
}

}  // namespace izin::server
