// Who is calling: browser sessions (cookie + CSRF token), API tokens, and
// the limit on guessing passwords. Lives on the engine thread: no locks.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "http.hpp"
#include "izin/server/server.hpp"
#include "izin/server/users.hpp"

namespace izin::server {

using SteadyTime = std::chrono::steady_clock::time_point;

// The authenticated caller of one request.
struct Caller {
  User user;
  std::string session;  // session id when signed in by cookie; empty for an API token
};

// Signed-in browser sessions, in memory: a restart signs everyone out.
class Sessions {
 public:
  struct Session {
    std::string user;
    std::string csrf;
  };
  // A new session for `user`: its id (the cookie) and its CSRF token.
  std::pair<std::string, std::string> open(const std::string& user);
  void close(const std::string& id);
  const Session* find(const std::string& id) const;

 private:
  std::map<std::string, Session> sessions_;
};

// Failed logins counted per key ("address:…", "name:…") in fixed windows.
class LoginLimiter {
 public:
  LoginLimiter(int failures, std::chrono::seconds window) : failures_(failures), window_(window) {}
  bool blocked(const std::string& key, SteadyTime now) const;
  void failed(const std::string& key, SteadyTime now);
  void forget(const std::string& key) { counts_.erase(key); }
  std::size_t size() const { return counts_.size(); }
  static constexpr std::size_t kPruneAt = 10'000;

 private:
  struct Count {
    int failures = 0;
    SteadyTime since;
  };
  int failures_;
  std::chrono::seconds window_;
  std::map<std::string, Count> counts_;
};

// The value of cookie `name` in the request, if sent.
std::optional<std::string> cookie(const Request& req, const std::string& name);

// The Set-Cookie value for a session id ("" expires it).
std::string session_cookie(const std::string& id);

inline constexpr const char* kSessionCookie = "izin_session";

}  // namespace izin::server
