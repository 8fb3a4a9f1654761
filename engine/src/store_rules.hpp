// Rules every Store follows the same way (memory and SQLite), so both pass
// one test suite: case id format, the current state's id, journal numbering.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "izin/store.hpp"

namespace izin::detail {

// "<procedure>-000042": the n-th case id of a procedure.
inline std::string format_case_id(const std::string& procedure, std::uint64_t n) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(n));
  return procedure + "-" + digits;
}

// The id of a case's current state: the `to` of its last history record
// (the store keeps no procedure models, so it cannot map the state index).
inline std::string current_state_id(const Case& c) { return c.history.empty() ? std::string() : c.history.back().to; }

// The sequence an entry gets: the next one when the caller left it 0;
// otherwise it must be exactly the next one, or another writer came first.
inline std::uint64_t journal_sequence(const JournalEntry& entry, std::uint64_t last, const std::string& case_id) {
  if (entry.sequence == 0 || entry.sequence == last + 1) return last + 1;
  throw ConflictError("case " + case_id + ": journal entry " + std::to_string(entry.sequence) +
                      " does not follow entry " + std::to_string(last) + "; reload the case and retry");
}

// The conflict message for a revision mismatch.
inline std::string revision_conflict(const std::string& case_id, std::uint64_t stored, std::uint64_t expected) {
  return "case " + case_id + " was changed by another process (revision " + std::to_string(stored) +
         ", expected " + std::to_string(expected) + "); nothing was written, reload the case and retry";
}

// Whether a commit is a change for the change feed: the case's revision
// advanced (refused events and calendar checks that moved nothing do not).
inline bool advances_case(const CaseCommit& commit) { return commit.after.revision != commit.expected_revision; }

// The conflict message for a notification id already in the outbox.
inline std::string duplicate_notification(const std::string& id) {
  return "notification " + id + " is already in the outbox; nothing was written, reload the case and retry";
}

}  // namespace izin::detail
