// The studio's editor: the text in a plain form that works without JavaScript, and beside it,
// from the posted text, the diagnostics with their hints, the diagram, the checklist for sample
// data, the deadline preview and the scenarios with coverage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "studio.hpp"

using namespace serve_test;

namespace {
using serve_test::has;

// The src of the diagram's <img>, or "".
std::string diagram_src(const std::string& html) {
  const std::string marker = "<img src=\"data:image/svg+xml;base64,";
  const auto at = html.find(marker);
  return at == std::string::npos ? "" : html.substr(at, html.find('"', at + marker.size()) - at);
}

// The typo of the browser test: a transition to a state that is not there.
const std::string kTypo = "-> perbaikan_dokumen\n";
const std::string kTypoed = "-> perbaikan_dokumn\n";
}  // namespace

TEST_CASE("the editor page shows the file in a textarea and every panel without JavaScript") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto page = officer.get("/studio/pbg.izin");
  REQUIRE(page.status == 200);
  CHECK(has(page.body, "<textarea name=\"teks\""));
  CHECK(has(page.body, "procedure pbg version 1 {"));
  CHECK(has(page.body, "title &quot;Persetujuan Bangunan Gedung (PBG)&quot;"));  // escaped, not raw
  CHECK(has(page.body, "<script src=\"/static/studio.js\" defer></script>"));
  CHECK(has(page.body, "name=\"aksi\" value=\"simpan\""));
  CHECK(has(page.body, "Tidak ada masalah."));
  CHECK_FALSE(diagram_src(page.body).empty());
  CHECK(has(page.body, "name=\"isi_luas_bangunan\""));
  CHECK(has(page.body, "KTP pemohon"));
  CHECK(has(page.body, "Pratinjau tenggat"));
  CHECK(has(page.body, "Kalender: "));
  CHECK(has(page.body, "lulus, 0 gagal"));
  CHECK(has(page.body, "transisi"));
  CHECK(page.body.size() < 100 * 1024);
}

TEST_CASE("a posted typo comes back with its line, code and hint, and the other panels wait for a fix") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto page = officer.get("/studio/pbg.izin");
  const std::string text = replaced(office.file_text("pbg.izin"), kTypo, kTypoed);
  const auto checked = post_form(officer, "/studio/pbg.izin", "csrf=" + hidden(page.body, "csrf") + "&aksi=periksa&teks=" + form_encode(text));
  REQUIRE(checked.status == 200);
  CHECK(has(checked.body, "perbaikan_dokumn"));
  CHECK(has(checked.body, "IZ2"));
  CHECK(has(checked.body, "<span class=\"studio-hint\">maksud Anda &apos;perbaikan_dokumen&apos;?</span>"));
  CHECK(has(checked.body, "Perbaiki galat di atas"));
  CHECK(diagram_src(checked.body).empty());
  CHECK(office.file_text("pbg.izin") != text);  // checking writes nothing
}

TEST_CASE("the live API gives diagnostics as data in the user's language and the panels as HTML") {
  StudioOffice office;
  auto api = office.api_user("kebijakan");
  const std::string text = office.file_text("pbg.izin");
  const std::string typoed = replaced(text, kTypo, kTypoed);
  const int line = 1 + static_cast<int>(std::count(typoed.begin(), typoed.begin() + static_cast<long>(typoed.find(kTypoed)), '\n'));
  const auto id = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", typoed}});
  REQUIRE(id.status == 200);
  CHECK(id.json["ok"] == false);
  REQUIRE(id.json["diagnostics"].size() >= 1);
  const auto& d = id.json["diagnostics"][0];
  CHECK(d["line"] == line);
  CHECK(d["severity"] == "error");
  CHECK(d["hint"] == "maksud Anda 'perbaikan_dokumen'?");
  CHECK(d["message"].get<std::string>().find("perbaikan_dokumn") != std::string::npos);
  api.language = "en-GB,en";
  const auto en = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", typoed}});
  CHECK(en.json["diagnostics"][0]["hint"] == "did you mean 'perbaikan_dokumen'?");
  const auto fixed = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text}});
  CHECK(fixed.json["ok"] == true);
  CHECK(fixed.json["diagnostics"].empty());
  CHECK(has(fixed.json["panels"].get<std::string>(), "data:image/svg+xml;base64,"));
}

TEST_CASE("the diagram is drawn from the posted text and changes with it") {
  StudioOffice office;
  auto api = office.api_user("kebijakan");
  const std::string text = office.file_text("pbg.izin");
  const auto before = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text}});
  const std::string relabelled = replaced(text, "\"Pemeriksaan kelengkapan dokumen\"", "\"Cek berkas\"");
  const auto after = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", relabelled}});
  const auto src_before = diagram_src(before.json["panels"]), src_after = diagram_src(after.json["panels"]);
  REQUIRE_FALSE(src_before.empty());
  REQUIRE_FALSE(src_after.empty());
  CHECK(src_before != src_after);
}

TEST_CASE("without Graphviz the studio says so and lists the numbered states instead") {
  StudioOffice office;
  auto api = office.api_user("kebijakan");
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", office.dir.path.c_str(), 1);  // a folder without `dot`
  const auto r = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", office.file_text("pbg.izin")}});
  ::setenv("PATH", path.c_str(), 1);
  const std::string panels = r.json["panels"];
  CHECK(has(panels, "Graphviz (dot) tidak terpasang"));
  CHECK(has(panels, "<ol class=\"states\"><li><code>pemeriksaan_dokumen</code> Pemeriksaan kelengkapan dokumen · lengkap → penilaian_teknis"));
  CHECK(diagram_src(panels).empty());
}

TEST_CASE("the checklist follows the sample data and the deadlines the chosen date") {
  StudioOffice office;
  auto api = office.api_user("kebijakan");
  const std::string text = office.file_text("pbg.izin");
  const auto small = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text},
                                                       {"form", {{"isi_luas_bangunan", "120"}, {"isi_lantai", "2"}}}});
  const auto large = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text},
                                                       {"form", {{"isi_luas_bangunan", "800"}, {"isi_lantai", "4"},
                                                                 {"dari", "2026-03-02"}}}});
  const std::string s = small.json["panels"], l = large.json["panels"];
  CHECK_FALSE(has(s, "Persetujuan tetangga"));
  CHECK_FALSE(has(s, "Perhitungan struktur"));
  CHECK(has(l, "Persetujuan tetangga"));
  CHECK(has(l, "Perhitungan struktur"));
  CHECK(has(l, "value=\"800\""));
  CHECK(has(l, "name=\"dari\" value=\"2026-03-02\""));
  CHECK(has(l, "Kalender: "));
  CHECK(has(l, " 2026-03-0"));  // deadlines counted from the chosen day, not today
  const auto bad = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text}, {"form", {{"dari", "kemarin"}}}});
  CHECK(has(bad.json["panels"].get<std::string>(), "TTTT-BB-HH"));
}

TEST_CASE("the scenarios of the procedure run against the posted text with coverage") {
  StudioOffice office;
  auto api = office.api_user("kebijakan");
  const std::string text = office.file_text("pbg.izin");
  const auto good = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", text}});
  const std::string g = good.json["panels"];
  CHECK(has(g, "class=\"passed\""));
  CHECK(has(g, " 0 gagal"));
  // Sending `lengkap` somewhere else breaks the scenarios that walk through it.
  const std::string broken = replaced(text, "persetujuan_tetangga -> penilaian_teknis", "persetujuan_tetangga -> perbaikan_dokumen");
  REQUIRE(broken != text);
  const auto bad = api.post("/api/v1/studio/live", {{"file", "pbg.izin"}, {"text", broken}});
  const std::string b = bad.json["panels"];
  CHECK(has(b, "class=\"failed\""));
  CHECK_FALSE(has(b, " 0 gagal"));
}

TEST_CASE("the guide is rendered with cmark-gfm, its raw HTML left out, its izin examples marked for insertion") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto guide = officer.get("/studio/panduan");
  REQUIRE(guide.status == 200);
  CHECK(has(guide.body, "<article class=\"guide\">"));
  CHECK(has(guide.body, "<h1>"));
  CHECK(has(guide.body, "<code class=\"language-izin\">"));
  CHECK(has(guide.body, "<table>"));
  CHECK(guide.body.size() < 100 * 1024);
  auto script = office.client().get("/static/studio.js");
  CHECK(script.status == 200);
  CHECK(script.headers["Content-Type"] == "text/javascript; charset=utf-8");
  CHECK(has(script.body, "/api/v1/studio/live"));
}
