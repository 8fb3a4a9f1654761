// The argon2id check of a sign-in runs off the engine thread: other requests
// are answered while sign-ins are in flight.
#include <catch2/catch.hpp>

#include <future>
#include <thread>
#include <vector>

#include "office.hpp"

using serve_test::Office;
using Clock = std::chrono::steady_clock;

TEST_CASE("a case is read promptly while several sign-ins are being checked") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", {{"procedure", "legalisir"}, {"role", "front_office"},
                                                   {"data", {{"jumlah_lembar", 2}}}});
  REQUIRE(opened.status == 201);
  const std::string id = opened.json["id"];
  auto started = Clock::now();
  REQUIRE(office.client().sign_in("kabid", "rahasia-kabid").status == 200);
  const auto one_check = Clock::now() - started;
  // Four sign-ins queue up four checks; on the engine thread a read would wait behind all of them.
  std::vector<std::future<unsigned>> signing_in;
  for (int n = 0; n < 4; ++n)
    signing_in.push_back(std::async(std::launch::async, [&office] {
      return office.client().sign_in("kabid", "rahasia-kabid").status;
    }));
  std::this_thread::sleep_for(one_check / 2);
  started = Clock::now();
  CHECK(loket.get("/api/v1/cases/" + id).status == 200);
  const auto read = Clock::now() - started;
  using std::chrono::duration_cast, std::chrono::milliseconds;
  INFO("one sign-in " << duration_cast<milliseconds>(one_check).count() << " ms, the read "
                      << duration_cast<milliseconds>(read).count() << " ms");
  CHECK(read < one_check);
  for (auto& s : signing_in) CHECK(s.get() == 200);
}

TEST_CASE("sign-in still refuses a wrong password and counts it toward the limit") {
  izin::server::Limits limits;
  limits.login_failures = 2;
  Office office(limits);
  auto c = office.client();
  CHECK(c.sign_in("kabid", "salah-salah").status == 401);
  CHECK(c.sign_in("kabid", "salah-salah").status == 401);
  CHECK(c.sign_in("kabid", "rahasia-kabid").status == 429);
  CHECK(c.post("/api/v1/session", {{"name", "kabid"}}).status == 400);
}

TEST_CASE("guesses sent all at once are limited like guesses sent one by one") {
  Office office;  // 5 failures per address and per name
  std::vector<std::future<unsigned>> guesses;
  for (int n = 0; n < 12; ++n)
    guesses.push_back(std::async(std::launch::async, [&office, n] {
      return office.client().sign_in("kabid", "tebakan-" + std::to_string(n)).status;
    }));
  int checked = 0, limited = 0;
  for (auto& g : guesses) {
    const auto status = g.get();
    checked += status == 401;
    limited += status == 429;
  }
  CHECK(checked <= 5);
  CHECK(checked + limited == 12);
  CHECK(office.client().sign_in("kabid", "rahasia-kabid").status == 429);
}
