// A case's journal entries packed back to back into one string, for the memory store.
#include "memory_case.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "binary_codec.hpp"

namespace izin::detail {

namespace {

// Journal entries packed for process memory only (never written to a file):
// the instant and flags, then the entry's texts, each length-prefixed, each
// entry right after the last.
template <class Entry>
auto texts(Entry& e) {
  return std::array{&e.actor.user, &e.actor.role, &e.event, &e.payload, &e.result, &e.key};
}
constexpr std::size_t kTexts = std::tuple_size_v<decltype(texts(std::declval<const JournalEntry&>()))>;

std::size_t varint_size(std::uint64_t n) {
  std::size_t bytes = 1;
  for (; n >= 0x80; n >>= 7) ++bytes;
  return bytes;
}

// Appends an entry to the case's journal bytes.
void pack(const JournalEntry& e, std::string& out) {
  append_varint(out, zigzag(e.at.time_since_epoch().count()));
  out.push_back(static_cast<char>(static_cast<std::uint8_t>(e.kind) | (e.accepted ? 0x80 : 0)));
  for (const std::string* t : texts(e)) {
    append_varint(out, t->size());
    out.append(*t);
  }
}

// Reads entries from the journal bytes, in order.
class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}

  JournalEntry entry(std::uint64_t sequence) {
    JournalEntry e;
    e.sequence = sequence;
    e.at = Instant{std::chrono::seconds(unzigzag(varint()))};
    const std::uint8_t flags = byte();
    e.kind = static_cast<JournalEntry::Kind>(flags & 0x7F);
    e.accepted = (flags & 0x80) != 0;
    for (std::string* t : texts(e)) *t = text();
    return e;
  }
  void skip() {
    varint();
    byte();
    for (std::size_t i = 0; i < kTexts; ++i) pos_ += varint();
  }

 private:
  std::uint64_t varint() {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      const auto b = static_cast<std::uint8_t>(in_[pos_++]);
      n |= std::uint64_t{b & 0x7Fu} << shift;
      if ((b & 0x80) == 0) return n;
    }
  }
  std::uint8_t byte() { return static_cast<std::uint8_t>(in_[pos_++]); }
  std::string text() {
    const std::size_t n = varint();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

void StoredCase::append(const JournalEntry& e) {
  if (!e.key.empty()) keys_.emplace(e.key, entries_);
  std::size_t need = 11;  // the instant's varint at most, and the flags
  for (const std::string* t : texts(e)) need += varint_size(t->size()) + t->size();
  make_room(journal_, need);
  pack(e, journal_);
  ++entries_;
}

JournalEntry StoredCase::entry(std::size_t index) const {
  Unpacker u(journal_);
  for (std::size_t i = 0; i < index; ++i) u.skip();  // journals are short: tens of entries
  return u.entry(index + 1);
}

std::vector<JournalEntry> StoredCase::journal() const {
  std::vector<JournalEntry> out;
  out.reserve(entries_);
  Unpacker u(journal_);
  for (std::size_t i = 0; i < entries_; ++i) out.push_back(u.entry(i + 1));
  return out;
}

std::optional<JournalEntry> StoredCase::find_key(const std::string& key) const {
  const auto it = keys_.find(key);
  if (it == keys_.end()) return std::nullopt;
  return entry(it->second);
}

}  // namespace izin::detail
