// Which of the caller's roles fires an event: the API and the pages pick it the same way.
#pragma once

#include <string>

#include "auth.hpp"
#include "izin/engine.hpp"

namespace izin::server {

// The caller's role that the case's current state lets fire `event`, else their first role
// (the engine then refuses it as role_not_allowed, journaled).
std::string role_for_event(const Engine& engine, const Case& c, const Caller& caller, const std::string& event);

}  // namespace izin::server
