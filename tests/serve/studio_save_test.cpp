// Saving from the studio: refused with errors or against the rollout rules (nothing written),
// a valid new version goes live at once while an open case keeps its version, the history
// keeps who saved what, and any two versions can be compared line by line.
#include <catch2/catch.hpp>

#include "studio.hpp"

using namespace serve_test;

namespace {
using serve_test::has;

Reply post_studio(Client& officer, const std::string& action, const std::string& text) {
  const auto page = officer.get("/studio/pbg.izin");
  return post_form(officer, "/studio/pbg.izin", "csrf=" + hidden(page.body, "csrf") + "&aksi=" + action + "&teks=" + form_encode(text));
}

// Opens a pbg case as the counter clerk; its id.
std::string open_pbg(StudioOffice& office) {
  auto clerk = office.api_user("loket");
  const auto r = clerk.post("/api/v1/cases", {{"procedure", "pbg"}, {"role", "front_office"},
                                              {"data", {{"luas_bangunan", "120"}, {"lantai", "2"}, {"fungsi", "hunian"}}}});
  REQUIRE(r.status == 201);
  return r.json["id"];
}

std::string version_2(const std::string& text) {
  return replaced(replaced(text, "procedure pbg version 1 {", "procedure pbg version 2 {"),
                  "\"Pemeriksaan kelengkapan dokumen\"", "\"Pemeriksaan kelengkapan berkas\"");
}
}  // namespace

TEST_CASE("a save with an error is refused with its reasons and the file is left as it was") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto before = office.file_text("pbg.izin");
  const auto typo = replaced(version_2(before), "-> perbaikan_dokumen\n", "-> perbaikan_dokumn\n");
  const auto r = post_studio(officer, "simpan", typo);
  CHECK(r.status == 422);
  CHECK(has(r.body, "Tidak disimpan"));
  CHECK(has(r.body, "maksud Anda &apos;perbaikan_dokumen&apos;?"));
  CHECK(has(r.body, "perbaikan_dokumn"));  // the text stays in the form to be fixed
  CHECK(office.file_text("pbg.izin") == before);
  CHECK(has(officer.get("/studio/pbg.izin/riwayat").body, "Belum ada versi"));
}

TEST_CASE("a save that changes the text of the running version is refused by the rollout rules") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto before = office.file_text("pbg.izin");
  const auto same_version = replaced(before, "\"Pemeriksaan kelengkapan dokumen\"", "\"Cek berkas\"");
  const auto r = post_studio(officer, "simpan", same_version);
  CHECK(r.status == 422);
  CHECK(has(r.body, "IZ901"));
  CHECK(office.file_text("pbg.izin") == before);
}

TEST_CASE("compare with the live version lists the rollout findings and the open cases that keep their version") {
  StudioOffice office;
  open_pbg(office);
  auto officer = office.page_user("kebijakan");
  const auto text = office.file_text("pbg.izin");
  const auto same = post_studio(officer, "bandingkan", replaced(text, "\"Pemeriksaan kelengkapan dokumen\"", "\"Cek berkas\""));
  REQUIRE(same.status == 200);
  CHECK(has(same.body, "Versi berjalan 1"));
  CHECK(has(same.body, "IZ901"));
  CHECK(has(same.body, "1 × versi 1, Tahap pemeriksaan_dokumen: tetap memakai versinya"));
  const auto dropped = post_studio(officer, "bandingkan", replaced(version_2(text), "initial state pemeriksaan_dokumen", "initial state cek_dokumen"));
  CHECK(has(dropped.body, "IZ902"));
  CHECK(has(dropped.body, "tahap ini tidak ada lagi di versi baru"));
  const auto clean = post_studio(officer, "bandingkan", version_2(text));
  CHECK(has(clean.body, "Versi ini boleh diberlakukan."));
  CHECK(office.file_text("pbg.izin") == text);  // comparing writes nothing
}

TEST_CASE("a valid save goes live at once: new cases use it, an open case keeps its version") {
  StudioOffice office;
  const std::string open_case = open_pbg(office);
  auto officer = office.page_user("kebijakan");
  const auto before = office.file_text("pbg.izin");
  auto r = post_studio(officer, "simpan", version_2(before));
  REQUIRE(r.status == 303);
  CHECK(r.headers["Location"].rfind("/studio/pbg.izin?disimpan=", 0) == 0);
  CHECK(office.file_text("pbg.izin") == version_2(before));
  CHECK(has(officer.get(r.headers["Location"]).body, "Tersimpan dan sudah berlaku"));

  auto clerk = office.api_user("loket");
  CHECK(clerk.get("/api/v1/procedures/pbg").json["version"] == 2);
  CHECK(clerk.get("/api/v1/cases/" + open_case).json["version"] == 1);
  const auto fresh = clerk.post("/api/v1/cases", {{"procedure", "pbg"}, {"role", "front_office"}, {"data", nlohmann::json::object()}});
  REQUIRE(fresh.status == 201);
  CHECK(fresh.json["version"] == 2);
}

TEST_CASE("the history keeps who saved which text when, and diffs any two versions line by line") {
  StudioOffice office;
  auto officer = office.page_user("kebijakan");
  const auto before = office.file_text("pbg.izin");
  REQUIRE(post_studio(officer, "simpan", version_2(before)).status == 303);
  const auto history = officer.get("/studio/pbg.izin/riwayat");
  REQUIRE(history.status == 200);
  CHECK(has(history.body, "<td>1</td><td>(isi berkas sebelum disimpan dari studio)</td>"));
  CHECK(has(history.body, "<td>2</td><td>kebijakan</td>"));
  const auto diff = officer.get("/studio/pbg.izin/beda?dari=1&ke=2");
  REQUIRE(diff.status == 200);
  CHECK(has(diff.body, "<span class=\"removed\"><span class=\"ln\">17</span><span class=\"ln\"></span>- procedure pbg version 1 {</span>"));
  CHECK(has(diff.body, "<span class=\"added\"><span class=\"ln\"></span><span class=\"ln\">17</span>+ procedure pbg version 2 {</span>"));
  CHECK(has(diff.body, "&quot;Pemeriksaan kelengkapan berkas&quot;"));
  CHECK(officer.get("/studio/pbg.izin/beda?dari=1&ke=99").status == 404);
  CHECK(officer.get("/studio/legalisir.izin/beda?dari=1&ke=2").status == 404);  // versions of another file
  CHECK(officer.get("/studio/pbg.izin/beda?dari=x&ke=2").status == 404);
}
