// The SKM survey on the citizen's tracking page (POST /lacak/survei, bound to the
// case number and tracking code) and the counter's paper form (/loket/survei).
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>

#include "izin/standards/survey.hpp"
#include "page_forms.hpp"

using serve_test::Office;
using serve_test::post_form;

namespace {
using serve_test::kLegalisir;

struct Opened {
  std::string id, code;
};

// A legalisir case, refused at the counter (a final state) unless `decide` is false.
Opened open_case(Office& office, bool decide = true) {
  auto loket = office.signed_in("loket");
  const auto opened = loket.post("/api/v1/cases", kLegalisir);
  REQUIRE(opened.status == 201);
  Opened o{opened.json["id"], opened.json["tracking_code"]};
  if (decide) REQUIRE(loket.post("/api/v1/cases/" + o.id + "/events", {{"event", "tolak"}, {"role", "front_office"}}).status == 200);
  return o;
}

std::string answers(const std::string& u9 = "2") {
  return "u1=4&u2=3&u3=3&u4=4&u5=3&u6=4&u7=4&u8=3&u9=" + u9;
}

serve_test::Reply answer(Office& office, const Opened& o, const std::string& rest) {
  auto citizen = office.client();
  return post_form(citizen, "/lacak/survei", "kasus=" + o.id + "&kode=" + o.code + "&" + rest);
}

std::size_t count(const std::string& body, const std::string& s) {
  std::size_t n = 0;
  for (auto at = body.find(s); at != std::string::npos; at = body.find(s, at + 1)) ++n;
  return n;
}

std::vector<izin::standards::SurveyResponse> stored(const Office& office) {
  return izin::standards::open_sqlite_survey_store(office.options.db)
      ->responses(izin::Date::from_ymd(2000, 1, 1), izin::Date::from_ymd(2100, 1, 1));
}
}  // namespace

TEST_CASE("a decided case's tracking page invites the survey and an open one does not") {
  Office office;
  const auto open = open_case(office, false);
  auto citizen = office.client();
  const auto still_open = citizen.get("/lacak?kasus=" + open.id + "&kode=" + open.code);
  REQUIRE(still_open.status == 200);
  CHECK(still_open.body.find("/lacak/survei") == std::string::npos);

  const auto decided = open_case(office);
  const auto page = citizen.get("/lacak?kasus=" + decided.id + "&kode=" + decided.code);
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<form method=\"post\" action=\"/lacak/survei\"") != std::string::npos);
  CHECK(serve_test::hidden(page.body, "kasus") == decided.id);
  CHECK(page.body.find("<input type=\"hidden\" name=\"kode\" value=\"" + decided.code + "\">") != std::string::npos);
  for (int e = 1; e <= 9; ++e) CHECK(count(page.body, "name=\"u" + std::to_string(e) + "\"") == 4);
  CHECK(page.body.find("Tidak sesuai") != std::string::npos);
  CHECK(page.body.find("Sangat sesuai") != std::string::npos);
  CHECK(page.body.find("name=\"jenis_kelamin\"") != std::string::npos);
  CHECK(page.body.find("name=\"pendidikan\"") != std::string::npos);
  CHECK(page.body.find("<textarea name=\"saran\"") != std::string::npos);
  CHECK(page.body.find("<script") == std::string::npos);
  CHECK(page.body.size() < 100 * 1024);
}

TEST_CASE("the citizen answers once: stored as online and thanked and a second answer refused kindly") {
  Office office;
  const auto o = open_case(office);
  const auto first = answer(office, o, answers() + "&jenis_kelamin=P&umur=30-39&pendidikan=S1&pekerjaan=Wirausaha&saran=Lebih+cepat");
  CHECK(first.status == 200);
  CHECK(first.body.find("Terima kasih, penilaian Anda") != std::string::npos);
  CHECK(first.body.find("action=\"/lacak/survei\"") == std::string::npos);
  const auto saved = stored(office);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].case_id == o.id);
  CHECK(saved[0].service == "legalisir");
  CHECK(saved[0].answers == izin::standards::SkmAnswers{4, 3, 3, 4, 3, 4, 4, 3, 2});
  CHECK(saved[0].sex == "P");
  CHECK(saved[0].occupation == "Wirausaha");
  CHECK(saved[0].suggestion == "Lebih cepat");
  CHECK(saved[0].source == izin::standards::SurveySource::Online);

  const auto again = answer(office, o, answers("1"));
  CHECK(again.status == 409);
  CHECK(again.body.find("sudah kami terima sebelumnya") != std::string::npos);
  CHECK(stored(office).size() == 1);
  const auto page = office.client().get("/lacak?kasus=" + o.id + "&kode=" + o.code);
  CHECK(page.body.find("action=\"/lacak/survei\"") == std::string::npos);
  CHECK(page.body.find("Terima kasih, penilaian Anda") != std::string::npos);
}

TEST_CASE("a survey with a wrong tracking code is refused and counted like tracking") {
  izin::server::Limits limits;
  limits.login_failures = 3;
  Office office(limits);
  const auto o = open_case(office);
  const std::string wrong = o.code == "AAAAAAAA" ? "BBBBBBBB" : "AAAAAAAA";
  auto citizen = office.client();
  for (int i = 0; i < 3; ++i) {
    const auto r = post_form(citizen, "/lacak/survei", "kasus=" + o.id + "&kode=" + wrong + "&" + answers());
    CHECK(r.status == 404);
    CHECK(r.body.find("Permohonan tidak ditemukan") != std::string::npos);
  }
  const auto blocked = answer(office, o, answers());
  CHECK(blocked.status == 429);
  CHECK(stored(office).empty());
  CHECK(post_form(citizen, "/lacak/survei", answers()).status == 429);  // no code at all: still limited
}

TEST_CASE("a survey for a case still open is refused") {
  Office office;
  const auto o = open_case(office, false);
  const auto r = answer(office, o, answers());
  CHECK(r.status == 409);
  CHECK(r.body.find("setelah permohonan selesai") != std::string::npos);
  CHECK(stored(office).empty());
}

TEST_CASE("a missing answer or an unknown choice shows the form again with what was chosen and the suggestion escaped") {
  Office office;
  const auto o = open_case(office);
  const auto missing = answer(office, o, "u1=4&u2=3&saran=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  CHECK(missing.status == 400);
  CHECK(missing.body.find("U3 (") != std::string::npos);
  CHECK(missing.body.find("name=\"u1\" value=\"4\" required checked") != std::string::npos);
  CHECK(missing.body.find("<script>alert(1)</script>") == std::string::npos);
  CHECK(missing.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  const auto bad_choice = answer(office, o, answers() + "&pendidikan=%3Cb%3ES9");
  CHECK(bad_choice.status == 400);
  CHECK(bad_choice.body.find("pendidikan") != std::string::npos);
  CHECK(bad_choice.body.find("<b>S9") == std::string::npos);
  CHECK(answer(office, o, answers("5")).status == 400);
  CHECK(answer(office, o, answers() + "&saran=" + std::string(2001, 'x')).status == 400);
  CHECK(stored(office).empty());
}

TEST_CASE("answers from serve show up in izin skm report on the same database with the suggestion escaped") {
  Office office;
  const auto o = open_case(office);
  REQUIRE(answer(office, o, answers() + "&saran=%3Cscript%3Ealert(1)%3C%2Fscript%3E").status == 200);
  const auto saved = stored(office);
  REQUIRE(saved.size() == 1);
  const std::string year = std::to_string(static_cast<int>(saved[0].date.ymd().year()));
  const auto run = [&](const std::string& format) {
    const std::string cmd = std::string(IZIN_TOOL) + " skm report --period " + year + " --db " + office.options.db +
                            " --procedures " + IZIN_SOURCE_DIR + "/procedures --format " + format + " 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    CHECK(pclose(p) == 0);
    return out;
  };
  const auto report = nlohmann::json::parse(run("json"));
  CHECK(report["office"]["respondents"] == 1);
  CHECK(report["office"]["suggestions"][0] == "<script>alert(1)</script>");  // JSON carries the text as typed
  const std::string html = run("html");
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)") != std::string::npos);
}

TEST_CASE("the counter enters a paper questionnaire for a decided case once and other roles get 403") {
  Office office;
  const auto o = open_case(office);
  auto loket = office.client();
  REQUIRE(serve_test::page_sign_in(loket, "loket", "rahasia-loket").status == 303);
  const auto form = loket.get("/loket/survei");
  REQUIRE(form.status == 200);
  CHECK(form.body.find("name=\"u9\"") != std::string::npos);
  const std::string csrf = serve_test::hidden(form.body, "csrf");
  REQUIRE_FALSE(csrf.empty());
  const auto saved = post_form(loket, "/loket/survei", "csrf=" + csrf + "&kasus=" + o.id + "&tanggal=2026-03-02&" + answers() + "&jenis_kelamin=L");
  CHECK(saved.status == 200);
  CHECK(saved.body.find("Kuesioner tersimpan untuk permohonan " + o.id) != std::string::npos);
  const auto rows = stored(office);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].source == izin::standards::SurveySource::Paper);
  CHECK(rows[0].date == izin::Date::from_ymd(2026, 3, 2));
  CHECK(post_form(loket, "/loket/survei", "csrf=" + csrf + "&kasus=" + o.id + "&" + answers()).status == 409);
  CHECK(post_form(loket, "/loket/survei", "csrf=" + csrf + "&kasus=NOPE-1&" + answers()).status == 404);
  const auto open = open_case(office, false);
  CHECK(post_form(loket, "/loket/survei", "csrf=" + csrf + "&kasus=" + open.id + "&" + answers()).status == 409);
  const auto decided = open_case(office);
  CHECK(post_form(loket, "/loket/survei", "csrf=" + csrf + "&kasus=" + decided.id + "&tanggal=kemarin&" + answers()).status == 400);
  CHECK(post_form(loket, "/loket/survei", "kasus=" + decided.id + "&" + answers()).status == 403);  // no CSRF token
  CHECK(stored(office).size() == 1);

  auto kabid = office.client();
  REQUIRE(serve_test::page_sign_in(kabid, "kabid", "rahasia-kabid").status == 303);
  const auto kabid_form = kabid.get("/loket/survei");
  CHECK(kabid_form.status == 403);
  CHECK(post_form(kabid, "/loket/survei", "csrf=" + serve_test::hidden(kabid.get("/kerja").body, "csrf") + "&kasus=" +
                                              decided.id + "&" + answers()).status == 403);
  CHECK(office.client().get("/loket/survei").status == 303);  // not signed in: to the sign-in page
  CHECK(stored(office).size() == 1);
}
