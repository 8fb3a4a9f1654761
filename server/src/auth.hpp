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

// Signed-in browser sessions, in memory: a restart signs everyone out. A
// session ends when unused for `idle`, `lifetime` after sign-in, on sign-out,
// or when its user's credential stamp changes (App::authenticate checks it).
class Sessions {
 public:
  struct Session {
    std::string user;
    std::string csrf;
    std::string stamp;  // the user's credential stamp at sign-in; "" until first checked
    SteadyTime opened;
    SteadyTime last_used;
  };
  explicit Sessions(std::chrono::seconds idle = std::chrono::minutes(30),
                    std::chrono::seconds lifetime = std::chrono::hours(12))
      : idle_(idle), lifetime_(lifetime) {}
  // A new session for `user`: its id (the cookie) and its CSRF token.
  std::pair<std::string, std::string> open(const std::string& user, const std::string& stamp = "",
                                           SteadyTime now = std::chrono::steady_clock::now());
  void close(const std::string& id);
  // The live session with this id, marked used at `now`; nullptr (and
  // forgotten) when unknown, idle too long or past its lifetime.
  Session* find(const std::string& id, SteadyTime now = std::chrono::steady_clock::now());
  std::size_t size() const { return sessions_.size(); }

 private:
  bool expired(const Session& s, SteadyTime now) const;
  std::chrono::seconds idle_, lifetime_;
  std::map<std::string, Session> sessions_;
};

// Failed logins counted per key ("address:…", "name:…") in fixed windows.
class LoginLimiter {
 public:
  LoginLimiter(int failures, std::chrono::seconds window) : failures_(failures), window_(window) {}
  bool blocked(const std::string& key, SteadyTime now) const;
  void failed(const std::string& key, SteadyTime now);
  void forget(const std::string& key) { counts_.erase(key); }
  // A check under way for `key` counts as a failure until settled, so guesses
  // sent all at once are limited like guesses sent one by one.
  void attempting(const std::string& key) { ++pending_[key]; }
  void settled(const std::string& key);
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
  std::map<std::string, int> pending_;
};

// The value of cookie `name` in the request, if sent.
std::optional<std::string> cookie(const Request& req, const std::string& name);

// The Set-Cookie value for a session id ("" expires it).
std::string session_cookie(const std::string& id);

inline constexpr const char* kSessionCookie = "izin_session";

}  // namespace izin::server
