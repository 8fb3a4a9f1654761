// The accounts store: hashes, roles, disabling, tokens.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "izin/sqlite_store.hpp"
#include "office.hpp"

using namespace izin::server;

namespace {
std::unique_ptr<UserStore> fresh_users(const serve_test::TempDir& dir) {
  const auto db = (dir.path / "izin.db").string();
  izin::open_sqlite_store(db).reset();
  return open_sqlite_user_store(db);
}

std::string stored_hash(const serve_test::TempDir& dir, const std::string& name) {
  sqlite3* db = nullptr;
  sqlite3_open((dir.path / "izin.db").c_str(), &db);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT password_hash FROM service_users WHERE name = ?", -1, &s, nullptr);
  sqlite3_bind_text(s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  std::string hash = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
  sqlite3_finalize(s);
  sqlite3_close(db);
  return hash;
}
}  // namespace

TEST_CASE("a password is kept only as an argon2id hash and checked against it") {
  serve_test::TempDir dir;
  auto users = fresh_users(dir);
  users->add("ani", {"front_office"}, "kata-sandi-ani");
  const auto hash = stored_hash(dir, "ani");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash.find("kata-sandi-ani") == std::string::npos);
  CHECK(users->authenticate("ani", "kata-sandi-ani") == User{"ani", {"front_office"}, false});
  CHECK_FALSE(users->authenticate("ani", "kata-sandi-budi"));
  CHECK_FALSE(users->authenticate("budi", "kata-sandi-ani"));
}

TEST_CASE("roles, passwords and disabling change what a user may do") {
  serve_test::TempDir dir;
  auto users = fresh_users(dir);
  users->add("ani", {"front_office"}, "lama-sekali");
  CHECK_THROWS_AS(users->add("ani", {"front_office"}, "lagi-lagi"), UserError);
  CHECK_THROWS_AS(users->add("bad name", {"front_office"}, "lagi-lagi"), UserError);
  CHECK_THROWS_AS(users->set_roles("ani", {}), UserError);
  users->set_roles("ani", {"kepala_bidang", "front_office"});
  CHECK(users->find("ani")->roles == std::vector<std::string>{"kepala_bidang", "front_office"});
  users->set_password("ani", "baru-sekali");
  CHECK_FALSE(users->authenticate("ani", "lama-sekali"));
  CHECK(users->authenticate("ani", "baru-sekali"));
  const auto token = users->issue_token("ani");
  CHECK(users->token_user(token)->name == "ani");
  CHECK_FALSE(users->token_user(token + "0"));
  users->disable("ani");
  CHECK_FALSE(users->authenticate("ani", "baru-sekali"));
  CHECK_FALSE(users->token_user(token));
  CHECK(users->list() == std::vector<User>{{"ani", {"kepala_bidang", "front_office"}, true}});
  CHECK_THROWS_AS(users->disable("budi"), UserError);
}

TEST_CASE("accounts survive reopening, and the case store still opens the file") {
  serve_test::TempDir dir;
  fresh_users(dir)->add("ani", {"front_office"}, "kata-sandi-ani");
  const auto db = (dir.path / "izin.db").string();
  CHECK_NOTHROW(izin::open_sqlite_store(db));
  CHECK(open_sqlite_user_store(db)->find("ani"));
}
