// One case as the memory store keeps it: compact bytes, not typed copies.
// A typed Case with its history takes several kilobytes of separately
// allocated strings and vectors; the binary forms take a few hundred bytes,
// so a process with many cases grows its heap (and faults pages) far less.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "izin/case.hpp"
#include "izin/store.hpp"

namespace izin::detail {

class StoredCase {
 public:
  // Keeps the case after a commit: its snapshot re-encoded, the history records it added appended.
  void write(const Case& after);
  // Replaces everything kept about the case but its journal (a repair).
  void replace(const Case& c);
  // The case with its history, decoded over out's own strings and vectors.
  void read(Case& out) const;
  // The case without its history (queries, filters); out.history is left as it was.
  void read_snapshot(Case& out) const;
  std::uint64_t revision() const { return revision_; }
  // The state the case is in, by id: its last record's target (what queries match on).
  const std::string& state_id() const { return state_id_; }

  // Appends an entry; its sequence is its position (from 1), whatever the entry said.
  void append(const JournalEntry& e);
  std::size_t journal_size() const { return journal_.size(); }
  JournalEntry entry(std::size_t index) const;
  std::vector<JournalEntry> journal() const;
  std::optional<JournalEntry> find_key(const std::string& key) const;
  bool has_key(const std::string& key) const { return keys_.count(key) != 0; }

  std::optional<Instant> next_due;

 private:
  std::string snapshot_;               // encode_case_binary
  std::string history_;                // one records encoding per commit that added records, back to back
  std::uint32_t records_ = 0;          // records held in history_
  std::uint64_t revision_ = 0;
  std::string state_id_;
  std::vector<std::string> journal_;   // one compact entry each (memory_case.cpp)
  std::map<std::string, std::size_t> keys_;  // idempotency key → journal index
};

}  // namespace izin::detail
