// The inbox: escalations addressed to the signed-in user's roles, newest first,
// from the server's own copy (inbox_store.hpp), brought up to date on each read.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "app.hpp"
#include "inbox_store.hpp"

namespace izin::server {

inline constexpr std::size_t kInboxPage = 50;
inline constexpr std::size_t kMaxInboxPage = 200;

// One page of `user`'s inbox after the cursor `before` (0: from the newest);
// a user without roles has an empty inbox.
InboxPage inbox_notifications(App& app, const User& user, std::uint64_t before, std::size_t limit);
// How many escalations `user`'s inbox holds.
std::size_t inbox_count(App& app, const User& user);

nlohmann::json inbox_item_json(const Notification& n);

}  // namespace izin::server
