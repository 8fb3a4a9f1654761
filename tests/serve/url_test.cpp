// Targets, queries and path patterns.
#include <catch2/catch.hpp>

#include "auth.hpp"
#include "url.hpp"

using namespace izin::server;

TEST_CASE("a path pattern binds {id} decoded and refuses other shapes") {
  CHECK(match_path("/api/v1/cases/{id}", "/api/v1/cases/PBG%2F1") ==
        std::map<std::string, std::string>{{"id", "PBG/1"}});
  CHECK_FALSE(match_path("/api/v1/cases/{id}", "/api/v1/cases/"));
  CHECK_FALSE(match_path("/api/v1/cases/{id}", "/api/v1/cases/1/history"));
  CHECK_FALSE(match_path("/api/v1/cases/{id}", "/api/v1/cases/%zz"));
  CHECK_FALSE(match_path("/api/v1/cases", "/api/v1/case"));
}

TEST_CASE("a query is split and decoded, a malformed escape is dropped") {
  CHECK(split_target("/a?b=1") == std::pair<std::string, std::string>{"/a", "b=1"});
  CHECK(parse_query("a=1&b=x%20y+z&c=%4&d") ==
        std::map<std::string, std::string>{{"a", "1"}, {"b", "x y z"}, {"d", ""}});
  CHECK(percent_decode("%41") == "A");
  CHECK_FALSE(percent_decode("%4"));
}

TEST_CASE("login failures block a key for the window, then it opens again") {
  LoginLimiter limiter(3, std::chrono::seconds(60));
  const auto t0 = std::chrono::steady_clock::time_point{};
  for (int i = 0; i < 3; ++i) {
    CHECK_FALSE(limiter.blocked("address:1", t0));
    limiter.failed("address:1", t0);
  }
  CHECK(limiter.blocked("address:1", t0 + std::chrono::seconds(59)));
  CHECK_FALSE(limiter.blocked("address:2", t0));
  CHECK_FALSE(limiter.blocked("address:1", t0 + std::chrono::seconds(60)));
}

TEST_CASE("the session cookie is HttpOnly and SameSite=Strict") {
  CHECK(session_cookie("abc") == "izin_session=abc; Path=/; HttpOnly; SameSite=Strict");
  CHECK(session_cookie("").find("Max-Age=0") != std::string::npos);
}

TEST_CASE("keys whose window is over are dropped once the table is large") {
  LoginLimiter limiter(3, std::chrono::seconds(60));
  const auto t0 = std::chrono::steady_clock::time_point{};
  for (std::size_t i = 0; i < LoginLimiter::kPruneAt; ++i) limiter.failed("name:" + std::to_string(i), t0);
  CHECK(limiter.size() == LoginLimiter::kPruneAt);
  limiter.failed("name:late", t0 + std::chrono::seconds(61));
  CHECK(limiter.size() == 1);
}
