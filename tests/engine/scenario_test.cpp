// The three scenarios at the end of docs/language.md, driven through the API on
// the real belu 2026 calendar.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

TEST_CASE("usaha building, one revision, approved") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}, {"lantai", 2}, {"fungsi", "usaha"}},
                                    {"ktp", "bukti_tanah", "gambar"});
  CHECK(f.fire(id, "2026-03-17T10:00", "verifikasi", "verifikator").to == "pemeriksaan");
  CHECK(f.fire(id, "2026-03-18T10:00", "revisi", "tpa").to == "perbaikan");
  CHECK(f.fire(id, "2026-03-20T10:00", "kirim_ulang", "pemohon").to == "pemeriksaan");
  const Outcome setujui = f.fire(id, "2026-03-25T10:00", "setujui", "tpa");
  CHECK(setujui.to == "penerbitan");
  REQUIRE(setujui.records.size() == 1);
  REQUIRE(setujui.records[0].changes.size() == 1);
  CHECK(setujui.records[0].changes[0].field == "catatan");
  CHECK(setujui.records[0].changes[0].after == Value("lulus"));
  const Outcome end = f.fire(id, "2026-03-26T10:00", "terbitkan", "kepala_dinas");
  CHECK(end.accepted);
  CHECK(end.to == "disetujui");
  CHECK_FALSE(end.deemed);
  const Case c = f.get(id);
  CHECK(c.closed);
  CHECK(c.outcome == "granted");
  CHECK(c.pending.empty());
  const auto fees = f.engine.fees(c);
  REQUIRE(fees.size() == 1);
  REQUIRE(fees[0].amount);
  CHECK(*fees[0].amount == Decimal(2250000));
  CHECK(end.fees == fees);
  CHECK(f.sink.sent.empty());  // every step came before its escalation
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("silence after complete documents is deemed approval") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 80}, {"lantai", 1}, {"fungsi", "hunian"}},
                                    {"ktp", "bukti_tanah"});
  CHECK(f.fire(id, "2026-03-16T11:00", "verifikasi", "verifikator").accepted);
  const auto outcomes = f.advance("2026-05-30T00:00");
  REQUIRE(outcomes.size() == 1);
  const Outcome& o = outcomes[0];
  CHECK(o.to == "disetujui");
  CHECK(o.deemed);
  // 10 working days after 16 Mar is 7 Apr (18-24 Mar and Good Friday 3 Apr are off);
  // 26 working days is 29 Apr; both fall due at 24:00 WITA.
  REQUIRE(o.notifications.size() == 1);
  CHECK(o.notifications[0].role == "kepala_dinas");
  CHECK(o.notifications[0].message == "Pemeriksaan mendekati batas");
  CHECK(o.notifications[0].at == wita("2026-04-08T00:00"));
  REQUIRE(o.records.size() == 2);
  CHECK(o.records[0].kind == RecordKind::Notification);
  CHECK(o.records[1].kind == RecordKind::Deadline);
  CHECK(o.records[1].at == wita("2026-04-30T00:00"));
  CHECK(o.records[1].event == "after 26 working days");
  CHECK(o.records[1].deemed);
  CHECK(f.sink.sent == o.notifications);
  const Case c = f.get(id);
  CHECK(c.outcome == "granted");
  CHECK(c.deemed);
  CHECK(f.engine.replay(id) == c);
}

TEST_CASE("missing drawing is refused with the reason") {
  EngineFixture f;
  const std::string id = f.open_pbg("2026-03-16T09:00", {{"luas_bangunan", 150}, {"lantai", 1}, {"fungsi", "hunian"}},
                                    {"ktp", "bukti_tanah"});
  const Case before = f.get(id);
  const Outcome o = f.fire(id, "2026-03-16T10:00", "verifikasi", "verifikator");
  CHECK_FALSE(o.accepted);
  REQUIRE(o.refusal);
  CHECK(o.refusal->code == RefusalCode::MissingDocuments);
  REQUIRE(o.refusal->missing.size() == 1);
  CHECK(o.refusal->missing[0].requirement == "gambar");
  CHECK(o.refusal->missing[0].reason == "required because luas_bangunan > 100, and luas_bangunan = 150");
  CHECK(o.refusal->message == "'verifikasi' needs documents that are not in yet: Dokumen rencana teknis (gambar).");
  CHECK(f.get(id) == before);
  CHECK(f.store->journal(id).size() == 2);  // the refusal is journaled
  CHECK(f.engine.replay(id) == before);
}
