// Session lifetime: idle and absolute expiry, and a password change or a
// disabled account ending sessions at once, even when done by another process.
#include <catch2/catch.hpp>

#include <thread>

#include "auth.hpp"
#include "office.hpp"

using izin::server::Sessions;
using serve_test::Office;
using namespace std::chrono_literals;

TEST_CASE("a session ends when unused for the idle time, using it restarts that time") {
  Sessions sessions(30min, 12h);
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  const auto [id, csrf] = sessions.open("ani", "", t0);
  REQUIRE(sessions.find(id, t0 + 29min) != nullptr);
  REQUIRE(sessions.find(id, t0 + 58min) != nullptr);  // 29 min after its last use
  CHECK(sessions.find(id, t0 + 88min) == nullptr);    // 30 min unused
  CHECK(sessions.find(id, t0 + 89min) == nullptr);    // and it stays gone
}

TEST_CASE("a session ends at its lifetime however busy it is") {
  Sessions sessions(30min, 2h);
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  const auto [id, csrf] = sessions.open("ani", "", t0);
  auto t = t0;
  for (; t < t0 + 2h; t += 20min) REQUIRE(sessions.find(id, t) != nullptr);  // last use 20 min before the end
  CHECK(sessions.find(id, t0 + 2h) == nullptr);
}

TEST_CASE("signing in drops the sessions that expired, and sign-out ends one") {
  Sessions sessions(30min, 12h);
  const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  const auto a = sessions.open("ani", "", t0).first;
  const auto b = sessions.open("budi", "", t0 + 20min).first;
  sessions.open("citra", "", t0 + 40min);
  CHECK(sessions.size() == 2);  // ani's went unused for 40 min
  sessions.close(b);
  CHECK(sessions.find(b, t0 + 41min) == nullptr);
  CHECK(sessions.find(a, t0 + 41min) == nullptr);
}

TEST_CASE("the service signs out a browser session left idle") {
  izin::server::Limits limits;
  limits.session_idle = 1s;
  Office office(limits);
  auto c = office.signed_in("loket");
  CHECK(c.get("/api/v1/procedures").status == 200);
  std::this_thread::sleep_for(1200ms);
  CHECK(c.get("/api/v1/procedures").status == 401);
}

TEST_CASE("a password changed by `izin user passwd` ends the user's sessions at once, not others'") {
  Office office;
  auto loket = office.signed_in("loket");
  auto kabid = office.signed_in("kabid");
  auto users = izin::server::open_sqlite_user_store(office.options.db);  // as the CLI would, another handle
  const auto token = users->issue_token("loket");
  CHECK(loket.get("/api/v1/procedures").status == 200);
  users->set_password("loket", "rahasia-loket");  // even the same password: a new hash
  CHECK(loket.get("/api/v1/procedures").status == 401);
  CHECK(kabid.get("/api/v1/procedures").status == 200);
  auto api = office.client();
  api.bearer = token;  // tokens belong to systems, not to the password: they keep working
  CHECK(api.get("/api/v1/procedures").status == 200);
  CHECK(loket.sign_in("loket", "rahasia-loket").status == 200);
  CHECK(loket.get("/api/v1/procedures").status == 200);
}

TEST_CASE("disabling a user ends their sessions and tokens at once") {
  Office office;
  auto loket = office.signed_in("loket");
  auto users = izin::server::open_sqlite_user_store(office.options.db);
  auto api = office.client();
  api.bearer = users->issue_token("loket");
  CHECK(api.get("/api/v1/procedures").status == 200);
  users->disable("loket");
  CHECK(loket.get("/api/v1/procedures").status == 401);
  CHECK(api.get("/api/v1/procedures").status == 401);
  CHECK(loket.sign_in("loket", "rahasia-loket").status == 401);
}
