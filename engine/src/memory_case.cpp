// Journal entries packed into one string each, for the memory store.
#include "memory_case.hpp"

#include <string_view>

namespace izin::detail {

namespace {

// A journal entry packed for process memory only (never written to a file):
// varint fields and length-prefixed texts, read back by unpack.
void put_varint(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

void put_text(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

std::string pack(const JournalEntry& e) {
  std::string out;
  out.reserve(16 + e.actor.user.size() + e.actor.role.size() + e.event.size() + e.payload.size() + e.result.size() +
              e.key.size());
  const auto at = e.at.time_since_epoch().count();
  put_varint(out, (static_cast<std::uint64_t>(at) << 1) ^ static_cast<std::uint64_t>(at >> 63));
  out.push_back(static_cast<char>(static_cast<std::uint8_t>(e.kind) | (e.accepted ? 0x80 : 0)));
  for (const std::string* s : {&e.actor.user, &e.actor.role, &e.event, &e.payload, &e.result, &e.key}) put_text(out, *s);
  return out;
}

class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}
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

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

JournalEntry unpack(std::string_view packed, std::size_t index) {
  Unpacker u(packed);
  JournalEntry e;
  e.sequence = index + 1;
  const std::uint64_t z = u.varint();
  e.at = Instant{std::chrono::seconds(static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)))};
  const std::uint8_t flags = u.byte();
  e.kind = static_cast<JournalEntry::Kind>(flags & 0x7F);
  e.accepted = (flags & 0x80) != 0;
  for (std::string* s : {&e.actor.user, &e.actor.role, &e.event, &e.payload, &e.result, &e.key}) *s = u.text();
  return e;
}

}  // namespace

void StoredCase::append(const JournalEntry& e) {
  if (!e.key.empty()) keys_.emplace(e.key, journal_.size());
  journal_.push_back(pack(e));
}

JournalEntry StoredCase::entry(std::size_t index) const { return unpack(journal_[index], index); }

std::vector<JournalEntry> StoredCase::journal() const {
  std::vector<JournalEntry> out;
  out.reserve(journal_.size());
  for (std::size_t i = 0; i < journal_.size(); ++i) out.push_back(entry(i));
  return out;
}

std::optional<JournalEntry> StoredCase::find_key(const std::string& key) const {
  const auto it = keys_.find(key);
  if (it == keys_.end()) return std::nullopt;
  return entry(it->second);
}

}  // namespace izin::detail
