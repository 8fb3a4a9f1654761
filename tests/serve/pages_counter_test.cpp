// The counter and the receipt: inputs by field type, the checklist recomputed from what was
// typed, opening a case to its receipt, the tracking code shown once with its QR code, a reprint
// with a new code, CSRF on every POST, escaping and sizes.
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
using serve_test::has;

Client clerk(Office& office) {
  auto c = office.client();
  REQUIRE(page_sign_in(c, "loket", "rahasia-loket").status == 303);
  return c;
}

// Posts the pbg application form with `fields` (already form-encoded) and the page's token.
Reply submit(Client& c, const std::string& fields) {
  const auto form = c.get("/loket/pbg");
  return post_form(c, "/loket/pbg", "csrf=" + hidden(form.body, "csrf") + "&" + fields);
}

// The tracking code printed on a receipt, or "" when none is shown.
std::string shown_code(const std::string& receipt) {
  const std::string marker = "class=\"code\">";
  const auto at = receipt.find(marker);
  return at == std::string::npos ? "" : receipt.substr(at + marker.size(), 8);
}

const std::string kApplication = "isi_luas_bangunan=120&isi_lantai=2&isi_fungsi=hunian&ada_dikuasakan=1"
                                 "&dok_surat_permohonan=1&dok_ktp=1";
}  // namespace

TEST_CASE("the counter lists the services and builds the form from the data fields' types") {
  Office office;
  auto c = clerk(office);
  const auto services = c.get("/loket");
  REQUIRE(services.status == 200);
  CHECK(has(services.body, "href=\"/loket/pbg\""));
  const auto form = c.get("/loket/pbg");
  REQUIRE(form.status == 200);
  CHECK(has(form.body, "type=\"number\" name=\"isi_luas_bangunan\""));
  CHECK(has(form.body, "name=\"isi_lantai\" value=\"\" step=\"1\""));
  CHECK(has(form.body, "<select name=\"isi_fungsi\">"));
  CHECK(has(form.body, "<option value=\"usaha\">"));
  CHECK(has(form.body, "type=\"checkbox\" name=\"isi_dikuasakan\""));
  CHECK(has(form.body, "type=\"text\" name=\"isi_catatan\""));
  CHECK(has(form.body, "Perbarui daftar persyaratan"));
  CHECK(has(form.body, "name=\"dok_ktp\""));
  CHECK(has(form.body, "Surat kuasa bermeterai</label>\n <span class=\"hint\">(tergantung dikuasakan)"));
  CHECK(form.body.size() < 100 * 1024);
  CHECK(c.get("/loket/tidak_ada").status == 404);
}

TEST_CASE("the checklist follows what was typed: conditions met appear, conditions not met go") {
  Office office;
  auto c = clerk(office);
  const auto small = submit(c, "aksi=perbarui&isi_lantai=2&isi_luas_bangunan=80&ada_dikuasakan=1&dok_ktp=1");
  REQUIRE(small.status == 200);
  CHECK_FALSE(has(small.body, "Perhitungan struktur"));
  CHECK_FALSE(has(small.body, "Surat kuasa bermeterai"));
  CHECK_FALSE(has(small.body, "Persetujuan tetangga"));
  CHECK(has(small.body, "name=\"dok_ktp\" value=\"1\" checked"));  // what was ticked stays ticked
  CHECK(has(small.body, "name=\"isi_luas_bangunan\" value=\"80\""));
  const auto big = submit(c, "aksi=perbarui&isi_lantai=4&isi_luas_bangunan=600&ada_dikuasakan=1&isi_dikuasakan=1");
  CHECK(has(big.body, "Perhitungan struktur</label>\n"));
  CHECK(has(big.body, "Surat kuasa bermeterai</label>\n"));
  CHECK(has(big.body, "Persetujuan tetangga</label>\n"));
  CHECK(has(big.body, "isi_dikuasakan\" value=\"1\" checked"));
}

TEST_CASE("a value that does not fit its field is named and nothing is opened") {
  Office office;
  auto c = clerk(office);
  const auto r = submit(c, "aksi=buka&isi_luas_bangunan=banyak&isi_lantai=2");
  CHECK(r.status == 422);
  CHECK(has(r.body, "Isian tidak sesuai jenisnya: Luas bangunan (m2)"));
  CHECK(has(r.body, "name=\"isi_lantai\" value=\"2\""));  // what did fit is kept
  auto api = office.signed_in("loket");
  CHECK(api.get("/api/v1/cases?procedure=pbg").json["total"] == 0);
}

TEST_CASE("opening at the counter goes to the receipt, which shows the tracking code once with its QR code") {
  Office office;
  auto c = clerk(office);
  const auto opened = submit(c, "aksi=buka&" + kApplication);
  REQUIRE(opened.status == 303);
  const std::string receipt_path = opened.headers.at("Location");
  REQUIRE(receipt_path.rfind("/tanda-terima") == receipt_path.size() - 13);
  const std::string id = receipt_path.substr(7, receipt_path.size() - 7 - 13);
  const auto receipt = c.get(receipt_path);
  REQUIRE(receipt.status == 200);
  CHECK(has(receipt.body, id));
  CHECK(has(receipt.body, "Surat permohonan PBG"));
  CHECK(has(receipt.body, "KTP pemohon"));
  CHECK(has(receipt.body, "Janji layanan selesai"));
  CHECK(has(receipt.body, "<th>Diurus oleh kuasa</th><td>tidak</td>"));  // an unticked box, in words
  CHECK(has(receipt.body, "<svg"));
  CHECK(has(receipt.body, "@media print") == false);  // the print rules live in the stylesheet
  CHECK(has(c.get("/static/izin.css").body, "@media print"));
  CHECK(receipt.body.size() < 100 * 1024);
  const std::string code = shown_code(receipt.body);
  REQUIRE(code.size() == 8);
  CHECK(c.get("/lacak?kasus=" + id + "&kode=" + code).status == 200);
  const auto again = c.get(receipt_path);
  CHECK(shown_code(again.body).empty());
  CHECK_FALSE(has(again.body, "<svg"));
  CHECK(has(again.body, "Terbitkan kode lacak baru"));
}

TEST_CASE("with a public address the receipt sends the citizen there, not where the clerk's browser is") {
  Office office({}, "https://izin.belu.example/");
  auto c = clerk(office);
  const auto opened = submit(c, "aksi=buka&" + kApplication);
  REQUIRE(opened.status == 303);
  const auto receipt = c.get(opened.headers.at("Location"));
  CHECK(has(receipt.body, "https://izin.belu.example/lacak?kasus="));
  CHECK_FALSE(has(receipt.body, "http://127.0.0.1"));
}

TEST_CASE("a reprint issues a new tracking code and the old one stops working") {
  Office office;
  auto c = clerk(office);
  const std::string receipt_path = submit(c, "aksi=buka&" + kApplication).headers.at("Location");
  const std::string id = receipt_path.substr(7, receipt_path.size() - 7 - 13);
  const std::string old_code = shown_code(c.get(receipt_path).body);
  const auto page = c.get(receipt_path).body;
  CHECK(post_form(c, "/kasus/" + id + "/kode-lacak", "").status == 403);  // no token, no new code
  const auto reissued = post_form(c, "/kasus/" + id + "/kode-lacak", "csrf=" + hidden(page, "csrf"));
  REQUIRE(reissued.status == 303);
  const std::string new_code = shown_code(c.get(receipt_path).body);
  REQUIRE(new_code.size() == 8);
  CHECK(new_code != old_code);
  auto citizen = office.client();
  CHECK(citizen.get("/lacak?kasus=" + id + "&kode=" + old_code).status == 404);
  CHECK(citizen.get("/lacak?kasus=" + id + "&kode=" + new_code).status == 200);
}

TEST_CASE("the counter's POST wants the session's CSRF token and opens nothing without it") {
  Office office;
  auto c = clerk(office);
  CHECK(post_form(c, "/loket/pbg", "aksi=buka&" + kApplication).status == 403);
  CHECK(post_form(c, "/loket/pbg", "csrf=0000&aksi=buka&" + kApplication).status == 403);
  auto api = office.signed_in("loket");
  CHECK(api.get("/api/v1/cases?procedure=pbg").json["total"] == 0);
}

TEST_CASE("text typed at the counter comes back escaped on the form and the receipt") {
  Office office;
  auto c = clerk(office);
  const std::string script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
  const auto form = submit(c, "aksi=perbarui&isi_catatan=" + script);
  CHECK_FALSE(has(form.body, "<script>alert(1)</script>"));
  CHECK(has(form.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  const auto opened = submit(c, "aksi=buka&isi_catatan=" + script + "&" + kApplication);
  REQUIRE(opened.status == 303);
  const auto receipt = c.get(opened.headers.at("Location"));
  CHECK_FALSE(has(receipt.body, "<script>alert(1)</script>"));
  CHECK(has(receipt.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}
