// Signing in and out with the page forms, their CSRF tokens, the redirect of
// staff pages to sign-in, and the worklist page.
#include <catch2/catch.hpp>

#include "office.hpp"
#include "page_forms.hpp"

using serve_test::Client;
using serve_test::Office;
using serve_test::Reply;
using serve_test::cookie_pair;
using serve_test::hidden;
using serve_test::page_sign_in;
using serve_test::post_form;
using verb = boost::beast::http::verb;

namespace {
using serve_test::kLegalisir;

}  // namespace

TEST_CASE("signing in with the form sets the session and goes to the worklist") {
  Office office;
  auto c = office.client();
  const auto form = c.get("/masuk");
  CHECK(form.status == 200);
  CHECK(hidden(form.body, "csrf").size() == 64);
  const auto r = page_sign_in(c, "loket", "rahasia-loket");
  REQUIRE(r.status == 303);
  CHECK(r.headers.at("Location") == "/kerja");
  CHECK(c.cookie.find("izin_session=") == 0);
  const auto kerja = c.get("/kerja");
  CHECK(kerja.status == 200);
  CHECK(kerja.body.find("loket") != std::string::npos);
  CHECK(kerja.body.size() < 100 * 1024);
}

TEST_CASE("the sign-in form refuses a POST without its token, and a wrong password, without a session") {
  Office office;
  auto c = office.client();
  c.cookie = cookie_pair(c.get("/masuk"));
  const auto forged = post_form(c, "/masuk", "nama=loket&sandi=rahasia-loket&csrf=0000");
  CHECK(forged.status == 403);
  CHECK(forged.headers.at("Set-Cookie").find("izin_session=") == std::string::npos);
  auto bare = office.client();
  CHECK(post_form(bare, "/masuk", "nama=loket&sandi=rahasia-loket").status == 403);
  auto wrong = office.client();
  const auto r = page_sign_in(wrong, "loket", "salah-sekali");
  CHECK(r.status == 401);
  CHECK(r.body.find("Nama pengguna atau kata sandi salah") != std::string::npos);
}

TEST_CASE("a name typed into the sign-in form comes back escaped") {
  Office office;
  auto c = office.client();
  const auto r = page_sign_in(c, "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "salah-sekali");
  CHECK(r.status == 401);
  CHECK(r.body.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("staff pages send a visitor without a session to sign in, and back afterwards") {
  Office office;
  auto c = office.client();
  const auto r = c.get("/kerja");
  CHECK(r.status == 303);
  CHECK(r.headers.at("Location") == "/masuk?ke=%2Fkerja");
  CHECK(c.get("/masuk?ke=%2Fkerja").body.find("name=\"ke\" value=\"/kerja\"") != std::string::npos);
  CHECK(page_sign_in(c, "loket", "rahasia-loket", "%2Fkerja").headers.at("Location") == "/kerja");
  auto bearer = office.client();  // pages take sessions only, not API tokens
  bearer.bearer = izin::server::open_sqlite_user_store(office.options.db)->issue_token("loket");
  REQUIRE(bearer.get("/api/v1/worklist").status == 200);
  CHECK(bearer.get("/kerja").status == 303);
}

TEST_CASE("sign-in never sends anyone to another site") {
  Office office;
  for (const std::string ke : {"%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example"}) {
    auto c = office.client();
    CHECK(page_sign_in(c, "loket", "rahasia-loket", ke).headers.at("Location") == "/kerja");
  }
}

TEST_CASE("signing out needs the session's CSRF token and afterwards staff pages redirect again") {
  Office office;
  auto c = office.client();
  REQUIRE(page_sign_in(c, "loket", "rahasia-loket").status == 303);
  const auto kerja = c.get("/kerja");
  const std::string csrf = hidden(kerja.body, "csrf");
  REQUIRE(csrf.size() == 64);
  CHECK(post_form(c, "/keluar", "csrf=" + std::string(64, '0')).status == 403);
  CHECK(post_form(c, "/keluar", "").status == 403);
  CHECK(c.get("/kerja").status == 200);  // a refused sign-out leaves the session as it was
  const auto out = post_form(c, "/keluar", "csrf=" + csrf);
  CHECK(out.status == 303);
  CHECK(out.headers.at("Location") == "/masuk");
  CHECK(c.get("/kerja").status == 303);
}

TEST_CASE("the worklist page lists the cases each of the user's roles may act on") {
  Office office;
  auto api = office.signed_in("loket");
  const std::string id = api.post("/api/v1/cases", kLegalisir).json["id"];
  auto kabid = office.client();
  REQUIRE(page_sign_in(kabid, "kabid", "rahasia-kabid").status == 303);
  const auto page = kabid.get("/kerja");
  CHECK(page.status == 200);
  CHECK(page.body.find(id) != std::string::npos);
  CHECK(page.body.find("Pencocokan salinan dengan dokumen asli") != std::string::npos);
  CHECK(page.body.find("kepala_bidang") != std::string::npos);
  // After the head signs it, it waits for nobody in the office: gone from the list.
  nlohmann::json body = {{"event", "sahkan"}, {"documents", {"dokumen_asli", "salinan"}}};
  auto kabid_api = office.signed_in("kabid");
  REQUIRE(kabid_api.post("/api/v1/cases/" + id + "/events", body).status == 200);
  CHECK(kabid.get("/kerja").body.find(id) == std::string::npos);
}
