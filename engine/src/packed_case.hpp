// A case as compact bytes: its binary snapshot and its history records, one
// encoding per write that added some. A typed Case with its history takes
// kilobytes of separately allocated strings and vectors; this takes a few
// hundred bytes, so holding many cases grows the heap (and faults pages) far
// less. The memory store keeps its cases so.
#pragma once

#include <cstdint>
#include <string>

#include "izin/case.hpp"

namespace izin::detail {

// Room in a case's bytes for `more` bytes: the first write (an idle case's
// only one) exactly, later ones twice the new size, so a case taking events
// reallocates its bytes every few events rather than at each.
inline void make_room(std::string& bytes, std::size_t more) {
  const std::size_t need = bytes.size() + more;
  if (need > bytes.capacity()) bytes.reserve(bytes.empty() ? need : 2 * need);
}

class PackedCase {
 public:
  // Keeps the case: its snapshot re-encoded, the history records not yet kept appended
  // (history only grows; a shorter one is kept anew).
  void write(const Case& c);
  // Keeps the case anew, history and all (a repair may rewrite it).
  void replace(const Case& c);
  // The case with its history, decoded over out's own strings and vectors.
  void read(Case& out) const;
  // The case without its history (queries, filters); out.history is left as it was.
  void read_snapshot(Case& out) const;
  std::uint64_t revision() const { return revision_; }
  // The state the case is in, by id: its last record's target (what queries match on).
  const std::string& state_id() const { return state_id_; }

 private:
  std::string snapshot_;       // encode_case_binary
  std::string history_;        // records encodings back to back
  std::uint32_t records_ = 0;  // records held in history_
  std::uint64_t revision_ = 0;
  std::string state_id_;
};

}  // namespace izin::detail
