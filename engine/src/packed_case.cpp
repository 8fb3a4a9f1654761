// A case kept as bytes: binary snapshot, binary history appended per write.
#include "packed_case.hpp"

#include <span>
#include <string_view>

#include "binary_codec.hpp"

namespace izin::detail {

namespace {
// About the bytes these records take encoded: their texts plus the numbers around them.
std::size_t records_size_hint(std::span<const HistoryRecord> records) {
  std::size_t n = 2;
  for (const HistoryRecord& r : records) {
    n += 16 + r.actor.user.size() + r.actor.role.size() + r.event.size() + r.from.size() + r.to.size() + r.note.size();
    for (const DataChange& d : r.changes) n += 24 + d.field.size();
    for (const std::string& doc : r.documents) n += 2 + doc.size();
  }
  return n;
}
}  // namespace

void PackedCase::write(const Case& c) {
  if (c.history.size() < records_) {  // history only grows; a shorter one is kept anew
    history_.clear();
    records_ = 0;
  }
  if (c.history.size() > records_) {
    const auto added = std::span(c.history).subspan(records_);
    make_room(history_, records_size_hint(added));
    append_records_binary(added, history_);
    records_ = static_cast<std::uint32_t>(c.history.size());
  }
  write_case_binary(c, snapshot_);
  revision_ = c.revision;
  if (c.history.empty()) state_id_.clear();
  else state_id_.assign(c.history.back().to);  // current_state_id, reusing the string
}

void PackedCase::replace(const Case& c) {
  history_.clear();
  records_ = 0;
  write(c);
}

// Trusted: these bytes were encoded in this process from a Case, not read from outside.
void PackedCase::read_snapshot(Case& out) const { read_case_binary(snapshot_, out, Texts::Trusted); }

void PackedCase::read(Case& out) const {
  read_snapshot(out);
  out.history.resize(records_);
  const std::string_view bytes = history_;
  std::size_t pos = 0;
  std::size_t filled = 0;
  while (pos < bytes.size()) {
    std::size_t used = 0;
    filled += read_records_binary_at(bytes.substr(pos), std::span(out.history).subspan(filled), used, Texts::Trusted);
    pos += used;
  }
}

}  // namespace izin::detail
