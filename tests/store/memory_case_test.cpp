// How the memory store keeps a case (engine/src/memory_case.hpp): as binary
// snapshot, binary history appended per commit, and packed journal entries.
// What goes in comes back exactly, also when read over a case that held
// something else (the engine reloads into recycled cases).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "binary_codec.hpp"
#include "binary_samples.hpp"
#include "fixtures.hpp"
#include "memory_case.hpp"

using namespace izin;
using namespace izin::testing;

namespace memory_case_test {

// every_field_case with the first `n` records of every_kind_records as its history.
Case with_records(std::size_t n) {
  Case c = every_field_case();
  const auto records = every_kind_records();
  c.history.assign(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(n));
  return c;
}

Case read(const detail::StoredCase& stored) {
  Case c;
  stored.read(c);
  return c;
}

// A journal entry with every field set and texts that are empty, long or not ASCII.
JournalEntry entry(JournalEntry::Kind kind, Instant when, std::string key, bool accepted) {
  JournalEntry e;
  e.sequence = 99;  // the store numbers entries itself
  e.at = when;
  e.kind = kind;
  e.actor = {"ani — loket", "verifikator"};
  e.event = kind == JournalEntry::Kind::Fire ? "kirim_ulang" : "";
  e.payload = std::string(300, 'p') + "Ñandú";
  e.result = "{\"accepted\":false}";
  e.key = std::move(key);
  e.accepted = accepted;
  return e;
}

}  // namespace memory_case_test

using namespace memory_case_test;

TEST_CASE("memory case: commits that add records one by one read back as the whole case", "[store][memory]") {
  detail::StoredCase stored;
  const std::size_t all = every_kind_records().size();
  for (std::size_t n = 1; n <= all; ++n) {
    stored.write(with_records(n));
    CHECK(read(stored) == with_records(n));
  }
  CHECK(stored.state_id() == with_records(all).history.back().to);
  CHECK(stored.revision() == every_field_case().revision);
}

TEST_CASE("memory case: several records in one commit, then a commit adding none", "[store][memory]") {
  detail::StoredCase stored;
  stored.write(with_records(1));
  stored.write(with_records(5));
  Case later = with_records(5);
  later.state = 1;
  later.data.resize(2);
  stored.write(later);
  CHECK(read(stored) == later);
}

TEST_CASE("memory case: a history that shrinks, or a repair, is kept as given", "[store][memory]") {
  detail::StoredCase stored;
  stored.write(with_records(6));
  stored.write(with_records(2));
  CHECK(read(stored) == with_records(2));
  Case repaired = with_records(3);
  repaired.history[2].note = "rebuilt from the journal";
  stored.replace(repaired);
  CHECK(read(stored) == repaired);
  stored.replace(opened_case("pbg-000001"));
  CHECK(read(stored) == opened_case("pbg-000001"));
}

TEST_CASE("memory case: reading over a case that held another overwrites every field", "[store][memory]") {
  detail::StoredCase small;
  small.write(opened_case("sip-000007", "sip"));
  detail::StoredCase big;
  big.write(with_records(7));
  Case recycled;
  big.read(recycled);
  small.read(recycled);  // fewer records, fewer values, shorter texts
  CHECK(recycled == opened_case("sip-000007", "sip"));
  big.read(recycled);  // and back to more of everything
  CHECK(recycled == with_records(7));
}

TEST_CASE("memory case: the snapshot read leaves the history alone", "[store][memory]") {
  detail::StoredCase stored;
  stored.write(with_records(4));
  Case c;
  c.history = every_kind_records();
  stored.read_snapshot(c);
  CHECK(c.history == every_kind_records());
  CHECK(without_history(c) == without_history(with_records(4)));
}

TEST_CASE("memory case: journal entries come back field by field, numbered by position", "[store][memory]") {
  detail::StoredCase stored;
  const std::vector<JournalEntry> written = {
      entry(JournalEntry::Kind::Open, first_instant(), "", true),
      entry(JournalEntry::Kind::Fire, at(-60 * 24 * 365 * 60), "kunci-1", false),  // before 1970
      entry(JournalEntry::Kind::Advance, last_instant(), "", true),
      entry(JournalEntry::Kind::Calendar, at(5), "kunci-2", true),
  };
  for (const auto& e : written) stored.append(e);
  const auto journal = stored.journal();
  REQUIRE(journal.size() == written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    JournalEntry expected = written[i];
    expected.sequence = i + 1;
    CHECK(journal[i] == expected);
    CHECK(stored.entry(i) == expected);
  }
  CHECK(stored.has_key("kunci-2"));
  CHECK_FALSE(stored.has_key(""));
  CHECK(stored.find_key("kunci-1") == journal[1]);
  CHECK_FALSE(stored.find_key("kunci-3").has_value());
}

TEST_CASE("binary: a case written into a used string and read over a used case reuses them", "[codec][binary]") {
  std::string bytes = std::string(1000, 'x');
  const Case small = opened_case("sip-000007", "sip");
  detail::write_case_binary(small, bytes);
  CHECK(bytes == encode_case_binary(small));
  Case over = with_records(3);
  detail::read_case_binary(bytes, over);
  CHECK(without_history(over) == without_history(small));
  CHECK(over.history == with_records(3).history);
}

TEST_CASE("binary: records encodings back to back are read one at a time", "[codec][binary]") {
  const auto records = every_kind_records();
  std::string bytes;
  detail::append_records_binary(std::span(records).subspan(0, 2), bytes);
  const std::size_t first = bytes.size();
  detail::append_records_binary(std::span(records).subspan(2), bytes);
  std::vector<HistoryRecord> out(records.size());
  std::size_t used = 0;
  CHECK(detail::read_records_binary_at(bytes, out, used) == 2);
  CHECK(used == first);
  CHECK(detail::read_records_binary_at(std::string_view(bytes).substr(used), std::span(out).subspan(2), used) ==
        records.size() - 2);
  CHECK(out == records);
  std::vector<HistoryRecord> too_few(1);
  CHECK_THROWS_AS(detail::read_records_binary_at(bytes, too_few, used), CodecError);
}
