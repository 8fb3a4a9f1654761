#include "event_role.hpp"

#include <algorithm>

namespace izin::server {

std::string role_for_event(const Engine& engine, const Case& c, const Caller& caller, const std::string& event) {
  for (const auto& e : engine.available_events(c)) {
    if (e.event != event) continue;
    for (const auto& mine : caller.user.roles)
      if (e.roles.empty() || std::find(e.roles.begin(), e.roles.end(), mine) != e.roles.end()) return mine;
  }
  return caller.user.roles.empty() ? "" : caller.user.roles.front();
}

}  // namespace izin::server
