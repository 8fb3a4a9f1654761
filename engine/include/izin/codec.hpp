// The JSON text of cases, history records and journal entries, and the
// binary forms of cases and records: what izin's own stores write, offered so that a custom Store can keep the same text
// (see docs/store.md, "Writing your own store", for the format).
//
// The text is stable: compact JSON, object keys sorted, arrays in order,
// numbers as exact decimal strings, instants as ISO 8601 UTC
// ("2026-03-16T01:00:00Z"). Equal values give byte-equal text, and text
// written by one release is read by the next.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "izin/case.hpp"
#include "izin/store.hpp"

namespace izin {

// Text given to a decode_ function is not a valid encoding of its type;
// the message says what is wrong (e.g. "unknown history record kind 'x'").
struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A case as one JSON object. Without history it is the snapshot the SQLite
// store keeps beside its separately appended history records.
std::string encode_case(const Case& c, bool with_history = true);
// A case from encode_case's text; its history is empty when the text has none.
Case decode_case(std::string_view text);

// One history record, as an element of a case's "history" array.
std::string encode_record(const HistoryRecord& record);
HistoryRecord decode_record(std::string_view text);

// One journal entry (its payload and result stay the JSON text they are).
std::string encode_journal_entry(const JournalEntry& entry);
JournalEntry decode_journal_entry(std::string_view text);

// The compact binary forms the SQLite store keeps (about a fifth of the JSON
// text's bytes). Equal values give byte-equal encodings; the first byte
// names the form and its format version, and a later release reads every
// earlier format. Decoding checks everything it reads (lengths, tags, UTF-8,
// instants and dates within the years 1–9999) and throws CodecError naming
// the byte where the encoding goes wrong.
//
// A case without its history (the snapshot beside the appended records).
std::string encode_case_binary(const Case& c);
Case decode_case_binary(std::string_view bytes);
// History records, in order.
std::string encode_records_binary(std::span<const HistoryRecord> records);
// Appends the decoded records to `out`; on CodecError nothing is appended.
void decode_records_binary(std::string_view bytes, std::vector<HistoryRecord>& out);
// Whether the bytes start like a binary encoding rather than JSON text.
bool is_binary_encoding(std::string_view bytes);

}  // namespace izin

#pragma GCC visibility pop
