// The JSON codec: exact, tagged, deterministic, and strict when reading.
#include <catch2/catch.hpp>

#include <concepts>

#include "codec.hpp"
#include "codec_write.hpp"
#include "izin/json.hpp"
#include "fixtures.hpp"

using namespace izin;
using namespace izin::testing;
using izin::detail::decode;
using izin::detail::encode;

namespace {

// Encodes, decodes and encodes again: the value and the text must survive.
template <typename T>
void require_round_trip(const T& value) {
  const auto text = encode(value);
  const auto back = decode<T>(text);
  if constexpr (std::equality_comparable<T>) REQUIRE(back == value);
  REQUIRE(encode(back) == text);
}

// A case with every field filled in, including history, pending and SLA.
Case full_case() {
  Case c = opened_case("pbg-000007");
  c.data.push_back(Value(Decimal::fraction(9, 4)));
  c.data.push_back(Value(true));
  c.data.push_back(Value(Date::from_ymd(2026, 3, 16)));
  c.sla = SlaClock{Date::from_ymd(2026, 3, 16), 2, Date::from_ymd(2026, 3, 20)};
  c.closed = true;
  c.outcome = "approved";
  c.deemed = true;
  c.revision = 5;
  c.history.push_back(HistoryRecord{2, at(90), RecordKind::DeadlineMoved, {"system", "system"}, "after 26 working days",
                                    "penilaian", "penilaian", {DataChange{"luas", Value(), Value(Decimal(200))}},
                                    {}, true, "calendar kalender-2026 changed"});
  return c;
}

}  // namespace

TEST_CASE("values are tagged by type, numbers as exact decimal strings", "[codec]") {
  CHECK(encode(Value(Decimal::fraction(9, 4))) == R"({"n":"2.25"})");
  CHECK(encode(Value("lulus")) == R"({"t":"lulus"})");
  CHECK(encode(Value(true)) == R"({"b":true})");
  CHECK(encode(Value(Date::from_ymd(2026, 3, 16))) == R"({"d":"2026-03-16"})");
  CHECK(encode(Value(EnumValue{"usaha"})) == R"({"e":"usaha"})");
  CHECK(encode(Value()) == "null");
  // 2250000.00 stays exact, and text that looks like a number stays text.
  CHECK(decode<Value>(R"({"n":"2250000.00"})") == Value(Decimal(2250000)));
  CHECK(decode<Value>(R"({"t":"150"})").is_text());
}

TEST_CASE("a number without a finite decimal form round-trips as a fraction", "[codec]") {
  const Value third(Decimal::fraction(1, 3));
  CHECK(encode(third) == R"({"n":"1/3"})");
  require_round_trip(third);
  require_round_trip(Value(Decimal::fraction(-2, 7)));
  require_round_trip(Value(Decimal(std::int64_t{-9000000000000})));
}

TEST_CASE("a case with every field round-trips byte for byte", "[codec]") {
  require_round_trip(full_case());
  require_round_trip(opened_case("sip-000001", "sip"));
  // Keys are sorted, so the text does not depend on construction order.
  const auto text = encode(full_case());
  CHECK(text.find(R"("closed":true)") < text.find(R"("history")"));
  CHECK(text.find(R"("at":"2026-03-16T02:30:00Z")") != std::string::npos);
}

TEST_CASE("outcomes, refusals, fees and notifications round-trip", "[codec]") {
  Outcome o;
  o.case_id = "pbg-000007";
  o.from = o.to = "berkas";
  o.refusal = Refusal{RefusalCode::MissingDocuments, "Dokumen belum lengkap", {"loket"}, {"lengkap"},
                      "luas > 100", {"luas = 150"},
                      {MissingDocument{"imb", "Izin lama", "required because luas > 100, and luas = 150", true}},
                      "luas", {"Minimal 1 pendidik untuk setiap 15 anak"}};  // an internal document; a rule label
  o.records = full_case().history;
  o.deadlines = {PendingDeadline{1, at(5)}};
  o.notifications = {Notification{"pbg-000007", "kepala", "terlambat", at(7), "penilaian", "pbg-000007/4"}};
  o.fees = {FeeValue{"retribusi", "Retribusi PBG", Decimal::fraction(45, 2), {}, ""},
            FeeValue{"admin", "Biaya", std::nullopt, {"luas"}, "division by zero"}};
  require_round_trip(o);
  CHECK(encode(o).find(R"("code":"missing_documents")") != std::string::npos);
  for (int code = 0; code <= static_cast<int>(RefusalCode::Conflict); ++code) {
    Refusal r;
    r.code = static_cast<RefusalCode>(code);
    require_round_trip(r);
  }
}

TEST_CASE("a notification journaled before delivery ids decodes with an empty id", "[codec]") {
  const Notification n{"pbg-000007", "kepala", "terlambat", at(7), "penilaian", "pbg-000007/4"};
  CHECK(encode(n).find(R"("id":"pbg-000007/4")") != std::string::npos);
  std::string old = encode(n);
  old.erase(old.find(R"(,"id":"pbg-000007/4")"), std::string(R"(,"id":"pbg-000007/4")").size());
  Notification expected = n;
  expected.id.clear();
  CHECK(decode<Notification>(old) == expected);
}

TEST_CASE("requests and journal entries round-trip, keeping data order", "[codec]") {
  OpenRequest open{"pbg", {{"luas", Value(Decimal(150))}, {"alamat", Value("Jl. A")}}, {"ktp"}, {"ani", "loket"}, ""};
  require_round_trip(open);
  CHECK(encode(open).find("luas") < encode(open).find("alamat"));
  EventRequest fire{"lengkap", {"budi", "verifikator"}, {{"z", Value(true)}, {"a", Value()}}, {"imb"}, "k-1"};
  require_round_trip(fire);
  JournalEntry e{4, at(3), JournalEntry::Kind::Calendar, {"system", "system"}, "kalender", "{}", "{}", "", false};
  require_round_trip(e);
  require_round_trip(ProcedureSource{"pbg", 3, "pbg.izin", "procedure pbg\n", "abc"});
}

TEST_CASE("malformed records are refused with CodecError, not misread", "[codec]") {
  CHECK_THROWS_AS(decode<Value>(R"({"x":"1"})"), CodecError);
  CHECK_THROWS_AS(decode<Value>(R"({"n":"1.2.3"})"), CodecError);
  CHECK_THROWS_AS(decode<Value>(R"({"n":"1/0"})"), CodecError);
  CHECK_THROWS_AS(decode<Value>(R"({"d":"2026-02-30"})"), CodecError);
  CHECK_THROWS_AS(decode<Value>(R"({"n":"1","t":"x"})"), CodecError);
  CHECK_THROWS_AS(decode<Case>(R"({"id":"x"})"), CodecError);
  CHECK_THROWS_AS(decode<Case>("not json"), CodecError);
  auto text = encode(full_case());
  text.replace(text.find("deadline_moved"), 14, "deadline_xxxxx");
  CHECK_THROWS_AS(decode<Case>(text), CodecError);
}

TEST_CASE("the event path's writers give the same bytes as the reference encoder", "[codec]") {
  using detail::JsonText;
  const auto written = [](const auto& value, auto&&... extra) {
    JsonText j;
    detail::write(j, value, extra...);
    return j.take();
  };
  Case c = full_case();
  c.history.back().note = "tab\there \"quoted\" \\ new\nline \x01 and Rupiah · é";
  c.history.back().documents = {"ktp", "imb"};
  CHECK(written(c, true) == encode(c));
  CHECK(to_json_text(c) == encode(c));  // the public form is the stored one
  for (const auto& r : c.history) CHECK(detail::encode_record(r) == encode(r));
  // The snapshot is the case without "history", read back with an empty one.
  Case bare = c;
  bare.history.clear();
  CHECK(detail::decode<Case>(detail::encode_snapshot(c)) == bare);
  CHECK(detail::encode_snapshot(c).find("history") == std::string::npos);
  const EventRequest fire{"lengkap", {"budi", "verifikator"}, {{"z", Value(true)}, {"a", Value()}, {"n", Value(Decimal::fraction(1, 3))}}, {"imb"}, "k-1"};
  CHECK(written(fire) == encode(fire));
  const OpenRequest open{"pbg", {{"luas", Value(Decimal(150))}, {"tgl", Value(Date::from_ymd(2026, 3, 16))}}, {"ktp"}, {"ani", "loket"}, "pbg-9"};
  CHECK(written(open) == encode(open));
}

TEST_CASE("the writers refuse text that is not UTF-8 instead of storing it", "[codec]") {
  detail::JsonText j;
  CHECK_THROWS_AS(j.string("ok \xff"), CodecError);
  CHECK_THROWS_AS(detail::JsonText().string("\xc3"), CodecError);          // cut short
  CHECK_THROWS_AS(detail::JsonText().string("\xed\xa0\x80"), CodecError);  // a UTF-16 surrogate
  CHECK(detail::JsonText().string("é €").take() == "\"é €\"");
}
