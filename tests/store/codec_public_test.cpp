// The public codec (izin/codec.hpp): the text izin's stores write, readable
// and writable by a custom store, with a public error for bad text.
#include <catch2/catch.hpp>

#include "codec.hpp"
#include "fixtures.hpp"
#include "izin/codec.hpp"
#include "text_store.hpp"

using namespace izin;
using namespace izin::testing;

TEST_CASE("a case round-trips with its history, and as a snapshot without it", "[codec]") {
  const Case c = fire_commit(opened_case("pbg-000001"), "lengkap", "penilaian").after;
  REQUIRE(c.history.size() == 2);
  CHECK(decode_case(encode_case(c)) == c);
  const Case snapshot = decode_case(encode_case(c, false));
  CHECK(snapshot.history.empty());
  Case without = c;
  without.history.clear();
  CHECK(snapshot == without);
}

TEST_CASE("the public codec writes exactly what the stores write", "[codec]") {
  const Case c = opened_case("pbg-000001");
  CHECK(encode_case(c, false) == detail::encode_snapshot(c));
  CHECK(encode_case(c) == detail::encode(c));
  CHECK(encode_record(c.history[0]) == detail::encode_record(c.history[0]));
  const JournalEntry e = open_commit(c).entry;
  CHECK(encode_journal_entry(e) == detail::encode(e));
}

TEST_CASE("the documented text of a history record and a journal entry", "[codec]") {
  // docs/store.md shows these two lines; a change here is a format change.
  const HistoryRecord r{1, at(0), RecordKind::Opened, {"ani", "loket"}, "", "", "berkas", {}, {"ktp"}, false, ""};
  CHECK(encode_record(r) ==
        R"({"actor":{"role":"loket","user":"ani"},"at":"2026-03-16T01:00:00Z","changes":[],"deemed":false,)"
        R"("documents":["ktp"],"event":"","from":"","kind":"opened","note":"","sequence":1,"to":"berkas"})");
  CHECK(decode_record(encode_record(r)) == r);
  JournalEntry e = open_commit(opened_case("pbg-000001")).entry;
  e.sequence = 1;
  CHECK(encode_journal_entry(e) ==
        R"({"accepted":true,"actor":{"role":"loket","user":"ani"},"at":"2026-03-16T01:00:00Z","event":"",)"
        R"("key":"","kind":"open","payload":"{\"procedure\":\"pbg\"}","result":"{\"accepted\":true}","sequence":1})");
  CHECK(decode_journal_entry(encode_journal_entry(e)) == e);
}

TEST_CASE("bad text is refused with the public CodecError saying what is wrong", "[codec]") {
  CHECK_THROWS_AS(decode_case("not json"), CodecError);
  CHECK_THROWS_AS(decode_case(R"({"id":"pbg-000001"})"), CodecError);
  const std::string record = encode_record(opened_case("pbg-000001").history[0]);
  std::string bad_kind = record;
  bad_kind.replace(bad_kind.find("\"opened\""), 8, "\"reopened\"");
  CHECK_THROWS_WITH(decode_record(bad_kind), Catch::Contains("history record kind 'reopened'"));
  CHECK_THROWS_AS(decode_journal_entry("[]"), CodecError);
  // A CodecError is a runtime_error: a store that catches those keeps working.
  CHECK_THROWS_AS(decode_record("{"), std::runtime_error);
}

TEST_CASE("a custom store quarantines a case whose text it cannot decode", "[codec][store]") {
  TextStore store;
  store.commit({open_commit(opened_case("pbg-000001"))});
  store.commit({open_commit(opened_case("pbg-000002"))});
  store.damage_snapshot("pbg-000001", R"({"id":)");
  CHECK_THROWS_AS(store.load_case("pbg-000001"), DamagedCaseError);
  CHECK(store.load_case("pbg-000002") == opened_case("pbg-000002"));
  CHECK(store.load_cases({}).size() == 1);
  const auto damaged = store.damaged_cases();
  REQUIRE(damaged.size() == 1);
  CHECK(damaged[0].case_id == "pbg-000001");
  CHECK(damaged[0].where == "cases row");
}
