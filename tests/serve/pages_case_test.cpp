// The case page: what it shows, firing an event from its forms, a refusal with every
// reason, the wrong role refused, CSRF on its POST, escaping, and its size.
#include <catch2/catch.hpp>

#include "office.hpp"
#include "page_forms.hpp"

using serve_test::Client;
using serve_test::Office;
using serve_test::Reply;
using serve_test::hidden;
using serve_test::page_sign_in;
using serve_test::post_form;

namespace {
using serve_test::kLegalisir;

using serve_test::has;

// Opens a case through the API as the counter and returns its id.
std::string open_case(Office& office, const nlohmann::json& request) {
  auto api = office.signed_in("loket");
  const auto r = api.post("/api/v1/cases", request);
  REQUIRE(r.status == 201);
  return r.json["id"].get<std::string>();
}

Client page_user(Office& office, const std::string& name) {
  auto c = office.client();
  REQUIRE(page_sign_in(c, name, "rahasia-" + name).status == 303);
  return c;
}

// The form fields of the case page's first event form, plus `extra`.
std::string event_form(const std::string& page, const std::string& extra) {
  return "csrf=" + hidden(page, "csrf") + "&peristiwa=" + hidden(page, "peristiwa") + "&kunci=" + hidden(page, "kunci") + extra;
}
}  // namespace

TEST_CASE("the case page shows the state, the timeline with who, the SLA, fees and the user's events") {
  Office office;
  const auto id = open_case(office, kLegalisir);
  auto kabid = page_user(office, "kabid");
  const auto r = kabid.get("/kasus/" + id);
  REQUIRE(r.status == 200);
  CHECK(has(r.body, "Pencocokan salinan dengan dokumen asli"));
  CHECK(has(r.body, "loket (front_office)"));
  CHECK(has(r.body, "Jumlah lembar salinan = 2"));  // what the step changed, by label
  CHECK(has(r.body, "Hari kerja terpakai"));
  CHECK(has(r.body, "Biaya legalisasi (gratis)"));
  CHECK(has(r.body, "after 4 hours"));
  CHECK(hidden(r.body, "peristiwa") == "sahkan");
  CHECK(hidden(r.body, "kunci").size() == 64);
  CHECK(has(r.body, "name=\"dok_salinan\""));
  CHECK(r.body.size() < 100 * 1024);
  CHECK(kabid.get("/kasus/" + id + "?lang=en").body.find("Working days used") != std::string::npos);
}

TEST_CASE("firing without the documents shows every missing one by label and with them the case moves on once") {
  Office office;
  const auto id = open_case(office, kLegalisir);
  auto kabid = page_user(office, "kabid");
  const auto page = kabid.get("/kasus/" + id).body;
  const auto refused = post_form(kabid, "/kasus/" + id + "/peristiwa", event_form(page, ""));
  CHECK(refused.status == 422);
  CHECK(has(refused.body, "Dokumen perizinan asli (diperlihatkan)"));
  CHECK(has(refused.body, "Fotokopi dokumen yang akan dilegalisasi"));
  CHECK(hidden(refused.body, "kunci") != hidden(page, "kunci"));  // a key refused once is spent: a fresh form
  const std::string both = event_form(refused.body, "&dok_dokumen_asli=1&dok_salinan=1");
  const auto fired = post_form(kabid, "/kasus/" + id + "/peristiwa", both);
  REQUIRE(fired.status == 303);
  CHECK(fired.headers.at("Location") == "/kasus/" + id);
  CHECK(post_form(kabid, "/kasus/" + id + "/peristiwa", both).status == 303);  // the same form again: fired once
  auto api = office.signed_in("kabid");
  const auto history = api.get("/api/v1/cases/" + id + "/history").json["history"];
  CHECK(std::count_if(history.begin(), history.end(), [](const auto& h) { return h["event"] == "sahkan"; }) == 1);
  CHECK(has(kabid.get("/kasus/" + id).body, "Salinan siap diambil"));
}

TEST_CASE("a role the event does not allow is refused with the roles that may, and nothing changes") {
  Office office;
  const auto id = open_case(office, kLegalisir);
  auto loket = page_user(office, "loket");
  const auto page = loket.get("/kasus/" + id).body;
  CHECK(has(page, "sahkan (kepala_bidang)"));  // not a form for the counter, named apart
  const auto r = post_form(loket, "/kasus/" + id + "/peristiwa",
                           "csrf=" + hidden(page, "csrf") + "&peristiwa=sahkan&kunci=k1&dok_dokumen_asli=1&dok_salinan=1");
  CHECK(r.status == 403);
  CHECK(has(r.body, "Peran yang boleh: kepala_bidang"));
  CHECK(has(loket.get("/kasus/" + id).body, "Pencocokan salinan dengan dokumen asli"));
}

TEST_CASE("the case page's POST wants the session's CSRF token and a session") {
  Office office;
  const auto id = open_case(office, kLegalisir);
  auto kabid = page_user(office, "kabid");
  const auto page = kabid.get("/kasus/" + id).body;
  const std::string body = "peristiwa=sahkan&kunci=k2&dok_dokumen_asli=1&dok_salinan=1";
  CHECK(post_form(kabid, "/kasus/" + id + "/peristiwa", body).status == 403);
  CHECK(post_form(kabid, "/kasus/" + id + "/peristiwa", body + "&csrf=0000").status == 403);
  auto stranger = office.client();
  CHECK(post_form(stranger, "/kasus/" + id + "/peristiwa", body + "&csrf=" + hidden(page, "csrf")).status == 303);
  CHECK(stranger.get("/kasus/" + id).headers.at("Location").find("/masuk") == 0);
  CHECK(has(kabid.get("/kasus/" + id).body, "Pencocokan salinan dengan dokumen asli"));
}

TEST_CASE("text typed into a case comes back escaped on the case page, and an unknown case is not found") {
  Office office;
  const nlohmann::json complaint = {{"procedure", "pengaduan"}, {"role", "petugas_pengaduan"},
                                    {"data", {{"layanan", "<script>alert(1)</script>"}}}};
  const auto id = open_case(office, complaint);
  auto loket = page_user(office, "loket");
  const auto r = loket.get("/kasus/" + id);
  REQUIRE(r.status == 200);
  CHECK_FALSE(has(r.body, "<script>alert(1)</script>"));
  CHECK(has(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(loket.get("/kasus/TIDAK-ADA").status == 404);
}

TEST_CASE("worklist rows link to the case page") {
  Office office;
  const auto id = open_case(office, kLegalisir);
  auto kabid = page_user(office, "kabid");
  CHECK(has(kabid.get("/kerja").body, "href=\"/kasus/" + id + "\""));
}
