// One case as the memory store keeps it: packed case and packed journal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "izin/case.hpp"
#include "izin/store.hpp"
#include "packed_case.hpp"

namespace izin::detail {

// A case in the memory store: the case packed, its journal entries packed too.
class StoredCase : public PackedCase {
 public:
  // Appends an entry; its sequence is its position (from 1), whatever the entry said.
  void append(const JournalEntry& e);
  std::size_t journal_size() const { return entries_; }
  JournalEntry entry(std::size_t index) const;
  std::vector<JournalEntry> journal() const;
  std::optional<JournalEntry> find_key(const std::string& key) const;
  bool has_key(const std::string& key) const { return keys_.count(key) != 0; }

  std::optional<Instant> next_due;

 private:
  std::string journal_;  // the entries packed back to back (memory_case.cpp)
  std::uint32_t entries_ = 0;
  std::map<std::string, std::size_t> keys_;  // idempotency key → journal index
};

}  // namespace izin::detail
