#include "auth.hpp"

#include "secrets.hpp"

namespace izin::server {

std::pair<std::string, std::string> Sessions::open(const std::string& user, const std::string& stamp, SteadyTime now) {
  // Sessions never used again must not pile up: drop the expired ones at each sign-in.
  std::erase_if(sessions_, [&](const auto& kv) { return expired(kv.second, now); });
  auto id = random_token();
  auto csrf = random_token();
  sessions_[id] = {user, csrf, stamp, now, now};
  return {id, csrf};
}

void Sessions::close(const std::string& id) { sessions_.erase(id); }

Sessions::Session* Sessions::find(const std::string& id, SteadyTime now) {
  const auto it = sessions_.find(id);
  if (it == sessions_.end()) return nullptr;
  if (expired(it->second, now)) {
    sessions_.erase(it);
    return nullptr;
  }
  it->second.last_used = now;
  return &it->second;
}

bool Sessions::expired(const Session& s, SteadyTime now) const {
  return now - s.last_used >= idle_ || now - s.opened >= lifetime_;
}

bool LoginLimiter::blocked(const std::string& key, SteadyTime now) const {
  const auto it = counts_.find(key);
  const int failed = it != counts_.end() && now - it->second.since < window_ ? it->second.failures : 0;
  const auto p = pending_.find(key);
  return failed + (p == pending_.end() ? 0 : p->second) >= failures_;
}

void LoginLimiter::settled(const std::string& key) {
  const auto it = pending_.find(key);
  if (it != pending_.end() && --it->second <= 0) pending_.erase(it);
}

void LoginLimiter::failed(const std::string& key, SteadyTime now) {
  // Guessing with ever new names must not grow the table without end: drop windows that are over.
  if (counts_.size() >= kPruneAt) std::erase_if(counts_, [&](const auto& kv) { return now - kv.second.since >= window_; });
  auto& c = counts_[key];
  if (c.failures == 0 || now - c.since >= window_) c = {0, now};
  ++c.failures;
}

std::optional<std::string> cookie(const Request& req, const std::string& name) {
  for (auto it = req.find(http::field::cookie); it != req.end() && it->name() == http::field::cookie; ++it) {
    std::string_view rest = it->value();
    while (!rest.empty()) {
      const auto end = rest.find(';');
      auto pair = rest.substr(0, end);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
  }
  return std::nullopt;
}

std::string session_cookie(const std::string& id) {
  // Secure is left to the TLS proxy in front (docs/serve.md): plain HTTP on the office LAN must work.
  std::string c = std::string(kSessionCookie) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
  if (id.empty()) c += "; Max-Age=0";
  return c;
}

}  // namespace izin::server
