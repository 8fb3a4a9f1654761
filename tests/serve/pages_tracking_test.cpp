// The citizen's tracking page (/lacak), the code the API hands out for it,
// the pages' stylesheet and their language.
#include <catch2/catch.hpp>

#include "office.hpp"

using serve_test::Office;

namespace {
using serve_test::kLegalisir;

std::string track_url(const std::string& id, const std::string& code) { return "/lacak?kasus=" + id + "&kode=" + code; }

// The body with every occurrence of `s` taken out: two answers that differ only in what was echoed back.
std::string without(std::string body, const std::string& s) {
  for (auto at = body.find(s); at != std::string::npos; at = body.find(s)) body.erase(at, s.size());
  return body;
}
}  // namespace

TEST_CASE("opening a case returns its tracking code once and the citizen sees where it stands") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", kLegalisir);
  REQUIRE(opened.status == 201);
  const std::string id = opened.json["id"], code = opened.json["tracking_code"];
  CHECK(code.size() == 8);
  CHECK_FALSE(loket.get("/api/v1/cases/" + id).json.contains("tracking_code"));  // never shown again

  auto citizen = office.client();
  const auto page = citizen.get(track_url(id, code));
  REQUIRE(page.status == 200);
  CHECK(page.headers.at("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.headers.at("Referrer-Policy") == "no-referrer");
  CHECK(page.body.size() < 100 * 1024);
  CHECK(page.body.find("Legalisasi Salinan Dokumen Perizinan") != std::string::npos);
  CHECK(page.body.find("Pencocokan salinan dengan dokumen asli") != std::string::npos);  // the state, by its label
  CHECK(page.body.find("Permohonan diterima") != std::string::npos);                     // the opening, a step done
  CHECK(page.body.find("Janji layanan selesai") != std::string::npos);                   // the SLA's promise
  CHECK(page.body.find("Fotokopi dokumen yang akan dilegalisasi") != std::string::npos); // still missing
  CHECK(page.body.find("Legalisasi menunggu paraf") == std::string::npos);              // staff reminders stay inside

  std::string typed = code.substr(0, 4) + "-" + code.substr(4);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(citizen.get(track_url(id, typed)).status == 200);
}

TEST_CASE("documents handed in leave the missing list") {
  Office office;
  auto loket = office.signed_in("loket");
  auto body = kLegalisir;
  body["documents"] = {"salinan"};
  const auto opened = loket.post("/api/v1/cases", body);
  REQUIRE(opened.status == 201);
  const auto page = office.client().get(track_url(opened.json["id"], opened.json["tracking_code"]));
  REQUIRE(page.status == 200);
  CHECK(page.body.find("Fotokopi dokumen yang akan dilegalisasi") == std::string::npos);
  CHECK(page.body.find("Dokumen perizinan asli") != std::string::npos);
}

TEST_CASE("a wrong code gets the same not-found as an unknown case") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", kLegalisir);
  const std::string id = opened.json["id"], code = opened.json["tracking_code"];
  const std::string wrong = code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA";
  auto citizen = office.client();
  const auto wrong_code = citizen.get(track_url(id, wrong));
  const auto unknown = citizen.get(track_url("LEGALISIR-2099-999999", wrong));
  CHECK(wrong_code.status == 404);
  CHECK(unknown.status == 404);
  CHECK(without(wrong_code.body, id) == without(unknown.body, "LEGALISIR-2099-999999"));
  CHECK(wrong_code.body.find("Permohonan tidak ditemukan") != std::string::npos);
  // Another case's code does not open this one.
  const auto other = loket.post("/api/v1/cases", kLegalisir);
  CHECK(citizen.get(track_url(id, other.json["tracking_code"])).status == 404);
}

TEST_CASE("wrong tracking attempts are limited per client address: 429, even for the right code") {
  izin::server::Limits limits;
  limits.login_failures = 3;
  Office office(limits);
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", kLegalisir);
  const std::string id = opened.json["id"], code = opened.json["tracking_code"];
  auto citizen = office.client();
  CHECK(citizen.get(track_url(id, code)).status == 200);  // right answers do not count
  for (int i = 0; i < 3; ++i) CHECK(citizen.get(track_url("LEGALISIR-2099-00000" + std::to_string(i), code)).status == 404);
  const auto blocked = citizen.get(track_url(id, code));
  CHECK(blocked.status == 429);
  CHECK(blocked.body.find("Terlalu banyak percobaan") != std::string::npos);
  CHECK(blocked.body.find("Pencocokan salinan") == std::string::npos);
}

TEST_CASE("the tracking page escapes what was typed into it") {
  Office office;
  const auto page = office.client().get("/lacak?kasus=%3Cscript%3Ealert(1)%3C%2Fscript%3E&kode=%22%3E%3Cb%3E");
  CHECK(page.status == 404);
  CHECK(page.body.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.body.find("\"><b>") == std::string::npos);
}

TEST_CASE("the empty tracking page is a form for case number and code, and needs no sign-in") {
  Office office;
  const auto page = office.client().get("/lacak");
  CHECK(page.status == 200);
  CHECK(page.body.find("<form method=\"get\" action=\"/lacak\"") != std::string::npos);
  CHECK(page.body.find("name=\"kasus\"") != std::string::npos);
  CHECK(page.body.find("name=\"kode\"") != std::string::npos);
  CHECK(page.body.find("<html lang=\"id\">") != std::string::npos);
}

TEST_CASE("pages speak English when asked by ?lang=en (remembered in a cookie) or Accept-Language") {
  Office office;
  auto c = office.client();
  const auto asked = c.get("/lacak?lang=en&kasus=X-1&kode=ABCD");
  CHECK(asked.body.find("Track an application") != std::string::npos);
  CHECK(asked.body.find("<html lang=\"en\">") != std::string::npos);
  CHECK(asked.headers.at("Set-Cookie").find("izin_lang=en") == 0);
  // The link to the other language keeps what was being tracked.
  CHECK(asked.body.find("href=\"/lacak?kasus=X-1&amp;kode=ABCD&amp;lang=id\"") != std::string::npos);
  c.cookie = "izin_lang=en";
  CHECK(c.get("/lacak").body.find("Track an application") != std::string::npos);
  auto browser = office.client();
  browser.language = "en-US,en;q=0.9";
  CHECK(browser.get("/lacak").body.find("Track an application") != std::string::npos);
  CHECK(office.client().get("/lacak").body.find("Lacak permohonan") != std::string::npos);
}

TEST_CASE("the stylesheet is served with a cache header and a print style") {
  Office office;
  const auto css = office.client().get("/static/izin.css");
  CHECK(css.status == 200);
  CHECK(css.headers.at("Content-Type") == "text/css; charset=utf-8");
  CHECK(css.headers.at("Cache-Control").find("max-age=") != std::string::npos);
  CHECK(css.body.find("@media print") != std::string::npos);
}
