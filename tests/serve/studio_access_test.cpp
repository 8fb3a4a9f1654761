// The studio's doors: a session for the pages, 401 for the API without one, 403 for staff
// without the kebijakan role, CSRF on every POST, and only the directory's .izin files.
#include <catch2/catch.hpp>

#include "studio.hpp"

using namespace serve_test;

namespace {
using serve_test::has;
}  // namespace

TEST_CASE("studio pages send a visitor without a session to sign in and the API answers 401") {
  StudioOffice office;
  auto c = office.client();
  for (const std::string path : {"/studio", "/studio/pbg.izin", "/studio/pbg.izin/riwayat", "/studio/panduan"}) {
    auto r = c.get(path);
    CHECK(r.status == 303);
    CHECK(r.headers["Location"].rfind("/masuk?ke=", 0) == 0);
  }
  CHECK(post_form(c, "/studio/pbg.izin", "aksi=simpan&teks=x").status == 303);
  const auto api = c.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", "x"}});
  CHECK(api.status == 401);
  CHECK(api.json["error"]["code"] == "unauthenticated");
}

TEST_CASE("staff without the kebijakan role get 403 from every studio page and the API") {
  StudioOffice office;
  auto clerk = office.page_user("loket");
  for (const std::string path : {"/studio", "/studio/pbg.izin", "/studio/pbg.izin/riwayat", "/studio/panduan",
                                 "/studio/pbg.izin/beda?dari=1&ke=2"}) {
    const auto r = clerk.get(path);
    CHECK(r.status == 403);
    CHECK(has(r.body, "peran kebijakan"));
  }
  const auto editor = clerk.get("/kerja");
  const auto before = office.file_text("pbg.izin");
  const auto save = post_form(clerk, "/studio/pbg.izin", "csrf=" + hidden(editor.body, "csrf") + "&aksi=simpan&teks=" +
                                                             form_encode(replaced(before, "version 1", "version 2")));
  CHECK(save.status == 403);
  CHECK(office.file_text("pbg.izin") == before);
  CHECK_FALSE(has(clerk.get("/kerja").body, "href=\"/studio\""));  // no link to a door that is shut
  auto api = office.api_user("loket");
  const auto live = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", before}});
  CHECK(live.status == 403);
  CHECK(live.json["error"]["code"] == "policy_role_required");
}

TEST_CASE("a studio POST without the session's CSRF token changes nothing") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto before = office.file_text("pbg.izin");
  const auto text = form_encode(replaced(before, "version 1", "version 2"));
  CHECK(post_form(officer, "/studio/pbg.izin", "aksi=simpan&teks=" + text).status == 403);
  CHECK(post_form(officer, "/studio/pbg.izin", "csrf=salah&aksi=simpan&teks=" + text).status == 403);
  CHECK(office.file_text("pbg.izin") == before);
  auto api = office.api_user("kebijakan");
  api.csrf.clear();
  CHECK(api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", before}}).json["error"]["code"] == "csrf_missing");
}

TEST_CASE("the studio opens only the .izin files of the procedure directory") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto list = officer.get("/studio");
  REQUIRE(list.status == 200);
  CHECK(has(list.body, "href=\"/studio/pbg.izin\""));
  CHECK(has(list.body, "href=\"/studio/legalisir.izin\""));
  CHECK_FALSE(has(list.body, "office.yaml"));
  CHECK(has(officer.get("/kerja").body, "href=\"/studio\""));
  for (const std::string path : {"/studio/office.yaml", "/studio/..%2Fizin.db", "/studio/calendars%2Fbelu.yaml",
                                 "/studio/tidak_ada.izin", "/studio/%2Fetc%2Fpasswd"})
    CHECK(officer.get(path).status == 404);
  auto api = office.api_user("kebijakan");
  CHECK(api.post("/api/v1/studio/live", {{"file", "../izin.db"}, {"text", "x"}}).status == 404);
  CHECK(api.post("/api/v1/studio/live", {{"file", "pbg.izin"}}).status == 400);
}
