// Finding cases through the engine: the role that may act now resolved per
// procedure version, worklists in deadline order, data fields by id, and a
// case read by names (Engine::view).
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {

std::vector<std::string> ids(const CasePage& page) {
  std::vector<std::string> out;
  for (const auto& s : page.cases) out.push_back(s.id);
  return out;
}

std::vector<std::string> worklist(EngineFixture& f, const std::string& role) { return ids(f.engine.worklist(role)); }

// PBG version 4: anyone may resubmit from perbaikan (kirim_ulang names no role).
ProcedurePtr pbg_anyone_resubmits() {
  auto p = make_pbg(4);
  p->states[static_cast<std::size_t>(p->state_index("perbaikan"))].transitions[0].roles.clear();
  return p;
}

}  // namespace

TEST_CASE("a role's worklist holds the open cases whose state has an event it may fire") {
  EngineFixture f;
  const std::string waiting = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}, {"lantai", 1}}, {"ktp", "bukti_tanah"});
  const std::string returned = f.open_pbg("2026-03-16T09:05", {{"luas_bangunan", 50}}, {});
  REQUIRE(f.fire(returned, "2026-03-16T09:10", "kembalikan", "front_office").accepted);
  const std::string examined = f.open_pbg("2026-03-16T09:15", {{"luas_bangunan", 50}, {"lantai", 1}}, {"ktp", "bukti_tanah"});
  REQUIRE(f.fire(examined, "2026-03-16T09:20", "verifikasi", "verifikator").accepted);
  const std::string refused = f.open_pbg("2026-03-16T09:25", {{"luas_bangunan", 50}, {"lokasi_sengketa", true}}, {});
  REQUIRE(f.fire(refused, "2026-03-16T09:30", "tolak", "verifikator").accepted);

  CHECK(worklist(f, "verifikator") == std::vector<std::string>{waiting});
  CHECK(worklist(f, "front_office") == std::vector<std::string>{waiting});
  CHECK(worklist(f, "tpa") == std::vector<std::string>{examined});
  CHECK(worklist(f, "pemohon") == std::vector<std::string>{returned});
  CHECK(worklist(f, "kepala_dinas").empty());  // only penerbitan is theirs, and no case is there
  CHECK_THROWS_WITH(f.engine.worklist("bupati"), Catch::Contains("role 'bupati'"));
}

TEST_CASE("a state whose event names no role is on every role's worklist, in that version only") {
  EngineFixture f;
  const std::string old = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}}, {});
  REQUIRE(f.fire(old, "2026-03-16T09:05", "kembalikan", "verifikator").accepted);
  f.engine.add_procedure(pbg_anyone_resubmits());
  const std::string fresh = f.open_pbg("2026-03-16T09:10", {{"luas_bangunan", 50}}, {});
  REQUIRE(f.fire(fresh, "2026-03-16T09:15", "kembalikan", "verifikator").accepted);
  CHECK(f.get(old).version == 3);
  CHECK(f.get(fresh).version == 4);
  CHECK(worklist(f, "tpa") == std::vector<std::string>{fresh});
  CHECK(worklist(f, "pemohon") == std::vector<std::string>{old, fresh});
}

TEST_CASE("a worklist puts the earliest deadline first, cases without one last, ties by id, and pages") {
  EngineFixture f;
  const std::string quiet = f.open_pbg("2026-03-09T09:00", {{"luas_bangunan", 50}}, {});
  f.advance("2026-03-16T09:00");  // its only deadline, a notification, has fired
  REQUIRE(f.get(quiet).pending.empty());
  const std::string early = f.open_pbg("2026-03-16T10:00", {{"luas_bangunan", 50}}, {});
  const std::string tie_a = f.open_pbg("2026-03-25T09:00", {{"luas_bangunan", 50}}, {});
  const std::string tie_b = f.open_pbg("2026-03-25T09:30", {{"luas_bangunan", 50}}, {});
  REQUIRE(f.get(early).pending.at(0).due < f.get(tie_a).pending.at(0).due);
  REQUIRE(f.get(tie_a).pending.at(0).due == f.get(tie_b).pending.at(0).due);

  const CasePage page = f.engine.worklist("verifikator", 2);
  CHECK(ids(page) == std::vector<std::string>{early, tie_a});
  CHECK(page.total == 4);
  CHECK(page.cases[0].next_due == f.get(early).pending[0].due);
  const CasePage rest = f.engine.worklist("verifikator", 2, page.next_cursor);
  CHECK(ids(rest) == std::vector<std::string>{tie_b, quiet});
  CHECK(rest.next_cursor.empty());
}

TEST_CASE("find_cases resolves a data field by id in each version and checks the value fits") {
  EngineFixture f;
  const std::string usaha = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}, {"fungsi", "usaha"}}, {});
  f.open_pbg("2026-03-16T09:05", {{"luas_bangunan", 50}, {"fungsi", "hunian"}}, {});
  CaseQuery q;
  q.field = "fungsi";
  q.equals = Value(EnumValue{"usaha"});
  CHECK(ids(f.engine.find_cases(q)) == std::vector<std::string>{usaha});
  q.equals = Value("usaha");  // text is not an enum symbol
  CHECK_THROWS_WITH(f.engine.find_cases(q), Catch::Contains("field 'fungsi'") && Catch::Contains("enum"));
  q.field = "alamat";
  CHECK_THROWS_WITH(f.engine.find_cases(q), Catch::Contains("data field 'alamat'"));
  q = CaseQuery{};
  q.role = "verifikator";
  q.procedure = "sip";  // a role is looked up in the asked procedure only
  CHECK_THROWS_AS(f.engine.find_cases(q), QueryError);
}

TEST_CASE("a role narrows the states the caller gave, it does not widen them") {
  EngineFixture f;
  const std::string waiting = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}}, {});
  CaseQuery q;
  q.role = "verifikator";
  q.in_states = std::vector<StateRef>{{"pbg", 3, "pemeriksaan"}};
  CHECK(f.engine.find_cases(q).total == 0);
  q.in_states = std::vector<StateRef>{{"pbg", 3, "diajukan"}};
  CHECK(ids(f.engine.find_cases(q)) == std::vector<std::string>{waiting});
}

TEST_CASE("a case viewed by names: state, data, documents and pending deadlines by id") {
  EngineFixture f;
  const std::string id =
      f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}, {"fungsi", "usaha"}}, {"ktp", "gambar"});
  const Case c = f.get(id);
  const CaseView v = f.engine.view(c);
  CHECK(v.id == id);
  CHECK(v.procedure == "pbg");
  CHECK(v.version == 3);
  CHECK(v.state == "diajukan");
  CHECK(v.state_label == "Permohonan diajukan");
  CHECK(v.value("luas_bangunan") == Value(150));
  CHECK(v.value("fungsi") == Value(EnumValue{"usaha"}));
  CHECK(v.value("catatan").is_null());
  CHECK(v.data.size() == 5);
  CHECK_THROWS_WITH(v.value("alamat"), Catch::Contains("'alamat'") && Catch::Contains(id));
  CHECK(v.documents == std::vector<std::string>{"ktp", "gambar"});
  CHECK(v.submitted("gambar"));
  CHECK_FALSE(v.submitted("bukti_tanah"));
  REQUIRE(v.pending.size() == 1);
  CHECK(v.pending[0] == PendingView{"after 3 working days", c.pending[0].due, false, "", "kepala_dinas"});
  CHECK(v.opened_at == c.opened_at);
  CHECK_FALSE(v.closed);
  CHECK(v.revision == 1);
}

TEST_CASE("a viewed case in examination names both deadlines, earliest first, with their targets") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}, {"lantai", 1}}, {"ktp", "bukti_tanah"});
  REQUIRE(f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator").accepted);
  const CaseView v = f.engine.view(f.get(id));
  CHECK(v.state == "pemeriksaan");
  REQUIRE(v.pending.size() == 2);
  CHECK(v.pending[0].after == "after 10 working days");
  CHECK(v.pending[0].notify == "kepala_dinas");
  CHECK(v.pending[1].after == "after 26 working days");
  CHECK(v.pending[1].target == "disetujui");
  CHECK(v.pending[0].due < v.pending[1].due);
}

TEST_CASE("viewing a case of an unregistered version is refused, naming it") {
  EngineFixture f;
  Case c = f.get(f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 50}}, {}));
  c.version = 9;
  CHECK_THROWS_WITH(f.engine.view(c), Catch::Contains("pbg version 9"));
}
