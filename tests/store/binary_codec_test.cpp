// The public binary codec (izin/codec.hpp): cases and history records in the
// compact form the SQLite store keeps. Exact round trips of every field and
// value kind, a pinned byte layout, determinism, and strict reading: every
// cut, tag, count, text, number and instant that is not a valid encoding is
// refused with CodecError, never misread, and a refused batch of records
// leaves the caller's vector as it was.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "binary_codec.hpp"
#include "binary_samples.hpp"
#include "fixtures.hpp"
#include "izin/codec.hpp"

using namespace izin;
using namespace izin::testing;

// A named namespace: this folder is a unity build, and codec_test.cpp has helpers of its own.
namespace binary_codec_test {

// Hand-written encodings, built the way docs describe the format: varints
// (LEB128), zigzag for signed numbers, strings as length and bytes.
struct Bytes {
  std::string s;
  Bytes& byte(unsigned b) {
    s.push_back(static_cast<char>(b));
    return *this;
  }
  Bytes& raw(std::string_view b) {
    s.append(b);
    return *this;
  }
  Bytes& varint(std::uint64_t n) {
    while (n >= 0x80) {
      s.push_back(static_cast<char>((n & 0x7F) | 0x80));
      n >>= 7;
    }
    s.push_back(static_cast<char>(n));
    return *this;
  }
  Bytes& sint(std::int64_t n) { return varint((static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63)); }
  Bytes& str(std::string_view t) {
    varint(t.size());
    s.append(t);
    return *this;
  }
  std::size_t size() const { return s.size(); }
};

std::int64_t epoch_seconds(Instant t) { return t.time_since_epoch().count(); }

// The case the hand-written bytes below spell out: "c-1" of procedure "p",
// version 1, state 0, opened and entered at(0), revision 1, everything else empty.
Case small_case(std::vector<Value> data = {}) {
  Case c;
  c.id = "c-1";
  c.procedure = "p";
  c.version = 1;
  c.state = 0;
  c.data = std::move(data);
  c.opened_at = c.entered_at = at(0);
  c.revision = 1;
  return c;
}

// The bytes of small_case up to its data count.
Bytes small_case_head() {
  Bytes b;
  b.byte(0x11).str("c-1").str("p").sint(1).sint(0);
  return b;
}
// The bytes of small_case after its data values.
Bytes& small_case_tail(Bytes& b) {
  b.varint(0);                                      // documents
  b.sint(epoch_seconds(at(0))).sint(epoch_seconds(at(0)));      // opened_at, entered_at
  b.varint(0);                                      // pending
  b.byte(0).sint(0).byte(0).byte(0);                // sla: no start, 0 paused days, no paused_since, not provisional
  b.byte(0);                                        // closed/deemed flags
  b.str("").str("");                                // outcome, calendar
  b.varint(1);                                      // revision
  return b;
}
// small_case with data values given as their bytes (`count` of them).
std::string small_case_with(std::string_view value_bytes, std::uint64_t count = 1) {
  Bytes b = small_case_head();
  b.varint(count).raw(value_bytes);
  return small_case_tail(b).s;
}

// One record as hand-written bytes: sequence 1 at(0), `kind`, actor ani/loket,
// event "e", from "a", to "b", one change of field "f" (its before and after
// given as bytes), no documents, not deemed, no note.
Bytes& record_bytes(Bytes& b, unsigned kind, std::string_view before = std::string_view("\0", 1),
                    std::string_view after = std::string_view("\0", 1)) {
  b.varint(1).sint(epoch_seconds(at(0))).byte(kind);
  b.str("ani").str("loket").str("e").str("a").str("b");
  b.varint(1).str("f").raw(before).raw(after);
  b.varint(0).byte(0).str("");
  return b;
}
HistoryRecord small_record(RecordKind kind, Value before = Value(), Value after = Value()) {
  return HistoryRecord{1, at(0), kind, {"ani", "loket"}, "e", "a", "b", {DataChange{"f", before, after}}, {}, false, ""};
}
std::string one_record(unsigned kind, std::string_view before = std::string_view("\0", 1),
                       std::string_view after = std::string_view("\0", 1)) {
  Bytes b;
  b.byte(0x21).varint(1);
  return record_bytes(b, kind, before, after).s;
}

// A number value's bytes: tag 1, zigzag numerator, varint denominator.
std::string number_bytes(std::int64_t num, std::uint64_t den) {
  Bytes b;
  b.byte(1).sint(num).varint(den);
  return b.s;
}

// Decodes `bytes` as records onto `out` and checks it throws CodecError and leaves `out` as it was.
void require_refused_records(std::string_view bytes, std::vector<HistoryRecord>& out) {
  const std::vector<HistoryRecord> before = out;
  CHECK_THROWS_AS(decode_records_binary(bytes, out), CodecError);
  CHECK(out == before);
}

}  // namespace binary_codec_test

using namespace binary_codec_test;

TEST_CASE("binary: a case with every field and every kind of value round-trips", "[codec][binary]") {
  const Case c = every_field_case();
  const std::string bytes = encode_case_binary(c);
  CHECK(is_binary_encoding(bytes));
  const Case back = decode_case_binary(bytes);
  CHECK(back.history.empty());
  CHECK(back == without_history(c));
  CHECK(encode_case_binary(back) == bytes);
  // Value by value, so a failure names the one that did not survive.
  REQUIRE(back.data.size() == c.data.size());
  for (std::size_t i = 0; i < c.data.size(); ++i) {
    INFO("data[" << i << "] = " << c.data[i]);
    CHECK(back.data[i] == c.data[i]);
    CHECK(back.data[i].variant().index() == c.data[i].variant().index());
  }
  // The history is no part of the binary case: with or without it, the same bytes.
  CHECK(encode_case_binary(without_history(c)) == bytes);
}

TEST_CASE("binary: each value on its own round-trips inside a case", "[codec][binary]") {
  for (const Value& v : every_value()) {
    INFO(v);
    const Case c = small_case({v});
    CHECK(decode_case_binary(encode_case_binary(c)) == c);
  }
}

TEST_CASE("binary: documents of 0, 1, 7, 8, 9 and 17 requirements round-trip packed as bits", "[codec][binary]") {
  const std::size_t empty_size = encode_case_binary(small_case()).size();
  for (const std::size_t n : {0u, 1u, 7u, 8u, 9u, 17u}) {
    // Three patterns: all set, none set, and an irregular mix (primes and the last one set).
    for (int pattern = 0; pattern < 3; ++pattern) {
      Case c = small_case();
      c.documents.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        c.documents[i] = pattern == 0 ? true
                         : pattern == 1 ? false
                                        : (i == 2 || i == 3 || i == 5 || i == 7 || i == 11 || i == 13 || i + 1 == n);
      }
      INFO("n = " << n << ", pattern " << pattern);
      const std::string bytes = encode_case_binary(c);
      CHECK(decode_case_binary(bytes) == c);
      // One byte per eight requirements, plus a count that fits one byte here.
      CHECK(bytes.size() == empty_size + (n + 7) / 8);
    }
  }
  // A large vector: 1000 requirements in 125 bytes and a two-byte count.
  Case big = small_case();
  big.documents.resize(1000);
  for (std::size_t i = 0; i < big.documents.size(); i += 3) big.documents[i] = true;
  const std::string bytes = encode_case_binary(big);
  CHECK(bytes.size() == empty_size + 1 + 125);
  CHECK(decode_case_binary(bytes) == big);
}

TEST_CASE("binary: deadlines, SLA clocks, flags and large numbers round-trip", "[codec][binary]") {
  const std::vector<SlaClock> clocks = {
      SlaClock{},
      SlaClock{Date::from_ymd(2026, 3, 16), 0, std::nullopt, false},
      SlaClock{std::nullopt, 3, Date::from_ymd(2026, 3, 20), false},
      SlaClock{Date::from_ymd(2026, 3, 16), 12, Date::from_ymd(2026, 4, 2), true},
      SlaClock{std::nullopt, 0, std::nullopt, true},
      SlaClock{Date::from_ymd(1, 1, 1), -5, Date::from_ymd(9999, 12, 31), false},
  };
  for (std::size_t k = 0; k < clocks.size(); ++k) {
    for (int flags = 0; flags < 4; ++flags) {
      Case c = small_case({Value(Decimal(1))});
      c.sla = clocks[k];
      c.closed = (flags & 1) != 0;
      c.deemed = (flags & 2) != 0;
      c.pending = {PendingDeadline{0, at(10), k % 2 == 0}, PendingDeadline{1, at(20), k % 2 == 1},
                   PendingDeadline{-1, first_instant(), true}};
      INFO("clock " << k << ", flags " << flags);
      const std::string bytes = encode_case_binary(c);
      CHECK(decode_case_binary(bytes) == c);
    }
  }
  Case c = small_case();
  c.state = -1;
  c.version = std::numeric_limits<int>::max();
  c.revision = std::uint64_t{1} << 40;
  c.outcome = "terbit";
  c.calendar = "kalender-2026";
  c.opened_at = first_instant();
  c.entered_at = last_instant();
  CHECK(decode_case_binary(encode_case_binary(c)) == c);
  c.state = std::numeric_limits<int>::min();
  c.version = std::numeric_limits<int>::min();
  c.revision = std::numeric_limits<std::uint64_t>::max();
  c.sla.paused_working_days = std::numeric_limits<int>::max();
  CHECK(decode_case_binary(encode_case_binary(c)) == c);
}

TEST_CASE("binary: the byte layout of a small case and a record is as written down", "[codec][binary]") {
  // A change here is a format change: the stores' existing rows would read differently.
  const Case c = small_case({Value(), Value(Decimal::fraction(-1, 3)), Value("ab"), Value(false), Value(true),
                             Value(Date{-1}), Value(EnumValue{"x"})});
  Bytes values;
  values.byte(0);                      // null
  values.byte(1).sint(-1).varint(3);   // -1/3
  values.byte(2).str("ab");            // text
  values.byte(3);                      // false
  values.byte(4);                      // true
  values.byte(5).sint(-1);             // date 1969-12-31
  values.byte(6).str("x");             // enum
  CHECK(encode_case_binary(c) == small_case_with(values.s, 7));
  // The documents as bits, lowest first: {true, false, true} is 0b101.
  Case d = small_case();
  d.documents = {true, false, true};
  Bytes b = small_case_head();
  b.varint(0).varint(3).byte(0x05);
  b.sint(epoch_seconds(at(0))).sint(epoch_seconds(at(0))).varint(0).byte(0).sint(0).byte(0).byte(0).byte(0).str("").str("").varint(1);
  CHECK(encode_case_binary(d) == b.s);
  // Small numbers in one byte: state -1 is zigzag 1, version 3 is 6.
  Case e = small_case();
  e.state = -1;
  e.version = 3;
  CHECK(encode_case_binary(e).substr(0, 8) == std::string("\x11\x03" "c-1" "\x01" "p" "\x06\x01", 8));

  const HistoryRecord r = small_record(RecordKind::DeadlineMoved, Value(), Value(Decimal(2)));
  CHECK(encode_records_binary(std::span(&r, 1)) == one_record(5, std::string_view("\0", 1), number_bytes(2, 1)));
}

TEST_CASE("binary: history records of every kind round-trip, appended to what the vector holds", "[codec][binary]") {
  const std::vector<HistoryRecord> records = every_kind_records();
  const std::string bytes = encode_records_binary(records);
  CHECK(is_binary_encoding(bytes));
  std::vector<HistoryRecord> out;
  decode_records_binary(bytes, out);
  CHECK(out == records);
  for (std::size_t i = 0; i < records.size() && i < out.size(); ++i) {
    INFO("record " << i);
    CHECK(out[i] == records[i]);
  }
  // A second decode appends after the records already there.
  const HistoryRecord extra = small_record(RecordKind::Notification, Value("x"), Value(EnumValue{"y"}));
  std::vector<HistoryRecord> more{extra};
  decode_records_binary(bytes, more);
  REQUIRE(more.size() == 1 + records.size());
  CHECK(more[0] == extra);
  CHECK(std::vector<HistoryRecord>(more.begin() + 1, more.end()) == records);
  decode_records_binary(bytes, more);
  CHECK(more.size() == 1 + 2 * records.size());
  // Each record on its own, and every value as a change's before and after.
  for (const auto& record : records) {
    std::vector<HistoryRecord> one;
    decode_records_binary(encode_records_binary(std::span(&record, 1)), one);
    CHECK(one == std::vector<HistoryRecord>{record});
  }
  for (const Value& v : every_value()) {
    INFO(v);
    const std::vector<HistoryRecord> one{small_record(RecordKind::Event, v, Value()), small_record(RecordKind::Event, Value(), v)};
    std::vector<HistoryRecord> back;
    decode_records_binary(encode_records_binary(one), back);
    CHECK(back == one);
  }
}

TEST_CASE("binary: no records encode to a count of zero and decode to nothing", "[codec][binary]") {
  const std::string bytes = encode_records_binary(std::span<const HistoryRecord>());
  CHECK(bytes == std::string("\x21\x00", 2));
  CHECK(encode_records_binary(std::vector<HistoryRecord>{}) == bytes);
  std::vector<HistoryRecord> out;
  decode_records_binary(bytes, out);
  CHECK(out.empty());
  std::vector<HistoryRecord> some = every_kind_records();
  decode_records_binary(bytes, some);
  CHECK(some == every_kind_records());
}

TEST_CASE("binary: equal values give byte-equal encodings, far smaller than the JSON text", "[codec][binary]") {
  // Built twice, apart: nothing but the values may decide the bytes.
  CHECK(encode_case_binary(every_field_case()) == encode_case_binary(every_field_case()));
  CHECK(encode_records_binary(every_kind_records()) == encode_records_binary(every_kind_records()));
  // A copy whose vectors were reallocated (other capacity) still gives the same bytes.
  Case copy = every_field_case();
  copy.data.reserve(1000);
  copy.pending.shrink_to_fit();
  CHECK(encode_case_binary(copy) == encode_case_binary(every_field_case()));
  // Different values give different bytes.
  Case other = every_field_case();
  other.documents[10] = !other.documents[10];
  CHECK(encode_case_binary(other) != encode_case_binary(every_field_case()));

  // A typical case: under half the bytes of its JSON snapshot (the header promises about a fifth).
  const Case typical = fire_commit(opened_case("pbg-000001"), "lengkap", "penilaian").after;
  const std::string binary = encode_case_binary(typical);
  const std::string json = encode_case(typical, false);
  INFO("binary " << binary.size() << " bytes, JSON " << json.size() << " bytes");
  CHECK(binary.size() * 2 < json.size());
  CHECK(encode_case_binary(every_field_case()).size() * 2 < encode_case(every_field_case(), false).size());
  // The records too, against their JSON text.
  std::size_t records_json = 0;
  for (const auto& r : every_kind_records()) records_json += encode_record(r).size();
  CHECK(encode_records_binary(every_kind_records()).size() * 2 < records_json);
  // And the JSON snapshot and the binary form hold the same case.
  CHECK(decode_case_binary(binary) == decode_case(json));
}

TEST_CASE("binary: every cut-short case encoding is refused", "[codec][binary]") {
  for (const Case& c : {every_field_case(), small_case(), small_case({Value(Decimal(kInt64Max))})}) {
    const std::string bytes = encode_case_binary(c);
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      INFO("first " << n << " of " << bytes.size() << " bytes");
      CHECK_THROWS_AS(decode_case_binary(std::string_view(bytes).substr(0, n)), CodecError);
    }
  }
  // The message says the encoding was cut short, and where.
  const std::string bytes = encode_case_binary(small_case());
  CHECK_THROWS_WITH(decode_case_binary(std::string_view(bytes).substr(0, bytes.size() - 1)),
                    Catch::Contains("malformed binary case") && Catch::Contains("cut short") &&
                        Catch::Contains("at byte " + std::to_string(bytes.size() - 1)));
}

TEST_CASE("binary: every cut-short records encoding is refused, leaving the vector as it was", "[codec][binary]") {
  const std::string bytes = encode_records_binary(every_kind_records());
  std::vector<HistoryRecord> out{small_record(RecordKind::Opened)};
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO("first " << n << " of " << bytes.size() << " bytes");
    require_refused_records(std::string_view(bytes).substr(0, n), out);
  }
  std::vector<HistoryRecord> empty;
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO("first " << n << " of " << bytes.size() << " bytes");
    require_refused_records(std::string_view(bytes).substr(0, n), empty);
  }
  CHECK_THROWS_WITH(decode_records_binary(std::string_view(bytes).substr(0, bytes.size() - 1), out),
                    Catch::Contains("malformed binary history records") && Catch::Contains("cut short"));
  CHECK(out.size() == 1);
}

TEST_CASE("binary: the first byte names the form: JSON text and the other form are refused", "[codec][binary]") {
  const std::string c = encode_case_binary(small_case());
  const std::string r = encode_records_binary(every_kind_records());
  CHECK(static_cast<unsigned char>(c[0]) == 0x11);
  CHECK(static_cast<unsigned char>(r[0]) == 0x21);
  std::vector<HistoryRecord> out{small_record(RecordKind::Event)};

  CHECK_THROWS_WITH(decode_case_binary("{}"), Catch::Contains("not in binary format 1"));
  CHECK_THROWS_AS(decode_case_binary(encode_case(small_case(), false)), CodecError);
  CHECK_THROWS_WITH(decode_case_binary(r), Catch::Contains("not in binary format 1"));
  CHECK_THROWS_AS(decode_case_binary(""), CodecError);
  CHECK_THROWS_WITH(decode_records_binary("{}", out), Catch::Contains("not in binary format 1"));
  require_refused_records("{}", out);
  require_refused_records("[]", out);
  require_refused_records(c, out);
  require_refused_records("", out);
  require_refused_records(encode_record(every_kind_records()[0]), out);
  // A later format (0x12, 0x22) is not format 1.
  std::string later = c;
  later[0] = 0x12;
  CHECK_THROWS_AS(decode_case_binary(later), CodecError);
  later = r;
  later[0] = 0x22;
  require_refused_records(later, out);
}

TEST_CASE("binary: bytes after the end are refused", "[codec][binary]") {
  for (const std::string_view extra : {std::string_view("\0", 1), std::string_view("\x01"), std::string_view("\x11")}) {
    CHECK_THROWS_WITH(decode_case_binary(encode_case_binary(every_field_case()) + std::string(extra)),
                      Catch::Contains("bytes left over"));
    std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
    CHECK_THROWS_WITH(decode_records_binary(encode_records_binary(every_kind_records()) + std::string(extra), out),
                      Catch::Contains("bytes left over"));
    CHECK(out.size() == 1);
    require_refused_records(std::string("\x21\x00", 2) + std::string(extra), out);
  }
  // Two encodings back to back are not one.
  const std::string c = encode_case_binary(small_case());
  CHECK_THROWS_AS(decode_case_binary(c + c), CodecError);
}

TEST_CASE("binary: record kinds past the last and unknown value tags are refused", "[codec][binary]") {
  // The hand-written record reads back as written: the helpers are right.
  std::vector<HistoryRecord> out;
  decode_records_binary(one_record(5), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == small_record(RecordKind::DeadlineMoved));

  std::vector<HistoryRecord> kept{small_record(RecordKind::Opened)};
  for (const unsigned kind : {6u, 7u, 0x80u, 0xFFu}) {
    INFO("kind " << kind);
    CHECK_THROWS_WITH(decode_records_binary(one_record(kind), kept), Catch::Contains("unknown history record kind"));
    CHECK(kept.size() == 1);
  }
  // The bad kind in the second record: the first, already decoded, is not kept either.
  Bytes two;
  two.byte(0x21).varint(2);
  record_bytes(two, 1);
  record_bytes(two, 9);
  require_refused_records(two.s, kept);
  require_refused_records(two.s, out);

  // Value tags: 0–6 are known.
  const std::string head = small_case_head().s;
  for (const unsigned tag : {7u, 8u, 0x7Fu, 0xFFu}) {
    INFO("tag " << tag);
    const std::string bytes = small_case_with(std::string(1, static_cast<char>(tag)));
    // The tag sits right after the head and the one-byte data count.
    CHECK_THROWS_WITH(decode_case_binary(bytes),
                      Catch::Contains("at byte " + std::to_string(head.size() + 1)) && Catch::Contains("unknown value tag"));
    CHECK_THROWS_WITH(decode_records_binary(one_record(1, std::string(1, static_cast<char>(tag))), kept),
                      Catch::Contains("unknown value tag"));
    require_refused_records(one_record(1, std::string("\0", 1), std::string(1, static_cast<char>(tag))), kept);
  }
  // A valid value through the same helper decodes.
  CHECK(decode_case_binary(small_case_with(std::string("\x04"))) == small_case({Value(true)}));
}

TEST_CASE("binary: text that is not UTF-8 is refused wherever it stands", "[codec][binary]") {
  for (const std::string_view bad : {std::string_view("\xFF"), std::string_view("a\x80"), std::string_view("\xC0\x80"),
                                     std::string_view("\xED\xA0\x80"), std::string_view("\xF4\x90\x80\x80"),
                                     std::string_view("\xE2\x82")}) {
    // As a text value, an enum symbol, the case id, and a record's note.
    Bytes text;
    text.byte(2).str(bad);
    CHECK_THROWS_WITH(decode_case_binary(small_case_with(text.s)), Catch::Contains("not UTF-8"));
    Bytes symbol;
    symbol.byte(6).str(bad);
    CHECK_THROWS_WITH(decode_case_binary(small_case_with(symbol.s)), Catch::Contains("not UTF-8"));
    Bytes id;
    id.byte(0x11).str(bad).str("p").sint(1).sint(0).varint(0);
    CHECK_THROWS_WITH(decode_case_binary(small_case_tail(id).s), Catch::Contains("not UTF-8"));
    std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
    Bytes r;
    r.byte(0x21).varint(1).varint(1).sint(epoch_seconds(at(0))).byte(1).str("ani").str("loket").str("e").str("a").str("b");
    r.varint(0).varint(1).str(bad).byte(0).str("");  // the bad text as a document id
    CHECK_THROWS_WITH(decode_records_binary(r.s, out), Catch::Contains("not UTF-8"));
    CHECK(out.size() == 1);
  }
  // The same with good text decodes: the bytes around it are right.
  Bytes good;
  good.byte(2).str("Ñ");
  CHECK(decode_case_binary(small_case_with(good.s)) == small_case({Value("Ñ")}));
}

// The memory store decodes bytes it encoded itself from checked texts: those skip the
// UTF-8 scan, and nothing else; bytes from a file never do (the default).
TEST_CASE("binary: trusted bytes skip only the UTF-8 check", "[codec][binary]") {
  Bytes text;
  text.byte(2).str("a\x80");
  const std::string bytes = small_case_with(text.s);
  Case c;
  CHECK_THROWS_WITH(detail::read_case_binary(bytes, c), Catch::Contains("not UTF-8"));
  detail::read_case_binary(bytes, c, detail::Texts::Trusted);
  CHECK(c == small_case({Value("a\x80")}));
  CHECK_THROWS_WITH(detail::read_case_binary(bytes.substr(0, bytes.size() - 1), c, detail::Texts::Trusted),
                    Catch::Contains("cut short"));
  std::vector<HistoryRecord> out(1);
  std::size_t used = 0;
  const std::string records = encode_records_binary(std::vector<HistoryRecord>{small_record(RecordKind::Event)});
  CHECK(detail::read_records_binary_at(records + "rest", out, used, detail::Texts::Trusted) == 1);
  CHECK(used == records.size());
  CHECK(out[0] == small_record(RecordKind::Event));
}

TEST_CASE("binary: numbers must have a positive denominator and be in lowest terms", "[codec][binary]") {
  CHECK(decode_case_binary(small_case_with(number_bytes(-2, 3))) == small_case({Value(Decimal::fraction(-2, 3))}));
  CHECK(decode_case_binary(small_case_with(number_bytes(0, 1))) == small_case({Value(Decimal(0))}));

  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(1, 0))), Catch::Contains("bad denominator"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(0, 0))), Catch::Contains("bad denominator"));
  // A denominator past INT64_MAX (it would turn negative).
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(1, std::uint64_t{1} << 63))),
                    Catch::Contains("bad denominator"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(1, std::numeric_limits<std::uint64_t>::max()))),
                    Catch::Contains("bad denominator"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(2, 4))), Catch::Contains("not in lowest terms"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(-6, 3))), Catch::Contains("not in lowest terms"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(0, 2))), Catch::Contains("not in lowest terms"));
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(kInt64Max - 1, kInt64Max - 1))),
                    Catch::Contains("not in lowest terms"));
  // In a record's change too, and the vector is left alone.
  std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
  CHECK_THROWS_WITH(decode_records_binary(one_record(1, number_bytes(2, 4)), out), Catch::Contains("not in lowest terms"));
  CHECK_THROWS_WITH(decode_records_binary(one_record(1, std::string("\0", 1), number_bytes(1, 0)), out),
                    Catch::Contains("bad denominator"));
  CHECK(out.size() == 1);
}

TEST_CASE("binary: the whole number INT64_MIN reads back, and as a fraction's numerator it is a CodecError",
          "[codec][binary]") {
  // Decimal(INT64_MIN) can be built and stored; -INT64_MIN does not exist, so Decimal::fraction throws
  // ArithmeticError on INT64_MIN/3, which must not escape the decoder.
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const Case c = small_case({Value(Decimal(kMin))});
  CHECK(decode_case_binary(encode_case_binary(c)) == c);
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(kMin, 3))),
                    Catch::Contains("beyond exact arithmetic"));
  std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
  CHECK_THROWS_AS(decode_records_binary(one_record(1, number_bytes(kMin, 3)), out), CodecError);
  CHECK(out.size() == 1);
  // An even denominator reduces: not in lowest terms.
  CHECK_THROWS_WITH(decode_case_binary(small_case_with(number_bytes(kMin, 2))), Catch::Contains("not in lowest terms"));
}

TEST_CASE("binary: instants and dates outside the years 1-9999 are refused", "[codec][binary]") {
  const auto case_opened_at = [](std::int64_t t) {
    Bytes b = small_case_head();
    b.varint(0).varint(0).sint(t).sint(epoch_seconds(at(0))).varint(0).byte(0).sint(0).byte(0).byte(0).byte(0);
    b.str("").str("").varint(1);
    return b.s;
  };
  Case edge = small_case();
  edge.opened_at = first_instant();
  CHECK(decode_case_binary(case_opened_at(epoch_seconds(first_instant()))) == edge);
  edge.opened_at = last_instant();
  CHECK(decode_case_binary(case_opened_at(epoch_seconds(last_instant()))) == edge);
  for (const std::int64_t t : {epoch_seconds(first_instant()) - 1, epoch_seconds(last_instant()) + 1,
                               std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    INFO("instant " << t);
    CHECK_THROWS_WITH(decode_case_binary(case_opened_at(t)), Catch::Contains("instant outside the years 1"));
  }
  // A record's instant.
  Bytes r;
  r.byte(0x21).varint(1).varint(1).sint(epoch_seconds(last_instant()) + 1).byte(1);
  r.str("").str("").str("").str("").str("").varint(0).varint(0).byte(0).str("");
  std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
  CHECK_THROWS_WITH(decode_records_binary(r.s, out), Catch::Contains("instant outside the years 1"));
  CHECK(out.size() == 1);

  // Dates, as a value: 0001-01-01 and 9999-12-31 are the ends.
  const std::int64_t first_day = Date::from_ymd(1, 1, 1).days;
  const std::int64_t last_day = kLastDay;
  const auto date_value = [](std::int64_t days) {
    Bytes b;
    b.byte(5).sint(days);
    return b.s;
  };
  CHECK(decode_case_binary(small_case_with(date_value(first_day))) == small_case({Value(Date{static_cast<std::int32_t>(first_day)})}));
  CHECK(decode_case_binary(small_case_with(date_value(last_day))) == small_case({Value(Date{kLastDay})}));
  for (const std::int64_t days : {first_day - 1, last_day + 1, std::int64_t{1} << 40, -(std::int64_t{1} << 40),
                                  std::int64_t{std::numeric_limits<std::int32_t>::max()} + 1,
                                  std::numeric_limits<std::int64_t>::min()}) {
    INFO("day " << days);
    CHECK_THROWS_WITH(decode_case_binary(small_case_with(date_value(days))), Catch::Contains("date outside the years 1"));
  }
  // The SLA clock's start date.
  Bytes sla = small_case_head();
  sla.varint(0).varint(0).sint(epoch_seconds(at(0))).sint(epoch_seconds(at(0))).varint(0);
  sla.byte(1).sint(last_day + 1).sint(0).byte(0).byte(0).byte(0).str("").str("").varint(1);
  CHECK_THROWS_WITH(decode_case_binary(sla.s), Catch::Contains("date outside the years 1"));
}

TEST_CASE("binary: counts larger than the bytes left are refused before anything is allocated", "[codec][binary]") {
  for (const std::uint64_t n : {std::uint64_t{16}, std::uint64_t{1} << 32, std::uint64_t{1} << 62,
                                std::numeric_limits<std::uint64_t>::max()}) {
    INFO("count " << n);
    // Data values: the count claims more values than there are bytes.
    Bytes data = small_case_head();
    data.varint(n).byte(0);
    CHECK_THROWS_WITH(decode_case_binary(data.s), Catch::Contains("count larger than the bytes left"));
    // A string's length.
    Bytes id;
    id.byte(0x11).varint(n).raw("c");
    CHECK_THROWS_WITH(decode_case_binary(id.s), Catch::Contains("count larger than the bytes left"));
    // Records, a record's changes, its documents.
    std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
    Bytes records;
    records.byte(0x21).varint(n).byte(1);
    CHECK_THROWS_WITH(decode_records_binary(records.s, out), Catch::Contains("count larger than the bytes left"));
    Bytes changes;
    changes.byte(0x21).varint(1).varint(1).sint(epoch_seconds(at(0))).byte(1).str("").str("").str("").str("").str("");
    changes.varint(n).varint(0).byte(0).str("");
    CHECK_THROWS_WITH(decode_records_binary(changes.s, out), Catch::Contains("count larger than the bytes left"));
    CHECK(out.size() == 1);
  }
  // The documents count is of bits: 16 documents need two bytes, here there is one and then the rest of the case.
  Bytes documents = small_case_head();
  documents.varint(0).varint(std::uint64_t{1} << 60).byte(0xFF);
  CHECK_THROWS_AS(decode_case_binary(documents.s), CodecError);
  Bytes pending = small_case_head();
  pending.varint(0).varint(0).sint(epoch_seconds(at(0))).sint(epoch_seconds(at(0))).varint(std::uint64_t{1} << 50).byte(0);
  CHECK_THROWS_WITH(decode_case_binary(pending.s), Catch::Contains("count larger than the bytes left"));
  // A varint longer than 64 bits.
  Bytes huge = small_case_head();
  huge.raw("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F");
  CHECK_THROWS_WITH(decode_case_binary(huge.s), Catch::Contains("too large"));
  Bytes endless = small_case_head();
  endless.raw(std::string(20, '\x80'));
  CHECK_THROWS_AS(decode_case_binary(endless.s), CodecError);
}

TEST_CASE("binary: a count is checked against the fewest bytes one element takes", "[codec][binary]") {
  // Ten records take 120 bytes at least; 100 bytes of zeros cannot hold them, so the decoder refuses at
  // the count instead of making room for ten records first (a few bytes must not reserve gigabytes).
  std::vector<HistoryRecord> out;
  Bytes records;
  records.byte(0x21).varint(10).raw(std::string(100, '\0'));
  CHECK_THROWS_WITH(decode_records_binary(records.s, out), Catch::Contains("at byte 1: a count larger"));
  CHECK(out.empty());
  // Two changes take 6 bytes at least.
  Bytes changes;
  changes.byte(0x21).varint(1).varint(1).sint(epoch_seconds(at(0))).byte(1).str("").str("").str("").str("").str("");
  changes.varint(2).raw(std::string(5, '\0'));
  CHECK_THROWS_WITH(decode_records_binary(changes.s, out), Catch::Contains("count larger"));
}

TEST_CASE("binary: an error names the byte where the encoding goes wrong", "[codec][binary]") {
  std::vector<HistoryRecord> out;
  // A record kind of 9 at byte 4 (format, count, sequence, instant 0).
  Bytes kind;
  kind.byte(0x21).varint(1).varint(1).sint(0).byte(9).raw(std::string(20, '\0'));
  CHECK_THROWS_WITH(decode_records_binary(kind.s, out), Catch::Contains("at byte 4: an unknown history record kind"));
  // The bad byte inside a text: the id "ab\xFF" starts at byte 2, its third byte is byte 4.
  Bytes text;
  text.byte(0x11).str("ab\xFF");
  CHECK_THROWS_WITH(decode_case_binary(text.s), Catch::Contains("at byte 4: text that is not UTF-8"));
  // An instant out of range is named where it starts: byte 4, after format, count and sequence.
  Bytes instant;
  instant.byte(0x21).varint(1).varint(1).sint(std::int64_t{1} << 50).raw(std::string(20, '\0'));
  CHECK_THROWS_WITH(decode_records_binary(instant.s, out), Catch::Contains("at byte 3: an instant outside"));
}

TEST_CASE("binary: flags and small integers outside their range are refused", "[codec][binary]") {
  // Document bits past the last requirement: one document, bit 1 set.
  Bytes bits = small_case_head();
  bits.varint(0).varint(1).byte(0x02);
  bits.sint(epoch_seconds(at(0))).sint(epoch_seconds(at(0))).varint(0).byte(0).sint(0).byte(0).byte(0).byte(0).str("").str("").varint(1);
  CHECK_THROWS_WITH(decode_case_binary(bits.s), Catch::Contains("document bit past the last"));
  bits.s[small_case_head().size() + 2] = 0x01;
  Case one = small_case();
  one.documents = {true};
  CHECK(decode_case_binary(bits.s) == one);

  // The case flags byte (closed 1, deemed 2) and a yes/no byte of the SLA clock.
  const std::string good = encode_case_binary(small_case());
  const std::size_t flags_at = good.size() - 4;  // then outcome "", calendar "", revision 1
  REQUIRE(good[flags_at] == 0);
  std::string bad = good;
  bad[flags_at] = 4;
  CHECK_THROWS_WITH(decode_case_binary(bad), Catch::Contains("unknown case flags"));
  bad[flags_at] = 3;
  CHECK(decode_case_binary(bad).closed);
  bad = good;
  bad[flags_at - 1] = 2;  // paused_provisional
  CHECK_THROWS_WITH(decode_case_binary(bad), Catch::Contains("neither 0 nor 1"));
  bad = good;
  bad[flags_at - 4] = 2;  // the SLA start's presence
  CHECK_THROWS_WITH(decode_case_binary(bad), Catch::Contains("neither 0 nor 1"));

  // A record's deemed byte.
  std::string record = one_record(1);
  const std::size_t deemed_at = record.size() - 2;  // then note ""
  REQUIRE(record[deemed_at] == 0);
  record[deemed_at] = 2;
  std::vector<HistoryRecord> out;
  CHECK_THROWS_WITH(decode_records_binary(record, out), Catch::Contains("neither 0 nor 1"));
  CHECK(out.empty());

  // A version past int.
  Bytes version;
  version.byte(0x11).str("c-1").str("p").sint(std::int64_t{std::numeric_limits<int>::max()} + 1).sint(0).varint(0);
  CHECK_THROWS_WITH(decode_case_binary(small_case_tail(version).s), Catch::Contains("out of range"));
}

TEST_CASE("binary: a varint written longer than it needs is refused (one encoding per value)", "[codec][binary]") {
  // The id's length 3 as 0x83 0x00 instead of 0x03.
  Bytes id;
  id.byte(0x11).raw(std::string("\x83\x00", 2)).raw("c-1").str("p").sint(1).sint(0).varint(0);
  CHECK_THROWS_WITH(decode_case_binary(small_case_tail(id).s), Catch::Contains("longer than it needs"));
  // A signed number (the state 0 as 0x80 0x00), and the revision at the very end (1 as 0x81 0x80 0x00).
  Bytes state;
  state.byte(0x11).str("c-1").str("p").sint(1).raw(std::string("\x80\x00", 2)).varint(0);
  CHECK_THROWS_WITH(decode_case_binary(small_case_tail(state).s), Catch::Contains("longer than it needs"));
  std::string revision = encode_case_binary(small_case());
  REQUIRE(revision.back() == 1);
  revision.back() = static_cast<char>(0x81);
  revision += std::string("\x80\x00", 2);
  CHECK_THROWS_WITH(decode_case_binary(revision), Catch::Contains("longer than it needs"));
  // A records count of 0 in two bytes, and a record's sequence.
  std::vector<HistoryRecord> out{small_record(RecordKind::Event)};
  CHECK_THROWS_WITH(decode_records_binary(std::string("\x21\x80\x00", 3), out), Catch::Contains("longer than it needs"));
  std::string record = one_record(1);
  REQUIRE(record[2] == 1);  // after the form byte and the count: the sequence
  record[2] = static_cast<char>(0x81);
  record.insert(3, 1, '\0');
  require_refused_records(record, out);
  // The longest varints in their shortest form read: 2^63 and UINT64_MAX take ten bytes.
  for (const std::uint64_t r : {std::uint64_t{1} << 63, std::numeric_limits<std::uint64_t>::max(), std::uint64_t{128}}) {
    Case c = small_case();
    c.revision = r;
    CHECK(decode_case_binary(encode_case_binary(c)) == c);
  }
}

TEST_CASE("binary: a refused records encoding appends nothing, whatever went wrong", "[codec][binary]") {
  const std::vector<HistoryRecord> kept = every_kind_records();
  std::vector<HistoryRecord> out = kept;
  out.shrink_to_fit();  // the decoder must grow it and still put it back as it was
  const std::string good = encode_records_binary(every_kind_records());
  // Any single byte changed anywhere either still decodes (then appends all) or appends nothing.
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (const unsigned flip : {0x01u, 0x80u, 0xFFu}) {
      std::string bad = good;
      bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ flip);
      std::vector<HistoryRecord> into = out;
      try {
        decode_records_binary(bad, into);
        CHECK(into.size() == kept.size() * 2);
      } catch (const CodecError&) {
        if (into != kept) FAIL_CHECK("byte " << i << " ^ " << flip << ": a refused decode changed the vector");
      }
    }
  }
  require_refused_records(good.substr(0, good.size() / 2), out);
  require_refused_records(good + "x", out);
  CHECK(out == kept);
}

TEST_CASE("binary: is_binary_encoding tells the binary forms from JSON text", "[codec][binary]") {
  CHECK(is_binary_encoding(encode_case_binary(small_case())));
  CHECK(is_binary_encoding(encode_case_binary(every_field_case())));
  CHECK(is_binary_encoding(encode_records_binary(every_kind_records())));
  CHECK(is_binary_encoding(encode_records_binary(std::span<const HistoryRecord>())));
  CHECK_FALSE(is_binary_encoding(""));
  CHECK_FALSE(is_binary_encoding("{}"));
  CHECK_FALSE(is_binary_encoding(encode_case(every_field_case(), false)));
  CHECK_FALSE(is_binary_encoding(encode_case(every_field_case())));
  CHECK_FALSE(is_binary_encoding(encode_record(every_kind_records()[1])));
  CHECK_FALSE(is_binary_encoding(" {}"));
  CHECK_FALSE(is_binary_encoding("[]"));
}
