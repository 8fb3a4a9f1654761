// The published service standards: every shipped procedure with all 14
// components, escaping, the JSON, tidy-clean pages and the written site.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "izin/graph.hpp"
#include "izin/izin.hpp"
#include "izin/standards/publish.hpp"
#include "tidy_check.hpp"

using namespace izin;
using namespace izin::standards;

namespace {

const Library& shipped() {
  static const Library lib = load({std::string(IZIN_SOURCE_DIR) + "/procedures"});
  return lib;
}

const OfficeProfile& example_office() {
  static const OfficeProfile o = load_office_profile(std::string(IZIN_SOURCE_DIR) + "/procedures/office.yaml");
  return o;
}

ServiceStandard shipped_standard(const std::string& id, Language lang = Language::Indonesian) {
  const auto p = shipped().newest(id);
  REQUIRE(p);
  return build_service_standard(*p, example_office(), lang);
}

ProcedurePtr compiled(const std::string& text) {
  const auto r = compile_procedure(text, "test.izin");
  INFO(r.diagnostics.size() << " diagnostics");
  REQUIRE(r.procedure);
  return r.procedure;
}

// A small procedure whose texts carry HTML, a rule-named condition and an office-obtained document.
std::string tricky(int version, const std::string& title) {
  return "procedure tricky version " + std::to_string(version) + " {\n  title \"" + title +
         "\"\n  legal \"Perbup <1> & \\\"2\\\"\"\n  product \"Izin <b>\"\n  sla 3 working days\n"
         "  roles petugas\n  data {\n    luas: number \"Luas <m2>\"\n  }\n"
         "  rule besar \"Bangunan besar & tinggi\" = luas > 100\n"
         "  requirements {\n    ktp: \"KTP\"\n    gambar: \"Gambar teknis\" when besar\n"
         "    rekomendasi: \"Rekomendasi dinas\" internal\n  }\n"
         "  fee retribusi \"Retribusi\" = luas * 1000\n"
         "  initial state periksa \"Pemeriksaan\" {\n    on setujui by petugas requires ktp, gambar -> terbit\n  }\n"
         "  final state terbit \"Terbit\" outcome granted\n}\n";
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every shipped procedure's page states all 14 components, in both languages") {
  for (const auto& p : shipped().procedures) {
    for (const Language lang : {Language::Indonesian, Language::English}) {
      const ServiceStandard s = build_service_standard(*p, example_office(), lang);
      INFO(p->id);
      CHECK(s.missing().empty());
      const auto components = s.components();
      REQUIRE(components.size() == 14);
      const std::string page = render_service_page(s);
      for (int n = 1; n <= 14; ++n) {
        CHECK(components[static_cast<std::size_t>(n - 1)].number == n);
        CHECK_THAT(page, Catch::Contains("<h2>" + std::to_string(n) + ". "));
      }
      CHECK(page.find("<script") == std::string::npos);
      CHECK_THAT(page, Catch::Contains("@media print") && Catch::Contains("size:A4"));
    }
  }
}

TEST_CASE("the procedure's own components come from it: conditions, internal documents, steps, SLA, fees") {
  const ServiceStandard s = shipped_standard("pbg");
  const std::string page = render_service_page(s);
  CHECK_THAT(page, Catch::Contains("<li>Perhitungan struktur — hanya jika lantai &gt;= 3 (lantai: Jumlah lantai)</li>"));
  CHECK_THAT(page, Catch::Contains("<h2>4. Jangka waktu penyelesaian</h2>\n<ul>\n<li>35 hari kerja</li>"));
  CHECK_THAT(page, Catch::Contains("<ol>\n<li>Pemeriksaan kelengkapan dokumen: lengkap oleh verifikator"));
  CHECK_THAT(page, Catch::Contains("Retribusi PBG: Rp = round(luas_bangunan * 10000"));
  // hunian is the first function: 100 m2 × Rp10.000 × 1.
  CHECK_THAT(page, Catch::Contains("<li>Contoh perhitungan: luas_bangunan = 100, fungsi = hunian → Rp1.000.000</li>"));
  CHECK_THAT(page, Catch::Contains("<a href=\"pengaduan.html\">"));
  // The office's override for pbg, and its office-wide value elsewhere.
  CHECK_THAT(page, Catch::Contains("Tim Profesi Ahli"));
  CHECK_THAT(render_service_page(shipped_standard("sip")), Catch::Contains("10 orang pelaksana"));

  const std::string paud = render_service_page(shipped_standard("paud"));
  CHECK_THAT(paud, Catch::Contains("Rekomendasi Dinas Pendidikan (diperoleh kantor sendiri"));
  // The complaint procedure does not link to itself.
  CHECK(render_service_page(shipped_standard("pengaduan")).find("href=\"pengaduan.html\"") == std::string::npos);

  const std::string legalisir = render_service_page(shipped_standard("legalisir", Language::English));
  CHECK_THAT(legalisir, Catch::Contains("<li>1 working day</li>"));
  CHECK_THAT(legalisir, Catch::Contains("<a href=\"../legalisir.html\">Bahasa Indonesia</a>"));
}

TEST_CASE("rule labels name a requirement's condition, internal documents are the office's to obtain") {
  const ServiceStandard s = build_service_standard(*compiled(tricky(1, "Izin")), example_office(), Language::English);
  REQUIRE(s.requirements.size() == 3);
  CHECK(s.requirements[1].condition == "besar");
  CHECK(s.requirements[1].rules == std::vector<std::string>{"Bangunan besar & tinggi"});
  CHECK(s.requirements[2].internal);
  CHECK_FALSE(s.requirements[0].internal);
  CHECK(s.fees.at(0).formula == "luas * 1000 (luas: Luas <m2>)");
  CHECK(s.fees.at(0).example == "luas = 100 → Rp100.000");
}

TEST_CASE("every text from the procedure and the office is escaped on the page") {
  OfficeProfile office = example_office();
  office.name = {"Dinas <i>Contoh</i> & \"Co\"", ""};
  const auto p = compiled(tricky(1, "<script>alert(1)</script>"));
  const ServiceStandard s = build_service_standard(*p, office, Language::Indonesian);
  const std::string page = render_service_page(s, {"https://x.example/?a=1&b=<2>"});
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<i>") == std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK_THAT(page, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(page, Catch::Contains("Dinas &lt;i&gt;Contoh&lt;/i&gt; &amp; &quot;Co&quot;"));
  CHECK_THAT(page, Catch::Contains("Bangunan besar &amp; tinggi"));
  CHECK_THAT(page, Catch::Contains("Luas &lt;m2&gt;"));
  CHECK_THAT(page, Catch::Contains("https://x.example/?a=1&amp;b=&lt;2&gt;/tricky.html"));
  CHECK(izin_test::tidy_status(page, "escaped") == 0);
  CHECK(render_index_page({s}).find("<script") == std::string::npos);
}

TEST_CASE("a component the office has not stated shows as not yet stated and is listed missing") {
  OfficeProfile office = example_office();
  office.components.erase("security");
  const ServiceStandard s = build_service_standard(*shipped().newest("sip"), office, Language::Indonesian);
  CHECK(s.missing() == std::vector<std::string>{"13 security"});
  CHECK_THAT(render_service_page(s), Catch::Contains("<h2>13. Jaminan keamanan dan keselamatan pelayanan</h2>\n"
                                                     "<p class=\"missing\">Belum ditetapkan.</p>"));
  const auto json = nlohmann::json::parse(render_service_json(s));
  CHECK(json["missing"] == nlohmann::json::array({"13 security"}));
}

TEST_CASE("the JSON holds the page's data: components by number, requirements with conditions, fees") {
  const auto json = nlohmann::json::parse(render_service_json(shipped_standard("pbg")));
  CHECK(json["id"] == "pbg");
  CHECK(json["language"] == "id");
  CHECK(json["completion_time"] == "35 hari kerja");
  REQUIRE(json["components"].size() == 14);
  CHECK(json["components"][13]["number"] == 14);
  CHECK(json["components"][13]["key"] == "evaluation");
  CHECK(json["components"][1]["lines"].size() == 11);
  bool found = false;
  for (const auto& r : json["requirements"])
    if (r["id"] == "struktur") found = r["condition"] == "lantai >= 3 (lantai: Jumlah lantai)";
  CHECK(found);
  CHECK(json["fees"][0]["label"] == "Retribusi PBG");
  CHECK(json["fees"][0]["example"] == "luas_bangunan = 100, fungsi = hunian → Rp1.000.000");
  CHECK(json["office"]["complaint_channels"].size() == 4);
  CHECK(json["missing"].empty());
}

TEST_CASE("the written site: both languages, JSON per service, newest version, tidy-clean pages") {
  const auto out = std::filesystem::temp_directory_path() / ("izin-publish-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  auto procedures = shipped().procedures;
  procedures.push_back(compiled(tricky(1, "Versi satu")));
  procedures.push_back(compiled(tricky(2, "Versi dua")));
  const PublishResult r = write_site(procedures, example_office(), out, {"https://belu.example/layanan"});
  REQUIRE(graphviz_available());  // scripts/deps.sh installs graphviz: each page has its diagram beside it
  CHECK(r.files.size() == 5 * (shipped().procedures.size() + 1) + 2);
  CHECK(r.missing.empty());
  CHECK_THAT(read(out / "tricky.html"), Catch::Contains("Versi dua") && Catch::Contains("versi 2"));
  CHECK(read(out / "tricky.html").find("Versi satu") == std::string::npos);
  CHECK_THAT(read(out / "en" / "pbg.html"), Catch::Contains("https://belu.example/layanan/en/pbg.html"));
  CHECK(read(out / "json" / "pbg.json") == render_service_json(shipped_standard("pbg")));
  CHECK_THAT(read(out / "index.html"), Catch::Contains("<a href=\"pbg.html\">Persetujuan Bangunan Gedung (PBG)</a>"));
  REQUIRE(std::system("tidy -v >/dev/null 2>&1") == 0);  // scripts/deps.sh installs it
  for (const auto& f : r.files) {
    if (f.extension() != ".html") continue;
    INFO(f);
    CHECK(izin_test::tidy_status(read(f), f.stem().string()) == 0);
  }
  std::filesystem::remove_all(out);
}

TEST_CASE("with a base URL the print layout carries a QR code to the online page sized for paper") {
  const ServiceStandard s = shipped_standard("pbg");
  const std::string page = render_service_page(s, {"https://belu.example/layanan/"});
  const auto qr = page.find("<div class=\"print-qr\"><svg");
  REQUIRE(qr != std::string::npos);
  CHECK_THAT(page, Catch::Contains(".print-qr svg{width:30mm;height:30mm;"));  // 30 mm square on the A4 sheet
  CHECK(page.find("<path fill=\"#000\" d=\"M", qr) != std::string::npos);
  CHECK_THAT(page, Catch::Contains(".print-qr{display:none}") && Catch::Contains(".print-qr{display:block"));
  CHECK_THAT(page, Catch::Contains("Pindai untuk versi daring"));
  const std::string english = render_service_page(shipped_standard("pbg", Language::English), {"https://belu.example/layanan"});
  CHECK_THAT(english, Catch::Contains("<svg") && Catch::Contains("Scan for the online version"));
  REQUIRE(std::system("tidy -v >/dev/null 2>&1") == 0);
  CHECK(izin_test::tidy_status(page, "qr") == 0);
  CHECK(render_service_page(s).find("<svg") == std::string::npos);
  CHECK(render_service_page(s).find("class=\"print-qr\"") == std::string::npos);
}

TEST_CASE("render_site holds exactly the files write_site writes with the same text") {
  const auto out = std::filesystem::temp_directory_path() / ("izin-render-site-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  const PublishOptions options{"https://belu.example/layanan/"};
  const auto written = write_site(shipped().procedures, example_office(), out, options);
  const Site site = render_site(shipped().procedures, example_office(), options);
  REQUIRE(site.files.size() == written.files.size());
  for (std::size_t i = 0; i < site.files.size(); ++i) {
    CHECK(out / site.files[i].path == written.files[i]);
    CHECK(read(written.files[i]) == site.files[i].text);
  }
  CHECK(site.missing == written.missing);
  std::filesystem::remove_all(out);
}

TEST_CASE("each page shows its procedure drawn in its language beside the numbered steps, not on paper") {
  REQUIRE(graphviz_available());
  const Site site = render_site(shipped().procedures, example_office());
  const auto text = [&](const std::string& path) {
    for (const auto& f : site.files)
      if (f.path == path) return f.text;
    FAIL("no " << path);
    return std::string();
  };
  const std::string page = text("pbg.html");
  const auto steps = page.find("<section id=\"procedure\">");
  const auto drawing = page.find("<p class=\"diagram\"><img src=\"pbg.svg\" alt=\"Diagram alur prosedur\"");
  REQUIRE(steps != std::string::npos);
  CHECK(drawing > steps);
  CHECK(drawing < page.find("</section>", steps));
  CHECK_THAT(page, Catch::Contains(".diagram{display:none}"));  // the A4 sheet keeps the numbered steps only
  CHECK_THAT(text("en/pbg.html"), Catch::Contains("<img src=\"pbg.svg\" alt=\"Diagram of the procedure\""));
  CHECK_THAT(text("pbg.svg"), Catch::StartsWith("<?xml") && Catch::Contains("<svg"));
  CHECK(text("pbg.svg") != text("en/pbg.svg"));  // labels in each page's language
  const ServiceStandard without = shipped_standard("pbg");
  CHECK(render_service_page(without).find("class=\"diagram\"") == std::string::npos);
}
