// The JSON API routes: procedures, cases, events, worklist, check; their errors.
#include <catch2/catch.hpp>

#include <set>

#include "izin/load.hpp"
#include "izin/preview.hpp"
#include "office.hpp"

using serve_test::Office;
using verb = boost::beast::http::verb;

namespace {
using serve_test::kLegalisir;
}

TEST_CASE("procedures: the list, one model, a deadline preview, and 404 for an unknown id") {
  Office office;
  auto c = office.signed_in("loket");
  const auto list = c.get("/api/v1/procedures").json["procedures"];
  CHECK(std::any_of(list.begin(), list.end(), [](const auto& p) { return p["id"] == "legalisir"; }));
  const auto model = c.get("/api/v1/procedures/legalisir").json;
  CHECK(model["roles"] == nlohmann::json{"pemohon", "front_office", "kepala_bidang"});
  CHECK(model["fields"][0] == nlohmann::json{{"id", "jumlah_lembar"}, {"label", "Jumlah lembar salinan"},
                                             {"type", "integer"}, {"symbols", nlohmann::json::array()}});
  CHECK(model["requirements"][1]["label"] == "Fotokopi dokumen yang akan dilegalisasi");
  CHECK(model["sla"]["working_days"] == 1);
  CHECK(model["states"][0]["events"][0] == nlohmann::json{{"event", "sahkan"}, {"roles", {"kepala_bidang"}}, {"to", "siap_diambil"}});
  const auto preview = c.get("/api/v1/procedures/legalisir/deadlines?from=2026-03-16");
  CHECK(preview.status == 200);
  // The same figures as the library's preview of a case opened at 08:00 local that day.
  const auto lib = izin::load({std::string(IZIN_SOURCE_DIR) + "/procedures"});
  const auto cal = lib.calendars.find("belu");
  const auto expected = izin::preview_deadlines(*lib.newest("legalisir"), *cal,
                                                cal->start_of_day(*izin::Date::parse("2026-03-16")) + std::chrono::hours(8));
  CHECK(preview.json["sla_due"] == expected.sla_due->to_string());
  CHECK(preview.json["steps"].size() == expected.steps.size());
  CHECK(preview.json["steps"][0]["state"] == "pemeriksaan");
  CHECK(c.get("/api/v1/procedures/legalisir/deadlines?from=16-03-2026").status == 400);
  const auto missing = c.get("/api/v1/procedures/tidak_ada");
  CHECK(missing.status == 404);
  CHECK(missing.json["error"]["code"] == "unknown_procedure");
}

TEST_CASE("a case is opened, shown with SLA, fees and the caller's events, listed, and its history read") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", kLegalisir);
  REQUIRE(opened.status == 201);
  const std::string id = opened.json["id"];
  const auto shown = loket.get("/api/v1/cases/" + id).json;
  CHECK(shown["state"] == "pemeriksaan");
  CHECK(shown["data"]["jumlah_lembar"] == "2");
  CHECK(shown["sla"]["declared"] == true);
  CHECK(shown["fees"][0]["amount"] == "0");
  CHECK(shown["pending"].size() == 2);
  // loket (front_office) may only reject; kabid sees both events.
  CHECK(shown["available_events"] == nlohmann::json::array({{{"event", "tolak"}, {"roles", {"front_office", "kepala_bidang"}}}}));
  auto kabid = office.signed_in("kabid");
  CHECK(kabid.get("/api/v1/cases/" + id).json["available_events"].size() == 2);
  const auto page = loket.get("/api/v1/cases?procedure=legalisir&state=pemeriksaan&limit=10");
  CHECK(page.json["total"] == 1);
  CHECK(page.json["cases"][0]["id"] == id);
  CHECK(loket.get("/api/v1/cases?role=no_such_role").status == 400);
  CHECK(loket.get("/api/v1/cases?limit=0").status == 400);
  CHECK(loket.get("/api/v1/cases/" + id + "/history").json["history"][0]["kind"] == "opened");
  const auto unknown = loket.get("/api/v1/cases/TIDAK-ADA");
  CHECK(unknown.status == 404);
  CHECK(unknown.json["error"]["code"] == "unknown_case");
}

TEST_CASE("a refused event answers 422 with every reason as data, the right role and documents move the case") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string id = loket.post("/api/v1/cases", kLegalisir).json["id"];
  auto kabid = office.signed_in("kabid");
  const auto refused = kabid.post("/api/v1/cases/" + id + "/events", {{"event", "sahkan"}});
  CHECK(refused.status == 422);
  CHECK(refused.json["error"]["code"] == "missing_documents");
  CHECK(refused.json["error"]["data"]["missing"].size() == 2);
  CHECK(kabid.post("/api/v1/cases/" + id + "/events", {{"event", "terbang"}}).json["error"]["code"] == "no_such_event");
  const auto fired = kabid.post("/api/v1/cases/" + id + "/events",
                                {{"event", "sahkan"}, {"documents", {"dokumen_asli", "salinan"}}});
  CHECK(fired.status == 200);
  CHECK(fired.json["to"] == "siap_diambil");
  CHECK(loket.get("/api/v1/cases/" + id).json["state"] == "siap_diambil");
}

TEST_CASE("an idempotency key repeated returns the same answer and the event happens once") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string id = loket.post("/api/v1/cases", kLegalisir).json["id"];
  loket.extra = {{"Idempotency-Key", "k-1"}};
  const auto first = loket.post("/api/v1/cases/" + id + "/events", {{"event", "tolak"}});
  loket.extra = {{"Idempotency-Key", "k-1"}};
  const auto again = loket.post("/api/v1/cases/" + id + "/events", {{"event", "tolak"}});
  CHECK(first.status == 200);
  CHECK(again.status == 200);
  CHECK(again.json["repeated"] == true);
  CHECK(again.json["to"] == first.json["to"]);
  CHECK(again.json["records"] == first.json["records"]);
  CHECK(loket.get("/api/v1/cases/" + id + "/history").json["history"].size() == 2);
  loket.extra = {{"Idempotency-Key", "k-1"}};
  CHECK(loket.post("/api/v1/cases/" + id + "/events", {{"event", "sahkan"}}).status == 409);  // key reused
}

TEST_CASE("a typed script comes back as the same string, escaped only by the JSON encoder") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string script = "<script>alert(1)</script>";
  const auto opened = loket.post("/api/v1/cases", {{"procedure", "pengaduan"}, {"role", "petugas_pengaduan"},
                                                   {"data", {{"layanan", script}}}});
  REQUIRE(opened.status == 201);
  CHECK(opened.json["data"]["layanan"] == script);
  CHECK(opened.headers.at("Content-Type") == "application/json; charset=utf-8");
  CHECK(opened.headers.at("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("bad input: invalid JSON 400, a value of the wrong type 422, unknown route 404, wrong method 405") {
  Office office;
  auto c = office.signed_in("loket");
  const auto bad = c.send(verb::post, "/api/v1/cases", "{not json");
  CHECK(bad.status == 400);
  CHECK(bad.json["error"]["code"] == "invalid_json");
  auto wrong = kLegalisir;
  wrong["data"]["jumlah_lembar"] = "dua";
  const auto typed = c.post("/api/v1/cases", wrong);
  CHECK(typed.status == 422);
  CHECK(typed.json["error"]["data"]["field"] == "jumlah_lembar");
  CHECK(c.get("/api/v1/tidak-ada").status == 404);
  const auto method = c.send(verb::put, "/api/v1/cases");
  CHECK(method.status == 405);
  CHECK(method.json["error"]["code"] == "method_not_allowed");
}

TEST_CASE("error messages are Indonesian by default and English when asked") {
  Office office;
  auto c = office.client();
  CHECK(c.get("/api/v1/cases").json["error"]["message"] == "Silakan masuk terlebih dahulu");
  c.language = "en-US,en;q=0.9";
  CHECK(c.get("/api/v1/cases").json["error"]["message"] == "Sign in first");
}

TEST_CASE("the worklist: every role of the caller, or one of theirs, another's role is 403") {
  Office office;
  auto loket = office.signed_in("loket");
  loket.post("/api/v1/cases", kLegalisir);
  const auto all = loket.get("/api/v1/worklist").json["worklists"];
  REQUIRE(all.size() == 2);
  CHECK(all[0]["role"] == "front_office");
  CHECK(all[0]["total"] == 1);
  CHECK(loket.get("/api/v1/worklist?role=kepala_bidang").status == 403);
  CHECK(office.signed_in("kabid").get("/api/v1/worklist?role=kepala_bidang").json["worklists"][0]["total"] == 1);
}

TEST_CASE("check returns a posted procedure's diagnostics as data") {
  Office office;
  auto c = office.signed_in("loket");
  const auto broken = c.post("/api/v1/check", {{"text", "procedure x version 1 {"}});
  CHECK(broken.status == 200);
  CHECK(broken.json["ok"] == false);
  CHECK(broken.json["diagnostics"][0]["severity"] == "error");
  CHECK(broken.json["diagnostics"][0]["line"] == 1);
  CHECK(c.post("/api/v1/check", {{"nothing", 1}}).status == 400);
}

TEST_CASE("the procedure problems list starts empty for the repository's procedures") {
  Office office;
  CHECK(office.signed_in("loket").get("/api/v1/problems").json["problems"] == nlohmann::json::array());
}

TEST_CASE("cases page through with a cursor, and overdue finds none that are not") {
  Office office;
  auto loket = office.signed_in("loket");
  for (int i = 0; i < 3; ++i) REQUIRE(loket.post("/api/v1/cases", kLegalisir).status == 201);
  std::set<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 3; ++page) {
    const auto r = loket.get("/api/v1/cases?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(r.json["cases"].size() == 1);
    seen.insert(r.json["cases"][0]["id"].get<std::string>());
    cursor = r.json["next_cursor"];
  }
  CHECK(seen.size() == 3);
  CHECK(cursor.empty());
  CHECK(loket.get("/api/v1/cases?overdue=true").json["total"] == 0);
  CHECK(loket.get("/api/v1/cases?cursor=bukan-kursor").status == 400);
}
