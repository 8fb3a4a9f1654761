// The public codec (izin/codec.hpp): thin wrappers over the private one, so
// custom stores write exactly the text izin's own stores write.
#include "codec.hpp"
#include "codec_write.hpp"
#include "izin/codec.hpp"

namespace izin {

std::string encode_case(const Case& c, bool with_history) {
  detail::JsonText j;
  detail::write(j, c, with_history);
  return j.take();
}

Case decode_case(std::string_view text) { return detail::decode<Case>(text); }

std::string encode_record(const HistoryRecord& record) { return detail::encode_record(record); }

HistoryRecord decode_record(std::string_view text) { return detail::decode<HistoryRecord>(text); }

std::string encode_journal_entry(const JournalEntry& entry) { return detail::encode(entry); }

JournalEntry decode_journal_entry(std::string_view text) { return detail::decode<JournalEntry>(text); }

}  // namespace izin
