// A case kept as bytes: binary snapshot, binary history appended per write.
#include "packed_case.hpp"

#include <span>
#include <string_view>

#include "binary_codec.hpp"

namespace izin::detail {

void PackedCase::write(const Case& c) {
  if (c.history.size() < records_) {  // history only grows; a shorter one is kept anew
    history_.clear();
    records_ = 0;
  }
  if (c.history.size() > records_) {
    append_records_binary(std::span(c.history).subspan(records_), history_);
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

void PackedCase::read_snapshot(Case& out) const { read_case_binary(snapshot_, out); }

void PackedCase::read(Case& out) const {
  read_snapshot(out);
  out.history.resize(records_);
  const std::string_view bytes = history_;
  std::size_t pos = 0;
  std::size_t filled = 0;
  while (pos < bytes.size()) {
    std::size_t used = 0;
    filled += read_records_binary_at(bytes.substr(pos), std::span(out.history).subspan(filled), used);
    pos += used;
  }
}

}  // namespace izin::detail
