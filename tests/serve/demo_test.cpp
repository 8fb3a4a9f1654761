// `izin serve --demo`'s accounts: one per role, named after it, with a password that works.
#include <catch2/catch.hpp>

#include "izin/sqlite_store.hpp"
#include "izin/store.hpp"
#include "izin/server/demo.hpp"
#include "office.hpp"

using izin::server::make_demo_accounts;

namespace {
std::unique_ptr<izin::server::UserStore> demo_users(const serve_test::TempDir& dir) {
  const std::string db = (dir.path / "izin.db").string();
  izin::open_sqlite_store(db).reset();
  return izin::server::open_sqlite_user_store(db);
}
}  // namespace

TEST_CASE("demo accounts: one per role, each signs in with its printed password and holds only its role") {
  serve_test::TempDir dir;
  auto users = demo_users(dir);
  const auto made = make_demo_accounts(*users, {"front_office", "kepala_bidang", "front_office"});
  REQUIRE(made.size() == 2);
  for (const auto& a : made) {
    CHECK(a.name == a.role);
    CHECK(a.password.size() >= 8);
    const auto user = users->authenticate(a.name, a.password);
    REQUIRE(user);
    CHECK(user->roles == std::vector<std::string>{a.role});
  }
  CHECK(made[0].password != made[1].password);
}

TEST_CASE("demo accounts made again get new passwords, and the old ones stop working") {
  serve_test::TempDir dir;
  auto users = demo_users(dir);
  users->add("front_office", {"front_office", "verifikator"}, "lama-sekali");
  const auto made = make_demo_accounts(*users, {"front_office"});
  CHECK_FALSE(users->authenticate("front_office", "lama-sekali"));
  const auto user = users->authenticate("front_office", made[0].password);
  REQUIRE(user);
  CHECK(user->roles == std::vector<std::string>{"front_office"});
}
