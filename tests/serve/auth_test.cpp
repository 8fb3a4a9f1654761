// Signing in, sessions, CSRF, API tokens, roles and the login limit.
#include <catch2/catch.hpp>

#include "izin/sqlite_store.hpp"
#include "office.hpp"

using serve_test::Office;
using http = boost::beast::http::verb;

namespace {
using serve_test::kLegalisir;
}

TEST_CASE("without a session every API route but sign-in and the document answers 401") {
  Office office;
  auto c = office.client();
  for (const auto* target : {"/api/v1/procedures", "/api/v1/cases", "/api/v1/worklist", "/api/v1/cases/X-1"}) {
    const auto r = c.get(target);
    CHECK(r.status == 401);
    CHECK(r.json["error"]["code"] == "unauthenticated");
  }
  CHECK(c.get("/api/v1/openapi.json").status == 200);
}

TEST_CASE("signing in sets an HttpOnly SameSite=Strict cookie and returns a CSRF token, signing out ends it") {
  Office office;
  auto c = office.client();
  CHECK(c.sign_in("loket", "salah-sekali").status == 401);
  const auto r = c.sign_in("loket", "rahasia-loket");
  REQUIRE(r.status == 200);
  CHECK(r.headers.at("Set-Cookie").find("HttpOnly; SameSite=Strict") != std::string::npos);
  CHECK(r.json["roles"] == nlohmann::json{"front_office", "petugas_pengaduan"});
  CHECK(c.csrf.size() == 64);
  CHECK(c.get("/api/v1/procedures").status == 200);
  CHECK(c.send(http::delete_, "/api/v1/session").status == 200);
  CHECK(c.get("/api/v1/procedures").status == 401);
}

TEST_CASE("a state-changing request with a cookie but without the CSRF token is refused with 403") {
  Office office;
  auto c = office.signed_in("loket");
  const auto csrf = c.csrf;
  c.csrf.clear();
  auto r = c.post("/api/v1/cases", kLegalisir);
  CHECK(r.status == 403);
  CHECK(r.json["error"]["code"] == "csrf_missing");
  c.csrf = std::string(64, '0');
  CHECK(c.post("/api/v1/cases", kLegalisir).status == 403);
  CHECK(c.get("/api/v1/cases").json["total"] == 0);  // nothing was opened
  c.csrf = csrf;
  CHECK(c.post("/api/v1/cases", kLegalisir).status == 201);
}

TEST_CASE("an API token works without CSRF, and a disabled user's token stops working") {
  Office office;
  auto users = izin::server::open_sqlite_user_store(office.options.db);
  auto c = office.client();
  c.bearer = users->issue_token("loket");
  CHECK(c.post("/api/v1/cases", kLegalisir).status == 201);
  users->disable("loket");
  CHECK(c.get("/api/v1/procedures").status == 401);
  c.bearer = "not-a-token";
  CHECK(c.get("/api/v1/procedures").status == 401);
}

TEST_CASE("the actor is the caller in one of their own roles") {
  Office office;
  auto c = office.signed_in("loket");
  auto body = kLegalisir;
  body["role"] = "kepala_bidang";
  const auto r = c.post("/api/v1/cases", body);
  CHECK(r.status == 403);
  CHECK(r.json["error"]["code"] == "role_not_yours");
  const auto opened = c.post("/api/v1/cases", kLegalisir);
  REQUIRE(opened.status == 201);
  const std::string id = opened.json["id"];
  const auto history = c.get("/api/v1/cases/" + id + "/history").json["history"];
  CHECK(history[0]["user"] == "loket");
  CHECK(history[0]["role"] == "front_office");
}

TEST_CASE("a role the transition does not allow gets 403, the case is unchanged and the refusal is journaled") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string id = loket.post("/api/v1/cases", kLegalisir).json["id"];
  const auto before = loket.get("/api/v1/cases/" + id).json;
  const auto r = loket.post("/api/v1/cases/" + id + "/events",
                            {{"event", "sahkan"}, {"documents", {"dokumen_asli", "salinan"}}});
  CHECK(r.status == 403);
  CHECK(r.json["error"]["code"] == "role_not_allowed");
  CHECK(r.json["error"]["data"]["allowed_roles"] == nlohmann::json{"kepala_bidang"});
  CHECK(loket.get("/api/v1/cases/" + id).json == before);
  office.server->stop();
  izin::SqliteOptions read_only;
  read_only.read_only = true;
  const auto journal = izin::open_sqlite_store(office.options.db, read_only)->journal(id);
  REQUIRE(journal.size() == 2);
  CHECK_FALSE(journal[1].accepted);
  CHECK(journal[1].actor == izin::Actor{"loket", "front_office"});
}

TEST_CASE("guessing passwords gets 429 per address, even for the right password") {
  izin::server::Limits limits;
  limits.login_failures = 3;
  Office office(limits);
  auto c = office.client();
  for (int i = 0; i < 3; ++i) CHECK(c.sign_in("kabid", "tebakan-" + std::to_string(i)).status == 401);
  const auto r = c.sign_in("loket", "rahasia-loket");  // another name, same address
  CHECK(r.status == 429);
  CHECK(r.json["error"]["code"] == "too_many_attempts");
  CHECK(c.sign_in("kabid", "rahasia-kabid").status == 429);
}
